"""Parse CommonMark (with GFM tables) into the document model."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

from minutes import fastpaths
from minutes.markdown import fast as fastmd
from minutes.document.tree import (
    CJK, Block, BlockQuote, BulletList, CodeBlock, Document, Heading, Image, Inlines, Metadata, NumberedList,
    PageBreak, Paragraph, Rule, Table, Text, clean,
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_PAGEBREAK = re.compile(r"^<!--\s*pagebreak\s*-->\s*$")


@functools.cache
def _parser() -> MarkdownIt:
    """Return markdown-it, imported only when the fast reader defers to it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


def inlines(token: Token) -> Inlines:
    """Return the runs of an ``inline`` token, merging neighbours with the same format and link."""
    runs: Inlines = []
    bold = italic = 0
    href: str | None = None

    def add(text: str, code: bool = False) -> None:
        text = clean(text)
        if not text:
            return
        last = runs[-1] if runs else None
        if (last is not None and last.bold == bool(bold) and last.italic == bool(italic) and last.href == href
                and last.code == code):
            last.text += text
        else:
            runs.append(Text(text, bool(bold), bool(italic), href, code))

    def walk(children: list[Token]) -> None:
        nonlocal bold, italic, href
        for k, child in enumerate(children):
            t = child.type
            if t in ("text", "html_inline"):
                add(child.content)
            elif t == "code_inline":
                add(child.content, True)
            elif t == "softbreak":
                before = runs[-1].text[-1:] if runs else ""
                after = next((c.content[:1] for c in children[k + 1:] if c.content), "")
                add("" if CJK.match(before) or CJK.match(after) else " ")
            elif t == "hardbreak":
                add("\n")
            elif t == "strong_open":
                bold += 1
            elif t == "strong_close":
                bold -= 1
            elif t == "em_open":
                italic += 1
            elif t == "em_close":
                italic -= 1
            elif t == "link_open":
                href = clean(str(child.attrGet("href") or ""))
            elif t == "link_close":
                href = None
            elif t == "image":  # a picture inside text: its description, read as text
                walk(child.children or [])

    walk(token.children or [])
    if runs:  # (inline code keeps its spaces)
        runs[0].text = runs[0].text if runs[0].code else runs[0].text.lstrip()
        runs[-1].text = runs[-1].text if runs[-1].code else runs[-1].text.rstrip()
    return [r for r in runs if r.text]


def _image(token: Token) -> Image | None:
    """Return an Image when a paragraph holds one picture and nothing else."""
    from markdown_it.token import Token

    kids = [c for c in token.children or () if not (c.type == "text" and not c.content.strip())]
    if len(kids) == 1 and kids[0].type == "image":
        src = unquote(str(kids[0].attrGet("src") or ""))
        caption = inlines(Token("inline", "", 0, children=kids[0].children or []))
        return Image(clean(str(src)), caption)
    return None


def _inline_text(content: str) -> Inlines:
    """Return the runs of one paragraph's text, read by markdown-it's inline parser."""
    tokens = _parser().parseInline(content)
    return inlines(tokens[0]) if tokens else []


def parse(text: str, meta: Metadata | None = None, fast: bool = True) -> Document:
    """Return the document that the Markdown ``text`` describes (the plain subset is read fast)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = fastmd.parse(text, _inline_text, _stretch) if fast and fastpaths.enabled() else None
    if blocks is not None:
        return Document(meta or Metadata(), blocks)
    return parse_tokens(text, meta)


def parse_tokens(text: str, meta: Metadata | None = None) -> Document:
    """Return the document that markdown-it reads in ``text``."""
    tokens = _parser().parse(text)
    return Document(meta or Metadata(), _read(tokens, 0, len(tokens)))


def _stretch(text: str, line: int) -> list[Block] | None:
    """Return the blocks markdown-it reads in ``text`` before its line ``line`` (all of them when ``line`` is past
    the end), or None when no block of the top level starts at that line or a style comment is still pending."""
    tokens = _parser().parse(text)
    end = len(tokens)
    for j, tok in enumerate(tokens):
        if tok.level == 0 and tok.map is not None and tok.map[1] > line:
            if tok.map[0] != line:
                return None
            end = j
            break
    if end < len(tokens) and any(t.type == "html_block" and fastmd.STYLE_COMMENT.match(t.content.strip())
                                 for t in tokens[:end]):
        return None
    return _read(tokens, 0, end)


_PLAIN_QUOTE = frozenset(
    "blockquote_open blockquote_close paragraph_open paragraph_close inline html_block hr".split()
)


def _closing(tokens: list[Token], i: int) -> int:
    """Return the index of the token that closes the one opening at ``i``."""
    level, close = tokens[i].level, tokens[i].type.replace("_open", "_close")
    return next(j for j in range(i + 1, len(tokens)) if tokens[j].type == close and tokens[j].level == level)


def _code(tok: Token) -> CodeBlock:
    """Return a fenced or indented code block, without its last newline."""
    text = tok.content[:-1] if tok.content.endswith("\n") else tok.content
    return CodeBlock(clean(text), clean(tok.info.strip().split(" ")[0]) if tok.type == "fence" else "")


def _read(tokens: list[Token], i: int, n: int) -> list[Block]:
    """Return the blocks of ``tokens[i:n]``; a quote of plain paragraphs is read as Quote paragraphs."""
    out: list[Block] = []
    style: str | None = None
    quote = 0
    while i < n:
        tok = tokens[i]
        t = tok.type
        if t == "heading_open":
            out.append(Heading(int(tok.tag[1]), inlines(tokens[i + 1])))
            i += 3
            continue
        if t == "paragraph_open":
            inline = tokens[i + 1]
            image = _image(inline)
            if image is not None:
                out.append(image)
            else:
                out.append(Paragraph(inlines(inline), "Quote" if quote else style))
            style = None
            i += 3
            continue
        if t in ("bullet_list_open", "ordered_list_open"):
            i, block = _list(tokens, i)
            out.append(block)
            continue
        if t == "table_open":
            i, table = _table(tokens, i)
            out.append(table)
            continue
        if t == "blockquote_open" and not quote:
            end = _closing(tokens, i)
            if any(tokens[k].type not in _PLAIN_QUOTE for k in range(i, end)):
                out.append(BlockQuote(_read(tokens, i + 1, end)))
                i = end + 1
                continue
        if t == "blockquote_open":
            quote += 1
        elif t == "blockquote_close":
            quote -= 1
        elif t == "hr":
            out.append(Rule())
        elif t in ("fence", "code_block"):
            out.append(_code(tok))
        elif t == "html_block":
            content = tok.content.strip()
            if _PAGEBREAK.match(content):
                out.append(PageBreak())
            elif m := fastmd.STYLE_COMMENT.match(content):
                style = m.group(1)
            elif content:
                out.append(Paragraph([Text(clean(content))]))
        i += 1
    return out


def _list(tokens: list[Token], i: int) -> tuple[int, BulletList | NumberedList]:
    """Read the list opening at ``i``: each item's text, and the lists, code and quotes under it."""
    opening = tokens[i]
    end = _closing(tokens, i)
    items: list[Inlines] = []
    nested: list[list[Block]] = []
    current: Inlines = []
    under: list[Block] = []
    i += 1
    while i < end:
        tok = tokens[i]
        t = tok.type
        if t == "list_item_open":
            current, under = [], []
            items.append(current)
            nested.append(under)
        elif t in ("bullet_list_open", "ordered_list_open"):
            i, sub = _list(tokens, i)
            under.append(sub)
            continue
        elif t in ("blockquote_open", "table_open"):
            close = _closing(tokens, i)
            under.extend(_read(tokens, i, close + 1))
            i = close + 1
            continue
        elif t in ("fence", "code_block"):
            under.append(_code(tok))
        elif t == "inline":
            runs = inlines(tok)
            if current and runs:
                current.append(Text(" "))
            current.extend(runs)
        i += 1
    if not any(nested):
        nested = []
    if opening.type == "bullet_list_open":
        return end + 1, BulletList(items, nested)
    return end + 1, NumberedList(items, int(opening.attrGet("start") or 1), nested)


_ALIGN = re.compile(r"text-align:(left|center|right)")


def _table(tokens: list[Token], i: int) -> tuple[int, Table]:
    """Collect the table opening at ``i``."""
    header: list[Inlines] = []
    rows: list[list[Inlines]] = []
    align: list[str] = []
    row: list[Inlines] | None = None
    in_head = False
    while True:
        tok = tokens[i]
        t = tok.type
        if t == "table_close":
            return i + 1, Table(header, rows, align if any(align) else [])
        if t == "thead_open":
            in_head = True
        elif t == "thead_close":
            in_head = False
        elif t == "th_open":
            m = _ALIGN.search(str(tok.attrGet("style") or ""))
            align.append(m.group(1) if m else "")
        elif t == "tr_open":
            row = header if in_head else []
            if not in_head:
                rows.append(row)
        elif t == "inline" and row is not None:
            row.append(inlines(tok))
        i += 1

"""Parse CommonMark (with GFM tables) into the document model."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

from minutes import fastpaths
from minutes.markdown import fast as fastmd
from minutes.document.tree import (
    CJK, BulletList, Document, Heading, Image, Inlines, Metadata, NumberedList, PageBreak, Paragraph, Rule,
    Table, Text, clean,
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

    def add(text: str) -> None:
        text = clean(text)
        if not text:
            return
        last = runs[-1] if runs else None
        if last is not None and last.bold == bool(bold) and last.italic == bool(italic) and last.href == href:
            last.text += text
        else:
            runs.append(Text(text, bool(bold), bool(italic), href))

    def walk(children: list[Token]) -> None:
        nonlocal bold, italic, href
        for k, child in enumerate(children):
            t = child.type
            if t in ("text", "code_inline", "html_inline"):
                add(child.content)
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
    if runs:
        runs[0].text = runs[0].text.lstrip()
        runs[-1].text = runs[-1].text.rstrip()
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
    blocks = fastmd.parse(text, _inline_text) if fast and fastpaths.enabled() else None
    if blocks is not None:
        return Document(meta or Metadata(), blocks)
    return parse_tokens(text, meta)


def parse_tokens(text: str, meta: Metadata | None = None) -> Document:
    """Return the document that markdown-it reads in ``text``."""
    tokens = _parser().parse(text)
    doc = Document(meta or Metadata())
    out = doc.blocks
    style: str | None = None
    quote = 0
    i, n = 0, len(tokens)
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
            i, items = _list_items(tokens, i)
            if t == "bullet_list_open":
                out.append(BulletList(items))
            else:
                out.append(NumberedList(items, int(tok.attrGet("start") or 1)))
            continue
        if t == "table_open":
            i, table = _table(tokens, i)
            out.append(table)
            continue
        if t == "blockquote_open":
            quote += 1
        elif t == "blockquote_close":
            quote -= 1
        elif t == "hr":
            out.append(Rule())
        elif t in ("fence", "code_block"):
            out.append(Paragraph([Text(clean(tok.content.rstrip("\n")))], style))
        elif t == "html_block":
            content = tok.content.strip()
            if _PAGEBREAK.match(content):
                out.append(PageBreak())
            elif m := fastmd.STYLE_COMMENT.match(content):
                style = m.group(1)
            elif content:
                out.append(Paragraph([Text(clean(content))]))
        i += 1
    return doc


def _list_items(tokens: list[Token], i: int) -> tuple[int, list[Inlines]]:
    """Collect the items of the list opening at ``i``; nested lists are flattened into it."""
    depth, items = 0, []
    current: Inlines | None = None
    while True:
        tok = tokens[i]
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if depth == 0:
                return i + 1, items
        elif tok.type == "list_item_open":
            current = []
            items.append(current)
        elif tok.type == "inline" and current is not None:
            runs = inlines(tok)
            if current and runs:
                current.append(Text(" "))
            current.extend(runs)
        i += 1


def _table(tokens: list[Token], i: int) -> tuple[int, Table]:
    """Collect the table opening at ``i``."""
    header: list[Inlines] = []
    rows: list[list[Inlines]] = []
    row: list[Inlines] | None = None
    in_head = False
    while True:
        tok = tokens[i]
        t = tok.type
        if t == "table_close":
            return i + 1, Table(header, rows)
        if t == "thead_open":
            in_head = True
        elif t == "thead_close":
            in_head = False
        elif t == "tr_open":
            row = header if in_head else []
            if not in_head:
                rows.append(row)
        elif t == "inline" and row is not None:
            row.append(inlines(tok))
        i += 1

"""Markdown values of a session (schema version 2): made safe to print, cut into their first paragraph, read as plain text."""

from __future__ import annotations

import functools
import re

from minutes import fastpaths
from minutes.document.tree import Image, Paragraph
from minutes.markdown import fast
from minutes.markdown.escape import _BLOCK_START, _CLOSING, _escape_start, Md

_HTML_LINE = re.compile(r"^[ \t>*+\-\d.)]*<", re.MULTILINE)  # a line that may open an HTML block
_PLAIN_LINE = re.compile(r" {0,3}[^-+*|#>`~<=_\d \t\n][^|\n]*\Z")  # a line of a paragraph that no other block may interrupt
_SIMPLE = re.compile(r"[^-+*|#>`~<=_\d \t\n][^\n]*\Z")  # one line that cannot open any block but a paragraph
_MARKUP = re.compile(r"[\\`*_\[\]<>!&\r\x00]")  # inside a line: what may be markup (or what markdown-it replaces)
_LINE_MARKS = frozenset("-+*|#>`~<=_0123456789 \t")  # at a line's start
_LONG_BLOCK = re.compile(r"```|~~~|<")  # what may open a block that a blank line does not end (a fence, some HTML)


def _tokens(text: str) -> list:
    """Return markdown-it's block tokens of ``text``."""
    from minutes.markdown.reader import _parser

    return _parser().parse(text)


def block(text: str) -> Md:
    """Return the block Markdown ``text`` to print as is; raw HTML blocks in it (and so the templates' directives) show
    as text, and a heading in it is a paragraph in bold (the document's headings are the template's)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if _HEADING_LINE.search(text):
        text = _headings_in_bold(text)
    if "<" not in text or not _HTML_LINE.search(text):
        return Md(text)
    lines = text.split("\n")
    for token in _tokens(text):
        if token.type == "html_block" and token.map:
            line = lines[token.map[0]]
            at = line.index("<")
            lines[token.map[0]] = line[:at] + "\\" + line[at:]
    return Md("\n".join(lines))


_HEADING_LINE = re.compile(r"^ {0,3}(#{1,6}([ \t]|$)|=+[ \t]*$|-+[ \t]*$)", re.MULTILINE)


def _headings_in_bold(text: str) -> str:
    """Return ``text`` with each heading written as a paragraph in bold."""
    lines = text.split("\n")
    tokens = _tokens(text)
    for k, token in enumerate(tokens):
        if token.type == "heading_open" and token.map and token.level == 0:
            start, end = token.map
            content = tokens[k + 1].content.strip()
            lines[start:end] = [f"**{content}**" if content else ""] + [None] * (end - start - 1)
    return "\n".join(line for line in lines if line is not None)


def is_paragraph(text: str) -> bool:
    """Return whether the Markdown ``text`` is one paragraph, nothing more."""
    found = first_paragraph(text)
    return found is not None and not found[1]


def inline(text: str) -> Md:
    """Return the inline Markdown ``text`` on one line, where no block marker at its start makes it a list or a heading."""
    text = " ".join(text.split())
    if text[:1] in "-+=>#~0123456789":
        text = _BLOCK_START.sub(_escape_start, text, count=1)
    if text.endswith("#"):
        text = _CLOSING.sub(r"\1\\\2", text)
    return block(text) if text.startswith("<") else Md(text)


def indented(text: Md, pad: str = "  ") -> Md:
    """Return the Markdown ``text`` with its lines after the first indented by ``pad`` (to stay inside a list item)."""
    if "\n" not in text:
        return text
    return Md("\n".join(line if not k or not line.strip() else pad + line for k, line in enumerate(text.split("\n"))))


@functools.lru_cache(maxsize=4096)
def first_paragraph(text: str) -> tuple[str, str] | None:
    """Return the first paragraph of the Markdown ``text`` and the rest of its blocks, or None when it opens with no paragraph."""
    if _SIMPLE.match(text):
        return text, ""
    head, blank, rest = text.partition("\n\n")
    if all(_PLAIN_LINE.match(line) for line in head.split("\n")):  # lines that neither open nor end a paragraph
        return head, rest.strip("\n")
    tokens = _tokens(text)
    if not tokens or tokens[0].type != "paragraph_open" or not tokens[0].map:
        return None
    lines = text.split("\n")
    end = tokens[0].map[1]
    return "\n".join(lines[:end]).strip("\n"), "\n".join(lines[end:]).strip("\n")


def ends_in_paragraph(text: str) -> bool:
    """Return whether the last block of the Markdown ``text`` is a paragraph (so a line after it would continue it)."""
    last = text.rsplit("\n\n", 1)[-1]
    if _SIMPLE.match(last) and "\n" not in text:
        return True
    if not fastpaths.enabled():
        return _ends_in_paragraph(text)
    if last.strip() and last[:1] not in _LINE_MARKS and "]:" not in last and not _LONG_BLOCK.search(text) \
            and all(map(_PLAIN_LINE.match, last.split("\n"))):
        return True  # a last stretch of plain lines at the margin, after a blank line no fence or HTML block spans
    if "]:" not in text and "<!--" not in text:
        from minutes.markdown.reader import _inline_text

        blocks = fast.parse(text, _inline_text)
        if blocks is not None:  # (a picture alone is a paragraph to markdown-it; a plain quote's paragraphs are not last)
            end = blocks[-1] if blocks else None
            return isinstance(end, Image) or (isinstance(end, Paragraph) and end.style != "Quote")
    return _ends_in_paragraph(text)


def _ends_in_paragraph(text: str) -> bool:
    """Return whether markdown-it reads the last block of ``text`` as a paragraph."""
    tokens = _tokens(text)
    return bool(tokens) and tokens[-1].type == "paragraph_close" and tokens[-1].level == 0


def lead(text: Md) -> Md:
    """Return the Markdown ``text`` with a blank line after its first paragraph (where a phrase that holds it ends)."""
    parts = first_paragraph(text)
    if parts is None or not parts[1]:
        return text
    return Md(parts[0] + "\n\n" + parts[1])


def plain(text: str) -> str:
    """Return the text the Markdown ``text`` shows, without its markup: one line per paragraph, list item or code line, a table row's cells parted by " | "."""
    if not text or not re.search(r"[\\`*_\[\]<>!&|#~=+\-\d\n]", text):
        return text
    if "\n" not in text and not _MARKUP.search(text) and text[:1] not in _LINE_MARKS:  # one line of plain words
        return text.strip()
    out: list[str] = []
    row: list[str] | None = None
    for token in _tokens(text):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            out.append(" | ".join(row))
            row = None
        elif token.type == "inline":
            (out if row is None else row).append(_inline_plain(token.children or []))
        elif token.type in ("fence", "code_block", "html_block"):
            out.append(token.content.rstrip("\n"))
    return "\n".join(out)


def _inline_plain(children: list) -> str:
    """Return the text of an inline token's children."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline_plain(child.children or []))
    return "".join(parts)

"""Bare URLs in a document's text made links, as GitHub's Markdown does, so every writer shows the same link."""

from __future__ import annotations

from minutes.document.tree import BlockQuote, BulletList, Heading, Image, Inlines, NumberedList, Paragraph, Table, Text
from minutes.markdown.escape import URL


def may_hold_url(text: str) -> bool:
    """Return whether ``text`` may hold a URL that ``URL`` finds (a cheap test before the pattern)."""
    return "://" in text or ("o:" in text and "mailto:" in text.lower())


def linked(runs: Inlines) -> Inlines:
    """Return ``runs`` with each bare http(s) or mailto URL in a plain run split out as a link to itself."""
    for r in runs:
        if r.href is None and not r.code and may_hold_url(r.text) and URL.search(r.text):
            break
    else:
        return runs
    out: Inlines = []
    for r in runs:
        if r.href is not None or r.code or not may_hold_url(r.text):
            out.append(r)
            continue
        at = 0
        for match in URL.finditer(r.text):
            if match.start() > at:
                out.append(Text(r.text[at:match.start()], r.bold, r.italic))
            out.append(Text(match.group(), r.bold, r.italic, href=match.group()))
            at = match.end()
        if at < len(r.text):
            out.append(Text(r.text[at:], r.bold, r.italic))
    return out


def link_urls(blocks: list) -> list:
    """Return ``blocks`` with the bare URLs in their text made links (the blocks are changed in place)."""
    for block in blocks:
        if isinstance(block, (Heading, Paragraph)):
            block.inlines = linked(block.inlines)
        elif isinstance(block, (BulletList, NumberedList)):
            block.items = [linked(item) for item in block.items]
            for nested in block.nested:
                link_urls(nested)
        elif isinstance(block, Table):
            block.header = [linked(cell) for cell in block.header]
            block.rows = [[linked(cell) for cell in row] for row in block.rows]
        elif isinstance(block, BlockQuote):
            link_urls(block.blocks)
        elif isinstance(block, Image):
            block.caption = linked(block.caption)
    return blocks

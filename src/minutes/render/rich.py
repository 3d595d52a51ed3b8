"""The texts of a session as the templates get them: in schema version 2 its Markdown fields are Markdown (``Md``)."""

from __future__ import annotations

from minutes.markdown import text as md
from minutes.render.sentences import is_clause, shorten


def block(text: str, rich: bool) -> str:
    """Return a block field (text, summary, note, boilerplate): Markdown to print as is when ``rich`` (version 2)."""
    return md.block(text) if rich and text else text


def inline(text: str, rich: bool) -> str:
    """Return an inline field (title, topic, task): one line of Markdown when ``rich``."""
    return md.inline(text) if rich and text else text


def summary(text: str, rich: bool) -> str:
    """Return a summary: in version 2, its first paragraph parted from the rest by a blank line (a phrase holds only that)."""
    return md.lead(md.block(text)) if rich and text else text


def point(text: str, rich: bool) -> str:
    """Return a point of a speech, its continuation lines indented to stay inside its list item when ``rich``."""
    return md.indented(md.block(text)) if rich and text else text


def clause(text: str, rich: bool, whole: bool = False) -> bool:
    """Return whether ``text`` continues a sentence; in version 2, its first paragraph (``whole``: and nothing after it)."""
    if not rich:
        return is_clause(text)
    parts = md.first_paragraph(text)
    return parts is not None and is_clause(parts[0]) and not (whole and parts[1])


def agenda(text: str, rich: bool) -> str:
    """Return a text's line in the automatic agenda: its first sentence, cut from its plain text in version 2."""
    return shorten(md.plain(text) if rich else text, 120)

"""Markdown writer: the document as CommonMark with GFM tables and optional YAML front matter."""

from __future__ import annotations

import re

import yaml

from minutes.document import (
    BulletList, Document, Heading, Image, Inlines, NumberedList, PageBreak, Paragraph, Rule, Table, Text,
)
from minutes.writers import WriteOptions

_INLINE = re.compile(r"([\\`*\[\]<|]|&(?=#?\w+;)|!(?=\[))")
_UNDERSCORES = re.compile(r"_+")
_BLOCK_START = re.compile(r"^([ \t]*)([-+=>#~]|\d{1,9}(?=[.)]))", re.MULTILINE)


_PLAIN = re.compile(r"[\\`*\[\]<|&!_\n]")
_START = frozenset("-+=>#~0123456789 \t")


def escape(text: str, block: bool = True) -> str:
    """Return ``text`` escaped so that CommonMark reads it back literally."""
    if not _PLAIN.search(text):  # one line with nothing to escape inside it, e.g. "12" or "Ana Weber"
        if not block or text[:1] not in _START or not _BLOCK_START.match(text):
            return text
        return _BLOCK_START.sub(_escape_start, text, count=1)
    return escape_all(text, block)


def escape_all(text: str, block: bool = True) -> str:
    """Return ``text`` escaped, every rule applied (``escape`` skips those that cannot apply)."""
    text = _INLINE.sub(r"\\\1", text)
    if "_" in text:
        text = _UNDERSCORES.sub(_escape_underscores, text)
    if block:
        text = _BLOCK_START.sub(_escape_start, text)
    return text


def _escape_underscores(match: re.Match) -> str:
    """Keep a run of underscores between spaces on a line with other text (a form line); escape the rest."""
    text, start, end = match.string, match.start(), match.end()
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end) % (len(text) + 1)
    spaced = start > line_start and text[start - 1] == " " and (end == len(text) or text[end] in " \n")
    if spaced and text[line_start:line_end].replace("_", "").strip(" \\"):
        return match.group()
    return match.group().replace("_", "\\_")


def _escape_start(match: re.Match) -> str:
    lead, mark = match.groups()
    return f"{lead}{mark}\\" if mark[0].isdigit() else f"{lead}\\{mark}"


def inlines(runs: Inlines, block: bool = True) -> str:
    """Return the Markdown of a run of inlines (hard breaks as backslash-newline)."""
    parts = []
    at_start = block
    for run in runs:
        text = escape(run.text, at_start)
        if "\n" in text:
            text = text.replace("\n", "\\\n")
        at_start = block and run.text.endswith("\n")
        parts.append(_marked(text, run) if run.bold or run.italic else text)
    return "".join(parts)


def _marked(text: str, run: Text) -> str:
    """Return escaped ``text`` in the marks of ``run``'s format, with its outer spaces outside them."""
    if not text.strip():
        return text
    core = text.strip(" ")
    pad_l, pad_r = text[: len(text) - len(text.lstrip(" "))], text[len(text.rstrip(" ")):]
    mark = ("**" if run.bold else "") + ("*" if run.italic else "")
    return f"{pad_l}{mark}{core}{mark[::-1]}{pad_r}"


def _cell(runs: Inlines) -> str:
    return inlines(runs, block=False).replace("\\\n", " ").replace("\n", " ").strip() or " "


def _row(cells: list[Inlines]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def blocks(doc: Document, skip_title: bool = False) -> list[str]:
    """Return the Markdown of each block."""
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            if block.style and block.style != "Quote":
                out.append(f"<!-- style: {block.style} -->\n" + inlines(block.inlines))
            else:
                out.append(("> " if block.style == "Quote" else "") + inlines(block.inlines))
        elif isinstance(block, Heading):
            if skip_title and block.level == 1 and not out:
                continue
            out.append("#" * block.level + " " + inlines(block.inlines, block=False))
        elif isinstance(block, BulletList):
            out.append("\n".join("- " + inlines(item) for item in block.items))
        elif isinstance(block, NumberedList):
            out.append("\n".join(f"{n}. " + inlines(item) for n, item in enumerate(block.items, block.start)))
        elif isinstance(block, Table):
            sep = "|" + "|".join("---" for _ in block.header) + "|"
            out.append("\n".join([_row(block.header), sep, *(_row(r) for r in block.rows)]))
        elif isinstance(block, Image):
            alt = inlines(block.caption, block=False).replace("\\\n", " ")
            out.append(f"![{alt}](<{block.path.replace('>', '%3E')}>)")
        elif isinstance(block, Rule):
            out.append("---")
        elif isinstance(block, PageBreak):
            out.append("<!-- pagebreak -->")
    return out


def front_matter(doc: Document, flavour: str) -> str:
    """Return a YAML front matter block for Hugo, Jekyll or pandoc."""
    m = doc.meta
    data: dict = {"title": m.title, "date": m.date}
    if flavour == "pandoc":
        data.update(author=m.author or None, lang=m.lang, keywords=m.tags or None)
    else:
        data.update(tags=m.tags or None, categories=m.categories or None, lang=m.lang)
        if flavour == "hugo":
            data["translationKey"] = m.key or None
    data = {k: v for k, v in data.items() if v not in (None, "")}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n\n"


def write(doc: Document, options: WriteOptions) -> bytes:
    """Return the document as UTF-8 CommonMark."""
    parts = blocks(doc, skip_title=bool(options.front_matter))
    if doc.meta.footer:  # what Word prints in the page footer ("DATE · HASH") ends the Markdown
        parts.append(inlines([Text(doc.meta.footer, italic=True)]))
    parts = parts or [""]
    # The front matter and the final newline join the first and last pieces, not a copy of the whole text.
    parts[0] = (front_matter(doc, options.front_matter) if options.front_matter else "") + parts[0]
    parts[-1] += "\n"
    return "\n\n".join(parts).encode("utf-8")

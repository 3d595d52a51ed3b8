"""A fast reader for the plain subset of CommonMark the templates write; None means "ask markdown-it"."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote

from minutes.document import (
    CJK, Block, BulletList, Heading, Image, Inlines, NumberedList, Paragraph, Rule, Table, Text, clean,
)

_UNSAFE = re.compile(r"[\\`_\[\]<>!&\x00]")
_RUN = re.compile(
    r"(?:(?<=\s)|^)(\*\*?)(?=[^\s*])([^*]*?[^\s*])\1(?=$|\s|[.,;:?)])|([^*]+)"
)
_HEADING = re.compile(r"^(#{1,6}) +(.*?) *$")
_BULLET = re.compile(r"^- (.*)$")
_ORDERED = re.compile(r"^(\d{1,9})\. (.*)$")
_NESTED = re.compile(r"^(?:[#>+*-]|\d{1,9}[.)]|```|~~~|<|\s)")
_DELIM = re.compile(r"^\|(?: *:?-+:? *\|)+ *$")
_IMAGE = re.compile(r"^!\[([^\]\[\\<>!&`_]*)\]\(<([^<>\n\\]*)>\)$")
STYLE_COMMENT = re.compile(r"^<!--\s*style:\s*([\w -]+?)\s*-->\s*$")
_RULE = re.compile(r"^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
# Lines that could start a block (or interrupt a paragraph): the fast reader stops and defers.
_BLOCKISH = re.compile(r"^(?: {0,3})(?:#|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|```|~~~|<|\||\[|=+\s*$|-+\s*$)")


class Unsure(Exception):
    """The text uses something the fast reader does not handle."""


def _line_runs(text: str) -> Inlines:
    """Return the runs of one line with only simple, space-delimited ``*em*`` and ``**strong**``."""
    runs: Inlines = []
    pos, end = 0, len(text)
    while pos < end:
        m = _RUN.match(text, pos)
        if m is None:
            raise Unsure
        if m.group(3) is not None:
            runs.append(Text(m.group(3)))
        else:
            strong = len(m.group(1)) == 2
            runs.append(Text(m.group(2), strong, not strong))
        pos = m.end()
    return runs


class Reader:
    """Read blocks fast; hand inline text with escapes, links or code to markdown-it's inline parser."""

    def __init__(self, slow: Callable[[str], Inlines]):
        self.slow = slow

    def inlines(self, lines: list[str]) -> Inlines:
        """Return the runs of a paragraph's lines, as markdown-it would."""
        if len(lines) == 1:
            line = lines[0].strip(" \t")
            if "*" not in line and not _UNSAFE.search(line):
                line = clean(line)
                return [Text(line)] if line else []
        if any(_UNSAFE.search(line) for line in lines):
            return self.slow("\n".join(lines).strip())
        try:
            return _inlines(lines)
        except Unsure:
            return self.slow("\n".join(lines).strip())


def _inlines(lines: list[str]) -> Inlines:
    out: Inlines = []
    joined = []
    for i, line in enumerate(lines):
        last = i == len(lines) - 1
        hard = not last and line.endswith("  ")
        joined.append((line.strip(" \t"), hard))
    for i, (line, hard) in enumerate(joined):
        if i:
            prev_hard = joined[i - 1][1]
            if prev_hard:
                sep = "\n"
            else:
                before = out[-1].text[-1:] if out else ""
                sep = "" if CJK.match(before) or CJK.match(line[:1]) else " "
            if sep:
                out.append(Text(sep))
        out.extend(_line_runs(line) if "*" in line else [Text(line)] if line else [])
    merged: Inlines = []
    for run in out:
        run.text = clean(run.text)
        if not run.text:
            continue
        if merged and merged[-1].bold == run.bold and merged[-1].italic == run.italic:
            merged[-1].text += run.text
        else:
            merged.append(run)
    if merged:
        merged[0].text = merged[0].text.lstrip()
        merged[-1].text = merged[-1].text.rstrip()
    return [r for r in merged if r.text]


def _cells(line: str) -> list[str]:
    if not line.endswith("|") or "`" in line or "\\|" in line or line.endswith("\\|"):
        raise Unsure
    return [c.strip() for c in line.strip()[1:-1].split("|")]


def parse(text: str, slow: Callable[[str], Inlines]) -> list[Block] | None:
    """Return the blocks of ``text``, or None when markdown-it must read it."""
    try:
        return _parse(text.split("\n"), Reader(slow).inlines)
    except Unsure:
        return None


def _parse(lines: list[str], inlines: Callable[[list[str]], Inlines]) -> list[Block]:
    out: list[Block] = []
    style: str | None = None
    i, n = 0, len(lines)

    def blank(k: int) -> bool:
        return k >= n or not lines[k].strip()

    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line[0] in " \t":
            raise Unsure
        if m := STYLE_COMMENT.match(line):
            style = m.group(1)
            i += 1
            continue
        if m := _HEADING.match(line):
            content = m.group(2)
            if not content or content.endswith("#") or content.startswith("#"):
                raise Unsure
            out.append(Heading(len(m.group(1)), inlines([content])))
            i += 1
            continue
        if _RULE.match(line):
            out.append(Rule())
            i += 1
            continue
        if m := _IMAGE.match(line):
            if not blank(i + 1):
                raise Unsure
            if ":" in m.group(2):
                raise Unsure
            out.append(Image(clean(unquote(m.group(2))), inlines([m.group(1)]) if m.group(1) else []))
            style = None
            i += 1
            continue
        for pattern, kind in ((_BULLET, BulletList), (_ORDERED, NumberedList)):
            if pattern.match(line):
                items, start = [], None
                while i < n and (m := pattern.match(lines[i])):
                    content = m.group(m.lastindex)
                    if not content.strip() or _NESTED.match(content):
                        raise Unsure
                    start = start if start is not None else int(m.group(1)) if kind is NumberedList else 1
                    items.append(inlines([content]))
                    i += 1
                if not blank(i):
                    raise Unsure
                k = i
                while k < n and not lines[k].strip():
                    k += 1
                if k < n and (pattern.match(lines[k]) or lines[k][0] in " \t"):
                    raise Unsure
                out.append(BulletList(items) if kind is BulletList else NumberedList(items, start or 1))
                break
        else:
            if line.startswith("|"):
                if i + 1 >= n or not _DELIM.match(lines[i + 1]):
                    raise Unsure
                header = _cells(line)
                if len(header) != len(_cells(lines[i + 1])):
                    raise Unsure
                rows = []
                i += 2
                while i < n and lines[i].startswith("|"):
                    cells = _cells(lines[i])
                    if len(cells) != len(header):
                        raise Unsure
                    rows.append([inlines([c]) for c in cells])
                    i += 1
                if not blank(i):
                    raise Unsure
                out.append(Table([inlines([c]) for c in header], rows))
                continue
            if line.startswith(">"):
                body = []
                while i < n and lines[i].startswith(">"):
                    content = lines[i][1:]
                    content = content[1:] if content.startswith(" ") else content
                    if _NESTED.match(content) or not content.strip():
                        raise Unsure
                    body.append(content)
                    i += 1
                if not blank(i):
                    raise Unsure
                out.append(Paragraph(inlines(body), "Quote"))
                continue
            if _BLOCKISH.match(line):
                raise Unsure
            body = [line]
            i += 1
            while i < n and lines[i].strip():
                if _HEADING.match(lines[i]):
                    break
                if _BLOCKISH.match(lines[i]):
                    raise Unsure
                body.append(lines[i])
                i += 1
            out.append(Paragraph(inlines(body), style))
            style = None
    return out

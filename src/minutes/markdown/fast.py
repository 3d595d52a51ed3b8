"""A fast reader for the plain subset of CommonMark the templates write; None means "ask markdown-it"."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote

from minutes.document.tree import (
    CJK, Block, BlockQuote, BulletList, CodeBlock, Heading, Image, Inlines, NumberedList, Paragraph, Rule, Table, Text, clean, is_clean,
)
from minutes.markdown.fast_inline import _UNSAFE, Unsure, rich_runs

_HEADING = re.compile(r"^(#{1,6}) +(.*?) *$")
_BULLET = re.compile(r"^- (.*)$")
_ORDERED = re.compile(r"^(\d{1,9})\. (.*)$")
# Text that starts with "<" opens HTML, unless it is an autolink.
_HTML = r"<(?!(?i:https?://|mailto:))"
_NESTED = re.compile(rf"^(?:[#>+*\[-]|\d{{1,9}}[.)]|```|~~~|{_HTML}|\s)")
# The opening of a fenced code block at the left margin, with its info word(s) (no backtick in a backtick fence's).
_FENCE = re.compile(r"^(`{3,}(?=[^`]*$)|~{3,})[ \t]*(\S*(?:[ \t]+\S+)*)[ \t]*$")
_DELIM = re.compile(r"^\|(?: *:?-+:? *\|)+ *$")
# A picture alone on its line: its caption holds no bracket, code or HTML (escapes and autolinks are fine).
_AUTOLINK = r"<(?i:https?://|mailto:)[^<>\s\[\]]*>"
_IMAGE = re.compile(rf"^!\[((?:[^\]\[\\<>`]|\\.|{_AUTOLINK})*)\]\(<([^<>\n\\]*)>\)$")
STYLE_COMMENT = re.compile(r"^<!--\s*style:\s*([\w -]+?)\s*-->\s*$")
_RULE = re.compile(r"^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
# Lines that could start a block (or interrupt a paragraph): the fast reader stops and defers.
_BLOCKISH = re.compile(
    rf"^(?: {{0,3}})(?:#|[-+*](?:\s|$)|\d{{1,9}}[.)](?:\s|$)|>|```|~~~|{_HTML}|\||\[|=+\s*$|-+\s*$"
    r"|(?:\*[ \t]*){3,}$|(?:_[ \t]*){3,}$)"
)


# markdown-it's reading of a stretch of lines: (text, line) -> the blocks before ``line`` (the whole text when
# ``line`` is its line count), or None when no block of the top level starts at ``line``.
Stretch = Callable[[str, int], "list[Block] | None"]


# First characters of a line that may start something other than a paragraph (or continue none).
_MARKS = frozenset("#-+*_0123456789>`~<|[=! \t")


class Reader:
    """Read blocks fast; hand inline text with escapes, links or code to markdown-it's inline parser."""

    def __init__(self, text: str, slow: Callable[[str], Inlines], stretch: Stretch | None = None):
        self.lines = text.split("\n")
        self.slow = slow
        self.stretch = stretch
        # Text with nothing for ``clean`` to remove (the usual case) is not cleaned run by run.
        self.dirty = not is_clean(text)
        self.out: list[Block] = []
        self.style: str | None = None
        self.i = 0

    def read(self) -> list[Block]:
        """Return the blocks of the whole text; raise Unsure where markdown-it must read it."""
        lines, n = self.lines, len(self.lines)
        while self.i < n:
            line = lines[self.i]
            if not line.strip():
                self.i += 1
                continue
            try:
                if line[0] in _MARKS:
                    self.marked(line)
                else:
                    self.paragraph(line)
            except Unsure:
                if self.stretch is None or self.style is not None:
                    raise
                self.defer()
        return self.out

    def defer(self) -> None:
        """Have markdown-it read from the current line to the next line where a block surely starts afresh.

        That is a line after a blank one that opens no block of its own (a paragraph's first line),
        once markdown-it confirms that a block of the top level starts there; else the rest of the text.
        """
        lines, n, start = self.lines, len(self.lines), self.i
        end = next((k for k in range(start + 2, n) if lines[k][:1] not in _MARKS and lines[k][:1].strip()
                    and not lines[k - 1].strip(" \t")), n)
        blocks = self.stretch("\n".join(lines[start:end + 1]), end - start) if end < n else None
        if blocks is None:
            end = n
            blocks = self.stretch("\n".join(lines[start:]), end - start)
        self.out.extend(blocks)
        self.i = end

    def blank(self, k: int) -> bool:
        """Return True when line ``k`` is blank or past the end."""
        return k >= len(self.lines) or not self.lines[k].strip()

    def marked(self, line: str) -> None:
        """Read the block that starts with a line whose first character may mark one."""
        first = line[0]
        if first in " \t":
            raise Unsure
        if first == "*":  # (a rule, a bullet or emphasis: nothing else starts with "*")
            if _RULE.match(line):
                self.out.append(Rule())
                self.i += 1
            elif _BLOCKISH.match(line):
                raise Unsure
            else:
                self.paragraph(line)
            return
        if m := STYLE_COMMENT.match(line):
            self.style = m.group(1)
            self.i += 1
        elif m := _HEADING.match(line):
            self.heading(m)
        elif _RULE.match(line):
            self.out.append(Rule())
            self.i += 1
        elif m := _IMAGE.match(line):
            self.image(m)
        elif line.startswith("!["):
            raise Unsure
        elif _BULLET.match(line):
            self.items(_BULLET, BulletList)
        elif _ORDERED.match(line):
            self.items(_ORDERED, NumberedList)
        elif line.startswith("|"):
            self.table(line)
        elif line.startswith(">"):
            self.quote()
        elif m := _FENCE.match(line):
            self.fence(m)
        elif _BLOCKISH.match(line):
            raise Unsure
        else:
            self.paragraph(line)

    def fence(self, m: re.Match) -> None:
        """Read a fenced code block, closed at the left margin by a fence of the same character, as long or longer."""
        lines, n, i = self.lines, len(self.lines), self.i + 1
        mark = m.group(1)
        while i < n and not (lines[i].startswith(mark) and not lines[i].rstrip(" \t").strip(mark[0])):
            if (lines[i][:1] == " " and lines[i].lstrip(" ").startswith(mark[:3])) or "\x00" in lines[i]:
                raise Unsure  # (a fence indented by 1 to 3 spaces may close it too)
            i += 1
        if i == n:
            raise Unsure  # never closed: the code runs to the end of the text
        self.out.append(CodeBlock(clean("\n".join(lines[self.i + 1:i])), clean(m.group(2).split(" ")[0])))
        self.i = i + 1

    def heading(self, m: re.Match) -> None:
        """Read an ATX heading."""
        content = m.group(2)
        if not content or content.endswith("#") or content.startswith("#"):
            raise Unsure
        self.out.append(Heading(len(m.group(1)), self.inline(content)))
        self.i += 1

    def image(self, m: re.Match) -> None:
        """Read a paragraph that holds one picture and nothing else."""
        if not self.blank(self.i + 1) or ":" in m.group(2):
            raise Unsure
        caption = self.inline(m.group(1)) if m.group(1) else []
        self.out.append(Image(clean(unquote(m.group(2))), caption))
        self.style = None
        self.i += 1

    def items(self, pattern: re.Pattern, kind: type) -> None:
        """Read a list of one-line items (bullets, or numbers for a NumberedList), tight or parted by blank lines,
        each with at most a tight list nested under it (its lines indented by the item's marker width)."""
        lines, n, i = self.lines, len(self.lines), self.i
        items: list[Inlines] = []
        nested: list[list[Block]] = []
        start = 1
        while i < n and (m := pattern.match(lines[i])):
            content = m.group(m.lastindex)
            if not content.strip() or _NESTED.match(content):
                raise Unsure
            if not items and kind is NumberedList:
                start = int(m.group(1))
            items.append(self.inline(content))
            i += 1
            pad = " " * (len(lines[i - 1]) - len(content))
            k = i
            while k < n and lines[k].startswith(pad) and lines[k].strip():
                k += 1
            nested.append(self.sublist([line[len(pad):] for line in lines[i:k]]) if k > i else [])
            i = k
            while k < n and not lines[k].strip():
                k += 1
            if k > i and k < n and pattern.match(lines[k]):
                i = k  # blank lines between two items: the same list (loose)
        if not self.blank(i):
            raise Unsure
        k = i
        while k < n and not lines[k].strip():
            k += 1
        if k < n and lines[k][0] in " \t":
            raise Unsure
        nested = nested if any(nested) else []
        self.out.append(BulletList(items, nested) if kind is BulletList else NumberedList(items, start or 1, nested))
        self.i = i

    def sublist(self, lines: list[str]) -> list[Block]:
        """Return the one list that ``lines`` (an item's indented lines, without the indent) hold; else raise Unsure."""
        if not (_BULLET.match(lines[0]) or (m := _ORDERED.match(lines[0])) and m.group(1) == "1"):
            raise Unsure  # (only a list starting at 1 interrupts the item's paragraph)
        blocks = self.inner(lines)
        if len(blocks) != 1 or not isinstance(blocks[0], (BulletList, NumberedList)):
            raise Unsure
        return blocks

    def inner(self, lines: list[str]) -> list[Block]:
        """Return the blocks of ``lines`` inside a list item or a quote, read without deferring."""
        reader = Reader("", self.slow)
        reader.lines, reader.dirty = lines, self.dirty
        return reader.read()

    def table(self, line: str) -> None:
        """Read a table with a header row, a delimiter row and rows of as many cells."""
        lines, n, i = self.lines, len(self.lines), self.i
        if i + 1 >= n or not _DELIM.match(lines[i + 1]):
            raise Unsure
        header = _cells(line)
        delims = _cells(lines[i + 1])
        if len(header) != len(delims):
            raise Unsure
        rows = []
        i += 2
        while i < n and lines[i].startswith("|"):
            cells = _cells(lines[i])
            if len(cells) != len(header):
                raise Unsure
            rows.append([self.inline(c) for c in cells])
            i += 1
        if not self.blank(i):
            raise Unsure
        align = [_ALIGNS[(d[0] == ":", d[-1] == ":")] for d in delims]
        self.out.append(Table([self.inline(c) for c in header], rows, align if any(align) else []))
        self.i = i

    def quote(self) -> None:
        """Read a block quote: of plain paragraphs, as Quote paragraphs; holding lists, tables or more, a BlockQuote."""
        lines, n, i = self.lines, len(self.lines), self.i
        if self.style is not None:  # (a quote may leave a style comment pending for the paragraph after it)
            raise Unsure
        body: list[str] = []
        while i < n and lines[i].startswith(">"):
            content = lines[i][1:]
            content = content[1:] if content.startswith(" ") else content
            if "\t" in content or content.startswith("<!--"):
                raise Unsure
            body.append(content)
            i += 1
        if not self.blank(i):
            raise Unsure
        blocks = self.inner(body)
        if all(isinstance(b, (Paragraph, Rule)) for b in blocks):
            self.out.extend(Paragraph(b.inlines, "Quote") if isinstance(b, Paragraph) else b for b in blocks)
        elif any(isinstance(b, Image) for b in blocks):
            raise Unsure
        else:
            self.out.append(BlockQuote(blocks))
        self.style = None
        self.i = i

    def paragraph(self, line: str) -> None:
        """Read a paragraph: ``line`` and the lines after it, up to a blank line or a heading."""
        lines, n = self.lines, len(self.lines)
        i = self.i + 1
        while i < n and lines[i].strip():
            if lines[i][0] in _MARKS:
                if lines[i][0] == "#" and _HEADING.match(lines[i]):
                    break
                if _BLOCKISH.match(lines[i]):
                    raise Unsure
            i += 1
        self.out.append(Paragraph(self.inlines(lines[self.i:i]), self.style))
        self.style = None
        self.i = i

    def inline(self, line: str) -> Inlines:
        """Return the runs of one line, as markdown-it would."""
        text = line.strip(" \t")
        if "*" in text or _UNSAFE.search(text):
            return self.inlines([line])
        if self.dirty:
            text = clean(text)
        return [Text(text)] if text else []

    def inlines(self, lines: list[str]) -> Inlines:
        """Return the runs of a paragraph's lines, as markdown-it would."""
        if len(lines) == 1 and "*" not in lines[0] and not _UNSAFE.search(lines[0]):
            return self.inline(lines[0])
        try:
            return self.merged(self.runs(lines))
        except Unsure:
            return self.slow("\n".join(lines).strip())

    def runs(self, lines: list[str]) -> Inlines:
        """Return the runs of ``lines`` joined by soft breaks (a space, or none between CJK) and hard ones.

        A line with emphasis has no other special character; one with escapes, spaced underscores or web
        autolinks has no asterisk (raise Unsure otherwise): each line is then read on its own. A line may
        end in a backslash that makes a hard break.
        """
        out: Inlines = []
        last = len(lines) - 1
        hard = False
        for k, raw in enumerate(lines):
            line = raw.strip(" \t")
            if k:
                if hard:
                    out.append(Text("\n"))
                else:
                    before = out[-1].text[-1:] if out else ""
                    if (before + line[:1]).isascii() or not (CJK.match(before) or CJK.match(line[:1])):
                        out.append(Text(" "))
            hard = k < last and raw.endswith("  ")
            if k < last and raw.endswith("\\") and (len(raw) - len(raw.rstrip("\\"))) % 2:
                hard, line = True, line[:-1]  # a backslash before the line's end: a hard break
            if _UNSAFE.search(line) or "*" in line:
                out.extend(rich_runs(line))
            elif line:
                out.append(Text(line))
        return out

    def merged(self, runs: Inlines) -> Inlines:
        """Return ``runs`` cleaned, with neighbours of the same format merged and the ends stripped."""
        merged: Inlines = []
        for run in runs:
            if self.dirty:
                run.text = clean(run.text)
            if not run.text:
                continue
            if (merged and merged[-1].bold == run.bold and merged[-1].italic == run.italic
                    and merged[-1].href == run.href and merged[-1].code == run.code):
                merged[-1].text += run.text
            else:
                merged.append(run)
        if merged:  # (inline code keeps its spaces)
            merged[0].text = merged[0].text if merged[0].code else merged[0].text.lstrip()
            merged[-1].text = merged[-1].text if merged[-1].code else merged[-1].text.rstrip()
        return [r for r in merged if r.text]


_ALIGNS = {(False, False): "", (True, False): "left", (True, True): "center", (False, True): "right"}


def _cells(line: str) -> list[str]:
    if not line.endswith("|") or "`" in line or "\\|" in line or line.endswith("\\|"):
        raise Unsure
    return [c.strip() for c in line.strip()[1:-1].split("|")]


def parse(text: str, slow: Callable[[str], Inlines], stretch: Stretch | None = None) -> list[Block] | None:
    """Return the blocks of ``text``, or None when markdown-it must read it.

    With ``stretch`` (markdown-it's reading of a stretch of lines), only the stretches the fast reader
    cannot read go to markdown-it, unless the text may define a link reference (``]:``), which any
    stretch could use.
    """
    try:
        return Reader(text, slow, None if "]:" in text else stretch).read()
    except Unsure:
        return None

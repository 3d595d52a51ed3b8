"""The fast reader's inline text: escapes, web autolinks, emphasis, links and code spans read as markdown-it reads them."""

from __future__ import annotations

import operator
import re

from minutes.document.tree import Inlines, Text

_UNSAFE = re.compile(r"[\\`_\[\]<>!&\x00]")
# In a line's text (not at its start), ">" only closes what "<" opens: without "<" it is literal.
_UNSAFE_LITERAL = re.compile(r"[\\`_\[\]<!&\x00]")
# A backslash before ASCII punctuation makes it literal; so is a run of underscores with a space (or
# the line's end) on both sides, as in a form line "Signature: ____  Date: ____": it can neither open
# nor close emphasis.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SPACED_UNDERSCORES = re.compile(r"(?:^|(?<=[ \t]))_+(?=[ \t]|$)")
_RUN = re.compile(
    r"(?:(?<=\s)|^)(\*\*?)(?=[^\s*])([^*]*?[^\s*])\1(?=$|\s|[.,;:?)])|([^*]+)"
)


class Unsure(Exception):
    """The text uses something the fast reader does not handle."""


def _literal(line: str) -> str:
    """Return the text of a line whose only special characters are escapes and spaced underscores."""
    rest = _SPACED_UNDERSCORES.sub("", line) if "_" in line else line
    if "\\" in rest:
        rest = _ESCAPE.sub("", rest)
    if "*" in rest or _UNSAFE_LITERAL.search(rest):
        raise Unsure
    return _ESCAPE.sub(_GROUP_1, line) if "\\" in line else line


_GROUP_1 = operator.itemgetter(1)  # a match's first group (a C function: no Python call per escape)


# A web address in angle brackets that markdown-it links as it is written (no percent sign, entity, space,
# bracket or other character its link normalisation could change).
_WEB_AUTOLINK = re.compile(r"<(https?://[A-Za-z0-9/_.:~?#=-]*)>")


def _literal_runs(line: str) -> Inlines:
    """Return the runs of a line whose only special characters are escapes, spaced underscores and web autolinks."""
    runs: Inlines = []
    pos = 0
    for m in _WEB_AUTOLINK.finditer(line):
        if line[m.start() - 1:m.start()] in ("\\", "_") or line[m.end():m.end() + 1] == "_":
            raise Unsure
        if m.start() > pos:
            runs.append(Text(_literal(line[pos:m.start()])))
        runs.append(Text(m.group(1), href=m.group(1)))
        pos = m.end()
    if pos < len(line) or not runs:
        runs.append(Text(_literal(line[pos:])))
    return runs


def _line_runs(text: str) -> Inlines:
    """Return the runs of one line with only simple, space-delimited ``*em*`` and ``**strong**`` (their text may
    hold escapes and web autolinks, but no underscore)."""
    runs: Inlines = []
    pos, end = 0, len(text)
    while pos < end:
        m = _RUN.match(text, pos)
        if m is None:
            raise Unsure
        if m.group(3) is not None:
            runs.extend(_literal_runs(m.group(3)) if _UNSAFE.search(m.group(3)) else [Text(m.group(3))])
        else:
            strong = len(m.group(1)) == 2
            for run in _literal_runs(m.group(2)) if _UNSAFE.search(m.group(2)) else [Text(m.group(2))]:
                run.bold, run.italic = strong, not strong
                runs.append(run)
        pos = m.end()
    return runs


# A link to a web address written ``[text](<url>)`` or ``[text](url)``, whose text holds no bracket, code or HTML
# (escapes of other punctuation are fine), and whose address markdown-it's link normalisation leaves as it is.
_URL = r"https?://[a-z0-9.-]+(?:[/?#][A-Za-z0-9/_.~?#=:-]*)?"
_LINK = re.compile(rf"(?<![!\\\]])\[((?:[^\[\]\\`<>\n]|\\[!-/:-@^_{{-~])+)\]\((?:<({_URL})>|({_URL}))\)")
# A code span between single backticks.
_CODE = re.compile(r"(?<![`\\])`([^`\n]+)`(?!`)")


def _plain_runs(text: str) -> Inlines:
    """Return the runs of a stretch of a line (no link or code in it) with emphasis, or escapes and autolinks."""
    if "*" not in text:
        return _literal_runs(text)
    if "_" in text or "\\*" in text or "<" in text:
        raise Unsure
    return _line_runs(text)


def _linked_runs(text: str) -> Inlines:
    """Return the runs of a stretch of a line (no code in it) that may hold links."""
    if "[" not in text:
        return _plain_runs(text) if text else []
    runs: Inlines = []
    pos = 0
    for m in _LINK.finditer(text):
        if m.start() > pos:
            runs.extend(_plain_runs(text[pos:m.start()]))
        href = m.group(2) or m.group(3)
        for run in _plain_runs(m.group(1)):
            run.href = href
            runs.append(run)
        pos = m.end()
    if pos < len(text):
        runs.extend(_plain_runs(text[pos:]))
    return runs


# A line that is a bold label and plain words, "**Speaker:** Ana Weber, Treasurer" (what every item's lines of
# details are): what _line_runs reads it as, in one match.
_PLAINS = r"[^*\\`_\[\]<>!&\x00]"
_LABEL = re.compile(rf"\*\*((?=[^\s])(?:{_PLAINS}*[^\s*\\`_\[\]<>!&\x00])?)\*\*( {_PLAINS}*)?\Z")


def rich_runs(line: str) -> Inlines:
    """Return the runs of one line with code spans, links, emphasis, escapes and web autolinks; raise Unsure for
    anything else (or a mix whose reading depends on precedence: code beside an autolink, emphasis across a link)."""
    if line[:2] == "**" and (m := _LABEL.match(line)) and m.group(1):
        return [Text(m.group(1), bold=True), Text(m.group(2))] if m.group(2) else [Text(m.group(1), bold=True)]
    if "`" not in line:
        return _linked_runs(line)
    if "<" in line:
        raise Unsure
    runs: Inlines = []
    pos = 0
    for m in _CODE.finditer(line):
        runs.extend(_linked_runs(line[pos:m.start()]))
        code = m.group(1)
        if code.startswith(" ") and code.endswith(" ") and code.strip(" "):
            code = code[1:-1]
        runs.append(Text(code, code=True))
        pos = m.end()
    runs.extend(_linked_runs(line[pos:]))
    return runs

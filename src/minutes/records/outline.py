"""Agendas: a Markdown outline turned into the sections of a new session, and a session's sections as an agenda.

An outline is a numbered or bulleted CommonMark list, nested for sub-sections; headings and paragraphs
outside the lists are ignored. Each list item is a section: its first line is the title (inline Markdown,
kept as written), what follows (paragraphs, lists that are not nested entries, code) is its note.

A title that starts with a label keeps it: a first word of letters, digits and dots that ends in "." or ")"
and holds a digit, is one letter, or is a roman numeral (``6A. Budget``, ``b) Grants``, ``IV. Reports``), or a
dotted number with no end mark (``7.1 Minutes``). A backslash keeps such a word in the title (``2\\.5 hours``).
A numbered list's own number becomes a label only where it differs from the entry's position (a list
numbered "1." on every line is counted on, as CommonMark does).
"""

from __future__ import annotations

from collections.abc import Iterator

import re
import textwrap
from typing import TYPE_CHECKING, Any

from minutes.errors import MinutesError, located
from minutes.model import address

if TYPE_CHECKING:
    from markdown_it.token import Token

    from minutes.model.schema import Session

_LABELLED = re.compile(r"(?P<label>[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)(?P<end>[.)]?)[ \t]+(?P<title>\S.*)")
_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_LISTS = ("bullet_list_open", "ordered_list_open")
MAX_OUTLINE_BYTES = 2**20


def load(file: str) -> list[dict[str, Any]]:
    """Return the sections of the outline in the file named ``file`` (``-``: stdin), or a one-line error."""
    import sys

    from minutes.store import readfile

    if file == "-":
        return sections_from_outline(sys.stdin.read(), "<stdin>")
    try:
        data = readfile.read(file, MAX_OUTLINE_BYTES, "Markdown outline")
    except OSError as exc:
        raise MinutesError(located(file, None, f"cannot read the agenda: {exc.strerror or exc}")) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MinutesError(located(file, None, f"not UTF-8 text (byte {exc.start})")) from None
    return sections_from_outline(text, file)


def is_label(word: str, end: str) -> bool:
    """Return whether the first word ``word`` of a title, followed by ``end`` ("." or ")" or ""), is a label."""
    if not end:
        return word[0].isdigit() and "." in word
    if any(c.isdigit() for c in word) or len(word) == 1:
        return True
    return (word.isupper() or word.islower()) and _ROMAN.fullmatch(word.upper()) is not None


def split_label(line: str) -> tuple[str | None, str]:
    """Return the label a title line starts with (or None) and the title after it."""
    match = _LABELLED.fullmatch(line)
    if match and is_label(match["label"], match["end"]):
        return match["label"], match["title"].strip()
    return None, line


def sections_from_outline(text: str, source: str) -> list[dict[str, Any]]:
    """Return the section entries of the Markdown outline ``text`` (read from ``source``, named in errors)."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    lines = text.splitlines()
    lists = [(i, j) for i, j in _blocks(tokens, 0, len(tokens)) if tokens[i].type in _LISTS]
    if not lists:
        raise MinutesError(located(source, None, "no agenda outline found (a numbered or bulleted list)"))
    where: dict[tuple[str | int, ...], int] = {}
    sections = _entries(tokens, lists, lines, source, ("proceedings",), "", where)
    _refuse_twice(sections, where, source)
    return sections


def _blocks(tokens: list[Token], start: int, end: int) -> list[tuple[int, int]]:
    """Return the (open, close) token indexes of each block directly inside ``tokens[start:end]``."""
    found = []
    i = start
    while i < end:
        j, depth = i, 0
        for j in range(i, end):
            depth += tokens[j].nesting
            if depth <= 0:
                break
        found.append((i, j))
        i = j + 1
    return found


def _entries(tokens: list[Token], lists: list[tuple[int, int]], lines: list[str], source: str,
             path: tuple[str | int, ...], prefix: str, where: dict) -> list[dict[str, Any]]:
    """Return the sections of the items of ``lists`` (token ranges), the entries of the section at ``prefix``."""
    out: list[dict[str, Any]] = []
    for first, last in lists:
        items = _blocks(tokens, first + 1, last)
        lazy = len(items) > 1 and len({tokens[i].info for i, _ in items}) == 1  # "1." on every line: CommonMark counts on
        for i, j in items:
            here = (*path, len(out))
            where[here] = tokens[i].map[0] + 1 if tokens[i].map else 0
            out.append(_section(tokens, i, j, lines, source, here, prefix, 0 if lazy else len(out) + 1, where))
    return out


def _section(tokens: list[Token], i: int, j: int, lines: list[str], source: str, path: tuple[str | int, ...],
             prefix: str, position: int, where: dict) -> dict[str, Any]:
    """Return the section of the list item ``tokens[i..j]``, at ``position`` in the section at ``prefix``."""
    line = where[path]
    blocks = _blocks(tokens, i + 1, j)
    head = tokens[blocks[0][0]] if blocks else None
    if head is None or head.type not in ("paragraph_open", "heading_open"):
        raise MinutesError(located(source, line, "an agenda entry needs its title on its first line"))
    first, *rest = tokens[blocks[0][0] + 1].content.split("\n")
    label, title = split_label(first.strip())
    number = tokens[i].info
    if label is None and position and number.isdigit() and int(number) != position:
        label = f"{prefix}.{int(number)}" if prefix else str(int(number))
    position = position or int(path[-1]) + 1  # a lazily numbered list: its own numbers say nothing
    entry: dict[str, Any] = {"kind": "section", "label": label, "title": title}
    here = address.label(entry, prefix, position)
    nested = [(a, b) for a, b in blocks[1:] if tokens[a].type in _LISTS]
    notes = ["\n".join(part.strip() for part in rest)] if rest else []
    notes += [_source(tokens, a, b, lines) for a, b in blocks[1:] if (a, b) not in nested]
    entry["note"] = "\n\n".join(n for n in notes if n.strip()) or None
    entry["items"] = _entries(tokens, nested, lines, source, (*path, "items"), here, where)
    return {k: v for k, v in entry.items() if v is not None}


def _source(tokens: list[Token], a: int, b: int, lines: list[str]) -> str:
    """Return the Markdown source of the block ``tokens[a..b]``, out of its list item's indentation."""
    if tokens[a].type == "paragraph_open":
        return "\n".join(part.strip() for part in tokens[a + 1].content.split("\n"))
    start, end = tokens[a].map or (0, 0)
    return textwrap.dedent("\n".join(lines[start:end])).strip("\n")


def _as_written(entries: list[dict[str, Any]], path: tuple[str | int, ...] = ("proceedings",),
                prefix: str = "") -> Iterator[address.Entry]:
    """Yield each entry with the address the outline gives it: its label, or its position (no number skipped)."""
    for index, entry in enumerate(entries):
        here = address.label(entry, prefix, index + 1)
        yield address.Entry(here, (*path, index), entry, 0, prefix)
        yield from _as_written(entry.get("items") or [], (*path, index, "items"), here)


def _refuse_twice(sections: list[dict[str, Any]], where: dict, source: str) -> None:
    """Raise an error naming the line of the first entry whose address an earlier entry already has."""
    seen: dict[str, tuple[str | int, ...]] = {}
    for e in _as_written(sections):
        k = address.key(e.address)
        if k in seen:
            raise MinutesError(located(source, where[e.path], f"two sections would have the address {e.address!r} "
                                       f"(the other is at line {where[seen[k]]}); give one of them another label"))
        seen[k] = e.path


# --- the agenda of a session -----------------------------------------------------------------


def agenda(s: Session) -> list[dict[str, Any]]:
    """Return the sections of the session as rows: address, label, title (as written, and as it reads), presenter,
    note, depth, items."""
    from minutes.markdown.text import plain
    from minutes.model.schema import pick

    def shown(title: str) -> str:  # as it reads: a version 2 title is inline Markdown
        return " ".join(plain(title).split()) if s.schema_version == 2 else title

    return [
        {
            "address": e.address,
            "label": e.entry.label,
            "title": pick(e.entry.title, s.lang),
            "title_text": shown(pick(e.entry.title, s.lang)),
            "presenter": s.name_of(e.entry.presenter) if e.entry.presenter else None,
            "note": pick(e.entry.note, s.lang) if e.entry.note else None,
            "depth": e.depth,
            "items": sum(1 for child in e.entry.items if not address.is_section(child)),
        }
        for e in address.sections(s)
    ]

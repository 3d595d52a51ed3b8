"""Registers across sessions: resolutions, attendance and speakers, as tables in any format."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from minutes.model import address, clock
from minutes.errors import UsageError
from minutes.model.schema import Attendee, Report, Resolution, Session, Speech, pick
from minutes.model.vocab import ATTENDED, IN_ROOM, clock_minutes
from minutes.render.attendance import group_name, is_voting, settings

if TYPE_CHECKING:
    from minutes.document.tree import Document


@dataclass
class Table:
    """A titled table: what every register and listing is."""

    title: str
    columns: list[str]
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)

    def records(self) -> list[dict[str, str]]:
        """Return the rows as dicts keyed by column."""
        return [dict(zip(self.columns, row)) for row in self.rows]


def _in_range(s: Session, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or s.date >= start) and (end is None or s.date <= end)


def _addressed(s: Session) -> list[tuple[str, object]]:
    """Return the address and the entry of every section and item of the session, in file order."""
    return [(e.address, e.entry) for e in address.entries(s)]


def resolutions(loaded: list[tuple[Path, Session]]) -> Table:
    """Return the register of every resolution and motion, with its vote and result."""
    rows = []
    for _, s in loaded:
        for n, item in _addressed(s):
            if isinstance(item, Resolution):
                counts = item.vote_text()
                rows.append([
                    s.date.isoformat(), pick(s.title, s.lang), n, item.kind, pick(item.title, s.lang),
                    s.name_of(item.moved_by), s.name_of(item.seconded_by), counts, item.result or "",
                ])
    columns = ["date", "session", "item", "kind", "title", "moved by", "seconded by", "vote (for–against–abstain)", "result"]
    return Table("Register of resolutions", columns, rows)


def _clock(at: str | None) -> str:
    """Return the time ``at`` as HH:MM with two-digit hours ("9:05" is "09:05"), "" for none."""
    return "{:02d}:{:02d}".format(*divmod(clock_minutes(at), 60)) if at else ""


def _sitting_order(pair: tuple[Path, Session]) -> tuple[dt.date, str, str]:
    """Return the key that orders sittings: date, start time ("" for none, so first), file name."""
    path, s = pair
    return s.date, _clock(s.start), path.name


def headings(loaded: list[tuple[Path, Session]]) -> list[str]:
    """Return a column heading per sitting: its date, and its start or (1), (2) … when the day has more."""
    days: dict[dt.date, list[int]] = {}
    for col, (_, s) in enumerate(loaded):
        days.setdefault(s.date, []).append(col)
    out = [s.date.isoformat() for _, s in loaded]
    for day, cols in days.items():
        if len(cols) < 2:
            continue
        starts = [_clock(loaded[col][1].start) for col in cols]
        timed = all(starts) and len(set(starts)) == len(starts)
        for n, (col, start) in enumerate(zip(cols, starts), 1):
            out[col] = f"{day.isoformat()} {start}" if timed else f"{day.isoformat()} ({n})"
    return out


def _cell(a: Attendee) -> str:
    """Return an attendee's cell: the status, with the times of a late arrival or an early departure."""
    if a.status not in ATTENDED or not (a.arrived or a.left):
        return a.status
    arrived, left = _clock(a.arrived), _clock(a.left)
    span = f"{arrived}–{left}" if arrived and left else f"from {arrived}" if arrived else f"until {left}"
    return f"{a.status} ({span})"


def attendance(loaded: list[tuple[Path, Session]]) -> Table:
    """Return the person × sitting attendance matrix by group, with group totals, totals and rates."""
    loaded = sorted(loaded, key=_sitting_order)
    marks: dict[tuple[str, int], tuple[str, str, str]] = {}  # (person, column): status, cell, group
    voters: dict[int, int] = {}  # column: voting members who attended (see render.attendance.is_voting)
    group_of: dict[str, str] = {}  # person: their group at the latest sitting that lists them
    first_use: dict[str, int] = {}  # group: its rank, in order of first use ("" for no group)
    non_voting: dict[str, None] = {}
    partial = False
    for col, (_, s) in enumerate(loaded):
        known = settings(s)
        for a in s.attendees:
            if a.person is None:
                continue
            key, group = s.name_of(a.person), group_name(s, a)
            first_use.setdefault(group, len(first_use))
            group_of[key] = group
            marks[(key, col)] = (a.status, _cell(a), group)
            voters[col] = voters.get(col, 0) + (a.status in IN_ROOM and is_voting(s, a, known))
            partial = partial or marks[(key, col)][1] != a.status
            if group in known and not known[group].voting:
                non_voting[group] = None
    cols = range(len(loaded))
    rows = []
    for person in sorted(group_of, key=lambda p: (first_use[group_of[p]], p)):
        listed = [marks[(person, col)] for col in cols if (person, col) in marks]
        cells = [marks[(person, col)][1] if (person, col) in marks else "" for col in cols]
        attended = sum(1 for status, _, _ in listed if status in ATTENDED)
        rows.append([person, group_of[person], *cells, str(attended), f"{100 * attended / len(listed):.0f}%"])

    def present(col: int, group: str | None = None) -> str:
        """Return how many people attended sitting ``col`` (of ``group`` that sitting, when given)."""
        return str(sum(1 for (_, c), (status, _, g) in marks.items()
                       if c == col and status in ATTENDED and group in (None, g)))

    named = any(first_use)
    if named:
        rows += [[f"total present: {g or '(no group)'}", g, *(present(col, g) for col in cols), "", ""]
                 for g in first_use]
    rows.append(["total present", "", *(present(col) for col in cols), "", ""])
    if non_voting or any(status == "guest" for status, _, _ in marks.values()):  # the figure a quorum counts
        rows.append(["voting members present", "", *(str(voters.get(col, 0)) for col in cols), "", ""])
    notes = [
        "present, online and guest count as attended, and in the totals: guests and the members of "
        "non-voting groups were there too",
        "rate: the sittings attended out of the sittings that list the person (absent and excused included); "
        "an empty cell is a sitting that does not list them, and does not count",
    ]
    if partial:
        notes.append("a late arrival or an early departure is shown with its times, as in "
                     "present (from 10:47), present (until 11:04) or present (10:47–11:04); "
                     "it still counts as attended")
    if named:
        notes.append("group: the person's attendance group at the latest sitting that lists them; "
                     "a group's total counts the group each sitting recorded")
    if non_voting:
        notes.append(f"not voting (not counted for quorum or votes): {', '.join(non_voting)}")
    notes.append("sittings in order of date, start time and file name")
    return Table("Attendance", ["person", "group", *headings(loaded), "attended", "rate"], rows, notes)


def speakers(loaded: list[tuple[Path, Session]]) -> Table:
    """Return who spoke or reported, when, and on what."""
    rows = []
    for _, s in loaded:
        for n, item in _addressed(s):
            if isinstance(item, Speech):
                on_behalf = f" (on behalf of {s.name_of(item.on_behalf_of)})" if item.on_behalf_of else ""
                rows.append([s.date.isoformat(), pick(s.title, s.lang), n, s.name_of(item.speaker) + on_behalf,
                             "speech", pick(item.topic, s.lang)])
            elif isinstance(item, Report):
                rows.append([s.date.isoformat(), pick(s.title, s.lang), n, s.name_of(item.presenter), "report",
                             pick(item.title, s.lang)])
    return Table("Speakers", ["date", "session", "item", "speaker", "kind", "topic or title"], rows)


REPORTS = {"resolutions": resolutions, "attendance": attendance, "speakers": speakers}


def report(name: str, loaded: list[tuple[Path, Session]], start: dt.date | None, end: dt.date | None) -> Table:
    """Return the register ``name`` over the sessions dated within [start, end]."""
    if name not in REPORTS:
        raise UsageError(f"unknown report {name!r}; use one of {', '.join(REPORTS)}")
    return REPORTS[name]([(p, s) for p, s in loaded if _in_range(s, start, end)])


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown(table: Table) -> str:
    """Return the table as a CommonMark document with a GFM table."""
    lines = [f"# {table.title}", ""]
    if table.rows:
        lines.append("| " + " | ".join(_md_cell(c) for c in table.columns) + " |")
        lines.append("|" + "---|" * len(table.columns))
        lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in table.rows]
    else:
        lines.append("Nothing to list.")
    for note in table.notes:  # each its own paragraph
        lines += ["", f"*{note}*"]
    return "\n".join(lines).rstrip() + "\n"


# A cell a spreadsheet would run as a formula starts with one of these (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Return ``text`` so that no spreadsheet runs it: a leading formula character gets a ``'`` before it."""
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(table: Table) -> str:
    """Return the table as CSV with a header row; cells that would run as formulas are neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([safe_cell(c) for c in table.columns])
    writer.writerows([safe_cell(c) for c in row] for row in table.rows)
    return buffer.getvalue()


def document(table: Table) -> Document:
    """Return the table as a document: its title, a table (or "Nothing to list.") and its notes in italics."""
    from minutes.document.tree import Document, Heading, Metadata, Paragraph, Table as Grid, Text, clean

    def cell(text: str) -> list[Text]:
        text = clean(text.replace("\n", " ")).strip()
        return [Text(text)] if text else []

    blocks: list = [Heading(1, [Text(table.title)])]
    if table.rows:
        blocks.append(Grid([cell(c) for c in table.columns], [[cell(c) for c in row] for row in table.rows]))
    else:
        blocks.append(Paragraph([Text("Nothing to list.")]))
    blocks += [Paragraph([Text(n, italic=True)]) for n in table.notes]
    from minutes.markdown.links import link_urls

    return Document(Metadata(title=table.title, date=clock.today().isoformat()), link_urls(blocks))


def to_docx(table: Table) -> bytes:
    """Return the table as a Word document, through the same writer as every rendered document."""
    from minutes.writers import WRITERS, WriteOptions

    return WRITERS["docx"](document(table), WriteOptions())


def emit(table: Table, fmt: str, out: Path | None) -> None:
    """Write the table in ``fmt`` to the file ``out``, or to stdout when ``out`` is None or ``-``."""
    from minutes.store import atomic as store

    to_stdout = out is None or str(out) == "-"
    if fmt == "docx":
        if out is None or (to_stdout and sys.stdout.isatty()):
            raise UsageError("--format docx needs --out FILE (or --out - with stdout sent to a file or a pipe)")
        data = to_docx(table)
        if to_stdout:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return
        store.write_bytes_atomic(out, data)
        print(out, file=sys.stderr)
        return
    text = {"md": markdown, "csv": to_csv, "json": lambda t: json.dumps(t.records(), ensure_ascii=False, indent=2) + "\n"}[fmt](table)
    if to_stdout:
        sys.stdout.write(text)
    else:
        store.write_atomic(out, text)
        print(out, file=sys.stderr)


def print_table(table: Table) -> None:
    """Print the table: rich on a terminal, tab-separated in a pipe."""
    if not sys.stdout.isatty():
        for row in [table.columns, *table.rows]:
            print("\t".join(row))
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table as RichTable

    rich_table = RichTable(title=table.title, title_justify="left")
    for col in table.columns:
        rich_table.add_column(col)
    for row in table.rows:
        rich_table.add_row(*(escape(c) for c in row))
    Console().print(rich_table)

"""Registers across sessions: attendance and speakers here, resolutions and votes in votes_register, as tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from minutes.errors import UsageError
from minutes.model import address
from minutes.model.schema import Attendee, Report, Session, Speech, pick
from minutes.model.vocab import ATTENDED, IN_ROOM, clock_minutes
from minutes.records.tables import (  # noqa: F401 - part of this module's API, as before the tables moved
    FORMULA_START, Table, document, emit, markdown, print_table, safe_cell, to_csv, to_docx,
)
from minutes.records.votes_register import member, resolutions, votes
from minutes.model.presence import group_name, is_voting, settings


def _in_range(s: Session, start: dt.date | None, end: dt.date | None) -> bool:
    """Return whether the session is dated within [start, end] (either end open when None)."""
    return (start is None or s.date >= start) and (end is None or s.date <= end)


def _addressed(s: Session) -> list[tuple[str, object]]:
    """Return the address and the entry of every section and item of the session, in file order."""
    return [(e.address, e.entry) for e in address.entries(s)]


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


REPORTS = {"resolutions": resolutions, "attendance": attendance, "speakers": speakers, "votes": votes}


def report(name: str, loaded: list[tuple[Path, Session]], start: dt.date | None, end: dt.date | None,
           person: str | None = None) -> Table:
    """Return the register ``name`` over the sessions dated within [start, end]; ``person`` narrows the votes."""
    if name not in REPORTS:
        raise UsageError(f"unknown report {name!r}; use one of {', '.join(REPORTS)}")
    if person is not None and name != "votes":
        raise UsageError("--person is for 'report votes' only")
    within = [(p, s) for p, s in loaded if _in_range(s, start, end)]
    if name == "votes":  # the name is found among everyone the folder knows, whatever the dates
        return votes(within, member(loaded, person) if person else None)
    return REPORTS[name](within)



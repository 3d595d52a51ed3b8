"""Generated session files for the benchmarks: typical (about 20 items) and large (thousands)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from minutes.store import yamlio

PEOPLE = [
    ("ana-weber", "Ana Weber", "Chair of the Board", "she"),
    ("ben-okafor", "Ben Okafor", "Treasurer", "he"),
    ("chen-li", "Chen Li", "Secretary", "she"),
    ("dana-kowalski", "Dana Kowalski", "Board member", "she"),
    ("emil-novak", "Emil Novak", "Board member", "he"),
]


def _item(n: int) -> dict:
    who = PEOPLE[n % len(PEOPLE)][0]
    kind = n % 6
    if kind == 0:
        return {"kind": "speech", "speaker": who, "topic": f"Topic {n}", "summary": f"spoke about point {n} of the agenda."}
    if kind == 1:
        return {"kind": "report", "presenter": who, "title": f"Report {n}", "summary": f"presented the figures for item {n}."}
    if kind == 2:
        return {"kind": "resolution", "title": f"Resolution {n}", "text": f"The Board resolves item {n}.",
                "moved_by": who, "vote": {"for": 3, "against": 1, "abstain": 1}, "result": "adopted"}
    if kind == 3:
        return {"kind": "action", "id": f"B-{n}", "task": f"Follow up on item {n}", "owner": who, "due": dt.date(2024, 5, 1)}
    if kind == 4:
        return {"kind": "discussion", "text": f"Members discussed item {n}."}
    return {"kind": "announcement", "text": f"Announcement number {n}."}


def session_text(items: int, day: int = 0) -> str:
    """Return the YAML of a session with ``items`` proceedings items."""
    date = dt.date(2024, 1, 1) + dt.timedelta(days=day)
    data = {
        "schema_version": 1, "title": f"Board meeting {day + 1}", "organization": "Bench Cooperative", "date": date,
        "start": "19:00", "place": {"mode": "on-site", "venue": "Room 4"}, "chair": "ana-weber",
        "secretary": "chen-li", "previous_minutes": "approved", "adjourned": "21:00", "lang": "en",
        "people": [{"id": i, "name": n, "role": r, "pronoun": p} for i, n, r, p in PEOPLE],
        "attendees": [{"person": i, "status": "present"} for i, *_ in PEOPLE],
        "proceedings": [_item(n) for n in range(items)],
    }
    return "# generated for the benchmarks\n" + yamlio.dump(data)


def write_session(base: Path, items: int) -> Path:
    """Write one session with ``items`` items under ``base``; return its path."""
    base.mkdir(parents=True, exist_ok=True)
    path = base / f"2024-01-01-bench-{items}.yaml"
    path.write_text(session_text(items), encoding="utf-8")
    return path


def write_folder(folder: Path, count: int, items: int) -> Path:
    """Write ``count`` typical sessions into ``folder``; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for day in range(count):
        date = dt.date(2024, 1, 1) + dt.timedelta(days=day)
        (folder / f"{date.isoformat()}-board-meeting-{day + 1}.yaml").write_text(session_text(items, day), encoding="utf-8")
    return folder

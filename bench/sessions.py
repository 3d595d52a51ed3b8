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


def session_data(items: int, day: int = 0) -> dict:
    """Return the data of a session with ``items`` proceedings items."""
    date = dt.date(2024, 1, 1) + dt.timedelta(days=day)
    data = {
        "schema_version": 1, "title": f"Board meeting {day + 1}", "organization": "Bench Cooperative", "date": date,
        "start": "19:00", "place": {"mode": "on-site", "venue": "Room 4"}, "chair": "ana-weber",
        "secretary": "chen-li", "previous_minutes": "approved", "adjourned": "21:00", "lang": "en",
        "people": [{"id": i, "name": n, "role": r, "pronoun": p} for i, n, r, p in PEOPLE],
        "attendees": [{"person": i, "status": "present"} for i, *_ in PEOPLE],
        "proceedings": [_item(n) for n in range(items)],
    }
    return data


def session_text(items: int, day: int = 0) -> str:
    """Return the YAML of a session with ``items`` proceedings items."""
    return "# generated for the benchmarks\n" + yamlio.dump(session_data(items, day))


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


# --- record model 2: agenda sections, texts in Markdown (issue 14) ------------------------------------

SECTIONS = 50


def _summary(n: int, k: int) -> str:
    """Return the summary of item ``n``, the ``k``-th summary, in the mix of real minutes: mostly one short paragraph,
    two in three with a link; 1 in 5 adds a bullet list (every other one nested), 1 in 20 a table (aligned columns),
    1 in 7 a second paragraph."""
    lead = f"spoke about point {n} of the agenda and the *budget* for it"
    lead += f", see the [notes on {n}](https://example.org/notes/{n}_draft)." if k % 3 else "."
    if k % 20 == 7:
        return (f"{lead}\n\n| item | amount |\n|:---|---:|\n| dues | {n},200.00 |\n| repairs | (1,150.00) |\n\n"
                "The auditors agreed.")
    if k % 5 == 2:
        nested = "\n  - mornings\n  - evenings" if k % 10 == 2 else ""
        return f"{lead}\n\n- the cost of the **repairs**\n- the new rota{nested}"
    if k % 7 == 3:
        return f"{lead} The chair asked for a second reading.\n\nThe members agreed."
    return lead


def _rich_item(n: int) -> dict:
    """Return item ``n`` of a sectioned session: speeches, reports, resolutions, discussions and actions in Markdown."""
    who = PEOPLE[n % len(PEOPLE)][0]
    kind = n % 5
    if kind == 0:
        item = {"kind": "speech", "speaker": who, "topic": f"Budget line *{n}*", "summary": _summary(n, n // 5 * 2)}
        if n % 4 == 0:
            item["points"] = [f"asked for `line {n}` to be moved", "proposed a [second reading](https://example.org/r2)"]
        return item
    if kind == 1:
        return {"kind": "report", "presenter": who, "title": f"Accounts, part {n}", "summary": _summary(n, n // 5 * 2 + 1)}
    if kind == 2:
        return {"kind": "resolution", "title": f"Resolution {n}",
                "text": (f"WHEREAS, item {n} was proposed; and\n\nWHEREAS, the committee reviewed it:\n\n"
                         "1. shorter terms\n2. online voting\n\n"
                         "NOW, THEREFORE, BE IT RESOLVED, that the proposal is adopted."),
                "moved_by": who, "vote": {"for": 3, "against": 1, "abstain": 1}, "result": "adopted"}
    if kind == 3:
        if n % 50 == 3:  # a few: a quote holding a list, and a fixed-width rule pasted as is
            return {"kind": "discussion",
                    "text": (f"Members discussed item {n}.\n\n> Is a quorum needed?\n>\n> - for online votes\n"
                             "> - for the bylaws\n\nThe chair read the rule:\n\n```\nRule 7: quorum 1/3\n```")}
        return {"kind": "discussion", "text": f"Members discussed item {n} and agreed to return to it."}
    return {"kind": "action", "id": f"B-{n}", "task": f"Send the [draft](https://example.org/d/{n}) to members",
            "owner": who, "due": dt.date(2024, 5, 1)}


def _sections(items: int) -> list[dict]:
    """Return ``items`` items in SECTIONS sections; every seventh section holds a lettered sub-section (``7A``)."""
    per = items // SECTIONS
    out, n = [], 0
    for s in range(1, SECTIONS + 1):
        count = per + (1 if s <= items % SECTIONS else 0)
        entries = [_rich_item(n + k) for k in range(count)]
        n += count
        section = {"kind": "section", "title": f"Agenda point {s}: [motion {s}](https://example.org/m/{s})",
                   "presenter": PEOPLE[s % len(PEOPLE)][0], "items": entries}
        if s % 7 == 0:
            half = len(entries) // 2
            section["items"] = entries[:half] + [{"kind": "section", "label": f"{s}A", "title": f"Special order {s}A",
                                                  "note": "Heard *before* the rest.", "items": entries[half:]}]
        out.append(section)
    return out


def sectioned_text(items: int, flat: bool = False) -> str:
    """Return the YAML of a schema version 2 session with ``items`` items in SECTIONS sections (or, ``flat``, the
    same items in one list without sections, for a tree that cannot render sections yet)."""
    data = session_data(0)
    proceedings = [_rich_item(n) for n in range(items)] if flat else _sections(items)
    data.update(schema_version=2, proceedings=proceedings)
    return "# generated for the benchmarks: record model 2\n" + yamlio.dump(data)


def write_sectioned(base: Path, items: int, flat: bool = False) -> Path:
    """Write one sectioned session (or its ``flat`` twin) with ``items`` items under ``base``; return its path."""
    base.mkdir(parents=True, exist_ok=True)
    path = base / f"2024-01-01-{'flat' if flat else 'sections'}-{items}.yaml"
    path.write_text(sectioned_text(items, flat), encoding="utf-8")
    return path

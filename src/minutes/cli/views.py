"""What `show` and `list` print: rich for people, JSON for scripts."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutes.errors import MinutesError, shown

if TYPE_CHECKING:
    from minutes.model.schema import Session


def session_json(s: Session) -> dict[str, Any]:
    """Return the session as JSON-ready data, keyed as in the file."""
    return s.model_dump(mode="json", by_alias=True, exclude_none=True)


def describe(s: Session, item: Any) -> str:
    """Return a one-line description of a proceedings item."""
    from minutes.model.schema import pick

    lang = s.lang
    if item.kind == "section":
        held = len(item.items)
        by = f" — {s.name_of(item.presenter)}" if item.presenter else ""
        consent = " (consent agenda)" if item.consent else ""
        return f"{pick(item.title, lang)}{by}{consent}" + ("" if held else " (no business yet)")
    if item.kind == "speech":
        text = f"{s.name_of(item.speaker)}"
        if item.on_behalf_of:
            text += f" (on behalf of {s.name_of(item.on_behalf_of)})"
        if item.topic:
            text += f": {pick(item.topic, lang)}"
        return text + (f" — {pick(item.summary, lang)}" if item.summary else "")
    if item.kind == "report":
        return f"{s.name_of(item.presenter)}: “{pick(item.title, lang)}”" + (
            f" — {pick(item.summary, lang)}" if item.summary else ""
        )
    if item.kind in ("resolution", "motion"):
        counts = item.vote_text()
        tail = ", ".join(x for x in (counts, item.result or "", pick(item.disposition, lang)) if x)
        return pick(item.title, lang) + (f" [{tail}]" if tail else "") + (" (pulled)" if item.pulled else "")
    if item.kind == "action":
        who = f" — {s.name_of(item.owner)}" if item.owner else (f" — {pick(item.owner_group, lang)}" if item.owner_group else "")
        due = f", due {item.due}" if item.due else ""
        return f"{pick(item.task, lang)}{who}{due} [{item.id}, {item.status}]"
    if item.kind == "review":
        return f"action {item.action}: {pick(item.status, lang)}"
    return pick(item.text, lang)


def _facts(s: Session) -> list[tuple[str, str]]:
    from minutes.model.schema import pick

    lang = s.lang
    place = s.place.mode + (f", {pick(s.place.venue, lang)}" if s.place.venue else "")
    facts = [
        ("Date", f"{s.date}" + (f" {s.start}" if s.start else "") + (f"–{s.end}" if s.end else "")),
        ("Organization", pick(s.organization, lang)),
        ("Place", place),
        ("Occasion", pick(s.occasion, lang)),
        ("Chair", s.name_of(s.chair)),
        ("Secretary", s.name_of(s.secretary)),
        ("Adjourned", s.adjourned or ""),
        ("Status", s.approval.status + (f" on {s.approval.date}" if s.approval.date else "")),
    ]
    return [(label, value) for label, value in facts if value]


def _attendance(s: Session) -> list[tuple[str, str, str]]:
    from minutes.model.schema import pick

    rows = []
    for a in s.attendees:
        person = s.person(a.person)
        name = pick(a.group, s.lang) if a.group else s.name_of(a.person)
        role = pick(a.role, s.lang) or (pick(person.role, s.lang) if person else "")
        extra = [f"as {pick(a.as_, s.lang)}" if a.as_ else "", f"arrived {a.arrived}" if a.arrived else "",
                 f"left {a.left}" if a.left else ""]
        rows.append((name, role, ", ".join([a.status, *filter(None, extra)])))
    return rows


def _items(s: Session) -> list[tuple[str, str, str, str, int]]:
    """Return each entry's address, time, kind, description and depth, sections before what they hold."""
    from minutes.model import address

    return [(e.address, getattr(e.entry, "at", None) or "", e.entry.kind, " ".join(describe(s, e.entry).split()), e.depth)
            for e in address.entries(s)]


def print_session(s: Session, plain: bool | None = None) -> None:
    """Print the session: rich tables on a terminal, plain lines in a pipe."""
    from minutes.model.schema import pick

    if plain if plain is not None else not sys.stdout.isatty():
        print(pick(s.title, s.lang))
        for label, value in _facts(s):
            print(f"  {label}: {value}")
        if s.attendees:
            print("Attendees:")
            for name, role, status in _attendance(s):
                print(f"  {name}" + (f" — {role}" if role else "") + f" ({status})")
        if s.proceedings:
            print("Proceedings:")
            for n, at, kind, what, depth in _items(s):
                print(f"  {'  ' * depth}{n}. " + (f"{at} " if at else "") + f"{kind}: {what}")
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console()
    console.print(f"[bold]{escape(pick(s.title, s.lang))}[/bold]")
    for label, value in _facts(s):
        console.print(f"  [dim]{label}:[/dim] {escape(value)}", highlight=False)
    entries = [(f"{'  ' * depth}{n}", at, kind, what) for n, at, kind, what, depth in _items(s)]
    for title, columns, rows in (
        ("Attendees", ("Name", "Role", "Status"), _attendance(s)),
        ("Proceedings", ("#", "Time", "Kind", "What"), entries),
    ):
        if rows:
            table = Table(title=title, title_justify="left")
            for col in columns:
                table.add_column(col)
            for row in rows:
                table.add_row(*(escape(cell) for cell in row))
            console.print(table)


def print_agenda(rows: list[dict[str, Any]]) -> None:
    """Print the agenda rows: each section's address and title, indented by depth, with its presenter and note."""
    if not rows:
        print("no sections; add one with 'minutes add-section'")
        return
    for row in rows:
        indent = "  " * row["depth"]
        head = row["address"] if "." in row["address"] or row["address"].endswith(")") else row["address"] + "."
        print(shown(f"{indent}{head} {row['title_text']}" + (f" — {row['presenter']}" if row["presenter"] else "")))
        for line in (row["note"] or "").splitlines():
            print(shown(f"{indent}{' ' * (len(head) + 1)}{line}".rstrip()))


def list_rows(folder: Path) -> list[dict[str, Any]]:
    """Return one summary row per session file in ``folder`` (unchanged files from the folder index)."""
    from minutes.store import index
    from minutes.records.ops import session_files

    return index.cached(session_files([folder]), "list", _row)


def _row(path: Path) -> dict[str, Any]:
    """Return the summary row of one session file, or its error."""
    from minutes.model import address
    from minutes.model.schema import pick
    from minutes.store import loader as sessions

    try:
        s = sessions.load(path)
    except MinutesError as exc:
        return {"file": path.name, "error": str(exc)}
    return {
        "file": path.name,
        "date": s.date.isoformat(),
        "title": pick(s.title, s.lang),
        "kind": s.kind,
        "attendees": len(s.attendees),
        "items": len(address.items(s)),
        "status": s.approval.status,
    }


LIST_COLUMNS = ("date", "title", "kind", "attendees", "items", "status", "file")


def print_list(rows: list[dict[str, Any]], plain: bool | None = None) -> None:
    """Print the session rows: a rich table on a terminal, tab-separated lines in a pipe."""
    cells = [
        [*(str(r.get(c, "")) for c in LIST_COLUMNS[:-1]), shown(r["file"])] if "error" not in r
        else ["", r["error"], "", "", "", "error", shown(r["file"])]
        for r in rows
    ]
    if plain if plain is not None else not sys.stdout.isatty():
        for row in [[c.title() for c in LIST_COLUMNS], *cells]:
            print("\t".join(row))
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table()
    for col in LIST_COLUMNS:
        table.add_column(col.title())
    for row in cells:
        table.add_row(*(escape(c) for c in row))
    Console().print(table)

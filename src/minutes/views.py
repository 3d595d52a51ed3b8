"""What `show` and `list` print: rich for people, JSON for scripts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from minutes import session as sessions
from minutes.errors import MinutesError
from minutes.model import Session, pick


def session_json(s: Session) -> dict[str, Any]:
    """Return the session as JSON-ready data, keyed as in the file."""
    return s.model_dump(mode="json", by_alias=True, exclude_none=True)


def _name(s: Session, pid: str | None) -> str:
    person = s.person(pid)
    return pick(person.name, s.lang) if person else (pid or "")


def describe(s: Session, item: Any) -> str:
    """Return a one-line description of a proceedings item."""
    lang = s.lang
    if item.kind == "speech":
        text = f"{_name(s, item.speaker)}"
        if item.on_behalf_of:
            text += f" (on behalf of {_name(s, item.on_behalf_of)})"
        if item.topic:
            text += f": {pick(item.topic, lang)}"
        return text + (f" — {pick(item.summary, lang)}" if item.summary else "")
    if item.kind == "report":
        return f"{_name(s, item.presenter)}: “{pick(item.title, lang)}”" + (
            f" — {pick(item.summary, lang)}" if item.summary else ""
        )
    if item.kind in ("resolution", "motion"):
        vote = item.vote
        counts = vote if isinstance(vote, str) else (f"{vote.for_}–{vote.against}–{vote.abstain}" if vote else "")
        tail = ", ".join(x for x in (counts, item.result or "") if x)
        return pick(item.title, lang) + (f" [{tail}]" if tail else "")
    if item.kind == "action":
        who = f" — {_name(s, item.owner)}" if item.owner else ""
        due = f", due {item.due}" if item.due else ""
        return f"{pick(item.task, lang)}{who}{due} [{item.id}, {item.status}]"
    return pick(item.text, lang)


def print_session(s: Session) -> None:
    """Print the session with rich."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    lang = s.lang
    console.print(f"[bold]{pick(s.title, lang)}[/bold]")
    place = s.place.mode + (f", {pick(s.place.venue, lang)}" if s.place.venue else "")
    facts = [
        ("Date", f"{s.date}" + (f" {s.start}" if s.start else "") + (f"–{s.end}" if s.end else "")),
        ("Organization", pick(s.organization, lang)),
        ("Place", place),
        ("Occasion", pick(s.occasion, lang)),
        ("Chair", _name(s, s.chair)),
        ("Secretary", _name(s, s.secretary)),
        ("Adjourned", s.adjourned or ""),
        ("Status", s.approval.status + (f" on {s.approval.on}" if s.approval.on else "")),
    ]
    for label, value in facts:
        if value:
            console.print(f"  [dim]{label}:[/dim] {value}", highlight=False)
    if s.attendees:
        table = Table(title="Attendees", title_justify="left")
        for col in ("Name", "Role", "Status"):
            table.add_column(col)
        for a in s.attendees:
            person = s.person(a.person)
            name = pick(a.group, lang) if a.group else _name(s, a.person)
            role = pick(a.role, lang) or (pick(person.role, lang) if person else "")
            table.add_row(name, role, a.status)
        console.print(table)
    if s.proceedings:
        table = Table(title="Proceedings", title_justify="left")
        for col in ("#", "Time", "Kind", "What"):
            table.add_column(col)
        for n, item in enumerate(s.proceedings, 1):
            table.add_row(str(n), item.at or "", item.kind, describe(s, item))
        console.print(table)


def list_rows(folder: Path) -> list[dict[str, Any]]:
    """Return one summary row per session file in ``folder``."""
    from minutes.ops import session_files

    rows = []
    for path in session_files([folder]):
        try:
            s = sessions.load(path)
        except MinutesError as exc:
            rows.append({"file": path.name, "error": str(exc)})
            continue
        rows.append(
            {
                "file": path.name,
                "date": s.date.isoformat(),
                "title": pick(s.title, s.lang),
                "kind": s.kind,
                "attendees": len(s.attendees),
                "items": len(s.proceedings),
                "status": s.approval.status,
            }
        )
    return rows


def print_list(rows: list[dict[str, Any]]) -> None:
    """Print the session rows as a table (plain lines in a pipe)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("Date", "Title", "Kind", "Attendees", "Items", "Status", "File"):
        table.add_column(col)
    for r in rows:
        if "error" in r:
            table.add_row("", f"[red]{r['error']}[/red]", "", "", "", "error", r["file"])
        else:
            table.add_row(r["date"], r["title"], r["kind"], str(r["attendees"]), str(r["items"]), r["status"], r["file"])
    Console().print(table)

"""Action items across meetings: listing, closing, and carrying them over."""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from minutes.model import address, clock, names
from minutes.records.session_file import change
from minutes.records.tables import Table
from minutes.store import textedit as edit
from minutes.store import loader as sessions
from minutes.errors import MinutesError, UsageError
from minutes.model.schema import Action, Review, Session, pick


@dataclass
class ActionRow:
    """One action item as seen across sessions: its newest record wins; where it was raised, its first.

    The keys of its JSON (``to_dict``), each a string ("" for none): id, task, owner (the person, else the
    owner group), due (a date as YYYY-MM-DD or a soft text as typed), status (open, done, cancelled),
    session, date and file (of its newest record), carried_over_from, address and section (where it was
    raised: its address and the title of the section holding it), owner_group, review (the latest
    status a later session's review recorded) and reviewed_on (that session's date); a review with
    ``done`` makes the status done.
    """

    id: str
    task: str
    owner: str
    due: str
    status: str
    session: str
    date: str
    file: str
    carried_over_from: str = ""
    address: str = ""
    section: str = ""
    owner_group: str = ""
    review: str = ""
    reviewed_on: str = ""

    def to_dict(self) -> dict[str, str]:
        """Return the row for JSON and CSV."""
        return asdict(self)

    def soft_due(self) -> bool:
        """Return whether the due is a text ("by Monday, if possible") rather than a date."""
        return bool(self.due) and not DATE.fullmatch(self.due)


DATE = re.compile(r"\d{4}-\d\d-\d\d")


def load_all(paths: list[Path]) -> list[tuple[Path, Session]]:
    """Return the valid sessions among ``paths``, oldest first (invalid files are skipped with a warning)."""
    loaded = []
    for path in paths:
        try:
            loaded.append((path, sessions.load(path)))
        except MinutesError as exc:
            print(f"minutes: warning: {exc} (skipped)", file=sys.stderr)
    return sorted(loaded, key=lambda pair: (pair[1].date, pair[0].name))


def _owner(s: Session, item: Action) -> str:
    """Return who owns an action as shown: the person, the group in brackets after them, or the group alone."""
    group = pick(item.owner_group, s.lang)
    if item.owner and group:
        return f"{s.name_of(item.owner)} ({group})"
    return s.name_of(item.owner) if item.owner else group


def rows(loaded: list[tuple[Path, Session]]) -> list[ActionRow]:
    """Return one row per action id, taken from the newest session that holds it, with the address and section
    it was raised in (its oldest session) and the latest review of it in a session dated after that one."""
    newest: dict[str, ActionRow] = {}
    raised: dict[str, tuple[dt.date, str, str]] = {}  # id: date, address and section title where first seen
    reviews: list[tuple[dt.date, str, str, bool]] = []  # date, action id, status, done: oldest first, as the sessions are
    for path, s in loaded:
        titles = {e.address: pick(e.entry.title, s.lang) for e in address.entries(s) if address.is_section(e.entry)}
        for e in address.entries(s):
            item = e.entry
            if isinstance(item, Review):
                reviews.append((s.date, item.action, pick(item.status, s.lang) or ("done" if item.done else ""), item.done))
            if not isinstance(item, Action):
                continue
            key = item.id or f"{path.name}#{pick(item.task, s.lang)}"
            first = raised.setdefault(key, (s.date, e.address, titles.get(e.section, "")))
            newest[key] = ActionRow(
                id=item.id or "", task=pick(item.task, s.lang), owner=_owner(s, item),
                due=item.due.isoformat() if isinstance(item.due, dt.date) else item.due or "", status=item.status,
                session=pick(s.title, s.lang), date=s.date.isoformat(), file=str(path),
                carried_over_from=item.carried_over_from.isoformat() if item.carried_over_from else "",
                address=first[1], section=first[2], owner_group=pick(item.owner_group, s.lang),
            )
    for day, action_id, status, done in reviews:  # a later review (by date, then file, then place) wins
        row = newest.get(action_id)
        if row is not None and day > raised[action_id][0]:
            row.review, row.reviewed_on = status, day.isoformat()
            if done:  # the review closed it: done from that meeting on
                row.status = "done"
    return sorted(newest.values(), key=lambda r: (_due_order(r), id_order(r.id)))


def _due_order(row: ActionRow) -> tuple[int, str]:
    """Return the key that sorts dues: dates in order, then soft dues, then none."""
    if not row.due:
        return (2, "")
    return (1, "") if row.soft_due() else (0, row.due)


# The listing's columns: the first seven as they always were, the newer ones after them.
COLUMNS = ("id", "task", "owner", "due", "status", "date", "session", "address", "section", "review", "reviewed_on")


def table(found: list[ActionRow], every_key: bool = False) -> Table:
    """Return the action items as a table: the listing's columns, or with ``every_key`` all of a row's keys."""
    columns = [f.name for f in fields(ActionRow)] if every_key else list(COLUMNS)
    return Table("Action items", columns, [[getattr(r, c) for c in columns] for r in found])


def id_order(action_id: str) -> tuple:
    """Return a sort key that puts ids in numeric order: ``20240312-2`` before ``20240312-10``."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", action_id) if part)


def select(
    found: list[ActionRow], *, open_only: bool = False, owner: str | None = None, overdue: bool = False,
    today: dt.date | None = None,
) -> list[ActionRow]:
    """Return the rows that pass the filters."""
    today = today or clock.today()
    out = []
    for row in found:
        if (open_only or overdue) and row.status != "open":
            continue
        if owner and not any(_named(owner, name) for name in (row.owner, row.owner_group)):
            continue
        if overdue and not (row.due and not row.soft_due() and row.due < today.isoformat()):
            continue
        out.append(row)
    return out


def find(paths: list[Path], action_id: str) -> tuple[Path, address.Entry, Session] | None:
    """Return the newest session file among ``paths`` that holds the action ``action_id``, that action's entry and
    the session; None when no session does."""
    found = None
    for path, s in load_all(paths):
        for e in address.entries(s):
            if isinstance(e.entry, Action) and e.entry.id == action_id:
                found = (path, e, s)
    return found


def close(paths: list[Path], action_id: str, note: str | None = None, on: dt.date | None = None,
          amend: str | None = None, session: Path | None = None) -> tuple[Path, str]:
    """Mark action ``action_id`` done in the newest session that holds it (or the action at that address of
    ``session``); return that file and the action's id."""
    newest = find(paths, action_id)
    holder = (newest[0], newest[1].path, action_id) if newest is not None else None
    if holder is None and session is not None:
        try:
            found = address.find(sessions.load(session), action_id, "action")
        except UsageError:
            raise UsageError(f"no action item with id {action_id!r}; see 'minutes actions'") from None
        if not isinstance(found.entry, Action):
            raise UsageError(f"{found.address} is a {found.entry.kind}, not an action item")
        holder = (session, found.path, found.entry.id)
    if holder is None:
        raise UsageError(f"no action item with id {action_id!r}; see 'minutes actions'")
    path, where, the_id = holder

    def fn(draft: edit.Draft, data: dict) -> None:
        found = address.at_path(data, where)
        item = found.entry if found is not None else {}
        if item.get("kind") != "action" or item.get("id") != the_id:
            raise MinutesError(f"{path} changed meanwhile; try again")
        if item.get("status") == "done":
            raise MinutesError(f"action {the_id or found.address} is already done (on {item.get('done_on')})")
        draft.set([*where, "status"], "done")
        draft.set([*where, "done_on"], on or clock.today())
        if note:
            draft.set([*where, "note"], note)

    change(path, fn, amend, f"closed action {the_id or action_id}")
    return path, the_id or action_id


def previous_session(paths: list[Path], organization: object, before: dt.date) -> tuple[Path, Session] | None:
    """Return the latest session of the same body before ``before``."""
    wanted = _spellings(organization)
    same = [(p, s) for p, s in load_all(paths) if _spellings(s.organization) & wanted and s.date < before]
    return same[-1] if same else None


def _spellings(text: object) -> set[str]:
    """Return every language's spelling of a text, case-folded."""
    values = text.values() if isinstance(text, dict) else [text]
    return {v.casefold() for v in values if isinstance(v, str)}


def carried_over(previous: Session) -> list[dict]:
    """Return the open action items of ``previous``, marked as carried over, for a new session."""
    items = []
    for item in address.items(previous):
        if isinstance(item, Action) and item.status == "open":
            data = item.model_dump(by_alias=True, exclude_defaults=True, exclude_none=True)
            data.pop("at", None)
            data["carried_over_from"] = item.carried_over_from or previous.date
            items.append({"kind": "action", **{k: v for k, v in data.items() if k != "kind"}})
    return items


def _named(query: str, name: str) -> bool:
    """Return whether ``query`` names ``name`` as `--owner` takes it: the start of the name or of any word of it
    ("Sam", "Ruby" and "sam r" find Sam Ruby; "Board" finds the Board), without regard to case or accents."""
    typed, spelled = names.fold(query.strip()), names.fold(name)
    return bool(typed) and (spelled.startswith(typed) or any(w.startswith(typed) for w in names.words(name)))

"""The people of a session: attendees, the roster (its own and the folder's shared one) and attendance groups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from minutes.errors import MinutesError, UsageError
from minutes.model import address, names
from minutes.records.session_file import change, person_id, roster, valid_data
from minutes.store import loader as sessions
from minutes.store import textedit as edit


def new_id(data: dict, name: str, path: Path | None = None) -> str:
    """Return a new person id made from ``name``, taken by no one the session (or its folder's roster) knows."""
    base = names.slugify(name, 40)
    taken = {p["id"] for p in roster(data, path)}
    pid, n = base, 2
    while pid in taken:
        pid, n = f"{base}-{n}", n + 1
    return pid


def person_or_guest(draft: edit.Draft, data: dict, name: str | None, guest: bool, what: str,
                     path: Path | None = None) -> str | None:
    """Return the id ``name`` resolves to, adding them to the draft as a guest when allowed."""
    if name is None:
        return None
    try:
        return person_id(data, name, what, path)
    except MinutesError:
        if not guest:
            raise
    pid = new_id(data, name, path)
    draft.append("people", clean({"id": pid, "name": name}))
    draft.append("attendees", {"person": pid, "status": "guest"})
    return pid


def clean(data: dict[str, Any]) -> dict[str, Any]:
    """Return ``data`` without empty values, so files stay short."""
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def add_attendee(
    path: Path,
    name: str,
    *,
    status: str = "present",
    role: str | None = None,
    organization: str | None = None,
    pronoun: str | None = None,
    honorific: str | None = None,
    group: bool = False,
    capacity: str | None = None,
    arrived: str | None = None,
    left: str | None = None,
    amend: str | None = None,
) -> dict:
    """Add a person (to the roster too, if new) or a group to the attendees, in the attendance group ``capacity``
    (``--as``); return the new data."""
    extra = clean({"as": capacity, "arrived": arrived, "left": left})

    def fn(draft: edit.Draft, data: dict) -> None:
        if group:
            return draft.append("attendees", clean({"group": name, "status": status, "role": role, **extra}))
        pid = names.exact(roster(data, path), name)
        if pid is None:
            pid = new_id(data, name, path)
            person = {"id": pid, "name": name, "honorific": honorific, "role": role, "organization": organization, "pronoun": pronoun}
            draft.append("people", clean(person))
        if any(a.get("person") == pid for a in data.get("attendees") or []):
            raise UsageError(f"{name} is already an attendee; change their entry with 'minutes set attendee.{name}.status ...' (or .role, .note)")
        draft.append("attendees", {"person": pid, "status": status, **extra})

    return change(path, fn, amend, f"added attendee {name} ({status})")


def add_person(
    path: Path,
    name: str,
    *,
    role: str | None = None,
    organization: str | None = None,
    pronoun: str | None = None,
    honorific: str | None = None,
    handle: str | None = None,
    aliases: list[str] | None = None,
    email: str | None = None,
    shared: bool = False,
    amend: str | None = None,
) -> tuple[str, Path]:
    """Add a person to the roster without attendance (the session's, or with ``shared`` its folder's people.yaml);
    return their id and the file written."""
    from minutes.store import roster as shared_roster

    data = valid_data(path, sessions.read_text(path))[0]
    known = names.exact(roster(data, path), name) or (names.exact(roster(data, path), handle) if handle else None)
    if known is not None:
        raise UsageError(f"{name} is already in the roster (as {known!r}); change them with 'minutes set person.{known}.FIELD'")
    pid = new_id(data, name, path)
    person = clean({"id": pid, "name": name, "honorific": honorific, "role": role, "organization": organization,
                     "pronoun": pronoun, "email": email, "handle": handle, "aliases": aliases or []})
    if shared:
        return pid, shared_roster.append_person(path, person)

    def fn(draft: edit.Draft, data: dict) -> None:
        if names.exact(roster(data, path), name) is not None:
            raise UsageError(f"{name} is already in the roster")
        draft.append("people", person)

    change(path, fn, amend, f"added person {name}")
    return pid, path


def add_group(path: Path, name: str, *, voting: bool = True, always: list[str] | None = None,
              amend: str | None = None) -> dict:
    """Add the settings of the attendance group ``name`` (voting or not, statuses always listed); return the new data."""

    def fn(draft: edit.Draft, data: dict) -> None:
        try:
            address.group_index(data, name)
        except UsageError:
            entry = {"name": name, "voting": voting, "always": list(always or [])}
            return draft.append("groups", {k: v for k, v in entry.items() if v != []})
        raise UsageError(f"group {name!r} already has settings; change them with 'minutes set group.{name}.voting ...' (or .always)")

    return change(path, fn, amend, f"added group {name}")

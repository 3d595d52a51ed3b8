"""The people of a session: attendees, the roster (its own and the folder's shared one) and attendance groups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from minutes.errors import MinutesError, UnknownName, UsageError
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
) -> str:
    """Add a person or a group to the attendees, in the attendance group ``capacity`` (``--as``); return how the
    attendee is named. A name the roster knows (as commands match names: a surname, a handle) is that person,
    with ``role`` as their role at this sitting; any other name is a new person in the session's roster."""
    extra = clean({"as": capacity, "arrived": arrived, "left": left})
    named: list[str] = []

    def fn(draft: edit.Draft, data: dict) -> None:
        if group:
            named.append(name)
            return draft.append("attendees", clean({"group": name, "status": status, "role": role, **extra}))
        people = roster(data, path)
        pid = names.exact(people, name) or names.find(people, name, "attendee")  # several people: refused
        known = next((p for p in people if p.get("id") == pid), None)
        if known is None:
            pid = new_id(data, name, path)
            person = {"id": pid, "name": name, "honorific": honorific, "role": role, "organization": organization, "pronoun": pronoun}
            draft.append("people", clean(person))
        if any(a.get("person") == pid for a in data.get("attendees") or []):
            raise UsageError(f"{name} is already an attendee; change their entry with 'minutes set attendee.{name}.status ...' (or .role, .note)")
        sitting_role = role if known is not None and role and role != known.get("role") else None
        draft.append("attendees", clean({"person": pid, "status": status, "role": sitting_role, **extra}))
        shown = known.get("name") if known is not None else name
        named.append(name if not isinstance(shown, str) or shown == name else f"{shown} ({pid})")

    change(path, fn, amend, f"added attendee {name} ({status})")
    return named[-1]


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
    people = roster(data, path)
    known = names.exact(people, name) or (names.exact(people, handle) if handle else None)
    if known is not None:
        raise UsageError(f"{name} is already in the roster (as {known!r}); change them with 'minutes set person.{known}.FIELD'")
    pid = new_id(data, name, path)
    person = clean({"id": pid, "name": name, "honorific": honorific, "role": role, "organization": organization,
                     "pronoun": pronoun, "email": email, "handle": handle, "aliases": aliases or []})
    if shared:
        return pid, shared_roster.append(path, "people", person, "id")

    def fn(draft: edit.Draft, data: dict) -> None:
        if names.exact(roster(data, path), name) is not None:
            raise UsageError(f"{name} is already in the roster")
        draft.append("people", person)

    change(path, fn, amend, f"added person {name}")
    return pid, path


def add_group(path: Path, name: str, *, voting: bool = True, always: list[str] | None = None, shared: bool = False,
              amend: str | None = None) -> Path:
    """Add the settings of the attendance group ``name`` (voting or not, statuses always listed) to the session, or
    with ``shared`` to its folder's people.yaml; return the file written."""
    from minutes.store import roster as shared_roster

    entry = {k: v for k, v in {"name": name, "voting": voting, "always": list(always or [])}.items() if v != []}
    if shared:
        return shared_roster.append(path, "groups", entry, "name")

    def fn(draft: edit.Draft, data: dict) -> None:
        try:
            address.group_index(data, name)
        except UsageError:
            return draft.append("groups", entry)
        raise UsageError(f"group {name!r} already has settings; change them with 'minutes set group.{name}.voting ...' (or .always)")

    change(path, fn, amend, f"added group {name}")
    return path


def group_named(data: dict, name: str, path: Path | None = None) -> str | None:
    """Return the attendance group or body ``name`` spells (accents and case aside), as the session spells it: a
    group with settings (the session's or the shared roster's), an attendee's ``as``, or an attendee that is a group."""
    from minutes.store.loader import shared_data

    wanted = names.fold(name.strip())
    settings = [g.get("name") for g in [*(data.get("groups") or []), *(shared_data(path).get("groups") or [] if path else [])]
                if isinstance(g, dict)]
    attending = [value for a in data.get("attendees") or [] if isinstance(a, dict) for value in (a.get("as"), a.get("group"))]
    for text in [*settings, *attending]:
        for spelled in (text.values() if isinstance(text, dict) else [text]):
            if isinstance(spelled, str) and names.fold(spelled.strip()) == wanted:
                return spelled
    return None


def owner(draft: edit.Draft, data: dict, name: str | None, guest: bool, path: Path | None = None) -> dict[str, str]:
    """Return the owner fields for ``name``: ``owner`` (a person's id) or ``owner_group`` (a group or body the session
    names). A person spelled exactly so comes first, then a group, then a person the name matches more loosely."""
    if name is None:
        return {}
    people = roster(data, path)
    exact = names.exact(people, name)
    group = None if exact else group_named(data, name, path)
    if exact or group:
        return {"owner": exact} if exact else {"owner_group": group}
    loose = names.find(people, name, "owner")  # several people: refused
    if loose is None and not guest:
        raise UnknownName(names.unknown(people, name, "owner", "add them with 'minutes add-attendee', pass --guest, "
                                        "or give a body named nowhere with --owner-group"), name, names.suggestions(people, name))
    return {"owner": loose or person_or_guest(draft, data, name, guest, "owner", path)}

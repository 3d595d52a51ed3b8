"""`minutes set` and `minutes remove`: changing a field of a session file, removing a proceedings item."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from minutes.model import address
from minutes.records.session_file import change, person_id, roster
from minutes.store import textedit as edit
from minutes.store import loader as sessions
from minutes.store import yamlio
from minutes.errors import MinutesError, UsageError

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PERSON_FIELDS = {"chair", "secretary", "approval.by"}
LIST_FIELDS = {"tags", "press.translations"}
# `set` takes no --guest: an unknown name is refused with what to do instead.
SET_REMEDY = "add them with 'minutes add-person' or 'minutes add-attendee'"
ITEM_PERSON_FIELDS = {"speaker", "presenter", "on_behalf_of", "owner", "moved_by", "seconded_by", "person"}


def field_path(data: dict, field: str, path: Path | None = None) -> list[str | int]:
    """Return the path in the file for a dotted field: ``place.venue``, ``ADDR.FIELD`` (``2A.1.summary``, or
    ``item.N.FIELD`` at the top level), ``person.ID.FIELD``, ``attendee.NAME.FIELD`` and ``group.NAME.FIELD``."""
    keys: list[str | int] = [k for k in field.split(".") if k]
    if not keys or keys[0] in ("people", "attendees", "groups", "proceedings", "schema_version", "amendments"):
        raise UsageError(f"cannot set {field!r}; use ADDR.FIELD (e.g. 2A.1.summary), person.ID.FIELD, the add-* commands or 'edit'")
    if keys[0] in ("item", "person", "attendee", "group"):
        if len(keys) < 3:
            example = {"person": "li-jizheng.role", "attendee": "Maria Lopez.left", "group": "Staff.voting"}
            raise UsageError(f"{field!r}: say which field, e.g. {keys[0]}.{example.get(str(keys[0]), '3.summary')}")
        if keys[0] == "person":
            ids = [p["id"] for p in data.get("people") or []]
            pid = person_id(data, str(keys[1]), path=path)
            if pid not in ids:
                raise UsageError(f"{field!r}: {keys[1]} is in the folder's shared roster (people.yaml); change them there")
            return ["people", ids.index(pid), *_numbered(keys[2:])]
        if keys[0] == "item":
            return ["proceedings", address.item_index(data, keys[1]), *_numbered(keys[2:])]
        if keys[0] == "group":
            return ["groups", address.group_index(data, str(keys[1])), *_numbered(keys[2:])]
        return ["attendees", address.attendee_index(data, str(keys[1]), roster(data, path)), *_numbered(keys[2:])]
    if len(keys) >= 2 and str(keys[0]) not in _session_fields():
        try:
            entry, rest = address.split_field(data, field)
        except UsageError:
            if str(keys[0])[:1].isdigit():
                raise
            return keys
        if rest[0].isdigit():  # the longest address that fits ends before a number: no entry has that address
            raise UsageError(f"{field!r}: no item or section has the address {entry.address}.{rest[0]} "
                             f"(see 'minutes show'); say ADDR.FIELD, e.g. {entry.address}.1.summary")
        if rest[0] == "items" and address.is_section(entry.entry):
            raise UsageError(f"{field!r}: add to a section with the add-* commands (--in {entry.address}), not 'set'")
        return [*entry.path, *_numbered(rest)]
    return keys


def _session_fields() -> set[str]:
    """Return the names of the session's own fields (``place``, ``chair``, ...), which no address shadows."""
    from minutes.model.schema import Session

    return {field.alias or name for name, field in Session.model_fields.items()}


def _numbered(keys: list[str | int]) -> list[str | int]:
    """Return ``keys`` with 1-based numbers (``points.2``) turned into list indices."""
    return [int(k) - 1 if isinstance(k, str) and k.isdigit() and int(k) > 0 else k for k in keys]


def set_field(path: Path, field: str, value: str, lang: str | None = None, amend: str | None = None) -> dict:
    """Set a field (dotted: ``place.venue``, ``item.4.summary``, ``person.vera.role``); ``lang`` sets one translation."""

    def fn(draft: edit.Draft, data: dict) -> None:
        text = draft.text
        keys = field_path(data, field, path)
        new: Any = value
        leaf = keys[-1]
        if field in PERSON_FIELDS or leaf in ITEM_PERSON_FIELDS:
            new = person_id(data, value, str(leaf).replace("_", " "), path, SET_REMEDY)
        elif field in LIST_FIELDS:
            new = [v.strip() for v in value.split(",") if v.strip()]
        elif lang:
            old = _get(data, keys)
            new = dict(old) if isinstance(old, dict) else ({data.get("lang", "en"): old} if old else {})
            new[lang] = value
        else:
            typed = _typed(value)
            if typed is not value:
                attempt = edit.set_value(text, keys, typed)
                checked = sessions.validate(attempt, path)
                if not isinstance(checked, list) and not isinstance(_get(checked.model_dump(by_alias=True), keys), str):
                    return draft.replace(attempt)  # the field really is a number, date, flag or empty
        draft.set(keys, new)
        problems = sessions.validate(draft.text, path)
        if isinstance(problems, list):  # the value typed is wrong, not the file: a usage error naming the field
            from minutes.model.values import refused

            raise refused(problems[0], path, field, value)

    return change(path, fn, amend, f"set {field}" + (f" ({lang})" if lang else "") + f" to {value!r}")


def _typed(value: str) -> Any:
    """Return ``value`` read as a number, flag, date or null where it looks like one; else ``value`` itself."""
    if not value.strip():
        return value
    try:
        typed = yamlio.load(value)
    except MinutesError:
        return value
    if isinstance(typed, str) and DATE_RE.fullmatch(typed):
        try:
            return dt.date.fromisoformat(typed)
        except ValueError:
            return value
    return typed if isinstance(typed, (bool, int, float)) or typed is None else value


def _get(data: Any, keys: list[str | int]) -> Any:
    for key in keys:
        if isinstance(key, int):
            data = data[key] if isinstance(data, list) and key < len(data) else None
        else:
            data = data.get(key) if isinstance(data, dict) else None
    return data


def remove_item(path: Path, ref: str | int, amend: str | None = None) -> tuple[str, dict]:
    """Remove the item or section at address ``ref`` (or the action with that id, or ``attendee.NAME``); return its
    address and the entry."""
    removed: dict = {}
    where: list[str] = []

    def fn(draft: edit.Draft, data: dict) -> None:
        text = str(ref)
        if text.startswith("attendee.") and len(text) > len("attendee."):
            index = address.attendee_index(data, text[len("attendee."):], roster(data, path))
            removed.update(data["attendees"][index])
            where.append(text)
            return draft.remove("attendees", index)  # the person stays in the roster
        found = address.find(data, ref)
        removed.update(found.entry)
        where.append(found.address)
        draft.remove(found.path[:-1], int(found.path[-1]))

    change(path, fn, amend, f"removed item {ref}")
    return where[-1], removed

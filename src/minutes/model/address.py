"""Addresses: the number or id printed for an entry anywhere, turned back into its place in the file.

The proceedings are numbered 1, 2, 3 … in file order, every entry counted (actions too), in the
minutes, `show`, the confirmations, the registers and the error messages alike; an action may also be
named by its id (``20240312-2``). Attendees are named by their number in `show` or by the person's name.
"""

from __future__ import annotations

from typing import Any

from minutes.errors import UsageError

ENTRY = {"proceedings": "item", "attendees": "attendee", "people": "person"}


def item_index(data: dict, ref: str | int) -> int:
    """Return the list index of proceedings entry ``ref`` (its number, from 1, or an action's id)."""
    items = data.get("proceedings") or []
    text = str(ref).strip()
    if text.isascii() and text.isdigit():
        return _numbered(int(text), len(items), "item")
    found = [i for i, item in enumerate(items) if isinstance(item, dict) and item.get("kind") == "action"
             and str(item.get("id", "")) == text]
    if not found:
        raise UsageError(f"there is no item {text!r}: give its number (see 'minutes show') or an action's id")
    return found[-1]


def attendee_index(data: dict, ref: str) -> int:
    """Return the list index of attendee ``ref``: their number in `show`, or the person's (or group's) name."""
    from minutes.model import names

    attendees = data.get("attendees") or []
    text = str(ref).strip()
    if text.isascii() and text.isdigit():
        return _numbered(int(text), len(attendees), "attendee")
    for i, a in enumerate(attendees):
        group = a.get("group") if isinstance(a, dict) else None
        if group is not None and text.casefold() in {str(v).casefold() for v in _spellings(group)}:
            return i
    pid = names.resolve(data.get("people") or [], text, "attendee")
    for i, a in enumerate(attendees):
        if isinstance(a, dict) and a.get("person") == pid:
            return i
    raise UsageError(f"{text!r} is in the roster but not an attendee; add them with 'minutes add-attendee'")


def _numbered(number: int, count: int, what: str) -> int:
    """Return the list index of entry ``number`` (from 1) of ``count``, or a usage error saying how many there are."""
    if not 1 <= number <= count:
        raise UsageError(f"there is no {what} {number}; the session has {count} {what}{'s' * (count != 1)}")
    return number - 1


def _spellings(text: Any) -> list[Any]:
    return list(text.values()) if isinstance(text, dict) else [text]


def shown(loc: list[Any]) -> str:
    """Return a location in the model as users count it: ``item 7, vote.for`` for ``proceedings.6.vote.for``."""
    if len(loc) >= 2 and loc[0] in ENTRY and isinstance(loc[1], int):
        head = f"{ENTRY[loc[0]]} {loc[1] + 1}"
        rest = ".".join(str(p + 1 if isinstance(p, int) else p) for p in loc[2:])
        return f"{head}, {rest}" if rest else head
    return ".".join(str(p + 1 if isinstance(p, int) else p) for p in loc)

"""Whether appends keep a valid session valid, decided without building the pydantic model.

Importing pydantic and building the session model costs about 150 ms, more than the rest of an
`add-*` command. A session whose text validated before (the cache records its digest) stays valid
when each appended entry is valid on its own and nothing else changed. The checks here are
deliberately narrow: they accept only the plain forms the commands write (one string per text,
ISO dates, HH:MM times), and anything else goes through the full model. So they may send a valid
entry the slow way, but never let an invalid one through (tests/model/test_quick.py checks this against
the model, field by field).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, get_args

from minutes import fastpaths
from minutes.model.vocab import (
    BARE_METHODS, PERSON_ID, TEXT_KINDS, THRESHOLD_RE, TIME_RE, ActionStatus, Pronoun, Result, Status, VoteMethod,
)

Check = Callable[[Any], bool]
_PERSON_ID = re.compile(PERSON_ID)


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _time(value: Any) -> bool:
    return isinstance(value, str) and TIME_RE.fullmatch(value) is not None


def _date(value: Any) -> bool:
    if not (isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-"):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _one_of(choices: Any) -> Check:
    allowed = set(get_args(choices))
    return lambda value: isinstance(value, str) and value in allowed


def _count(value: Any) -> bool:
    return type(value) is int and value >= 0


def _vote(value: Any) -> bool:
    if isinstance(value, str):
        return value in BARE_METHODS
    return isinstance(value, dict) and _fields(value, _VOTE, set())


def _empty(value: Any) -> bool:
    """Accept only the empty list: a field the commands write rarely goes through the full model."""
    return value == []


def _threshold(value: Any) -> bool:
    return isinstance(value, str) and THRESHOLD_RE.fullmatch(value) is not None


def _attachments(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(a, dict) and _fields(a, {"file": _text, "caption": _text}, {"file"}) for a in value
    )


def _fields(entry: dict, checks: dict[str, Check], required: set[str]) -> bool:
    """Return whether ``entry`` has only known keys, all required ones, and each value passes its check."""
    return required <= entry.keys() and all(key in checks and checks[key](value) for key, value in entry.items())


_VOTE: dict[str, Check] = {
    "for": _count, "against": _count, "abstain": _count, "absent": _count, "on": _text, "threshold": _threshold,
    "method": lambda v: isinstance(v, str) and v in get_args(VoteMethod), "result": lambda v: _one_of(Result)(v),
    **{key: _empty for key in ("ayes", "nays", "abstentions", "not_voting", "explanations")},
}
_ITEM = {"kind": _text, "at": _time, "attachments": _attachments, "note": _text, "pulled": lambda v: type(v) is bool}
ITEMS: dict[str, tuple[dict[str, Check], set[str]]] = {
    **{kind: ({**_ITEM, "text": _text}, {"kind", "text"}) for kind in TEXT_KINDS},
    "speech": (
        {**_ITEM, "speaker": _text, "on_behalf_of": _text, "role": _text, "topic": _text, "summary": _text, "points": _texts},
        {"kind", "speaker"},
    ),
    "report": ({**_ITEM, "presenter": _text, "title": _text, "summary": _text, "points": _texts}, {"kind", "presenter", "title"}),
    **{
        kind: (
            {**_ITEM, "title": _text, "text": _text, "moved_by": _text, "seconded_by": _text, "vote": _vote,
             "votes": lambda v: isinstance(v, list) and all(_vote(x) for x in v), "result": _one_of(Result),
             "disposition": _text},
            {"kind", "title"},
        )
        for kind in ("resolution", "motion")
    },
    "action": (
        {**_ITEM, "id": _text, "task": _text, "owner": _text, "due": _date, "status": _one_of(ActionStatus),
         "done_on": _date, "carried_over_from": _date, "owner_group": _text},
        {"kind", "task"},
    ),
    "review": ({**_ITEM, "action": _text, "task": _text, "status": _text, "done": lambda v: type(v) is bool},
               {"kind", "action"}),
}
ITEMS["section"] = (
    {"kind": _text, "label": lambda v: isinstance(v, str) and bool(v.strip()) and "\n" not in v, "title": _text,
     "presenter": _text, "note": _text, "items": _empty, "consent": lambda v: type(v) is bool, "vote": _vote,
     "result": _one_of(Result), "disposition": _text},
    {"kind", "title"},
)
PERSON: tuple[dict[str, Check], set[str]] = (
    {"id": lambda v: isinstance(v, str) and _PERSON_ID.fullmatch(v) is not None, "name": _text, "honorific": _text,
     "role": _text, "organization": _text, "pronoun": _one_of(Pronoun), "email": _text, "handle": _text,
     "aliases": _texts},
    {"id", "name"},
)
ATTENDEE: tuple[dict[str, Check], set[str]] = (
    {"person": _text, "group": _text, "status": _one_of(Status), "role": _text, "note": _text, "as": _text,
     "arrived": _time, "left": _time},
    set(),
)


def entry_ok(data: dict, key: str | tuple[str | int, ...], entry: Any) -> bool:
    """Return whether ``entry``, appended to the list ``key`` of the session ``data``, is certainly valid there."""
    if not isinstance(entry, dict):
        return False
    if key == "proceedings" or isinstance(key, tuple) and key[:1] == ("proceedings",):
        kind = entry.get("kind")
        return isinstance(kind, str) and kind in ITEMS and _fields(entry, *ITEMS[kind])
    if key == "people":
        ids = [p.get("id") for p in data.get("people") or []]
        return _fields(entry, *PERSON) and ids.count(entry["id"]) == 1
    if key == "attendees":
        return _fields(entry, *ATTENDEE) and ("person" in entry) != ("group" in entry)
    return False


def keeps_valid(data: dict | None, appended: list[tuple[str, Any]] | None) -> bool:
    """Return whether ``data``, a valid session with only the ``appended`` entries added, is certainly still valid.

    ``appended`` is None when the session changed in some other way: then nothing is certain.
    With ``MINUTES_FAST=0`` (see ``minutes.fastpaths``) nothing is: every change is validated in full.
    """
    if not (fastpaths.enabled() and data is not None and appended is not None):
        return False
    if not all(entry_ok(data, key, entry) for key, entry in appended):
        return False
    # An item appended takes a number no label has (model.address.walk), so only a label can repeat an address.
    labelled = any(entry.get("kind") == "section" and entry.get("label") for _, entry in appended)
    if not labelled:
        return True
    from minutes.model.address import duplicates

    return not duplicates(data)

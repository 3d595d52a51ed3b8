"""The one path every change to a session file takes (under its lock, guarded, validated), and its roster look-ups."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from minutes.records import approval
from minutes.store import cache
from minutes.store import textedit as edit
from minutes.model import names
from minutes.model import quick
from minutes.store import loader as sessions
from minutes.store import atomic as store

if TYPE_CHECKING:
    from minutes.model.schema import Session


class Write(NamedTuple):
    """One change written to a session file: the text it replaced and the text written."""

    path: Path
    before: str
    after: str
    what: str


_WATCHERS: list[list[Write]] = []


@contextlib.contextmanager
def watching() -> Iterator[list[Write]]:
    """Collect, in the list yielded, every change written to a session file within the block (for `undo`)."""
    seen: list[Write] = []
    _WATCHERS.append(seen)
    try:
        yield seen
    finally:
        _WATCHERS.remove(seen)


def change(path: Path, fn: Callable[[edit.Draft, dict], None], amend: str | None = None, what: str = "") -> dict:
    """Apply ``fn(draft, data)`` to the file under its lock; validate before writing; return the new data.

    ``data`` is the file's validated data; while the draft only appends, it is the draft's own data,
    so ``fn`` sees its earlier appends. The new text is validated in full unless the file validated
    before and the change only appended entries that ``quick.keeps_valid`` vouches for.
    Approved minutes change only with ``amend`` (the reason), and each such change is recorded.
    """
    done: list[edit.Draft] = []
    read: list[str] = []

    def step(text: str) -> str:
        read.append(text)
        data, lists = valid_data(path, text)
        approval.guard(data, path, amend)
        draft = edit.Draft(text, data, lists, str(path))
        fn(draft, data)
        if amend and approval.approved(data) and draft.text != text:
            approval.record(draft, path, amend, what)
        if not quick.keeps_valid(draft.data, draft.appended):
            current(draft, path)
        done.append(draft)
        return draft.text

    store.update(path, step, sessions.read_text)
    draft = done[-1]
    cache.write(path, draft.text, draft.data, draft.lists)
    if draft.text != read[-1]:
        for seen in _WATCHERS:
            seen.append(Write(path, read[-1], draft.text, what))
    return draft.data


def restore(written: Write) -> None:
    """Put back the text ``written`` replaced, under the file's lock, if the file is still as it was written."""
    from minutes.errors import MinutesError

    def step(text: str) -> str:
        if text != written.after:
            raise MinutesError(f"{written.path}: changed since (another program wrote to it)")
        return written.before

    store.update(written.path, step, sessions.read_text)


def valid_data(path: Path, text: str) -> tuple[dict, dict[str, tuple[int, int]]]:
    """Return the data and block lists of ``text``, the content of ``path``, once it is known to be a valid session."""
    data, lists, valid = cache.lookup(path, text)
    if not valid:
        sessions.parse(text, path, data)  # raises the first error, located
    return data, lists


def current(draft: edit.Draft, path: Path) -> Session:
    """Return the validated session the draft now holds (parsing its text only when its data was dropped)."""
    return sessions.parse(draft.text, path, draft_data(draft, path))


def draft_data(draft: edit.Draft, path: Path) -> dict:
    """Return the data the draft now holds, parsing its text when a change dropped it."""
    if draft.data is None:
        draft.data, draft.lists = cache.parse(draft.text, path)
    return draft.data


def session_date(data: dict) -> dt.date:
    """Return the date of the valid session ``data``."""
    value = data["date"]
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):  # another form pydantic accepts
        from pydantic import TypeAdapter

        return TypeAdapter(dt.date).validate_python(value)


def roster(data: dict, path: Path | None = None) -> list[dict]:
    """Return the people the session ``data`` (stored at ``path``) knows: its own, then its folder's shared roster."""
    from minutes.store import roster as shared

    return shared.people(data, path)


def person_id(data: dict, name: str, what: str = "person", path: Path | None = None, remedy: str | None = None) -> str:
    """Return the roster id for ``name`` in the session ``data`` (stored at ``path``); ``remedy``: see names.resolve."""
    return names.resolve(roster(data, path), name, what, remedy)


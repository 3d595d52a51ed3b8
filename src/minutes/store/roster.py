"""The roster a folder shares: ``people.yaml`` beside its sessions, read, validated and written like a session.

Every session in the folder knows the people (and the attendance groups' settings) listed there; a
session's own ``people:`` (and ``groups:``) add to them or override one, by id (by name for a group).
The file is optional: without it, a session knows only its own people.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from minutes.errors import MinutesError, UsageError, located
from minutes.store import atomic as store
from minutes.store import loader
from minutes.store.loader import ROSTER_FILE, roster_path, shared_data, shared_text  # noqa: F401 - part of this API

EMPTY = "# The people every session in this folder knows (see 'minutes add-person --shared').\npeople: []\n"


def people(data_: dict, path: Path | str | None) -> list[dict]:
    """Return the people the session ``data_`` at ``path`` knows: its own, then the shared ones it does not override."""
    own = data_.get("people") or []
    shared = (shared_data(path).get("people") or []) if path is not None else []
    if not shared:
        return own
    ids = {p.get("id") for p in own if isinstance(p, dict)}
    return own + [p for p in shared if isinstance(p, dict) and p.get("id") not in ids]


def append(session: Path, key: str, entry: dict[str, Any], same: str) -> Path:
    """Add ``entry`` to the list ``key`` (people or groups) of the shared roster beside ``session`` (creating the
    file), under its lock, refusing one whose ``same`` field (id, name) another entry has; return the file's path."""
    from minutes.store import textedit as edit

    path = roster_path(session)
    if not os.path.lexists(path):
        try:
            store.create(path, EMPTY)
        except MinutesError:
            if not path.exists():  # created meanwhile by another command: append to it
                raise

    def change(text: str) -> str:
        current, _ = shared_text(text, path)
        if any(isinstance(e, dict) and e.get(same) == entry[same] for e in current.get(key) or []):
            raise UsageError(located(path, None, f"{entry[same]!r} is already in the shared roster's {key}"))
        new = edit.append(text, key, entry)
        shared_text(new, path)
        return new

    store.update(path, change, loader.read_text)
    return path

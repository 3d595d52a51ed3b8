"""Per-folder index of results computed from session files, keyed by each file's size and times.

It lives in the user's cache folder (see ``minutes.store.cache.root``), never in the sessions' folder, and is
keyed on the package's code (``minutes.store.cache.code_digest``). With ``MINUTES_FAST=0`` it is neither read nor written.

`minutes list` and `minutes check` over a folder of thousands of sessions read only the files that
changed since the last run. An entry is reused when the file's size, mtime and ctime are unchanged
and the file had not been modified within two seconds before the entry was recorded (so a change
within the file system's timestamp granularity is never missed, as in git's "racy" check), and the
path is spelled as it was then (results name the file as it was given: `check` and `check .` differ).
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from minutes import fastpaths
from minutes.errors import MinutesError
from minutes.store.readfile import open_text

RACY_NS = 2_000_000_000


def _stamp(path: Path) -> list[int] | None:
    """Return the size and times of ``path``, then those of its folder's settings (minutes.yaml) and shared roster
    (which results depend on too)."""
    from minutes.store.loader import roster_path
    from minutes.store.settings import settings_path

    try:
        st = path.stat()
    except OSError:
        return None
    stamp = [st.st_size, st.st_mtime_ns, st.st_ctime_ns]
    for shared in (settings_path, roster_path):
        try:
            other = shared(path).stat()
        except (OSError, MinutesError):  # none (or a bad minutes.yaml, which names no roster: its own stamp counts)
            stamp += [-1, 0, 0]
        else:
            stamp += [other.st_size, other.st_mtime_ns, other.st_ctime_ns]
    return stamp


def cached(paths: list[Path], kind: str, compute: Callable[[Path], Any]) -> list[Any]:
    """Return ``compute(path)`` for every path, reusing results recorded for unchanged files."""
    if not fastpaths.enabled():
        return [compute(path) for path in paths]  # MINUTES_FAST=0: no index read or written
    by_folder: dict[Path, dict[str, Any]] = {}
    dirty: set[Path] = set()
    results = []
    for path in paths:
        folder = path.parent
        if folder not in by_folder:
            by_folder[folder] = _read(folder)
        entries = by_folder[folder]["kinds"].setdefault(kind, {})
        stamp = _stamp(path)
        entry = entries.get(path.name)
        if (stamp is not None and entry is not None and entry["stamp"] == stamp and max(stamp[1::3]) < entry["at"] - RACY_NS
                and entry.get("as") == str(path)):  # results name the file as it was spelled
            results.append(entry["value"])
            continue
        value = compute(path)
        results.append(value)
        if stamp is not None:
            entries[path.name] = {"stamp": stamp, "at": time.time_ns(), "as": str(path), "value": value}
            dirty.add(folder)
    for folder in dirty:
        _write(folder, kind, by_folder[folder])
    return results


def _read(folder: Path) -> dict[str, Any]:
    """Return the index of ``folder`` (every kind), or an empty one."""
    from minutes.store.cache import code_digest

    with contextlib.suppress(OSError, ValueError, KeyError, TypeError, MinutesError), open_text(_target(folder), "cache file") as handle:
        data = json.loads(handle.read())
        if data["code"] == code_digest() and isinstance(data["kinds"], dict):
            return data
    return {"code": code_digest(), "kinds": {}}


def _target(folder: Path) -> Path:
    from minutes.store import cache

    return cache.keyed("index", folder)


def _write(folder: Path, kind: str, data: dict[str, Any]) -> None:
    """Store the index of ``folder``, as read and updated, in the user's cache; never an error."""
    from minutes.store import cache

    entries = data["kinds"][kind]
    data["kinds"][kind] = {name: e for name, e in entries.items() if (folder / name).exists()}
    cache.save(_target(folder), json.dumps(data, ensure_ascii=False, separators=(",", ":")))

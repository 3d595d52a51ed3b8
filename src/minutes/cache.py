"""Parsed session files cached next to them, keyed by their content, so large files are read once.

PyYAML reads about 1 MB a second; a 10,000-item session would take a second to parse on every
command. The cache holds the loaded data and where each list ends, in JSON (never pickle: nothing
in the folder is executed), under `.minutes/cache/`: a header line (format, version, SHA-256 of
the file's text), then the data. An entry is used only when the header matches exactly; anything
else is a miss and a fresh parse. Entries are written only for sessions that validated.
Failing to write the cache (a read-only folder, a full disk) is never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from minutes import __version__, edit, yamlio

FORMAT = 1
MIN_BYTES = 16 * 1024  # small files parse faster than a cache entry is read and checked


def digest(text: str) -> str:
    """Return the content key of ``text``."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def entry_path(path: Path) -> Path:
    """Return the cache file for the session at ``path``."""
    return path.parent / ".minutes" / "cache" / f"{path.name}.json"


def parse(text: str, path: object = "<string>") -> tuple[Any, dict[str, tuple[int, int]]]:
    """Return the data of ``text`` and its block lists (dash column, insertion offset), in one parse."""
    data, root = yamlio.load_with_node(text, path)
    return data, edit.block_lists(text, root)


def read(path: Path, text: str) -> tuple[Any, dict[str, tuple[int, int]]]:
    """Return the data and block lists of ``text`` (the content of ``path``), from the cache where it is valid."""
    if len(text) < MIN_BYTES:
        return parse(text, path)
    key = digest(text)
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError), open(entry_path(path), encoding="utf-8") as handle:
        if json.loads(handle.readline()) == _header(key):
            entry = json.loads(handle.readline())
            return entry["data"], {k: (c, o) for k, (c, o) in entry["lists"].items()}
    return parse(text, path)


def _header(key: str) -> dict[str, Any]:
    return {"format": FORMAT, "version": __version__, "digest": key}


def write(path: Path, text: str, data: Any, lists: dict[str, tuple[int, int]]) -> None:
    """Record the parse of ``text`` for ``path``, once it has validated; silently skip what cannot be cached.

    A valid session has text keys only, so JSON gives back exactly the data it was given.
    """
    if len(text) < MIN_BYTES:
        return
    header = _header(digest(text))
    target = entry_path(path)
    with contextlib.suppress(OSError, ValueError), open(target, encoding="utf-8") as handle:
        if json.loads(handle.readline()) == header:
            return  # already cached
    tmp = None
    try:
        body = json.dumps({"data": data, "lists": lists}, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        payload = json.dumps(header) + "\n" + body + "\n"
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(payload)
        os.replace(tmp, target)
        tmp = None
    except (OSError, ValueError, TypeError):
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

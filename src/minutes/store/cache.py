"""Parsed session files cached next to them, keyed by their content, so large files are read once.

PyYAML reads about 1 MB a second; a 10,000-item session would take a second to parse on every
command. The cache holds the loaded data and where each list ends, in JSON (never pickle), in the user's
own cache folder (`$MINUTES_CACHE_DIR`, else `$XDG_CACHE_HOME/minutes`, else `~/.cache/minutes`),
never beside the sessions: a folder that travels in a zip or a git repository carries nothing
that decides what `minutes` reads. An entry is a header line (format, a digest of the package's code,
SHA-256 of the file's text), then the data; it is used only when the header matches exactly. Entries are written
only for sessions that validated, so a matching header also says "this text is a valid session"; for
files under 16 KB, which parse faster than an entry is read, the header is all an entry holds.
`approve` and `verify` never use it, and an entry whose approval or amendments differ from what the
text's own top-level `approval:` and `amendments:` blocks say is not used (see `vouches`), so that
no entry can unlock approved minutes.
Failing to write the cache (a read-only folder, a full disk) is never an error. With ``MINUTES_FAST=0``
(see ``minutes.fastpaths``) the cache is neither read nor written.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

import minutes
from minutes import fastpaths
from minutes.store.cachedir import root, save
from minutes.errors import MinutesError
from minutes.store.readfile import open_text

FORMAT = 1
MIN_BYTES = 16 * 1024  # small files parse faster than a cache entry is read and checked


def digest(text: str) -> str:
    """Return the content key of ``text``."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@functools.cache
def code_digest() -> str:
    """Return a digest of every module of the installed package: what decides validity and every cached result.

    Reading the package's ~70 small files costs about 1.5 ms, once per process.
    """
    package = Path(minutes.__file__).parent
    key = hashlib.sha256()
    for folder, subfolders, files in os.walk(package):
        subfolders.sort()
        for name in sorted(f for f in files if f.endswith(".py")):
            source = Path(folder, name)
            with contextlib.suppress(OSError):
                code = source.read_bytes()
                key.update(f"{source.relative_to(package).as_posix()}\0{len(code)}\0".encode())
                key.update(code)
    return key.hexdigest()


def keyed(kind: str, path: Path) -> Path:
    """Return the cache file of ``kind`` for ``path``, named by a hash of its absolute path."""
    name = hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:40]
    return root() / kind / f"{name}.json"


def entry_path(path: Path) -> Path:
    """Return the cache file for the session at ``path``."""
    return keyed("sessions", path)


def parse(text: str, path: object = "<string>") -> tuple[Any, dict[str, tuple[int, int]]]:
    """Return the data of ``text`` and its block lists (dash column, insertion offset), in one parse."""
    from minutes.store import yamlio
    from minutes.store.blocks import block_lists

    data, node = yamlio.load_with_node(text, path)
    return data, block_lists(text, node)


def read(path: Path, text: str) -> tuple[Any, dict[str, tuple[int, int]]]:
    """Return the data and block lists of ``text`` (the content of ``path``), from the cache where it is valid."""
    data, lists, _ = lookup(path, text)
    return data, lists


def lookup(path: Path, text: str) -> tuple[Any, dict[str, tuple[int, int]], bool]:
    """Return the data and block lists of ``text`` (the content of ``path``), and whether it validated before."""
    if not fastpaths.enabled():
        return *parse(text, path), False  # MINUTES_FAST=0: the cache is not read
    valid = False
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError, MinutesError), open_text(entry_path(path), "cache file") as handle:
        valid = json.loads(handle.readline()) == _header(digest(text))
        if valid and len(text) >= MIN_BYTES:
            entry = json.loads(handle.readline())
            vouches(text, entry["data"])
            return entry["data"], {k: (c, o) for k, (c, o) in entry["lists"].items()}, True
    return *parse(text, path), valid


def _header(key: str) -> dict[str, Any]:
    return {"format": FORMAT, "code": code_digest(), "digest": key}


def write(path: Path, text: str, data: Any, lists: dict[str, tuple[int, int]]) -> None:
    """Record the parse of ``text`` for ``path``, once it has validated; silently skip what cannot be cached.

    A valid session has text keys only, so JSON gives back exactly the data it was given.
    """
    if not fastpaths.enabled():
        return
    header = _header(digest(text))
    target = entry_path(path)
    with contextlib.suppress(OSError, ValueError, MinutesError), open_text(target, "cache file") as handle:
        if json.loads(handle.readline()) == header:
            return  # already cached
    if len(text) < MIN_BYTES:
        return save(target, json.dumps(header) + "\n")  # small files parse fast: record only that this text validated
    try:
        body = json.dumps({"data": data, "lists": lists}, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (ValueError, TypeError):
        return
    save(target, json.dumps(header) + "\n" + body + "\n")


# A line at column 0 that is neither blank, indented, a comment nor a "- " list entry; one that is
# not a plain top-level key ("key:") leaves the text too unusual to read without a full parse.
_TOP = re.compile(r"\n(?:[^ #\-\n]|-[^ \n])[^\n]*")
_KEY = re.compile(r"\n([A-Za-z_][A-Za-z0-9_]*) *:(?:[ \t].*)?")
_BREAKS = "\r\x85\u2028\u2029"  # the characters but LF (and CRLF) that end a line in YAML
SEALS = ("approval", "amendments")


def vouches(text: str, data: Any) -> None:
    """Raise ValueError unless the approval and amendments in ``data`` are what ``text`` itself says.

    A cheap look instead of a full parse (a few ms for 1 MB): only the top-level blocks of those keys
    are parsed. A text whose top-level lines are not all plain keys, or that names a key twice, is
    never vouched for.
    """
    from minutes.store import yamlio
    from minutes.errors import MinutesError

    lines = "\n" + text.replace("\r\n", "\n")
    if any(c in lines for c in _BREAKS):
        lines = re.sub(f"[{_BREAKS}]", "\n", lines)
    starts: dict[str, list[int]] = {}
    order = []
    for line in _TOP.finditer(lines):
        key = _KEY.fullmatch(line.group())
        if key is None:
            raise ValueError("not plain enough to read without a full parse")
        starts.setdefault(key.group(1), []).append(line.start())
        order.append(line.start())
    order.append(len(lines))
    for name in SEALS:
        found = starts.get(name, [])
        if len(found) > 1:
            raise ValueError(f"{name} twice")
        value = None
        if found:
            block = lines[found[0]:order[order.index(found[0]) + 1]]
            try:
                value = (yamlio.load(block) or {}).get(name)
            except (MinutesError, AttributeError) as exc:
                raise ValueError(f"{name} block not readable alone") from exc
        if value != (data.get(name) if isinstance(data, dict) else None):
            raise ValueError(f"the entry's {name} is not the text's")

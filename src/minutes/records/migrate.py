"""`minutes migrate`: a schema version 1 file rewritten as version 2, its texts escaped so that each renders as before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from minutes.errors import MinutesError
from minutes.model import address
from minutes.model.vocab import BLOCK_FIELDS, INLINE_FIELDS, PRESS_BLOCK_FIELDS, SCHEMA_VERSION
from minutes.store import atomic as store
from minutes.store import loader as sessions
from minutes.store import textedit as edit
from minutes.store import yamlio


def migrate(path: Path) -> bool:
    """Rewrite the session file ``path`` as schema version 2 under its lock; return False when it already is.

    Approved minutes are migrated too (what they print does not change): their hash is recomputed.
    """
    done: list[bool] = []
    shared = sessions.folder_file(path)
    if shared is not None:  # a folder's settings or shared roster has no texts to escape: checked, left alone
        sessions.check_folder_file(path, shared)
        return False

    def step(text: str) -> str:
        session = sessions.parse(text, path)  # a full parse: a bad file is refused as it is
        if session.schema_version == SCHEMA_VERSION:
            done.append(False)
            return text
        done.append(True)
        return migrated(text, path, session)

    store.update(path, step, sessions.read_text)
    return done[-1]


def migrated(text: str, path: Path | str, session: Any = None) -> str:
    """Return the version 1 session ``text`` as version 2: only the Markdown texts that need escaping rewritten."""
    from minutes.model.digest import content_hash
    from minutes.records.approval import old_hash

    session = session or sessions.parse(text, path)
    seal = str(session.approval.hash or "").strip().lower() if session.approval.status == "approved" else ""
    kind = {content_hash(session): content_hash, old_hash(session): old_hash}.get(seal) if seal else None
    if seal and kind is None:
        raise MinutesError(f"{path}: the file changed since it was approved (its hash {seal} does not match); "
                           "it is not migrated: see 'minutes verify'")
    data = yamlio.load(text, path)
    for where, field, value in list(texts(data)):
        new = markdown(value, field)
        if new != value:
            text = edit.set_value(text, list(where), new)
    text = edit.set_value(text, ["schema_version"], SCHEMA_VERSION)
    if kind is not None:  # approved minutes, the same written for version 2: their seal follows, of the same kind
        text = edit.set_value(text, ["approval", "hash"], kind(sessions.parse(text, path)))
    return text


def texts(data: dict) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """Yield (path, field, text) of every Markdown text of the session ``data`` (one per language of a translation map)."""
    fields = [(e.path, e.entry, BLOCK_FIELDS + INLINE_FIELDS) for e in address.walk(data.get("proceedings"))]
    if isinstance(data.get("press"), dict):
        fields.append((("press",), data["press"], PRESS_BLOCK_FIELDS))
    for path, entry, names in fields:
        for name in names:
            value = entry.get(name) if isinstance(entry, dict) else None
            values = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
            for k, one in values:
                at = (*path, name) if k is None else (*path, name, k)
                if isinstance(one, str):
                    yield at, name, one
                elif isinstance(one, dict):
                    yield from (((*at, lang), name, v) for lang, v in one.items() if isinstance(v, str))


def markdown(text: str, field: str) -> str:
    """Return the Markdown that renders the version 1 text ``text`` of ``field`` exactly as it rendered."""
    from minutes.markdown.escape import escape
    from minutes.render.templating import literal

    return escape(" ".join(text.split())) if field in INLINE_FIELDS else literal(text)

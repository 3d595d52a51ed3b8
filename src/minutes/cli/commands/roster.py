"""The completion of a name from the session's roster (reads YAML only: no pydantic, no docx)."""

import os
from pathlib import Path
from typing import Any, Optional

from minutes.cli.commands.common import _cwd


def complete_names(ctx: Any, incomplete: str) -> list[str]:
    """Return the roster's names that ``incomplete`` begins, as the shell completing them reads them back."""
    from minutes.cli import shells

    file = ctx.params.get("file")  # the text given, during completion
    return shells.for_shell(os.environ, names_starting(Path(file) if file else None, incomplete))


def names_starting(file: Optional[Path], incomplete: str) -> list[str]:
    """Return the names ``incomplete`` begins (case and accents aside), else those it begins a word of; [] on errors."""
    try:
        from minutes.store import yamlio
        from minutes.store.current import find_session
        from minutes.store.loader import read_text

        from minutes.store.loader import shared_data

        path = find_session(file, _cwd())
        data = yamlio.load(read_text(path), path) or {}
        return names_among((data.get("people") or []) + (shared_data(path).get("people") or []), incomplete)
    except Exception:  # completion must never fail loudly
        return []


def names_among(people: list[dict], incomplete: str) -> list[str]:
    """Return the spellings of ``people`` (names, handles, aliases) that ``incomplete`` begins, case and accents
    aside, else those it begins a word of."""
    from minutes.model import names

    spelled: list[str] = []
    for person in people:
        spelled.extend(s for s in list(names.spellings(person))[1:] if s and s not in spelled)
    typed = names.fold(incomplete)
    found = [s for s in spelled if names.fold(s).startswith(typed)]
    return found or [s for s in spelled if typed and any(w.startswith(typed) for w in names.words(s))]

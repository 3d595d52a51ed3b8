"""Which session a command acts on: --file, then $MINUTES_FILE, then the one chosen with `minutes use`.

Kept free of heavy imports: shell completion runs it on every TAB press.
"""

from __future__ import annotations

import os
from pathlib import Path

from minutes.errors import UsageError

STATE_DIR = ".minutes"


def current_file(folder: Path) -> Path | None:
    """Return the session chosen with ``minutes use`` in ``folder``, if any."""
    marker = folder / STATE_DIR / "current"
    try:
        name = marker.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return (folder / name) if name else None


def find_session(explicit: Path | None, folder: Path) -> Path:
    """Return the session a command acts on: --file, $MINUTES_FILE, then ``minutes use``."""
    chosen = explicit or (Path(os.environ["MINUTES_FILE"]) if os.environ.get("MINUTES_FILE") else None)
    chosen = chosen or current_file(folder)
    if chosen is None:
        raise UsageError(
            "no session chosen: pass --file FILE, set MINUTES_FILE, or run 'minutes use FILE' (or 'minutes new')"
        )
    return chosen

"""Which session a command acts on: --file, then $MINUTES_FILE, then the one chosen with `minutes use`.

Kept free of heavy imports: shell completion runs it on every TAB press.
"""

from __future__ import annotations

import os
from pathlib import Path

from minutes.errors import MinutesError, UsageError, shown
from minutes.store.readfile import open_text

STATE_DIR = ".minutes"
MARKER_BYTES = 4096  # a file name; more is not a marker minutes wrote


def current_file(folder: Path) -> Path | None:
    """Return the session chosen with ``minutes use`` in ``folder``, if any; refuse one outside the folder."""
    marker = folder / STATE_DIR / "current"
    try:
        with open_text(marker, "regular file") as handle:  # a FIFO planted here must not hang every command
            name = handle.read(MARKER_BYTES).strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not name:
        return None
    chosen = folder / name
    if os.path.isabs(name) or not _inside(chosen, folder):
        raise MinutesError(
            f"{shown(marker)}: points outside this folder ({shown(name)}); "
            "choose a session here with 'minutes use FILE', or pass --file"
        )
    return chosen


def _inside(path: Path, folder: Path) -> bool:
    """Return whether ``path``, with its symlinks and ``..`` resolved, lies inside ``folder``."""
    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))
    except (OSError, ValueError):
        return False


def find_session(explicit: Path | None, folder: Path) -> Path:
    """Return the session a command acts on: --file, $MINUTES_FILE, then ``minutes use``."""
    chosen = explicit or (Path(os.environ["MINUTES_FILE"]) if os.environ.get("MINUTES_FILE") else None)
    chosen = chosen or current_file(folder)
    if chosen is None:
        raise UsageError(
            "no session chosen: pass --file FILE, set MINUTES_FILE, or run 'minutes use FILE' (or 'minutes new')"
        )
    return chosen


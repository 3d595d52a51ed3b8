"""The .gitignore that ``minutes new`` leaves in the state folder: git skips minutes' own state there.

The JSON Schema next to it is not ignored: a team may commit it, so that editors find it in every clone.
Kept free of heavy imports: ``minutes new`` runs it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

NAME = ".gitignore"
TEXT = (
    "# Written by minutes: its own state, which no one needs to commit.\n"
    "# session.schema.json is not ignored: commit it, and editors find it in every clone.\n"
    "current\n"
    "*.lock\n"
    "locks/\n"
    "rejected/\n"
    ".*.tmp-*\n"
)


def write(state: Path) -> bool:
    """Write ``state/.gitignore`` unless something is there already (a user's is never replaced); return if written."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(state / NAME, flags, 0o644)
    except OSError:
        return False  # there already, or the folder is not writable: the ignore file is a convenience
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(TEXT)
    except OSError:  # a full disk: leave no half-written file that would then never be replaced
        with contextlib.suppress(OSError):
            (state / NAME).unlink()
        return False
    return True

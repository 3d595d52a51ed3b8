"""Where the shipped templates and phrase catalogs live."""

from __future__ import annotations

import functools
from pathlib import Path

from minutes.errors import MinutesError


@functools.cache
def templates_dir() -> Path:
    """Return the package's templates folder (installed wheel first, then the source tree)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent.parent / "templates"):
        if (candidate / "minutes.md.j2").is_file():
            return candidate
    raise MinutesError(f"the minutes templates are missing (looked in {here / 'templates'}); reinstall minutes")

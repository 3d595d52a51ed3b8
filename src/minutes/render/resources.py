"""Where the shipped templates and phrase catalogs live."""

from __future__ import annotations

import functools
import os
import stat
from pathlib import Path

from minutes.errors import MinutesError


@functools.cache
def templates_dir() -> Path:
    """Return the package's templates folder (installed wheel first, then the source tree)."""
    here = Path(__file__).resolve().parent
    package = here.parent
    for candidate in (package / "templates", package.parent.parent / "templates"):
        if (candidate / "minutes.md.j2").is_file():
            return candidate
    raise MinutesError(f"the minutes templates are missing (looked in {package / 'templates'}); reinstall minutes")


def read_inside(folder: Path, name: str) -> tuple[bytes, Path] | None:
    """Return the bytes and path of regular file ``name`` inside ``folder``, or None when it has none.

    Symlinks are followed only while they stay inside ``folder`` (resolved): one that leads out of it,
    or a name that is a FIFO, a device or a folder, is refused in one line, and nothing is read.
    """
    root = folder.resolve()
    path = root / name
    if not os.path.lexists(path):
        return None
    resolved = path.resolve()
    if not resolved.is_relative_to(root):
        raise MinutesError(f"{path}: refused: it leads outside {root} (a symlink)")
    try:
        return read_regular(resolved, path, nofollow=True), resolved
    except FileNotFoundError:
        return None


def read_regular(path: Path, name: Path | None = None, *, nofollow: bool = False) -> bytes:
    """Return the bytes of the regular file at ``path`` (a FIFO, a device or a folder is refused, never waited on)."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | (os.O_NOFOLLOW if nofollow else 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise MinutesError(f"{name or path}: cannot read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise MinutesError(f"{name or path}: refused: not a regular file")
        return handle.read()


def own_folder(folder: Path) -> Path:
    """Return ``folder`` resolved, refusing one that is a symlink leading out of the folder that holds it."""
    resolved, parent = folder.resolve(), folder.parent.resolve()
    if not resolved.is_relative_to(parent):
        raise MinutesError(f"{folder}: refused: it leads outside {parent} (a symlink)")
    return resolved

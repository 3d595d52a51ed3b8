"""Attachments of a session: which are pictures and which are links, and their files copied beside rendered Markdown.

An attachment's ``file`` is a path relative to the session file, or an http(s) URL. Only a file inside
the session's folder is ever read: an absolute path, a ``..`` that leaves the folder and a symlink that
points out of it are refused. Copies are streamed to a temp file in the target folder and renamed into
place, and never land outside the output folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from minutes.model.address import entries, is_section

if TYPE_CHECKING:
    from minutes.model.schema import Session

# Pictures a browser shows (and Markdown can embed); any other file becomes a link.
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".tif", ".tiff", ".avif"})
MAX_COPY_BYTES = 100 * 1024 * 1024
"""A larger attachment is not copied beside the Markdown (a warning says so)."""

_URL = re.compile(r"https?://", re.IGNORECASE)
# Characters a URL keeps as they are in a link destination; anything else (spaces, <, >, quotes, \) is %-encoded.
_URL_SAFE = "/:?#[]@!$&'()*+,;=%~"

OUTSIDE = "is outside the session's folder"
MISSING = "no such file"


def is_url(file: str) -> bool:
    """Return whether the attachment is an http(s) URL rather than a file."""
    return _URL.match(file) is not None


def is_image(file: str) -> bool:
    """Return whether the attachment is a picture file (a URL never is: it becomes a link)."""
    return not is_url(file) and PurePosixPath(file).suffix.lower() in IMAGE_SUFFIXES


def view(file: str, caption: str) -> dict[str, Any]:
    """Return what a template needs to show one attachment: a picture, or a link with its name."""
    from markupsafe import Markup

    url = is_url(file)
    # The destination is written as it is (Markup is not escaped as data): %-encoded, it holds nothing Markdown reads.
    href = Markup(quote(file, safe=_URL_SAFE) if url else quote(file, safe="/"))
    name = file if url else PurePosixPath(file).name or file
    return {"file": file, "caption": caption, "name": name, "href": href, "is_image": is_image(file), "is_url": url}


def local_files(session: Session) -> list[str]:
    """Return the files (not URLs) that the session's items attach (in sections too), each once, in order."""
    files = (a.file for e in entries(session) if not is_section(e.entry) for a in e.entry.attachments)
    return list(dict.fromkeys(f for f in files if not is_url(f)))


def references(session: Session) -> list[list[Any]]:
    """Return ``[file, item's place in the file, attachment index, item's address]`` for every attached file, for `check`."""
    return [
        [a.file, list(e.path), j, e.address]
        for e in entries(session)
        if not is_section(e.entry)
        for j, a in enumerate(e.entry.attachments)
        if not is_url(a.file)
    ]


def resolve(folder: Path, file: str) -> tuple[str, Path]:
    """Return the attachment's path inside ``folder`` (normalized) and its real file; ValueError says why not."""
    relative = os.path.normpath(file) if file else "."
    if os.path.isabs(relative) or relative in (".", "..") or relative.startswith("../"):
        raise ValueError(OUTSIDE if relative != "." else MISSING)
    base = folder.resolve()
    try:
        real = (base / relative).resolve()
        if not real.is_relative_to(base):  # a symlink out of the folder is never followed
            raise ValueError(OUTSIDE)
        mode = real.stat().st_mode
    except (OSError, RuntimeError):
        raise ValueError(MISSING) from None
    if not stat.S_ISREG(mode):
        raise ValueError("is not a regular file")
    return relative, real


def copy_files(files: list[str], folder: Path | None, out_dir: Path, copied: dict[str, Path]) -> list[str]:
    """Copy the attached ``files`` of a session in ``folder`` into ``out_dir``; return the warnings.

    ``copied`` maps each path already copied into ``out_dir`` (by this batch) to its source: the same
    source again is skipped, another source for the same path is refused (the first wins).
    """
    if folder is None:
        return []
    warnings = []
    for file in files:
        try:
            relative, source = resolve(folder, file)
            first = copied.get(relative)
            if first is None:
                _copy(source, out_dir, relative)
                copied[relative] = source
            elif first != source:
                raise ValueError(f"{out_dir / relative} was already copied from {first}")
        except ValueError as exc:
            warnings.append(f"{file}: not copied: {exc}")
        except OSError as exc:
            warnings.append(f"{file}: not copied: {exc.strerror or exc}")
    return warnings


def _copy(source: Path, out_dir: Path, relative: str) -> None:
    """Copy ``source`` to ``out_dir/relative``, streamed and atomically, never through a symlink out of ``out_dir``."""
    target = _target(out_dir, relative)
    with contextlib.suppress(OSError):
        if os.path.samefile(source, target):  # rendered into the session's own folder: the file is already there
            return
    fd = os.open(source, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with open(fd, "rb") as src:
        info = os.fstat(src.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("is not a regular file")
        if info.st_size > MAX_COPY_BYTES:
            raise ValueError(f"is {info.st_size // 2**20} MB, over the {MAX_COPY_BYTES // 2**20} MB limit for copies")
        _stream_atomic(src, target)


def _target(out_dir: Path, relative: str) -> Path:
    """Return ``out_dir/relative``, its folders made inside ``out_dir``; ValueError if one is a symlink or a file."""
    folder = out_dir
    for part in PurePosixPath(relative).parts[:-1]:
        folder = folder / part
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            raise ValueError(f"{folder} is not a folder inside {out_dir}")
        try:
            folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise ValueError(f"cannot create {folder}: {exc.strerror}") from None
    target = folder / PurePosixPath(relative).name
    if target.is_dir() and not target.is_symlink():
        raise ValueError(f"{target} is a folder")
    return target


def _stream_atomic(src: Any, target: Path) -> None:
    """Replace ``target`` with the rest of ``src``, written to a temp file beside it, fsynced and renamed."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.tmp-", dir=target.parent)
        with open(fd, "wb") as out:
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
            os.fchmod(out.fileno(), 0o644)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise ValueError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

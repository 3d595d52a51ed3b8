"""Locked, atomic writes of user files.

The rules (see docs/reliability.md for the tests that prove them):

- Every writer takes an exclusive ``flock`` on a separate lock file, ``.minutes/locks/NAME.lock``
  (see ``minutes.store.locks``). The kernel releases it when the writer exits, however it exits, so a
  killed writer never leaves a lock that others wait on. The lock file holds the pid of the writer,
  so a waiter can say whom it waits for, and the next writer can say that the last one was killed.
- The new text goes to a temp file ``.NAME.tmp-*`` in the same folder, which is written in full,
  fsynced, given the old file's mode and group, and then renamed over the file with ``os.replace``.
  Readers see the old file or the new one, never a mix. Any failure (full disk, read-only folder,
  ...) leaves the old file as it was.
- Editors take no lock: just before the rename, the file must still be the one that was read (same
  inode, size, mtime and bytes); if another program saved it meanwhile, the change is made again on
  the new text, or refused, so that nothing a person saved is replaced unseen.
- Temp files left by killed writers are removed by the next writer, under the lock.
- A symlinked session file is written through (the link stays a link); lock files are never
  opened through a symlink, so a planted link cannot make ``minutes`` truncate another file.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from minutes.errors import MinutesError
from minutes.store.locks import DEFAULT_LOCK_TIMEOUT, WAIT_NOTICE, fitted, held, lock_path, lock_timeout  # noqa: F401 - API

BOM = b"\xef\xbb\xbf"
ATTEMPTS = 3  # a change redone on a file that other programs keep saving meanwhile, before giving up


@contextlib.contextmanager
def locked(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the exclusive lock of ``path`` for the duration of the block, after removing killed writers' temp files."""
    with held(path, timeout):
        _cleanup_temps(path)
        yield


def _temp_prefix(path: Path) -> str:
    return fitted(path.name, ".tmp-", ".", room=8)  # mkstemp adds 8 characters


def leftover_temps(path: Path) -> list[Path]:
    """Return the temp files of ``path`` in its folder (names are compared literally, not as patterns)."""
    prefix = _temp_prefix(path)
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    return [path.parent / name for name in names if name.startswith(prefix)]


def _cleanup_temps(path: Path) -> None:
    """Remove temp files left by writers that were killed (we hold the lock)."""
    for leftover in leftover_temps(path):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:  # pragma: no cover - a write of 0 bytes on a regular file means no space
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def write_atomic(path: Path, text: str, *, bom: bool = False) -> None:
    """Replace ``path`` with ``text`` (UTF-8) so readers see the old or the new file, never a mix."""
    write_bytes_atomic(path, _encoded(path, text, bom))


def _encoded(path: Path, text: str, bom: bool) -> bytes:
    """Return ``text`` as UTF-8 (after a byte-order mark with ``bom``), or a one-line error."""
    try:
        return (BOM if bom else b"") + text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = text[exc.start]
        raise MinutesError(
            f"{path}: the text holds U+{ord(bad):04X}, which is not valid Unicode "
            "(is the terminal set to UTF-8?); the file was not changed"
        ) from None


def write_bytes_atomic(
    path: Path, data: bytes, unchanged: Callable[[Path], bool] | None = None, *, sync_folder: bool = True
) -> None:
    """Replace ``path`` with ``data`` so readers see the old or the new file, never a mix.

    The temp file is written in full, fsynced and given the old file's mode and group before the
    rename; on any error it is removed and the old file is left as it was. When ``unchanged(file)`` says
    the file is no longer the one the data was made from, it is left in place and ``Changed`` is raised:
    where the system can swap two names at once (Linux's ``renameat2``), the new file is swapped in and the
    old one checked after the swap, so a save made at any moment before it is swapped back, never lost.
    Without ``sync_folder`` the caller fsyncs the folder (``update`` does so after releasing the lock).
    """
    folder = path.parent
    try:
        old = path.stat()
    except FileNotFoundError:
        old = None
    except OSError as exc:
        raise MinutesError(f"{path}: cannot write: {exc.strerror}; the file was not changed") from None
    if old is not None and stat.S_ISDIR(old.st_mode):  # never swapped away: a folder put in the file's place stays
        raise MinutesError(f"{path}: cannot write: {os.strerror(errno.EISDIR)}; the file was not changed")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), dir=folder)
        try:
            _write_all(fd, data)
            os.fsync(fd)
            _keep_owner(fd, old)
        finally:
            os.close(fd)
        if unchanged is not None and _exchange(tmp, path):
            if not _still(unchanged, Path(tmp)):  # tmp now names what was at path: another program saved it
                _exchange(tmp, path)  # its save (or the folder put there) goes back in place; ours is made again
                raise Changed(path)
        else:
            if unchanged is not None and not unchanged(path):
                raise Changed(path)
            os.replace(tmp, path)
            tmp = None
        if sync_folder:
            _fsync_dir(folder)
    except OSError as exc:
        if exc.errno == errno.ENOENT and not folder.is_dir():
            raise MinutesError(f"{folder}: no such folder; the file was not written") from None
        raise MinutesError(f"{path}: cannot write: {exc.strerror or exc}; the file was not changed") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _still(unchanged: Callable[[Path], bool], file: Path) -> bool:
    """Return whether ``file`` is still the one read (False when it cannot be read as a file: a folder, say)."""
    try:
        return unchanged(file)
    except OSError:
        return False


def _exchange(a: str, b: Path) -> bool:
    """Swap the names ``a`` and ``b`` in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    global _RENAMEAT2
    if _RENAMEAT2 is None:
        try:
            import ctypes

            _RENAMEAT2 = ctypes.CDLL(None, use_errno=True).renameat2
        except (ImportError, AttributeError, OSError):  # no ctypes, or a C library without renameat2
            _RENAMEAT2 = False
    if _RENAMEAT2 is False:
        return False
    import ctypes

    at_cwd, exchange = -100, 2  # AT_FDCWD, RENAME_EXCHANGE
    if _RENAMEAT2(at_cwd, os.fsencode(a), at_cwd, os.fsencode(str(b)), exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # an old kernel, or a file system without it
        return False
    raise OSError(code, os.strerror(code))


_RENAMEAT2: Any = None


class Changed(Exception):
    """The file was saved by another program between the read and the rename."""


def _keep_owner(fd: int, old: os.stat_result | None) -> None:
    """Give the temp file the old file's owner and group where permitted, then its mode (a new file: 0644)."""
    if old is not None:
        for uid in (old.st_uid, -1):  # only root may give a file away; anyone may keep a group they are in
            try:
                os.fchown(fd, uid, old.st_gid)
                break
            except PermissionError:
                continue
    os.fchmod(fd, stat.S_IMODE(old.st_mode) & 0o777 if old is not None else 0o644)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _form(data: bytes) -> tuple[bool, bool]:
    """Return whether the file starts with a byte-order mark, and whether its lines end in CR alone."""
    return data.startswith(BOM), b"\r" in data and b"\n" not in data


def _seen(path: Path) -> tuple[tuple, bytes] | None:
    """Return what identifies the file as read (inode, size, mtime, digest of its bytes) and its bytes;
    None when it is not a regular file (the reader then says what it is)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # a folder (which Python's files refuse to open), a FIFO, a device
        os.close(fd)
        return None
    with os.fdopen(fd, "rb") as handle:
        before = os.fstat(fd)
        if not stat.S_ISREG(before.st_mode):
            return None
        data = handle.read()
        after = os.fstat(fd)
    digest = hashlib.sha256(data).digest()
    return (after.st_dev, after.st_ino, after.st_size, after.st_mtime_ns, before.st_mtime_ns, digest), data


def update(path: Path, change: Callable[[str], str], read: Callable[[Path], str]) -> str:
    """Apply ``change`` to the text of ``path`` under its lock; return the new text.

    A symlink is followed, so the link stays a link and its target is locked and changed.
    A UTF-8 byte-order mark at the start of the file is kept, and so are CR-only line endings
    (which `yamlio.decode` turns into LF for editing). If another program (an editor, which takes no
    lock) saves the file between the read and the rename, ``change`` is made again on the new text;
    after ``ATTEMPTS`` such saves the change is refused.
    """
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if target.is_dir():
        raise MinutesError(f"{path}: is a folder, not a session file")
    if not target.parent.is_dir():
        raise MinutesError(f"{target.parent}: no such folder")
    if not target.exists():
        raise MinutesError(f"{path}: no such file")
    with locked(target):
        new, written = _change_once(path, target, change, read)
    if written:
        _fsync_dir(target.parent)  # out of the lock: the next writer need not wait for the disk
    return new


def _change_once(
    path: Path, target: Path, change: Callable[[str], str], read: Callable[[Path], str]
) -> tuple[str, bool]:
    """Apply ``change`` to ``target`` (we hold its lock), again if another program saves it meanwhile;
    return the new text and whether it was written."""
    from minutes.store.yamlio import MAX_BYTES

    for attempt in range(ATTEMPTS):
        seen = _seen(target)
        old = read(target)
        new = change(old)
        if new == old:
            return new, False
        bom, cr_only = _form(seen[1] if seen else b"")
        text = new.replace("\r\n", "\n").replace("\n", "\r") if cr_only else new
        data = _encoded(target, text, bom)
        if len(data) > MAX_BYTES:
            raise MinutesError(
                f"{path}: the change would make the file larger than {MAX_BYTES // 2**20} MB, more than "
                "minutes reads; the file was not changed"
            )
        try:
            still = lambda file, seen=seen: seen is not None and _seen(file) == seen  # noqa: E731
            write_bytes_atomic(target, data, still, sync_folder=False)
            return new, True
        except Changed:
            if attempt + 1 < ATTEMPTS:
                print(
                    f"minutes: note: {path.name} was saved by another program while minutes was writing; "
                    "making the change again on what it saved",
                    file=sys.stderr,
                    flush=True,
                )
    raise MinutesError(
        f"{path}: another program saved the file {ATTEMPTS} times while minutes was writing; "
        "nothing was written; try again"
    )


def create(path: Path, text: str) -> None:
    """Write a new file at ``path``, refusing to overwrite one that exists (or a symlink, even a broken one)."""
    if not path.parent.is_dir():
        raise MinutesError(f"{path.parent}: no such folder")
    exists = MinutesError(f"{path}: already exists; choose another title or date, or remove it first")
    if os.path.lexists(path):  # checked first too, so that a refusal leaves no lock file behind
        raise exists
    with locked(path):
        if os.path.lexists(path):
            raise exists
        write_atomic(path, text)

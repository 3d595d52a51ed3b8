"""Locked, atomic writes of user files.

The rules (see docs/reliability.md for the tests that prove them):

- Every writer takes an exclusive ``flock`` on a separate lock file, ``.NAME.lock``, next to the
  file. The kernel releases it when the writer exits, however it exits, so a killed writer never
  leaves a lock that others wait on. The lock file holds the pid of the writer, so a waiter can
  say whom it waits for, and the next writer can say that the last one was killed.
- The new text goes to a temp file ``.NAME.tmp-*`` in the same folder, which is written in full,
  fsynced and then renamed over the file with ``os.replace``. Readers see the old file or the new
  one, never a mix. Any failure (full disk, read-only folder, ...) leaves the old file as it was.
- Temp files left by killed writers are removed by the next writer, under the lock.
- A symlinked session file is written through (the link stays a link); lock files are never
  opened through a symlink, so a planted link cannot make ``minutes`` truncate another file.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from minutes.errors import MinutesError, UsageError

WAIT_NOTICE = 1.0
DEFAULT_LOCK_TIMEOUT = 30.0
BOM = b"\xef\xbb\xbf"


def lock_timeout() -> float:
    """Return how long a writer waits for the lock: ``$MINUTES_LOCK_TIMEOUT`` seconds, default 30."""
    raw = os.environ.get("MINUTES_LOCK_TIMEOUT", "").strip()
    if not raw:
        return DEFAULT_LOCK_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value >= 0:  # also catches nan
        raise UsageError(f"MINUTES_LOCK_TIMEOUT={raw!r}: give a number of seconds, e.g. 30")
    return value


def lock_path(path: Path) -> Path:
    """Return the lock file that guards ``path``."""
    return path.with_name(f".{path.name}.lock")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _open_lock(path: Path) -> int:
    lpath = lock_path(path)
    try:
        # O_NOFOLLOW: a symlink planted at the lock's name must not make us open (and truncate) its target.
        return os.open(lpath, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise MinutesError(f"{lpath}: the lock file is a symbolic link; remove it and try again") from None
        if exc.errno == errno.ENOENT and not path.parent.is_dir():
            raise MinutesError(f"{path.parent}: no such folder") from None
        raise MinutesError(f"{path}: cannot create lock file {lpath.name}: {exc.strerror}") from None


@contextlib.contextmanager
def locked(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the exclusive lock of ``path`` for the duration of the block."""
    timeout = lock_timeout() if timeout is None else timeout
    fd = _open_lock(path)
    try:
        start = time.monotonic()
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waited = time.monotonic() - start
                if waited >= timeout:
                    raise MinutesError(
                        f"{path}: still locked by {_holder(fd)} after {timeout:g} s; "
                        "try again (or set MINUTES_LOCK_TIMEOUT)"
                    ) from None
                if waited >= WAIT_NOTICE and not told:
                    print(f"minutes: waiting for {path.name}, locked by {_holder(fd)}", file=sys.stderr, flush=True)
                    told = True
                time.sleep(0.01)
            except OSError as exc:
                raise MinutesError(f"{path}: cannot lock {lock_path(path).name}: {exc.strerror}") from None
        stale = _holder_pid(fd)
        if stale and stale != os.getpid() and not _pid_alive(stale):
            print(
                f"minutes: note: a previous writer (pid {stale}) was killed while writing {path.name}; "
                "its lock was released and the file is intact",
                file=sys.stderr,
                flush=True,
            )
        _cleanup_temps(path)
        _set_holder(fd, f"{os.getpid()}\n")
        try:
            yield
        finally:
            _set_holder(fd, "")
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _set_holder(fd: int, text: str) -> None:
    """Record the holder's pid; it only serves messages, so a full disk must not stop the write."""
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        if text:
            os.pwrite(fd, text.encode(), 0)


def _holder_pid(fd: int) -> int | None:
    try:
        return int(os.pread(fd, 32, 0).decode().strip() or 0) or None
    except (ValueError, OSError, UnicodeDecodeError):
        return None


def _holder(fd: int) -> str:
    pid = _holder_pid(fd)
    return f"pid {pid}" if pid else "another process"


def _temp_prefix(path: Path) -> str:
    return f".{path.name}.tmp-"


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
    try:
        data = (BOM if bom else b"") + text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = text[exc.start]
        raise MinutesError(
            f"{path}: the text holds U+{ord(bad):04X}, which is not valid Unicode "
            "(is the terminal set to UTF-8?); the file was not changed"
        ) from None
    write_bytes_atomic(path, data)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so readers see the old or the new file, never a mix.

    The temp file is written in full and fsynced before the rename; on any error it is removed
    and the old file is left as it was.
    """
    folder = path.parent
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
    except OSError as exc:
        raise MinutesError(f"{path}: cannot write: {exc.strerror}; the file was not changed") from None
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), dir=folder)
        try:
            _write_all(fd, data)
            os.fsync(fd)
            os.fchmod(fd, mode)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        tmp = None
        _fsync_dir(folder)
    except OSError as exc:
        if exc.errno == errno.ENOENT and not folder.is_dir():
            raise MinutesError(f"{folder}: no such folder; the file was not written") from None
        raise MinutesError(f"{path}: cannot write: {exc.strerror or exc}; the file was not changed") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _form(path: Path) -> tuple[bool, bool]:
    """Return whether the file starts with a byte-order mark, and whether its lines end in CR alone."""
    try:
        data = path.read_bytes()
    except OSError:
        return False, False
    return data.startswith(BOM), b"\r" in data and b"\n" not in data


def update(path: Path, change: Callable[[str], str], read: Callable[[Path], str]) -> str:
    """Apply ``change`` to the text of ``path`` under its lock; return the new text.

    A symlink is followed, so the link stays a link and its target is locked and changed.
    A UTF-8 byte-order mark at the start of the file is kept, and so are CR-only line endings
    (which `yamlio.decode` turns into LF for editing).
    """
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if target.is_dir():
        raise MinutesError(f"{path}: is a folder, not a session file")
    if not target.parent.is_dir():
        raise MinutesError(f"{target.parent}: no such folder")
    if not target.exists():
        raise MinutesError(f"{path}: no such file")
    with locked(target):
        old = read(target)
        new = change(old)
        if new != old:
            bom, cr_only = _form(target)
            write_atomic(target, new.replace("\r\n", "\n").replace("\n", "\r") if cr_only else new, bom=bom)
        return new


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

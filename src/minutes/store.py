"""Locked, atomic writes of user files."""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from minutes.errors import MinutesError

WAIT_NOTICE = 1.0
LOCK_TIMEOUT = float(os.environ.get("MINUTES_LOCK_TIMEOUT", "30"))


def lock_path(path: Path) -> Path:
    """Return the lock file that guards ``path``."""
    return path.with_name(f".{path.name}.lock")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def locked(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the exclusive lock of ``path`` for the duration of the block."""
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    lpath = lock_path(path)
    try:
        fd = os.open(lpath, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise MinutesError(f"{path}: cannot create lock file {lpath.name}: {exc.strerror}") from None
    try:
        start = time.monotonic()
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waited = time.monotonic() - start
                if waited >= WAIT_NOTICE and not told:
                    holder = _holder(fd)
                    print(f"minutes: waiting for {path.name}, locked by {holder}", file=sys.stderr)
                    told = True
                if waited >= timeout:
                    raise MinutesError(
                        f"{path}: still locked by {_holder(fd)} after {timeout:.0f} s; try again"
                    ) from None
                time.sleep(0.01)
        stale = _holder_pid(fd)
        if stale and stale != os.getpid() and not _pid_alive(stale):
            print(
                f"minutes: note: a previous writer (pid {stale}) was killed while writing {path.name}; "
                "its lock was released and the file is intact",
                file=sys.stderr,
            )
        _cleanup_temps(path)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _holder_pid(fd: int) -> int | None:
    try:
        return int(os.pread(fd, 32, 0).decode().strip() or 0) or None
    except (ValueError, OSError):
        return None


def _holder(fd: int) -> str:
    pid = _holder_pid(fd)
    return f"pid {pid}" if pid else "another process"


def _temp_prefix(path: Path) -> str:
    return f".{path.name}.tmp-"


def _cleanup_temps(path: Path) -> None:
    """Remove temp files left by writers that were killed (we hold the lock)."""
    with contextlib.suppress(OSError):
        for leftover in path.parent.glob(_temp_prefix(path) + "*"):
            leftover.unlink()


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so readers see the old or the new file, never a mix."""
    data = text.encode("utf-8")
    folder = path.parent
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
    except OSError as exc:
        raise MinutesError(f"{path}: cannot write: {exc.strerror}") from None
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
        tmp = None
        _fsync_dir(folder)
    except OSError as exc:
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


def update(path: Path, change: Callable[[str], str], read: Callable[[Path], str]) -> str:
    """Apply ``change`` to the text of ``path`` under its lock; return the new text."""
    if path.is_dir():
        raise MinutesError(f"{path}: is a folder, not a session file")
    with locked(path):
        old = read(path)
        new = change(old)
        if new != old:
            write_atomic(path, new)
        return new


def create(path: Path, text: str) -> None:
    """Write a new file at ``path``, refusing to overwrite one that exists."""
    if not path.parent.is_dir():
        raise MinutesError(f"{path.parent}: no such folder")
    with locked(path):
        if path.exists():
            raise MinutesError(f"{path}: already exists; choose another title or date, or remove it first")
        write_atomic(path, text)

"""The lock every writer of a session takes: where its file lives, and how a writer waits for it.

- The lock file of ``NAME`` is ``.minutes/locks/NAME.lock`` in the session's folder, so that the
  folder a person sees holds only their files. The two folders are created as needed, with the
  session folder's mode and group (so that everyone who may write the session may lock it), and
  never through a symlink: when ``.minutes`` or ``.minutes/locks`` is a symlink or not a folder, or
  ``.minutes`` cannot be created, the lock is ``.NAME.lock`` next to the file.
- Names that would not fit in 255 bytes are shortened and given a hash of the full name.
- A waiter sleeps in the kernel (a blocking ``flock``), so it is woken when the lock is freed instead
  of polling for it; a ``SIGALRM`` timer cuts the wait short to print the notice after 1 s and to give
  up after the timeout. Off the main thread, where no signal can be delivered, it polls.
- The kernel releases the lock when its holder exits, however it exits; the pid the holder writes
  into the lock file only serves messages.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from minutes.store.current import STATE_DIR
from minutes.errors import MinutesError, UsageError

WAIT_NOTICE = 1.0
DEFAULT_LOCK_TIMEOUT = 30.0
NAME_MAX = 255
LOCKS = "locks"


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


def fitted(name: str, suffix: str, prefix: str = "", room: int = 0) -> str:
    """Return ``prefix + name + suffix``, with ``name`` cut and hashed where the whole would not fit in
    255 bytes with ``room`` bytes to spare."""
    whole = f"{prefix}{name}{suffix}"
    if len(os.fsencode(whole)) + room <= NAME_MAX:
        return whole
    tag = hashlib.sha256(os.fsencode(name)).hexdigest()[:16]
    keep = NAME_MAX - room - len(os.fsencode(f"{prefix}-{tag}{suffix}"))
    head = os.fsencode(name)[: max(keep, 0)].decode("utf-8", "ignore")
    return f"{prefix}{head}-{tag}{suffix}"


def _real_folder_or_absent(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except FileNotFoundError:
        return True
    except OSError:
        return False


def lock_path(path: Path) -> Path:
    """Return the lock file that guards ``path`` (see the module's docstring for where it is)."""
    state = path.parent / STATE_DIR
    if _real_folder_or_absent(state) and _real_folder_or_absent(state / LOCKS):
        return state / LOCKS / fitted(path.name, ".lock")
    return path.parent / fitted(path.name, ".lock", ".")


def _make_folder(folder: Path, like: os.stat_result) -> None:
    """Create ``folder`` (if absent) with the mode and group of the folder ``like``; refuse a symlink."""
    try:
        os.mkdir(folder, stat.S_IMODE(like.st_mode) | 0o700)
    except FileExistsError:
        if not stat.S_ISDIR(os.lstat(folder).st_mode):
            raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder)) from None
        return
    with contextlib.suppress(OSError):
        if like.st_gid != os.stat(folder).st_gid:
            os.chown(folder, -1, like.st_gid)
    with contextlib.suppress(OSError):
        os.chmod(folder, stat.S_IMODE(like.st_mode))


def _lock_file(path: Path) -> Path:
    """Return the lock file of ``path``, creating the folders it goes in."""
    lpath = lock_path(path)
    if lpath.parent.name != LOCKS:
        return lpath
    try:
        folder = os.stat(path.parent)
    except OSError:
        return lpath  # opening the lock says what is wrong
    state = lpath.parent.parent
    try:
        _make_folder(state, folder)
    except OSError:
        return path.parent / fitted(path.name, ".lock", ".")  # cannot have .minutes here: lock beside the file
    try:
        _make_folder(lpath.parent, folder)
    except OSError as exc:
        # .minutes exists: the others lock in it, so a writer that cannot must not lock anywhere else.
        raise MinutesError(
            f"{path}: cannot create the lock folder {state.name}/{LOCKS}: {exc.strerror}; "
            f"make {state} writable for everyone who writes the sessions here"
        ) from None
    return lpath


def _open_lock(path: Path) -> int:
    lpath = _lock_file(path)
    flags = os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        # O_NOFOLLOW: a symlink planted at the lock's name must not make us open (and truncate) its target.
        fd = os.open(lpath, os.O_RDWR | flags, 0o644)
    except PermissionError:
        try:  # another user's lock file: flock needs no write access, only the pid message does
            return os.open(lpath, os.O_RDONLY | flags, 0o644)
        except OSError as exc:
            raise _cannot_open(path, lpath, exc) from None
    except OSError as exc:
        raise _cannot_open(path, lpath, exc) from None
    _share(fd, path.parent)
    return fd


def _cannot_open(path: Path, lpath: Path, exc: OSError) -> MinutesError:
    if exc.errno == errno.ELOOP:
        return MinutesError(f"{lpath}: the lock file is a symbolic link; remove it and try again")
    if exc.errno == errno.ENOENT and not path.parent.is_dir():
        return MinutesError(f"{path.parent}: no such folder")
    return MinutesError(f"{path}: cannot create lock file {lpath.name}: {exc.strerror}")


def _share(fd: int, folder: Path) -> None:
    """Give a lock file we own the folder's group, and write access for whoever may write in the folder."""
    with contextlib.suppress(OSError):
        mine, where = os.fstat(fd), os.stat(folder)
        if mine.st_uid != os.geteuid():
            return
        if mine.st_gid != where.st_gid:
            os.fchown(fd, -1, where.st_gid)
        wanted = 0o644 | (where.st_mode & 0o022)
        if stat.S_IMODE(mine.st_mode) != wanted:
            os.fchmod(fd, wanted)


class _Wake(Exception):
    """Raised by the SIGALRM handler to end a blocking flock."""


def _alarm(signum: int, frame: object) -> None:
    raise _Wake


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _block_for(fd: int, seconds: float) -> bool:
    """Wait in the kernel up to ``seconds`` for the lock; return whether it is held."""
    import signal  # only a writer that has to wait needs it

    try:
        previous = signal.signal(signal.SIGALRM, _alarm)
    except (ValueError, AttributeError):  # not the main thread (or no SIGALRM): no signal can wake us, so poll
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if _try_lock(fd):
                return True
            time.sleep(0.01)
        return _try_lock(fd)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
            fcntl.flock(fd, fcntl.LOCK_EX)
        except _Wake:
            pass
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Wake:  # the timer went off just as the lock came
        pass
    finally:
        signal.signal(signal.SIGALRM, previous)
    return _try_lock(fd)  # also true when the lock came just before the timer went off


def _acquire(fd: int, path: Path, timeout: float) -> None:
    """Take the lock on ``fd``, saying after 1 s whom we wait for, giving up after ``timeout`` seconds."""
    try:
        if _try_lock(fd):
            return
        start = time.monotonic()
        told = False
        while True:
            waited = time.monotonic() - start
            if waited >= timeout:
                raise MinutesError(
                    f"{path}: still locked by {_holder(fd)} after {timeout:g} s; try again (or set MINUTES_LOCK_TIMEOUT)"
                )
            if waited >= WAIT_NOTICE and not told:
                print(f"minutes: waiting for {path.name}, locked by {_holder(fd)}", file=sys.stderr, flush=True)
                told = True
            until = timeout if told or timeout <= WAIT_NOTICE else WAIT_NOTICE
            if _block_for(fd, until - waited):
                return
    except OSError as exc:
        raise MinutesError(f"{path}: cannot lock {lock_path(path).name}: {exc.strerror}") from None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


@contextlib.contextmanager
def held(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the exclusive lock of ``path`` for the duration of the block."""
    timeout = lock_timeout() if timeout is None else timeout
    fd = _open_lock(path)
    try:
        _acquire(fd, path, timeout)
        stale = _holder_pid(fd)
        if stale and stale != os.getpid() and not _pid_alive(stale):
            print(
                f"minutes: note: a previous writer (pid {stale}) was killed while writing {path.name}; "
                "its lock was released and the file is intact",
                file=sys.stderr,
                flush=True,
            )
        _set_holder(fd, f"{os.getpid()}\n")
        try:
            yield
        finally:
            _set_holder(fd, "")
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _set_holder(fd: int, text: str) -> None:
    """Record the holder's pid; it only serves messages, so a full disk (or a read-only lock) must not stop the write."""
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

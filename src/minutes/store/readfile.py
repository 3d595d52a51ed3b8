"""Open user files safely: regular files only, opened without blocking, read up to a size cap.

A FIFO, a socket, a device or a symlink to ``/dev/zero`` can be named ``*.yaml``: opening a FIFO
blocks until a writer comes, and reading ``/dev/zero`` never ends. Every session, marker and cache
file is opened here. Kept free of heavy imports: shell completion reads through it.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from typing import BinaryIO, TextIO

from minutes.errors import MinutesError, located

_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def kind(mode: int) -> str:
    """Return what a file of ``mode`` is, in words ("a FIFO"), for a file that is not a regular one."""
    return next((name for test, name in _KINDS if test(mode)), "a special file")


def not_regular(path: object, mode: int, what: str) -> MinutesError:
    """Return the error for ``path``, which is not a regular file."""
    return MinutesError(located(path, None, f"is {kind(mode)}, not a {what}"))


def open_regular(path: os.PathLike | str, what: str = "session file") -> BinaryIO:
    """Return ``path`` open for binary reading; raise MinutesError if it is not a regular file (OSError as open does)."""
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        if exc.errno in (errno.ENXIO, errno.EOPNOTSUPP):  # a socket cannot be opened at all
            mode = os.stat(path).st_mode
            if not stat.S_ISREG(mode):
                raise not_regular(path, mode, what) from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise not_regular(path, mode, what)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def too_large(path: object, cap: int) -> MinutesError:
    """Return the error for a file over ``cap`` bytes."""
    return MinutesError(located(path, None, f"file is larger than {cap // 2**20} MB"))


def read(path: os.PathLike | str, cap: int, what: str = "session file") -> bytes:
    """Return the bytes of the regular file ``path``; refuse it if it holds more than ``cap`` bytes."""
    with open_regular(path, what) as handle:
        if os.fstat(handle.fileno()).st_size > cap:
            raise too_large(path, cap)
        data = handle.read(cap + 1)  # the file may grow after the fstat
    if len(data) > cap:
        raise too_large(path, cap)
    return data


def open_text(path: os.PathLike | str, what: str) -> TextIO:
    """Return the regular file ``path`` open for reading as UTF-8 text (errors as ``open_regular``)."""
    return io.TextIOWrapper(open_regular(path, what), encoding="utf-8")

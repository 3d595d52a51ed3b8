"""Domain errors; the command line maps them to exit codes."""

from __future__ import annotations

import re


class MinutesError(Exception):
    """A problem with the user's data or files: exit code 1."""

    exit_code = 1


class UsageError(MinutesError):
    """A problem with how a command was called: exit code 2."""

    exit_code = 2


class UnknownName(MinutesError):
    """A name the roster does not know: the message, the name typed and the close spellings it may have meant."""

    def __init__(self, message: str, query: str, close: list[str]) -> None:
        super().__init__(message)
        self.query = query
        self.close = close


# Characters a terminal would act on rather than show: C0/C1 controls, line and paragraph separators,
# bidi controls (U+202E turns "gpj.yaml" into "lmay.jpg"), and the lone surrogates undecodable bytes become.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return repr(match.group())[1:-1] if code < 0x100 else f"\\u{code:04x}"


def shown(path: object) -> str:
    """Return ``path`` (or any text) for a message or a listing, its control and bidi characters escaped."""
    return _UNSHOWABLE.sub(_escape, str(path))


def located(path: object, line: int | None, message: str, column: int | None = None) -> str:
    """Return ``path:line:col: message`` with whatever location is known."""
    where = shown(path)
    if line is not None:
        where += f":{line}"
        if column is not None:
            where += f":{column}"
    return f"{where}: {message}"

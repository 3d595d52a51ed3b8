"""Domain errors; the command line maps them to exit codes."""

from __future__ import annotations


class MinutesError(Exception):
    """A problem with the user's data or files: exit code 1."""

    exit_code = 1


class UsageError(MinutesError):
    """A problem with how a command was called: exit code 2."""

    exit_code = 2


def located(path: object, line: int | None, message: str, column: int | None = None) -> str:
    """Return ``path:line:col: message`` with whatever location is known."""
    where = str(path)
    if line is not None:
        where += f":{line}"
        if column is not None:
            where += f":{column}"
    return f"{where}: {message}"

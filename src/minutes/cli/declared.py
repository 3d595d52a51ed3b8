"""The register of commands and how one is run: what the commands, the Typer application and the plain reader share.

`minutes.cli.commands` declares each command with `command`; `minutes.cli.app` and `minutes.cli.plain` run
them through `invoke`. It imports no other module of `minutes.cli`, so each of them may import it.
"""

import os
import re
import sys
from collections.abc import Callable
from typing import Any

from minutes.errors import MinutesError

COMMANDS: dict[str, Callable[..., None]] = {}
STATE: dict[str, Any] = {"debug": False, "raise": False, "read_text": None}  # raise, read_text: see cli/recorder.py


def _err(message: str) -> None:
    from minutes.errors import shown

    print(f"minutes: error: {shown(message)}", file=sys.stderr)  # a newline or U+202E in a name stays visible


def command(name: str) -> Callable:
    """Register a command under ``name``; `invoke` runs it."""

    def register(fn: Callable[..., None]) -> Callable[..., None]:
        if fn.__doc__:  # help text joins a paragraph's lines: give each example a paragraph of its own
            fn.__doc__ = re.sub(r"(Example: [^\n]*)\n(\s*)(?=Example: )", r"\1\n\n\2", fn.__doc__)
        COMMANDS[name] = fn
        return fn

    return register


def invoke(fn: Callable[..., None], kwargs: dict[str, Any]) -> None:
    """Run a command; a domain error becomes one line on stderr and ``SystemExit`` with its exit code."""
    try:
        fn(**kwargs)
    except KeyboardInterrupt:
        raise
    except BrokenPipeError:  # the reader (e.g. `head`) stopped reading: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0) from None
    except MinutesError as exc:
        if STATE["debug"] or STATE["raise"]:  # the recorder reports errors itself
            raise
        _err(str(exc))
        raise SystemExit(exc.exit_code) from None
    except Exception as exc:
        if _from_typer(exc) or STATE["debug"]:  # a prompt's Abort, or a bug shown in full
            raise
        _err(f"internal error: {type(exc).__name__}: {exc} (run 'minutes --debug ...' for the traceback)")
        raise SystemExit(1) from None


def _from_typer(exc: BaseException) -> bool:
    """Return whether ``exc`` is one of Typer's own exits (from a prompt), which Typer reports itself."""
    typer = sys.modules.get("typer")
    return typer is not None and isinstance(exc, (typer.Exit, typer.Abort))

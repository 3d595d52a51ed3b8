"""`minutes --help` without Typer: Typer's own text, kept in the user's cache folder once written.

An entry starts with its key: everything the text depends on, namely this package's version and
command modules (their size and modification time), Typer's and Python's, the terminal's width (as
``COLUMNS`` and as the terminal reports it) and the language settings. An entry whose key differs,
or that cannot be read, is written anew from Typer's output; failing to write it is never an error.
"""

import os
import sys
import zlib
from importlib.machinery import PathFinder
from pathlib import Path
from typing import Optional

from minutes import __version__
from minutes.store.cachedir import root

HERE = Path(__file__).parent
SETTINGS = ("COLUMNS", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION")


def _terminal_width() -> str:
    try:
        return str(os.get_terminal_size(sys.__stdout__.fileno()).columns)
    except (AttributeError, ValueError, OSError):
        return "-"


def key() -> Optional[str]:
    """Return what the top-level help depends on here, as one line, or None if Typer is not found."""
    sources = [HERE / "app.py", HERE / "commands.py"]
    for module in ("typer", "shellingham"):
        spec = PathFinder.find_spec(module, sys.path)
        if spec is not None and spec.origin:
            sources.append(Path(spec.origin))
        elif module == "typer":
            return None
    parts = [__version__, sys.version, _terminal_width()]
    parts += [os.environ.get(name, "") for name in SETTINGS]
    try:
        for source in sources:
            status = source.stat()
            parts.append(f"{source}:{status.st_size}:{status.st_mtime_ns}")
    except OSError:
        return None
    return repr(parts)


def typer_help(argv: list[str]) -> tuple[int, str]:
    """Return the exit code and the output of the Typer application for ``argv``."""
    import contextlib
    import io

    from minutes.cli import app as cli

    out = io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out):
        try:
            cli.build()(args=argv, prog_name="minutes")
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue()


def show(argv: list[str]) -> None:
    """Print the top-level help, from the cache where its entry's key matches."""
    line = key()
    target = root() / "help" / f"{zlib.crc32(line.encode('utf-8', 'surrogatepass')):08x}.txt" if line else None
    try:
        head, _, text = target.read_text(encoding="utf-8").partition("\n") if target else ("", "", "")
    except (OSError, UnicodeError):
        head, text = "", ""
    if head != line or not text:
        code, text = typer_help(argv)
        if code:
            sys.stdout.write(text)
            raise SystemExit(code)
        if target:
            from minutes.store.cachedir import save

            save(target, f"{line}\n{text}")
    sys.stdout.write(text)

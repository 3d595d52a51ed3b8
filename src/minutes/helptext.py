"""`minutes --help` without Typer: Typer's own text, kept in the user's cache folder once written.

The entry is keyed by everything the text depends on: this package's version and command modules
(their size and modification time), Typer's, Python's, the terminal's width and the language
settings. A missing or unreadable entry is written anew by Typer; writing it is never an error.
"""

import hashlib
import importlib.util
import os
import shutil
import sys
from pathlib import Path
from typing import Optional

from minutes import __version__
from minutes.cache import root

HERE = Path(__file__).parent
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION")


def entry() -> Optional[Path]:
    """Return the cache file for the top-level help in this environment, or None if Typer is not found."""
    sources = [HERE / "cli.py", HERE / "commands.py"]
    for module in ("typer", "shellingham"):
        spec = importlib.util.find_spec(module)
        if spec is None or spec.origin is None:
            if module == "typer":
                return None
            continue
        sources.append(Path(spec.origin))
    parts = [__version__, sys.version, str(shutil.get_terminal_size().columns)]
    parts += [os.environ.get(name, "") for name in LANGUAGE_VARIABLES]
    try:
        for source in sources:
            status = source.stat()
            parts.append(f"{source}:{status.st_size}:{status.st_mtime_ns}")
    except OSError:
        return None
    key = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:40]
    return root() / "help" / f"{key}.txt"


def typer_help(argv: list[str]) -> tuple[int, str]:
    """Return the exit code and the output of the Typer application for ``argv``."""
    import contextlib
    import io

    from minutes import cli

    out = io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out):
        try:
            cli.build()(args=argv, prog_name="minutes")
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue()


def show(argv: list[str]) -> None:
    """Print the top-level help, from the cache where it is there."""
    target = entry()
    try:
        text = target.read_text(encoding="utf-8") if target else None
    except (OSError, UnicodeError):
        text = None
    if not text:
        code, text = typer_help(argv)
        if code:
            sys.stdout.write(text)
            raise SystemExit(code)
        if target:
            from minutes.cache import save

            save(target, text)
    sys.stdout.write(text)

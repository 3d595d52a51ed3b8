"""The front door: which part of `minutes` answers a command line.

Plain command lines (`minutes.cli.plain`) and the completion of a name (`minutes.cli.completion`) are
answered without importing Typer, which costs a small command about two thirds of its time; everything
else, `--help` too, goes to the Typer application (`minutes.cli.app`), and so does everything when
`MINUTES_FAST=0` (see `minutes.fastpaths`).
"""

import os
import sys
from typing import Optional


def main(argv: Optional[list[str]] = None) -> None:
    """Run the command line: plain lines and name completion here, the rest in Typer."""
    from minutes import fastpaths

    argv = sys.argv[1:] if argv is None else argv
    if not fastpaths.enabled():
        pass  # MINUTES_FAST=0: Typer answers everything
    elif "_MINUTES_COMPLETE" in os.environ:
        from minutes.cli import completion

        if completion.answer(os.environ):
            return
    else:
        from minutes.cli import plain

        if plain.run(argv):
            return
    from minutes.cli import app as cli

    cli.main(argv)

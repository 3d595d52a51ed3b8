"""The front door: which part of `minutes` answers a command line.

Plain command lines (`minutes.plain`), the completion of a name (`minutes.completion`) and the
top-level help (`minutes.helptext`) are answered without importing Typer, which costs a small
command about two thirds of its time; everything else goes to the Typer application (`minutes.cli`).
"""

import os
import sys
from typing import Optional


def main(argv: Optional[list[str]] = None) -> None:
    """Run the command line: plain lines, name completion and the top-level help here, the rest in Typer."""
    argv = sys.argv[1:] if argv is None else argv
    if "_MINUTES_COMPLETE" in os.environ:
        from minutes import completion

        if completion.answer(os.environ):
            return
    elif argv in (["--help"], ["-h"]):
        from minutes import helptext

        helptext.show(argv)
        return
    else:
        from minutes import plain

        if plain.run(argv):
            return
    from minutes import cli

    cli.main(argv)

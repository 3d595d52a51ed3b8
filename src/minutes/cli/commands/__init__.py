"""The commands: each parses nothing itself, calls one library function, and prints.

Parameters are declared with `minutes.cli.params` (Typer's words, without importing Typer): `minutes.cli.app`
builds the Typer application from them, and `minutes.cli.main` runs the recording commands from the same
declarations without it. Heavy modules (pydantic, docx, jinja2, babel) are imported inside the
commands, so that `--help` and tab completion stay fast.

The register (`COMMANDS`, in the order `--help` lists them) is filled as this package imports its modules:
creating and choosing, recording, rendering, approval and follow-up, viewing and checking.
"""

from minutes.cli.declared import COMMANDS, STATE, command, invoke
from minutes.cli.commands.roster import complete_names, names_starting
from minutes.cli.commands import session, recording, votes, rendering, followup, viewing, migrating  # each registers its commands

__all__ = ["COMMANDS", "STATE", "command", "invoke", "complete_names", "names_starting"]

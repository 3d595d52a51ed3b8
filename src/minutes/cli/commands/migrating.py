"""Bringing old files up to date: `migrate`."""

from pathlib import Path
from typing import Annotated

from minutes.cli.declared import command
from minutes.cli.params import Arg


@command("migrate")
def migrate(
    files: Annotated[list[Path], Arg(help="Session files of schema version 1 to rewrite as version 2.", show_default=False)],
) -> None:
    """Rewrite session files of schema version 1 as version 2 in place, their texts escaped to render as before.

    Example: minutes migrate sessions/*.yaml
    """
    import sys

    from minutes.records import migrate as migration
    from minutes.store.loader import folder_file

    shared = {"settings": "the folder's settings: nothing to migrate", "roster": "a shared roster: nothing to migrate"}
    for path in files:
        if migration.migrate(path):
            print(f"{path}: migrated to schema version 2")
        else:
            print(f"{path}: {shared.get(folder_file(path) or '', 'already version 2')}", file=sys.stderr)

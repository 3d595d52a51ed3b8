"""How a command's parameters are declared, without importing Typer.

A command writes ``Annotated[Optional[str], Opt("--topic", help="...")]``. `minutes.cli.app` turns each
`Opt` and `Arg` into Typer's own ``typer.Option`` and ``typer.Argument`` with the same words, and
`minutes.cli.main` reads the same declarations to run the recording commands without Typer.
"""

from __future__ import annotations

from typing import Any


class Param:
    """A command-line parameter: its option words (none for an argument) and Typer's keywords."""

    __slots__ = ("decls", "kwargs")

    def __init__(self, *decls: str, **kwargs: Any) -> None:
        self.decls = decls
        self.kwargs = kwargs

    def __repr__(self) -> str:
        return f"{type(self).__name__}{(*self.decls, *(f'{k}={v!r}' for k, v in self.kwargs.items()))}"


class Opt(Param):
    """An option, as ``typer.Option(*decls, **kwargs)``."""

    __slots__ = ()


class Arg(Param):
    """A positional argument, as ``typer.Argument(**kwargs)``."""

    __slots__ = ()

"""The Typer application, built from the commands declared in `minutes.cli.commands`.

`minutes.cli.main` runs plain command lines without it; Typer answers the rest: help, mistakes in a
command line (with its suggestions), completion of anything but a name, and every command line the
front leaves to it. ``minutes.cli.app.app`` is the whole application, for tests and embedding.
"""

import inspect
import os
import sys
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Optional, get_args

import typer

from minutes import __version__
from minutes.cli import commands
from minutes.cli import shells
from minutes.cli.params import Opt, Param

shells.mend_typer()

SETTINGS: dict[str, Any] = {
    "name": "minutes",
    "help": "Record meetings in plain YAML; render formal minutes and press releases.",
    "no_args_is_help": True,
    "add_completion": True,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}


def _version(value: bool) -> None:
    if value:
        print(f"minutes {__version__}")
        raise typer.Exit()


def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
) -> None:
    """Record meetings in plain YAML; render formal minutes and press releases.

    Example: minutes new "Board meeting" --date 2024-03-12 --place "Room 4"
    """
    commands.STATE["debug"] = debug


def _typer_param(decl: Param) -> Any:
    """Return Typer's own parameter for a declaration from `minutes.cli.params`."""
    make = typer.Option if isinstance(decl, Opt) else typer.Argument
    return make(*decl.decls, **decl.kwargs)


def typer_command(fn: Callable[..., None]) -> Callable[..., None]:
    """Return ``fn`` as Typer reads it: the same signature with Typer's parameters, run by `commands.invoke`."""
    signature = inspect.signature(fn)
    params = []
    for param in signature.parameters.values():
        base, decl = get_args(param.annotation)
        params.append(param.replace(annotation=Annotated[base, _typer_param(decl)]))

    def run(**kwargs: Any) -> None:
        commands.invoke(fn, kwargs)

    run.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in params}
    run.__name__, run.__qualname__, run.__doc__ = fn.__name__, fn.__qualname__, fn.__doc__
    return run


def build(names: Optional[Iterable[str]] = None) -> typer.Typer:
    """Return the Typer application with every command, or only those in ``names``."""
    app = typer.Typer(**SETTINGS)
    app.callback()(main_options)
    wanted = None if names is None else set(names)
    for name, fn in commands.COMMANDS.items():
        if wanted is None or name in wanted:
            app.command(name)(typer_command(fn))
    return app


def __getattr__(name: str) -> Any:
    if name == "app":
        globals()["app"] = built = build()
        return built
    raise AttributeError(name)


def main(argv: Optional[list[str]] = None) -> None:
    """Run the Typer application, building only the command the line names (all of them take ~15 ms)."""
    argv = sys.argv[1:] if argv is None else argv
    if shells.install(argv):
        return
    named = named_command(argv, os.environ)
    build(None if named is None else [named])(args=argv, prog_name="minutes")


def named_command(argv: list[str], env: Any) -> Optional[str]:
    """Return the command that ``argv`` (or the shell completion's words) runs, if it is sure."""
    if "_MINUTES_COMPLETE" in env:
        import shlex

        try:
            words = shlex.split(env.get("COMP_WORDS") or env.get("_TYPER_COMPLETE_ARGS") or "")
        except ValueError:
            return None
        argv = words[1:-1]  # the last word may be the one being completed
    name = next((a for a in argv if not a.startswith("-")), None)
    return name if name in commands.COMMANDS else None

"""Shell completion of names (a speaker, an owner, a mover) without Typer.

It answers as Typer's own completion would, for bash and zsh, where the word being completed is a
parameter declared with ``autocompletion=complete_names``. Anything else (the command word, option
names, files, other shells) it leaves to Typer. Tests compare both answers.
"""

from pathlib import Path
from typing import Optional

from minutes.cli import plain
from minutes.cli import shells
from minutes.cli.commands import roster


def request(env: dict) -> Optional[tuple[str, list[str], str]]:
    """Return the shell, the words before the one being completed, and that word; None for other shells."""
    shell = env.get("_MINUTES_COMPLETE")
    if shell == "complete_bash":
        words = shells.split(env.get("COMP_WORDS", ""))
        try:
            cword = int(env.get("COMP_CWORD", ""))
        except ValueError:
            return None
        return "bash", words[1:cword], words[cword] if cword < len(words) else ""
    if shell == "complete_zsh":
        line = env.get("_TYPER_COMPLETE_ARGS", "")
        args = shells.split(line)[1:]
        if args and not line.endswith(" "):
            return "zsh", args[:-1], args[-1]
        return "zsh", args, ""
    return None


def names(args: list[str], incomplete: str) -> Optional[list[str]]:
    """Return the names that complete ``incomplete`` after ``args``, or None if it is not a name's place."""
    named = plain.command(args)
    if named is None:
        return None
    _, found, _, rest = named
    if incomplete == "=":
        incomplete = ""
    elif incomplete.startswith("-") and "=" in incomplete:
        option, _, incomplete = incomplete.partition("=")
        rest = [*rest, option]
    if incomplete.startswith("-") or "--" in rest:
        return None
    target = found.options.get(rest[-1]) if rest else None
    if target is not None and target.kind != "flag":
        rest = rest[:-1]
    else:
        target = None
    try:
        given, words = plain.read_options(found, rest)
    except ValueError:
        return None
    if target is None:
        if len(words) >= len(found.arguments):
            return None
        target = found.arguments[len(words)]
    if target.decl.kwargs.get("autocompletion") is not roster.complete_names:
        return None
    file = given.get("file")
    return roster.names_starting(Path(file) if file else None, incomplete)


def answer(env: dict) -> bool:
    """Print the completion Typer would print and return True, or return False for Typer to answer."""
    asked = request(env)
    found = names(asked[1], asked[2]) if asked else None
    if found is None:
        return False
    if asked[0] == "bash":
        print("\n".join(shells.for_shell(env, found)))
    else:
        print(shells.zsh_answer(asked[2], [(name, "") for name in found]))
    return True

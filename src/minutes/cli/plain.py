"""Plain command lines run from their declarations, without Typer.

Importing Typer costs a `minutes add-speech` about two thirds of its time. Most command lines a
secretary types are plain: a command, its known options with their values, and its arguments.
`parse` reads those from the same declarations Typer reads (`minutes.cli.params`), and `run` runs the
command through the same `commands.invoke`. Anything else (a typo, `--help`, a short option
cluster, a value that starts with a dash, a count below its minimum, an unknown choice) is left to
the Typer application in `minutes.cli.app`, which parses it and reports any error. Tests check that both
read every command line this module accepts the same way.
"""

import sys
import typing
from enum import Enum
from pathlib import Path
from typing import Any, Callable, NamedTuple, Optional

from minutes.cli import commands
from minutes.cli.params import Arg, Opt

GLOBAL_FLAGS = {"--debug": "debug"}
MANY = {"list": "str", "paths": "path"}  # a repeatable option, an argument of several files: their items' kind
KNOWN_KEYWORDS = {"help", "show_default", "autocompletion", "min"}


class Slot(NamedTuple):
    """One parameter of a command: its name, how its text becomes a value, and its declaration."""

    name: str
    kind: Any  # "str", "int", "path", "flag", "list", "paths", or an Enum class
    decl: Any
    default: Any
    required: bool


class Spec(NamedTuple):
    """The parameters of a command: options by each of their words, and arguments in order."""

    options: dict[str, Slot]
    arguments: list[Slot]

    def slots(self) -> list[Slot]:
        """Return each parameter once: the options (one slot for all their words), then the arguments."""
        return [*{slot.name: slot for slot in self.options.values()}.values(), *self.arguments]


def _kind(annotation: Any, decl: Any) -> Any:
    """Return how the front converts text for ``annotation``, or None if it leaves that to Typer."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Union and len(args) == 2 and type(None) in args:
        annotation = args[0] if args[1] is type(None) else args[1]
    elif annotation is bool and isinstance(decl, Opt):
        return "flag"
    if annotation == list[str] and isinstance(decl, Opt):
        return "list"
    if annotation == list[Path] and isinstance(decl, Arg):
        return "paths"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return annotation
    return {str: "str", int: "int", Path: "path"}.get(annotation)


def spec(fn: Callable) -> Optional[Spec]:
    """Return the options and arguments of the command ``fn``, or None if one of them is beyond the front."""
    code = fn.__code__
    names = code.co_varnames[: code.co_argcount]
    defaults = fn.__defaults__ or ()
    first_default = len(names) - len(defaults)
    options: dict[str, Slot] = {}
    arguments: list[Slot] = []
    for i, name in enumerate(names):
        annotation = fn.__annotations__.get(name)
        meta = getattr(annotation, "__metadata__", ())
        if len(meta) != 1 or not isinstance(meta[0], (Opt, Arg)) or set(meta[0].kwargs) - KNOWN_KEYWORDS:
            return None
        decl = meta[0]
        kind = _kind(annotation.__origin__, decl)
        if kind is None:
            return None
        has_default = i >= first_default
        slot = Slot(name, kind, decl, defaults[i - first_default] if has_default else None, not has_default)
        if isinstance(decl, Opt):
            options.update(dict.fromkeys(decl.decls, slot))
        else:
            arguments.append(slot)
    if any(slot.kind == "paths" for slot in arguments) and len(arguments) > 1:
        return None  # several files beside other arguments: Typer shares the words out
    return Spec(options, arguments)


def _convert(slot: Slot, text: str) -> Any:
    """Return ``text`` as the value of ``slot``; raise ValueError where Typer should judge it."""
    kind = slot.kind
    if kind == "str":
        return text
    if kind == "path":
        if not text:
            raise ValueError(text)
        return Path(text)
    if kind == "int":
        if not (text.isascii() and text.isdigit()):
            raise ValueError(text)
        value = int(text)
        if value < slot.decl.kwargs.get("min", value):
            raise ValueError(text)
        return value
    return kind(text)  # an Enum: a ValueError for anything but one of its values


def command(argv: list[str]) -> Optional[tuple[Callable, Spec, dict[str, bool], list[str]]]:
    """Return the command ``argv`` names after its global flags, its spec, those flags and the words after it."""
    flags = dict.fromkeys(GLOBAL_FLAGS.values(), False)
    i = 0
    while i < len(argv) and argv[i] in GLOBAL_FLAGS:
        flags[GLOBAL_FLAGS[argv[i]]] = True
        i += 1
    fn = commands.COMMANDS.get(argv[i]) if i < len(argv) else None
    found = spec(fn) if fn is not None else None
    return None if found is None else (fn, found, flags, argv[i + 1 :])


def parse(argv: list[str]) -> Optional[tuple[Callable, dict[str, Any], dict[str, bool]]]:
    """Return the command, its keyword arguments and the global flags of a plain command line, else None."""
    named = command(argv)
    if named is None:
        return None
    fn, found, flags, rest = named
    try:
        given, words = read_options(found, rest)
    except ValueError:
        return None
    if found.arguments and found.arguments[0].kind == "paths":
        if words:
            given[found.arguments[0].name] = words
    elif len(words) > len(found.arguments):
        return None
    else:
        given.update((slot.name, word) for slot, word in zip(found.arguments, words))
    kwargs: dict[str, Any] = {}
    try:
        for slot in found.slots():
            if slot.name in given:
                value = given[slot.name]
                if slot.kind in MANY:
                    kwargs[slot.name] = [_convert(slot._replace(kind=MANY[slot.kind]), v) for v in value]
                else:
                    kwargs[slot.name] = True if slot.kind == "flag" else _convert(slot, value)
            elif slot.required:
                return None
            else:
                kwargs[slot.name] = list(slot.default) if slot.kind == "list" else slot.default
    except ValueError:
        return None
    return fn, kwargs, flags


def read_options(found: Spec, rest: list[str]) -> tuple[dict[str, Any], list[str]]:
    """Return the options' texts by parameter name and the positional words; ValueError if not plain."""
    given: dict[str, Any] = {}
    words: list[str] = []
    i = 0
    while i < len(rest):
        word = rest[i]
        i += 1
        if not word.startswith("-") or word == "-":
            words.append(word)
            continue
        name, eq, inline = word.partition("=") if word.startswith("--") else (word, "", "")
        slot = found.options.get(name)
        if slot is None:  # --, --help, an unknown or misspelt option, -fFILE
            raise ValueError(word)
        if slot.kind == "flag":
            if eq:
                raise ValueError(word)
            given[slot.name] = True
            continue
        if not eq:
            if i >= len(rest):
                raise ValueError(word)
            inline = rest[i]
            i += 1
            if inline.startswith("-") and inline != "-":
                raise ValueError(inline)
        if slot.kind == "list":
            given.setdefault(slot.name, []).append(inline)
        else:
            given[slot.name] = inline
    return given, words


def run(argv: list[str]) -> bool:
    """Run a plain command line and return True, or return False for Typer to run it."""
    parsed = parse(argv)
    if parsed is None:
        return False
    fn, kwargs, flags = parsed
    commands.STATE["debug"] = flags["debug"]
    try:
        commands.invoke(fn, kwargs)
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except EOFError:
        print(file=sys.stderr)
        _aborted()
    except Exception as exc:  # a prompt's own exits, as Typer reports them
        typer = sys.modules.get("typer")
        if typer is not None and isinstance(exc, typer.Exit):
            raise SystemExit(exc.exit_code) from None
        if typer is not None and isinstance(exc, typer.Abort):
            _aborted()
        raise
    return True


def _aborted() -> None:
    print("Aborted!", file=sys.stderr)
    raise SystemExit(1)

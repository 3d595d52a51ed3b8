"""Completion of names without Typer (minutes.completion) prints what Typer's completion prints."""

import shlex
import shutil
import sys
from pathlib import Path

import typer.main
from conftest import CONGRESS, invoke_front

from minutes import completion
from minutes.cli import build, named_command

PREFIXES = ["", "A", "an", "Lu", "'An", '"Ana W', "Ana\\ W", "=", "Ли"]
BEFORE = ["", "--topic T", "-f {other}", "--file={other}", "--guest", "--summary - --point a --point b"]
NAME_SLOTS = [
    "add-speech", "add-speech --on-behalf-of", "add-report", "add-resolution T --moved-by",
    "add-resolution T --seconded-by", "add-action Task --owner", "add-attendee", "add-speech --on-behalf-of=",
    "add-action T --owner=",
]
OTHER_SLOTS = ["add-speech Ana", "add-speech Ana --topic", "render", "add-sp", "add-speech --to", "add-speech -- ",
               "set chair", "add-speech --at"]


def _lines(other: Path) -> list[str]:
    """Return command lines up to the cursor: the word being completed is the last (or empty after a space)."""
    lines = []
    for slot in NAME_SLOTS + OTHER_SLOTS:
        command, _, tail = slot.partition(" ")
        names = slot in NAME_SLOTS
        for before in BEFORE if names else BEFORE[:3]:
            for prefix in PREFIXES if names else PREFIXES[:3]:
                words = " ".join(w for w in (command, before.format(other=other), tail) if w)
                glue = "" if slot.endswith("=") else " "
                lines.append(f"minutes {'--debug ' if len(lines) % 3 == 0 else ''}{words}{glue}{prefix}")
    return lines


def _requests(line: str) -> list[dict]:
    words = completion.split(line)
    cword = len(words) - (0 if line.endswith(" ") else 1)
    return [
        {"_MINUTES_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(cword)},
        {"_MINUTES_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line},
    ]


def _typer_completion(runner, command, env: dict) -> tuple[int, str]:
    """Return the exit code and output of Typer's own completion, as the installed command would print them."""
    with runner.isolation(env=env) as (stdout, _, _):
        try:
            command.main(args=[], prog_name="minutes")
        except SystemExit as exc:
            code = exc.code
        sys.stdout.flush()
        return code, stdout.getvalue().decode()


def test_names_complete_as_typer_completes_them(board: Path, cli, monkeypatch) -> None:
    answers: list[bool] = []
    answer = completion.answer
    monkeypatch.setattr(completion, "answer", lambda env: answers.append(answer(env)) or answers[-1])
    other = cli.folder / CONGRESS.name
    shutil.copy(CONGRESS, other)
    cli("add-attendee", "Ana O'Neil: \"Doc\" $1 `x`")  # what zsh needs escaped
    commands: dict = {}  # by the command named on the line (all of them to complete the command word)
    offered = 0
    for line in _lines(other):
        for env in _requests(line):
            named = named_command([], env)
            if named not in commands:
                commands[named] = typer.main.get_command(build(None if named is None else [named]))
            typer_out = _typer_completion(cli.runner, commands[named], env)
            front_out = invoke_front(cli.runner, [], env=env)
            assert (front_out.exit_code, front_out.stdout) == typer_out, (env, line)
            offered += answers[-1] and typer_out[1].strip() not in ("", "_files")
    assert sum(answers) > 700 and offered > 250, (sum(answers), offered)


def test_names_come_from_the_file_named_on_the_line(board: Path, cli) -> None:
    other = cli.folder / CONGRESS.name
    shutil.copy(CONGRESS, other)
    assert completion.names(["add-speech"], "Ana") == ["Ana Weber"]
    assert completion.names(["add-speech", "-f", str(other)], "Ana") == []
    assert "Luan Xinlong" in completion.names(["add-speech", "--file", str(other)], "Lu")
    assert completion.names(["add-speech", "Ana", "--topic"], "") is None  # a topic is not a name
    assert completion.names(["add-sp"], "") is None  # the command word: Typer completes it


def test_other_shells_are_left_to_typer() -> None:
    assert completion.request({"_MINUTES_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": "minutes add-speech A"}) is None
    assert completion.request({"_MINUTES_COMPLETE": "complete_bash", "COMP_WORDS": "minutes", "COMP_CWORD": "x"}) is None


def test_an_unclosed_quote_is_the_word_being_typed() -> None:
    assert completion.split('minutes add-speech "Ana W') == ["minutes", "add-speech", "Ana W"]
    assert completion.split("minutes add-speech 'Ana W") == shlex.split("minutes add-speech 'Ana W'")

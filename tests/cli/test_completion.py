"""Completion of names without Typer (minutes.cli.completion) prints what Typer's completion prints."""

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import typer.main
from conftest import CONGRESS, invoke_front

from minutes.cli import completion
from minutes.cli import shells
from minutes.cli.app import build, named_command

PREFIXES = ["", "A", "an", "Lu", "'An", '"Ana W', "Ana\\ W", "=", "Ли", "fRAN", "web"]
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
    words = shells.split(line)
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


@pytest.mark.fast_path
def test_names_complete_as_typer_completes_them(board: Path, cli, monkeypatch) -> None:
    answers: list[bool] = []
    answer = completion.answer
    monkeypatch.setattr(completion, "answer", lambda env: answers.append(answer(env)) or answers[-1])
    other = cli.folder / CONGRESS.name
    shutil.copy(CONGRESS, other)
    cli("add-attendee", "Ana O'Neil: \"Doc\" $1 `x`")  # what zsh needs escaped
    cli("add-attendee", "François  Dupont")  # an accent, and two spaces
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
    assert shells.split('minutes add-speech "Ana W') == ["minutes", "add-speech", "Ana W"]
    assert shells.split("minutes add-speech 'Ana W") == shlex.split("minutes add-speech 'Ana W'")


NAMES = ["Li Jizheng", "Ana O'Neil", "Dollar $1 `x`", "Ké: Ün", "François  Dupont", 'Doc "Who"', "Star*? [a]", "Back\\slash"]
HAS_ZSH = shutil.which("zsh") is not None


@pytest.fixture
def roster(cli) -> Path:
    """Return a session whose roster has the names a shell needs quoted, chosen as the current one."""
    cli("new", "Names", "--date", "2024-03-12")
    for name in NAMES:
        cli("add-attendee", name)
    return cli.folder


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("li", ["Li Jizheng"]),
        ("LI J", ["Li Jizheng"]),
        ("jiz", ["Li Jizheng"]),  # a surname, when no name starts so
        ("francois", ["François  Dupont"]),
        ("dupo", ["François  Dupont"]),
        ("ke", ["Ké: Ün"]),
        ("d", ["Dollar $1 `x`", "Doc \"Who\""]),  # names that start so: not François Dupont's surname
        ("izheng", []),
    ],
)
def test_names_complete_ignoring_case_and_accents_or_by_surname(roster, typed, offered) -> None:
    assert completion.names(["add-speech"], typed) == offered


def _minutes_command(folder: Path) -> dict:
    """Return an environment whose PATH runs this worktree's `minutes`, as a shell's completion calls it."""
    bin_dir = folder / "bin"
    bin_dir.mkdir(exist_ok=True)
    script = bin_dir / "minutes"
    src = Path(completion.__file__).resolve().parent.parent
    script.write_text(f"#!/bin/sh\nPYTHONPATH={shlex.quote(str(src))} exec {shlex.quote(sys.executable)} -m minutes \"$@\"\n")
    script.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


def _bash_replies(folder: Path, env: dict, words: list[str]) -> list[str]:
    """Return COMPREPLY after bash runs the completion function Typer writes, for ``words`` (the last being typed)."""
    function = shells_script("bash")
    code = f"{function}\nCOMP_WORDS=({' '.join(shlex.quote(w) for w in words)}); COMP_CWORD={len(words) - 1}\n"
    code += '_minutes_completion minutes; printf "%s\\0" "${COMPREPLY[@]}"'
    out = subprocess.run(["bash", "--norc", "-c", code], cwd=folder, env=env, capture_output=True, text=True, check=True)
    return out.stdout.split("\0")[:-1]


def shells_script(shell: str) -> str:
    """Return the completion script ``minutes --show-completion SHELL`` prints."""
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name="minutes", complete_var="_MINUTES_COMPLETE", shell=shell)


def _bash_reads(word: str) -> list[str]:
    """Return the arguments bash makes of ``word`` put back on a command line."""
    out = subprocess.run(["bash", "--norc", "-c", f'printf "%s\\0" {word}'], capture_output=True, text=True, check=True)
    return out.stdout.split("\0")[:-1]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_a_name_completed_in_bash_is_one_argument_equal_to_the_name(roster) -> None:
    env = _minutes_command(roster)
    typed = {"Li Jizheng": "jiz", "Ana O'Neil": "ana", "Dollar $1 `x`": "Dol", "Ké: Ün": "ke",
             "François  Dupont": "francois", 'Doc "Who"': "Doc", "Star*? [a]": "st", "Back\\slash": "back"}
    for name in NAMES:
        replies = _bash_replies(roster, env, ["minutes", "add-speech", typed[name]])
        assert len(replies) == 1, (name, replies)
        assert _bash_reads(replies[0]) == [name], (name, replies)
    (roster / "Star1 [a]").write_text("")  # a file the escaped name might match as a pattern: it must not
    assert _bash_reads(_bash_replies(roster, env, ["minutes", "add-speech", "st"])[0]) == ["Star*? [a]"]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_a_name_completed_inside_an_open_quote_stays_one_argument(roster) -> None:
    env = _minutes_command(roster)
    for quote in ("'", '"'):
        for name in ("Ana O'Neil", "Dollar $1 `x`", 'Doc "Who"'):
            (reply,) = _bash_replies(roster, env, ["minutes", "add-speech", quote + name[:3]])
            assert _bash_reads(quote + reply + quote) == [name], (quote, name, reply)


def test_bash_words_escape_what_the_shell_would_split_or_expand() -> None:
    assert shells.bash_word("Li Jizheng") == "Li\\ Jizheng"
    assert shells.bash_word("Ké: Ün") == "Ké\\:\\ Ün"  # letters of any script stay as they are
    assert shells.bash_word("O'Neil", "'") == "O'\\''Neil"
    assert shells.bash_word('a "b" $c', '"') == 'a \\"b\\" \\$c'


def _zsh_offers(answer: str) -> list[str]:
    """Return the values zsh's completion adds when it evaluates ``answer`` as Typer's script does."""
    stubs = r"""
compadd() { while [[ $1 == -* && $1 != -- ]]; do [[ $1 == -P ]] && { prefix=$2; shift; }; shift; done; shift
            for w in "$@"; do print -rn -- "$prefix$w"; print -n '\0'; done }
_arguments() { local action=${1#\*: :}; eval ws\=\( "${action[3,-3]}" \)
               for w in "${ws[@]}"; do [[ $w =~ '^((\\.|[^\\:])*)' ]]; print -rn -- "${match[1]//\\:/:}"; print -n '\0'; done }
eval $(cat)
"""
    out = subprocess.run(["zsh", "-f", "-c", stubs], input=answer, capture_output=True, text=True, check=True)
    return out.stdout.split("\0")[:-1]


@pytest.mark.skipif(not HAS_ZSH, reason="needs zsh (apt-get install zsh)")
def test_zsh_gets_back_each_name_exactly() -> None:
    assert _zsh_offers(shells.zsh_answer("jiz", [(name, "") for name in NAMES])) == NAMES
    assert _zsh_offers(shells.zsh_answer("--owner=x", [("Ana O'Neil", "")])) == ["--owner=Ana O'Neil"]
    assert _zsh_offers(shells.zsh_answer("--", [("--topic", "Don't: \"say\""), ("--at", "Time")])) == ["--topic", "--at"]


def test_zsh_answers_names_with_compadd_and_options_with_their_help() -> None:
    assert shells.zsh_answer("jiz", [("Li Jizheng", "")]) == 'compadd -U -- "Li Jizheng"'
    assert shells.zsh_answer("", [("O'Neil", "")]) == 'compadd -U -- "O\'Neil"'
    assert shells.zsh_answer("--t", [("--topic", "It's")]) == "_arguments '*: :((\"--topic\":\"It'\\''s\"))'"
    assert shells.zsh_answer("x", []) == "_files"
    assert "$'\\x20\\x20'" in shells.zsh_answer("", [("two  spaces", "")])  # zsh's $(...) would make it one


def test_install_completion_installs_the_shell_named_not_the_one_running(cli, tmp_path) -> None:
    env = {"HOME": str(tmp_path), "SHELL": "/bin/bash"}
    result = invoke_front(cli.runner, ["--install-completion", "zsh"], env=env)
    assert result.exit_code == 0 and "zsh completion installed" in result.stdout
    assert (tmp_path / ".zfunc" / "_minutes").read_text().startswith("#compdef minutes")
    assert not (tmp_path / ".bash_completions").exists()
    shown = invoke_front(cli.runner, ["--show-completion=zsh"], env=env)
    assert shown.exit_code == 0 and shown.stdout.startswith("#compdef minutes")
    wrong = invoke_front(cli.runner, ["--install-completion", "tcsh"], env=env)
    assert wrong.exit_code == 2 and "unknown shell 'tcsh'" in wrong.stderr

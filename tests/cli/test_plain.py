"""The plain reading of command lines (minutes.cli.plain) agrees with Typer on every line it accepts."""

import io
import os
import random
import re
import shutil
import subprocess
import sys
from enum import Enum
from pathlib import Path

import pytest
import typer.testing
from conftest import BOARD, invoke_front
from typer.testing import CliRunner

from minutes.cli import app as cli
from minutes.cli import commands
from minutes.cli import plain
from minutes.cli.params import Opt

STRINGS = ["x", "Ana Weber", "-", "", "a=b", "Zürich 会议", "--", "-x", "18:30", "  spaced  ", "--help"]
INTS = ["0", "1", "7", "12", "-1", "x", "+2", "007", "١", "1.5", ""]
PATHS = ["s.yaml", "", "dir/s.yaml", "-", "-f"]
JUNK = ["--help", "-h", "--nope", "--version", "--", "-fs.yaml", "--debug"]


def _values(slot: plain.Slot) -> list[str]:
    if isinstance(slot.kind, type) and issubclass(slot.kind, Enum):
        return [m.value for m in slot.kind] + ["nope", next(iter(slot.kind)).value.upper()]
    return {"int": INTS, "path": PATHS, "paths": PATHS}.get(slot.kind, STRINGS)


def _command_line(rng: random.Random, name: str, spec: plain.Spec) -> list[str]:
    """Return a random command line for ``name``: options in any form and order, arguments, some junk."""
    slots = [slot for slot in spec.slots() if isinstance(slot.decl, Opt)]
    pieces: list[list[str]] = []
    for slot in rng.sample(slots, rng.randint(0, len(slots))):
        for _ in range(rng.choice([1, 1, 2, 3]) if slot.kind == "list" else rng.choice([1, 1, 1, 2])):
            word = rng.choice(slot.decl.decls)
            if slot.kind == "flag":
                pieces.append([word] if rng.random() > 0.05 else [word + "=1"])
            elif word.startswith("--") and rng.random() < 0.3:
                pieces.append([f"{word}={rng.choice(_values(slot))}"])
            else:
                pieces.append([word, rng.choice(_values(slot))])
    arguments = spec.arguments + spec.arguments[-1:] if spec.arguments and rng.random() < 0.1 else spec.arguments
    for slot in arguments[: rng.randint(0, len(arguments))]:
        pieces.insert(rng.randint(0, len(pieces)), [rng.choice(_values(slot))])
    if rng.random() < 0.05:
        pieces.insert(rng.randint(0, len(pieces)), [rng.choice(JUNK)])
    return (["--debug"] if rng.random() < 0.2 else []) + [name] + [w for piece in pieces for w in piece]


def test_plain_reads_every_line_it_accepts_as_typer_does(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple] = []
    monkeypatch.setattr(commands, "invoke", lambda fn, kwargs: seen.append((fn, kwargs, commands.STATE["debug"])))
    runner, rng = CliRunner(), random.Random(20261128)
    accepted = refused = 0
    for name, fn in commands.COMMANDS.items():
        spec = plain.spec(fn)
        if spec is None:
            continue
        app = cli.build([name])
        for _ in range(200):
            argv = _command_line(rng, name, spec)
            seen.clear()
            result = runner.invoke(app, argv, prog_name="minutes")
            parsed = plain.parse(argv)
            if parsed is None:
                refused += 1
                continue
            accepted += 1
            got_fn, kwargs, flags = parsed
            assert result.exit_code == 0, (argv, result.output)
            assert seen == [(got_fn, kwargs, flags["debug"])], argv
            assert all(type(kwargs[k]) is type(v) for k, v in seen[0][1].items()), argv
    assert accepted > 1000 and refused > 100, (accepted, refused)


def test_plain_leaves_mistakes_and_help_to_typer() -> None:
    for argv in (
        [], ["--help"], ["--version"], ["add-speach", "Ana"], ["add-speech", "--help"], ["add-speech", "-h"],
        ["add-speech", "Ana", "--topik", "x"], ["add-speech", "Ana", "Ben"], ["add-speech", "--summary"],
        ["add-speech", "Ana", "--summary", "-x"], ["add-speech", "--", "Ana"], ["add-speech", "-fs.yaml", "Ana"],
        ["add-resolution", "T", "--for", "-1"], ["add-resolution", "T", "--for", "x"],
        ["add-attendee", "Ana", "--status", "Present"], ["add-speech", "Ana", "--guest=yes"], ["remove"],
        ["render", "--jobs", "0"], ["check", "--lang"], ["--debug"], ["render", "a.yaml", "--kind", "press"],
    ):
        assert plain.parse(argv) is None, argv


def test_plain_runs_every_command() -> None:
    assert all(plain.spec(fn) is not None for fn in commands.COMMANDS.values())


def test_a_plain_add_writes_what_the_typer_path_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    argv = ["add-resolution", "Approve the budget", "--moved-by", "Ana", "--for", "7", "--against=1",
            "--result", "adopted", "--at", "18:05"]
    outputs = []
    for way in ("plain", "typer"):
        folder = tmp_path / way
        folder.mkdir()
        target = folder / BOARD.name
        shutil.copy(BOARD, target)
        monkeypatch.chdir(folder)
        monkeypatch.setenv("MINUTES_FILE", str(target))
        runner = CliRunner()
        result = invoke_front(runner, argv) if way == "plain" else runner.invoke(cli.app, argv, prog_name="minutes")
        assert result.exit_code == 0, result.output
        outputs.append((target.read_bytes(), result.stderr))
    assert outputs[0] == outputs[1]
    assert b"Approve the budget" in outputs[0][0]


def test_a_plain_error_is_one_line_with_its_exit_code_and_the_file_unchanged(board: Path, cli) -> None:
    before = board.read_bytes()
    result = invoke_front(cli.runner, ["add-speech", "Nobody Known", "--summary", "x"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("minutes: error: ")
    assert board.read_bytes() == before


@pytest.mark.fast_path
def test_a_plain_add_does_not_import_typer(board: Path, cli) -> None:
    code = (
        "import sys\n"
        "from minutes.cli import main as front\n"
        "try:\n"
        "    front.main(['add-speech', 'Ana', '--summary', 'Hi.', '--point', 'one', '--point', 'two'])\n"
        "finally:\n"
        "    print('TYPER=' + str('typer' in sys.modules), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cli.folder,
                         env={**os.environ})
    assert out.returncode == 0, out.stderr
    assert "TYPER=False" in out.stderr and "added speech as " in out.stderr
    assert "- two" in board.read_text(encoding="utf-8")


# --- aborts and the end of input: plain.run ends them as Typer does ---------------------------------


class Keyboard(io.BytesIO):
    """Stdin as a user types it: ``typed``, then Ctrl-C (``interrupt``) or the end of input; a terminal or not."""

    def __init__(self, typed: bytes, interrupt: bool, terminal: bool) -> None:
        super().__init__(typed)
        self.interrupt, self.terminal = interrupt, terminal

    def isatty(self) -> bool:
        return self.terminal

    def read(self, size: int | None = -1) -> bytes:
        """Return what was typed; reading to the end (or past what was typed) meets the Ctrl-C, if any."""
        data = super().read(size)
        if self.interrupt and size != 0 and (size is None or size < 0 or not data):
            raise KeyboardInterrupt
        return data

    read1 = read


def _both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], typed: bytes = b"",
               interrupt: bool = False, terminal: bool = False) -> list[tuple]:
    """Return (exit code, stdout, stderr, session file unchanged) of ``argv`` run plainly, then by Typer."""
    assert plain.parse(argv) is not None, argv  # the front runs it plainly
    monkeypatch.setattr(typer.testing, "make_input_stream", lambda input, charset: Keyboard(typed, interrupt, terminal))
    monkeypatch.setenv("MINUTES_FILE", BOARD.name)
    results = []
    for way in ("plain", "typer"):
        folder = tmp_path / way
        folder.mkdir()
        shutil.copy(BOARD, folder / BOARD.name)
        monkeypatch.chdir(folder)
        runner = CliRunner()
        result = invoke_front(runner, argv) if way == "plain" else runner.invoke(cli.app, argv, prog_name="minutes")
        results.append((result.exit_code, result.stdout, result.stderr,
                        (folder / BOARD.name).read_bytes() == BOARD.read_bytes()))
    return results


def test_ctrl_c_while_text_is_read_from_stdin_exits_130_silently_as_typer_does(tmp_path, monkeypatch) -> None:
    got = _both_ways(tmp_path, monkeypatch, ["add-speech", "Ana", "--summary", "-"], b"half a summ", interrupt=True)
    assert got[0] == got[1] == (130, "", "", True)


def test_stdin_ending_empty_for_a_text_is_the_same_usage_error_both_ways(tmp_path, monkeypatch) -> None:
    got = _both_ways(tmp_path, monkeypatch, ["add-speech", "Ana", "--summary", "-"], b"\n")
    assert got[0] == got[1] == (2, "", "minutes: error: --summary from stdin is empty\n", True)


@pytest.mark.parametrize("interrupt", [False, True], ids=["end of input", "ctrl-c"])
def test_a_prompt_left_by_end_of_input_or_ctrl_c_is_aborted_as_typer_does(tmp_path, monkeypatch, interrupt) -> None:
    got = _both_ways(tmp_path, monkeypatch, ["add-speech", "--summary", "x"], interrupt=interrupt, terminal=True)
    assert got[0] == got[1] == (1, "Speaker: ", "Aborted!\n", True)


def test_a_prompt_answered_is_used_as_typer_uses_it(tmp_path, monkeypatch) -> None:
    got = _both_ways(tmp_path, monkeypatch, ["add-speech", "--summary", "x"], b"Ana Weber\n", terminal=True)
    assert got[0] == got[1] and got[0][:2] == (0, "Speaker: Ana Weber\n") and got[0][3] is False


@pytest.mark.parametrize("answer, interrupt", [(b"n\n", False), (b"", False), (b"", True)],
                         ids=["no", "end of input", "ctrl-c"])
def test_edit_again_answered_no_or_left_is_ended_as_typer_ends_it(tmp_path, monkeypatch, answer, interrupt) -> None:
    breaker = tmp_path / "breaker.sh"
    breaker.write_text("#!/bin/sh\nprintf 'title: [unclosed\\n' > \"$1\"\n")
    breaker.chmod(0o755)
    got = _both_ways(tmp_path, monkeypatch, ["edit", "--editor", str(breaker)], answer, interrupt, terminal=True)
    code, out, err, unchanged = got[0]
    assert out == "Edit again? [Y/n]: " + answer.decode() and unchanged
    if answer:
        kept = [p for p in (tmp_path / "plain" / ".minutes" / "rejected").iterdir()]
        assert code == 1 and "your edit is kept in .minutes/rejected/" in err and len(kept) == 1
        got = [(c, o, re.sub(r"rejected-[\w-]+", "rejected-STAMP", e), u) for c, o, e, u in got]
    else:
        assert code == 1 and err.endswith("\nAborted!\n")
    assert got[0] == got[1]


@pytest.mark.parametrize("raised, ending", [
    (EOFError, (1, "", "\nAborted!\n")), (KeyboardInterrupt, (130, "", "")),
    (typer.Abort, (1, "", "Aborted!\n")), (typer.Exit(3), (3, "", "")),
], ids=["EOFError", "KeyboardInterrupt", "Abort", "Exit"])
def test_each_way_a_command_can_be_ended_is_reported_as_typer_reports_it(tmp_path, monkeypatch, raised, ending) -> None:
    def ended(fn, kwargs):
        raise raised

    monkeypatch.setattr(commands, "invoke", ended)
    got = _both_ways(tmp_path, monkeypatch, ["add-speech", "Ana", "--summary", "x"])
    assert got[0] == got[1] == (*ending, True)

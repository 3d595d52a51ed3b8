"""MINUTES_FAST=0 turns every fast path off, and the slow ways give exactly what the fast ones give."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from minutes import fastpaths
from minutes.cli import completion

SRC = Path(completion.__file__).resolve().parents[2]

# One secretary's session, command by command (the last word of a completion line is the one typed).
SESSION = [
    ["new", "Board meeting", "--date", "2024-03-12", "--place", "Room 4", "--organization", "Acme e.V.", "--start", "18:00"],
    ["add-attendee", "Ana Weber", "--role", "Chair"],
    ["add-attendee", "Ben Okafor", "--role", "Treasurer"],
    ["add-attendee", "Li Jizheng"],
    ["set", "chair", "Ana Weber"],
    ["add-speech", "Ben Okafor", "--topic", "Budget", "--summary", "The roof needs repairs.", "--point", "Quotes by May"],
    ["add-item", "announcement", "The office moves in June."],
    ["add-resolution", "Approve the budget", "--moved-by", "Ben Okafor", "--seconded-by", "Li Jizheng",
     "--for", "2", "--against", "0", "--abstain", "1", "--result", "adopted"],
    ["add-resolution", "Buy a kettle", "--motion", "--moved-by", "Li Jizheng", "--acclamation"],
    ["add-action", "Call the roofer", "--owner", "Ben Okafor", "--due", "2024-04-01"],
    ["add-item", "note", "A note to remove."],
    ["remove", "6"],
    ["set", "adjourned", "19:30"],
    ["add-section", "Reports"],
    ["add-section", "Treasurer's report", "--in", "6", "--label", "6A"],
    ["goto", "6A"],
    ["add-speech", "Ben Okafor", "--summary", "Presented the accounts:\n\n- income\n- costs"],
    ["add-action", "Send the accounts", "--owner", "Ben Okafor"],
    ["add-item", "note", "Back at the top.", "--in", "top"],
    ["set", "6A.1.topic", "Accounts"],
    ["agenda"],
    ["render", "--kind", "agenda", "--format", "md", "--out", "out"],
    ["show"],
    ["show", "--json"],
    ["list"],
    ["list", "--json"],
    ["check"],
    ["check", ".", "--json"],
    ["render", "--format", "md", "--out", "out"],
    ["render", "--format", "json", "--out", "out"],
    ["render", "--format", "docx", "--out", "out"],
    ["report", "attendance"],
    ["report", "resolutions", "--format", "json"],
    ["actions"],
    ["list", "--json"],  # a second time: from the folder index where it is on
]
COMPLETE = ["minutes", "add-speech", "Be"]


def _environment(work: Path, fast: str) -> dict[str, str]:
    """Return the environment of one run: this worktree's `minutes` on PATH, a fixed clock, its own cache."""
    bin_dir = work / "bin"
    bin_dir.mkdir(parents=True)
    script = bin_dir / "minutes"
    script.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -m minutes \"$@\"\n")
    script.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MINUTES_", "_MINUTES", "COMP_"))}
    return {**env, "PATH": f"{bin_dir}{os.pathsep}{env['PATH']}", "PYTHONPATH": str(SRC), "MINUTES_FAST": fast,
            "SOURCE_DATE_EPOCH": "1710000000", "MINUTES_CACHE_DIR": str(work / "cache"), "COLUMNS": "100",
            "TZ": "UTC", "LANG": "C.UTF-8"}


def _completed(folder: Path, env: dict[str, str]) -> tuple[int, str, str]:
    """Return what bash's TAB on ``COMPLETE`` gets from Typer's completion function."""
    from typer._completion_shared import get_completion_script

    function = get_completion_script(prog_name="minutes", complete_var="_MINUTES_COMPLETE", shell="bash")
    code = f"{function}\nCOMP_WORDS=({' '.join(map(shlex.quote, COMPLETE))}); COMP_CWORD={len(COMPLETE) - 1}\n"
    code += '_minutes_completion minutes; printf "%s\\0" "${COMPREPLY[@]}"'
    out = subprocess.run(["bash", "--norc", "-c", code], cwd=folder, env=env, capture_output=True, text=True)
    return out.returncode, out.stdout, out.stderr


def _files(folder: Path) -> dict[str, bytes]:
    """Return every file under ``folder`` by its relative name; a Word file by its zip's names and document.xml."""
    found = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as docx:
                found[name] = "\n".join(docx.namelist()).encode() + b"\n" + docx.read("word/document.xml")
        else:
            found[name] = path.read_bytes()
    return found


def _session(work: Path, fast: str) -> tuple[list[tuple], dict[str, bytes]]:
    """Return each command's exit code, stdout and stderr (the folder's name replaced), and the files written."""
    env = _environment(work, fast)
    folder = work / "meeting"
    folder.mkdir()
    answers = []
    for args in SESSION:
        out = subprocess.run([sys.executable, "-m", "minutes", *args], cwd=folder, env=env, capture_output=True, text=True)
        answers.append((args, out.returncode, out.stdout.replace(str(work), "WORK"), out.stderr.replace(str(work), "WORK")))
    answers.append((COMPLETE, *_completed(folder, env)))
    return answers, _files(folder)


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_a_secretarys_session_is_the_same_with_the_fast_paths_off(tmp_path: Path):
    fast_answers, fast_files = _session(tmp_path / "fast", "1")
    slow_answers, slow_files = _session(tmp_path / "slow", "0")
    for fast, slow in zip(fast_answers, slow_answers, strict=True):
        assert fast == slow
    assert fast_files == slow_files
    failed = [(args, code, err) for args, code, _, err in fast_answers if code != 0]
    assert not failed, failed
    assert "Ben\\ Okafor" in fast_answers[-1][2]  # the completion really answered
    assert {"out/2024-03-12-board-meeting.minutes.en.docx", "out/2024-03-12-board-meeting.minutes.en.md"} <= set(fast_files)
    # the fast run really took its fast paths: an index and certificates in its cache, none in the other's
    assert any((tmp_path / "fast" / "cache").rglob("*.json"))
    assert not (tmp_path / "slow" / "cache").exists() or not any((tmp_path / "slow" / "cache").rglob("*.json"))


def test_the_switch_is_read_on_every_call(monkeypatch):
    monkeypatch.delenv("MINUTES_FAST", raising=False)
    assert fastpaths.enabled()
    for value, on in (("1", True), ("", True), ("yes", True), ("0", False)):
        monkeypatch.setenv("MINUTES_FAST", value)
        assert fastpaths.enabled() is on


def test_with_the_switch_off_no_cache_entry_and_no_index_is_written(cli, board, private_cache, monkeypatch):
    monkeypatch.setenv("MINUTES_FAST", "0")
    for name in os.listdir(private_cache):
        shutil.rmtree(private_cache / name)
    cli("add-speech", "Georg", "--summary", "x")
    cli("list", "--json")
    cli("check", ".", "--json")
    cli("show")
    assert list(private_cache.rglob("*")) == []


def test_with_the_switch_off_the_plain_reader_is_not_imported(cli, board):
    probe = (
        "import sys, runpy\n"
        "try:\n"
        "    runpy.run_module('minutes', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('LOADED=' + ','.join(m for m in ('minutes.cli.plain',) if m in sys.modules),"
        " file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    for argv, fast, loaded in ((["show"], "0", ""), (["--help"], "0", ""), (["show"], "1", "minutes.cli.plain")):
        code = f"import sys\nsys.argv = ['minutes', *{argv!r}]\n" + probe
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             env={**env, "MINUTES_FAST": fast}, cwd=cli.folder)
        assert f"LOADED={loaded}\n" in out.stderr, (argv, fast, out.stderr)


def test_with_the_switch_off_names_are_completed_by_typer(cli, board, monkeypatch):
    from conftest import invoke_front
    from minutes.cli import plain

    def refuse(*args, **kwargs):
        raise AssertionError("a fast path answered")

    for module, name in ((completion, "answer"), (plain, "run")):
        monkeypatch.setattr(module, name, refuse)
    env = {"MINUTES_FAST": "0", "_MINUTES_COMPLETE": "complete_bash", "COMP_WORDS": "minutes add-speech Ge", "COMP_CWORD": "2"}
    assert "Georg" in invoke_front(cli.runner, [], env=env).stdout
    monkeypatch.setenv("MINUTES_FAST", "0")
    assert "Regular Board Meeting" in cli("show").stdout
    assert "Usage: minutes" in cli("--help").stdout


def test_with_the_switch_off_the_fast_markdown_reader_is_never_called(cli, board, monkeypatch):
    from minutes.markdown import fast

    def refuse(*args, **kwargs):
        raise AssertionError("the fast Markdown reader was called")

    monkeypatch.setattr(fast, "parse", refuse)
    monkeypatch.setenv("MINUTES_FAST", "0")
    cli("render", "--format", "md", "--out", "out")
    assert any((cli.folder / "out").glob("*.md"))
    monkeypatch.setenv("MINUTES_FAST", "1")
    assert cli("render", "--format", "md", "--out", "out", code=None).exit_code != 0  # it is called when on


def test_with_the_switch_off_every_write_builds_the_model(cli, board, monkeypatch):
    from minutes.model import quick
    from minutes.store import loader

    cli("add-speech", "Georg", "--summary", "certifies the file")
    calls = []
    real = loader.parse
    monkeypatch.setattr(loader, "parse", lambda *a, **k: calls.append(a) or real(*a, **k))
    monkeypatch.setenv("MINUTES_FAST", "0")
    cli("add-speech", "Georg", "--summary", "the slow way")
    assert calls  # validated with pydantic
    assert not quick.keeps_valid({}, [])
    monkeypatch.setenv("MINUTES_FAST", "1")
    assert quick.keeps_valid({}, [])

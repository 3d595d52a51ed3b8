"""Bad inputs for `minutes record FILE < lines` beyond the corpus table of test_bad_inputs.py: one short line, no
traceback, exit 1 for data and 2 for usage, nothing written."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import minutes
from minutes.errors import shown

BAD = Path(__file__).resolve().parent / "bad"
ODD_SUMMARIES = ["No", "!!binary aGVsbG8=", "[draft", "12:30", "2024-01-01", "1e3", "010", "# not a comment",
                 "- not a list", "'quoted'", "a: b", "第二届国际团结大会 — مجلس الإدارة — 🎉👩🏽‍💻", "x" * 100_000,
                 "1" * 5000, "--help", "-x", '"double" and \\backslash', "50% {braces} [brackets] & *stars*"]


pytestmark = pytest.mark.usefixtures("no_session_chosen_after")


@pytest.fixture
def plain(cli) -> Path:
    """Return a copy of the corpus's plain session in the test's folder."""
    target = cli.folder / "s.yaml"
    shutil.copyfile(BAD / "ok-plain.yaml", target)
    return target


def one_error(result) -> str:
    """Return the one line a refused run wrote, after checking there is nothing else to it."""
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("minutes: error: "), result.stderr
    assert "internal error" not in lines[0]
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", lines[0]), "a control character reached the terminal"
    return lines[0]


@pytest.mark.parametrize("stdin", ["", "- x\n"])
def test_a_missing_file_is_named_before_any_line_is_read(cli, stdin):
    line = one_error(cli("record", "missing.yaml", input=stdin, code=1))
    assert line == "minutes: error: missing.yaml: no such file"
    assert not (cli.folder / "missing.yaml").exists()


def test_a_folder_is_refused(cli):
    (cli.folder / "sessions").mkdir()
    assert one_error(cli("record", "sessions", input="- x\n", code=1)) == \
        "minutes: error: sessions: is a folder, not a session file"


@pytest.mark.parametrize("text", ["foo: bar\n", "- a\n- list\n", "organization: Acme e.V.\nlang: en\n", ""])
def test_a_yaml_file_that_is_no_session_is_refused_and_left(cli, text):
    other = cli.folder / "other.yaml"
    other.write_text(text, encoding="utf-8")
    line = one_error(cli("record", "other.yaml", input="- x\n", code=1))
    assert line.startswith("minutes: error: other.yaml") and "<stdin>" not in line
    assert other.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("name", ["binary.yaml", "latin1.yaml", "duplicate-key.yaml", "missing-title.yaml"])
def test_a_bad_session_is_refused_with_empty_stdin_too(cli, name):
    shutil.copyfile(BAD / name, cli.folder / name)
    before = (cli.folder / name).read_bytes()
    assert one_error(cli("record", name, input="", code=1)).startswith(f"minutes: error: {name}")
    assert (cli.folder / name).read_bytes() == before


def test_binary_stdin_from_a_real_pipe_is_one_line_and_writes_nothing(cli, plain):
    env = {**os.environ, "PYTHONPATH": str(Path(minutes.__file__).parent.parent)}
    env.pop("MINUTES_FILE", None)
    before = plain.read_bytes()
    for garbage, says in ((bytes(range(256)) * 8, "is not a command"), (bytes(range(255, -1, -1)) * 8, "not UTF-8")):
        done = subprocess.run([sys.executable, "-m", "minutes", "record", "s.yaml"], input=garbage,
                              capture_output=True, cwd=cli.folder, env=env, timeout=120)
        assert done.returncode == 1
        err = done.stderr.decode("utf-8", "replace")
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
        assert err.startswith("minutes: error: <stdin>:1: ") and says in err, err
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", err), err
        assert plain.read_bytes() == before


def test_lines_before_bytes_that_are_not_utf8_are_recorded_and_the_error_names_the_line(cli, plain):
    env = {**os.environ, "PYTHONPATH": str(Path(minutes.__file__).parent.parent)}
    env.pop("MINUTES_FILE", None)
    done = subprocess.run([sys.executable, "-m", "minutes", "record", "s.yaml"],
                          input="- fine\n".encode() + b"- caf\xe9\n- never\n", capture_output=True, cwd=cli.folder,
                          env=env, timeout=120)
    assert done.returncode == 1
    assert done.stderr.decode().splitlines()[-1] == "minutes: error: <stdin>:2: not UTF-8 text (the byte 0xe9)"
    texts = [i.get("text") for i in yaml.safe_load(plain.read_text(encoding="utf-8"))["proceedings"]]
    assert texts[-1] == "fine" and "never" not in texts


def test_a_5_mb_line_of_one_word_gives_a_short_error_and_writes_nothing(cli, plain):
    before = plain.read_bytes()
    line = one_error(cli("record", "s.yaml", input="x" * 5_000_000 + "\n", code=1))
    assert len(line) < 200 and "is not a command or a short form" in line
    assert plain.read_bytes() == before


def test_a_5_mb_summary_is_recorded_whole(cli, plain):
    summary = "word " * 1_000_000
    cli("record", "s.yaml", input=f"ana: {summary}\n")
    assert yaml.safe_load(plain.read_text(encoding="utf-8"))["proceedings"][-1]["summary"] == summary.strip()


REFUSED = ["\x00", "\x07", "\x1b", "\x08", "\x0b", "\x0c", "\x1c", "\x7f", "\x9b"]  # no text may hold them
SHOWN = [*REFUSED, "\x85", "\u202e", "\u2028"]  # a text may hold these; a name or word in a message shows them escaped


def refused_line(cli, plain, line: str, char: str) -> str:
    """Return the error of a replay of ``line``, after checking it shows ``char`` escaped and wrote nothing."""
    before = plain.read_bytes()
    error = one_error(cli("record", "s.yaml", input=line + "\n", code=1))
    assert error.startswith("minutes: error: <stdin>:1: ") and char not in error
    assert plain.read_bytes() == before
    return error


@pytest.mark.parametrize("char", REFUSED)
@pytest.mark.parametrize("form", ["- a{c}b", "ana: a{c}b", "report ana: T{c}itle", "action ana: t{c}ask",
                                  "add-item note 'a{c}b'", "motion Ad{c}opt / moved ana"])
def test_a_control_character_in_a_text_is_refused_by_its_code(cli, plain, form, char):
    assert f"character U+{ord(char):04X} is not allowed" in refused_line(cli, plain, form.format(c=char), char)


@pytest.mark.parametrize("char", SHOWN)
@pytest.mark.parametrize("form", ["a{c}na: hi", "bl{c}ah x", "action n{c}obody: a task"])
def test_a_control_character_in_a_name_or_word_is_shown_escaped(cli, plain, form, char):
    error = refused_line(cli, plain, form.format(c=char), char)
    assert shown(char) in error or repr(char)[1:-1] in error, error


@pytest.mark.parametrize("summary", ODD_SUMMARIES, ids=[repr(v[:20]) for v in ODD_SUMMARIES])
def test_record_stores_any_summary_exactly_as_typed(cli, plain, summary):
    cli("record", "s.yaml", input=f"ana: {summary}\n")
    assert yaml.safe_load(plain.read_text(encoding="utf-8"))["proceedings"][-1]["summary"] == summary


def test_record_stores_a_text_from_indented_lines_exactly(cli, plain):
    text = "line one\n  indented: with a colon\n\n- a dash\n# a hash"
    block = "".join(f"    {line}\n" if line else "\n" for line in text.split("\n"))
    cli("record", "s.yaml", input=f"ana:\n{block}")
    assert yaml.safe_load(plain.read_text(encoding="utf-8"))["proceedings"][-1]["summary"] == text

"""A folder's minutes.yaml: read strictly, attached to every session loaded beside it, seen again when it changes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from minutes.errors import MinutesError
from minutes.records.ops import session_files
from minutes.store import loader, settings

ROOT = Path(__file__).resolve().parents[2]
BOARD = next((ROOT / "examples" / "board").glob("*.yaml"))


def _aged(path: Path, seconds: int = 10) -> None:
    """Date ``path`` back, so that the folder index may trust an entry recorded after it."""
    past = path.stat().st_mtime_ns - seconds * 1_000_000_000
    os.utime(path, ns=(past, past))


def test_without_a_settings_file_a_session_has_no_folder_settings(tmp_path):
    shutil.copy(BOARD, tmp_path / BOARD.name)
    session = loader.load(tmp_path / BOARD.name)
    assert session._folder is None and session.effective_settings().minutes.style is None


def test_a_loaded_session_inherits_the_folder_settings_and_its_own_win(tmp_path):
    (tmp_path / "minutes.yaml").write_text("paper: letter\nclock: 12\nminutes:\n  style: council\n  hash: true\n")
    text = BOARD.read_text() + "settings:\n  clock: 24\n  minutes: {hash: false}\n"
    (tmp_path / BOARD.name).write_text(text)
    effective = loader.load(tmp_path / BOARD.name).effective_settings()
    assert (effective.paper, effective.clock) == ("letter", 24)
    assert (effective.minutes.style, effective.minutes.hash) == ("council", False)


def test_the_settings_are_read_again_when_the_file_changes(tmp_path):
    target = tmp_path / "minutes.yaml"
    target.write_text("paper: a4\n")
    assert settings.folder_settings(tmp_path / "s.yaml").paper == "a4"
    target.write_text("paper: letter\n")
    _aged(target, -5)  # a different stamp, whatever the clock's granularity
    assert settings.folder_settings(tmp_path / "s.yaml").paper == "letter"


@pytest.mark.parametrize(("text", "line", "said"), [
    ("paper: a4\nminutes:\n\tstyle: notes\n", 3, "tab character"),
    ("paper: a4\npaper: letter\n", 2, "duplicate key 'paper'"),
    ("paper: a4\ncolour: red\n", 2, "colour: unknown field"),
    ("minutes:\n  style: fancy\n", 2, "minutes.style"),
    ("base: &b {clock: 12}\nother: *b\n", None, "alias"),
    ("- paper: a4\n", 1, "must be a mapping"),
])
def test_a_bad_settings_file_is_one_located_error(tmp_path, text, line, said):
    (tmp_path / "minutes.yaml").write_text(text)
    with pytest.raises(MinutesError) as caught:
        settings.folder_settings(tmp_path / "s.yaml")
    message = str(caught.value)
    assert "\n" not in message and said in message
    if line is not None:
        assert message.startswith(f"{tmp_path / 'minutes.yaml'}:{line}:")


def test_a_session_named_minutes_yaml_is_told_to_rename_itself(tmp_path):
    shutil.copy(BOARD, tmp_path / "minutes.yaml")
    for reading in (lambda: loader.load(tmp_path / "minutes.yaml"), lambda: settings.folder_settings(tmp_path / "x")):
        with pytest.raises(MinutesError, match="folder's settings file, not a session: rename the session"):
            reading()


def test_roster_names_the_shared_roster_and_folder_commands_leave_both_out(tmp_path):
    shutil.copy(BOARD, tmp_path / BOARD.name)
    (tmp_path / "minutes.yaml").write_text("roster: members.yaml\n")
    (tmp_path / "members.yaml").write_text("people:\n- {id: wen-shu, name: Wen Shu, role: Auditor}\n")
    (tmp_path / "people.yaml").write_text("people: not a list\n")  # no roster now: read as a session, and bad
    assert loader.roster_path(tmp_path / BOARD.name) == tmp_path / "members.yaml"
    assert "wen-shu" in {p.id for p in loader.load(tmp_path / BOARD.name).roster()}
    assert [p.name for p in session_files([tmp_path])] == sorted([BOARD.name, "people.yaml"])
    assert loader.folder_file(tmp_path / "members.yaml") == "roster"
    assert loader.folder_file(tmp_path / "MINUTES.YAML") == "settings"
    assert loader.folder_file(tmp_path / "people.yaml") is None


def test_a_roster_name_outside_the_folder_is_refused_at_its_line(tmp_path):
    (tmp_path / "minutes.yaml").write_text("paper: a4\nroster: ../people.yaml\n")
    with pytest.raises(MinutesError, match=r"minutes.yaml:2: roster: .*plain \.yaml file name"):
        loader.roster_path(tmp_path / "s.yaml")


def test_list_and_check_see_a_change_to_the_settings_file(cli):
    session = cli.folder / BOARD.name
    shutil.copy(BOARD, session)
    _aged(session)
    first = json.loads(cli("check", ".", "--json").stdout)[BOARD.name]
    assert first["profile"] == "formal"
    (cli.folder / "minutes.yaml").write_text("minutes: {style: notes}\n")
    _aged(cli.folder / "minutes.yaml")
    assert json.loads(cli("check", ".", "--json").stdout)[BOARD.name]["profile"] == "notes"
    assert json.loads(cli("list", "--json").stdout)[0]["title"]
    (cli.folder / "minutes.yaml").write_text("minutes: {style: nots}\n")
    _aged(cli.folder / "minutes.yaml", 5)
    (row,) = json.loads(cli("list", "--json").stdout)
    assert "minutes.yaml:1: minutes.style" in row["error"]
    result = cli("check", ".", code=1)
    assert "minutes.yaml:1: minutes.style" in result.stderr

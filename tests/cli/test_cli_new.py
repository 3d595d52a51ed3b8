import json
import shutil
import subprocess

import pytest
import yaml

import yaml_language_server
from minutes.records import ops
from minutes.store import atomic as store


def test_new_creates_a_file_named_from_date_and_title_and_makes_it_current(cli):
    result = cli("new", "2nd International Congress of Solidarity, Day 2", "--date", "2023-07-23", "--place", "online")
    name = "2023-07-23-2nd-international-congress-of-solidarity-day-2.yaml"
    assert result.stdout.strip() == name
    path = cli.folder / name
    data = yaml.safe_load(path.read_text())
    assert data["schema_version"] == 2
    assert data["place"] == {"mode": "online"}
    assert ops.current_file(cli.folder) == path


def test_new_files_carry_the_schema_modeline_and_the_schema_is_written(cli):
    cli("new", "Board", "--date", "2024-03-12")
    text = next(cli.folder.glob("*.yaml")).read_text()
    assert text.startswith("# yaml-language-server: $schema=.minutes/session.schema.json\n")
    schema = json.loads((cli.folder / ".minutes" / "session.schema.json").read_text())
    assert "proceedings" in schema["properties"]


def test_the_modeline_of_a_new_file_resolves_against_its_folder_to_the_schema_minutes_prints(
    cli, tmp_path_factory, monkeypatch
):
    elsewhere = tmp_path_factory.mktemp("editor-cwd")  # an editor resolves against the file's folder, not its own
    cli("new", "Board", "--date", "2024-03-12")
    path = next(cli.folder.glob("*.yaml"))
    monkeypatch.chdir(elsewhere)
    assert yaml_language_server.schema_path(path).is_file()
    assert yaml_language_server.schema(path) == json.loads(cli("schema").stdout)


def test_new_leaves_a_gitignore_for_the_state_and_not_for_the_schema(cli):
    cli("new", "Board", "--date", "2024-03-12")
    lines = (cli.folder / ".minutes" / ".gitignore").read_text().splitlines()
    assert {"current", "*.lock", "locks/", "rejected/"} <= set(lines)
    assert not any("schema" in line for line in lines if not line.startswith("#"))


def test_new_never_replaces_a_gitignore_the_user_wrote(cli):
    (cli.folder / ".minutes").mkdir()
    mine = cli.folder / ".minutes" / ".gitignore"
    mine.write_text("# mine\n*\n")
    cli("new", "Board", "--date", "2024-03-12")
    assert mine.read_text() == "# mine\n*\n"


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_sees_the_session_and_the_schema_but_not_minutes_state(cli):
    git = ["git", "-c", "init.defaultBranch=main", "-C", str(cli.folder)]
    subprocess.run([*git, "init", "-q"], check=True)
    cli("new", "Board", "--date", "2024-03-12")
    state = cli.folder / ".minutes"
    for left in ("x.lock", "locks/a.lock", "rejected/2024-03-12-board.yaml", ".current.tmp-1"):
        (state / left).parent.mkdir(exist_ok=True)
        (state / left).write_text("")
    status = subprocess.run(
        [*git, "status", "--porcelain", "--untracked-files=all"], check=True, capture_output=True, text=True
    )
    shown = {line[3:] for line in status.stdout.splitlines()}
    session = next(cli.folder.glob("*.yaml"))
    # Until locks move into .minutes/, a session's lock lies next to it, outside what this .gitignore covers.
    lock = store.lock_path(session).relative_to(cli.folder).as_posix()
    outside = {lock} if not lock.startswith(".minutes/") else set()
    assert shown - outside == {session.name, ".minutes/.gitignore", ".minutes/session.schema.json",
                               ".minutes/settings.schema.json"}


def test_new_takes_a_venue_as_place(cli):
    cli("new", "Board", "--date", "2024-03-12", "--place", "Room 4")
    data = yaml.safe_load(next(cli.folder.glob("*.yaml")).read_text())
    assert data["place"] == {"mode": "on-site", "venue": "Room 4"}


def test_new_refuses_to_overwrite_an_existing_session(cli):
    cli("new", "Board", "--date", "2024-03-12")
    path = next(cli.folder.glob("*.yaml"))
    before = path.read_bytes()
    result = cli("new", "Board", "--date", "2024-03-12", code=1)
    assert "already exists" in result.stderr
    assert path.read_bytes() == before


def test_new_without_a_date_is_a_usage_error_when_not_on_a_terminal(cli):
    result = cli("new", "Board", code=2)
    assert "missing date" in result.stderr
    assert not list(cli.folder.glob("*.yaml"))


def test_new_with_a_bad_date_is_a_usage_error(cli):
    result = cli("new", "Board", "--date", "2024-02-30", code=2)
    assert "not a date" in result.stderr


def test_a_title_that_looks_like_a_path_stays_in_the_folder(cli):
    cli("new", "../../etc/passwd", "--date", "2024-03-12")
    assert [p.name for p in cli.folder.glob("*.yaml")] == ["2024-03-12-etc-passwd.yaml"]


def test_use_chooses_the_session_and_minutes_file_overrides_it(cli, congress, board, monkeypatch):
    cli("use", board.name)
    assert "Regular Board Meeting" in cli("show", "--json").stdout
    monkeypatch.setenv("MINUTES_FILE", str(congress))
    assert "Congress" in cli("show", "--json").stdout


def test_use_refuses_an_invalid_file(cli):
    (cli.folder / "bad.yaml").write_text("title: [\n")
    result = cli("use", "bad.yaml", code=1)
    assert "bad.yaml:" in result.stderr


def test_a_command_with_no_session_chosen_says_how_to_choose_one(cli):
    result = cli("add-item", "note", "x", code=2)
    assert "minutes use FILE" in result.stderr

"""The folder's minutes.yaml on the command line: bad files, inheritance, `minutes settings`, `new`, render, schema."""

from __future__ import annotations

import json

import docx
import pytest
from markdown_it import MarkdownIt


def _settings(cli, text: str) -> None:
    (cli.folder / "minutes.yaml").write_text(text)


@pytest.mark.parametrize(("text", "line", "said"), [
    ("paper: a4\nminutes:\n\tstyle: notes\n", 3, "tab character"),
    ("clock: 12\nclock: 24\n", 2, "duplicate key 'clock'"),
    ("paper: a4\nminutes:\n  style: formal\n  colour: red\n", 4, "minutes.colour: unknown field"),
    ("release:\n  style: tabloid\n", 2, "release.style"),
])
def test_a_bad_settings_file_is_one_line_naming_its_line(cli, board, text, line, said):
    _settings(cli, text)
    for command in (["check", "minutes.yaml"], ["show"], ["render", "--out", "-"], ["settings"]):
        result = cli(*command, code=1)
        errors = [l for l in result.stderr.splitlines() if "minutes.yaml" in l]
        assert len(errors) == 1 and f"minutes.yaml:{line}" in errors[0] and said in errors[0], (command, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout


def test_check_of_the_settings_file_checks_it_as_settings(cli, board):
    _settings(cli, "# yaml-language-server: $schema=.minutes/settings.schema.json\nminutes: {style: council}\n")
    assert "1 file(s) checked: 0 error(s)" in cli("check", "--strict", "minutes.yaml").stdout
    assert "1 file(s) checked" in cli("check", ".").stdout  # the session alone: minutes.yaml is no session


def test_a_session_named_minutes_yaml_is_told_to_rename_it(cli, board):
    board.rename(cli.folder / "minutes.yaml")
    result = cli("check", "minutes.yaml", code=1)
    assert "minutes.yaml:1: this name is the folder's settings file, not a session: rename" in result.stderr
    assert "rename the session file" in cli("use", "minutes.yaml", code=1).stderr


def test_settings_show_each_value_and_where_it_came_from(cli, board):
    _settings(cli, "paper: letter\nclock: 12\nminutes: {style: council}\n")
    board.write_text(board.read_text() + "settings:\n  clock: 24\n")
    rows = {r["setting"]: r for r in json.loads(cli("settings", "--json").stdout)}
    assert rows["paper"] == {"setting": "paper", "value": "letter", "from": str(board.parent / "minutes.yaml")}
    assert rows["clock"]["value"] == 24 and rows["clock"]["from"] == str(board)
    assert rows["minutes.style"]["value"] == "council" and rows["minutes.style"]["from"].endswith("minutes.yaml")
    assert rows["minutes.signatures"] == {"setting": "minutes.signatures", "value": "attestation", "from": "default"}
    assert rows["profile"]["value"] == "council" and rows["profile"]["from"] == "default"
    plain = cli("settings").stdout
    assert any(line.split()[:2] == ["clock", "24"] and line.endswith(f"({board})") for line in plain.splitlines())


def test_new_fills_organization_language_and_time_zone_and_the_command_line_wins(cli):
    _settings(cli, "organization: Harbourside Rowing Club\nlang: de\ntimezone: Europe/Berlin\nclock: 12\n")
    name = cli("new", "Mitgliederversammlung", "--date", "2025-03-01").stdout.strip()
    text = (cli.folder / name).read_text()
    assert "organization: Harbourside Rowing Club\n" in text and "lang: de\n" in text
    assert "timezone: Europe/Berlin\n" in text and "clock" not in text  # the rest is inherited at load time
    other = cli("new", "Board", "--date", "2025-03-02", "--lang", "en", "--organization", "Rowing Trust").stdout.strip()
    text = (cli.folder / other).read_text()
    assert "organization: Rowing Trust\n" in text and "lang: en\n" in text
    schemas = {p.name for p in (cli.folder / ".minutes").glob("*.schema.json")}
    assert schemas == {"session.schema.json", "settings.schema.json"}
    written = json.loads((cli.folder / ".minutes" / "settings.schema.json").read_text())
    assert written == json.loads(cli("schema", "--settings").stdout)
    assert "languages" in written["properties"] and "roster" in written["properties"]


def test_new_without_settings_is_english_as_before(cli):
    name = cli("new", "Board", "--date", "2025-03-02").stdout.strip()
    assert "lang: en\n" in (cli.folder / name).read_text() and "organization" not in (cli.folder / name).read_text()


def test_render_writes_one_document_per_language_of_the_settings(cli, board):
    _settings(cli, "languages: [en, de]\n")
    cli("render", ".", "--out", "out")
    made = sorted(p.name for p in (cli.folder / "out").iterdir())
    stem = board.stem
    assert made == [f"{stem}.minutes.de.md", f"{stem}.minutes.en.md"]
    german = (cli.folder / "out" / f"{stem}.minutes.de.md").read_text()
    tokens = MarkdownIt("commonmark").parse(german)
    assert tokens[0].type == "heading_open" and "Protokoll" in tokens[1].content
    cli("render", "--lang", "en", "--out", "one")
    assert [p.name for p in (cli.folder / "one").iterdir()] == [f"{stem}.minutes.en.md"]


def test_render_to_stdout_with_many_languages_is_a_usage_error_unless_one(cli, board):
    _settings(cli, "languages: [en, de]\n")
    result = cli("render", "--out", "-", code=2)
    assert "--out -" in result.stderr and "--lang" in result.stderr and "(en, de)" in result.stderr
    assert cli("render", "--out", "-", "--lang", "de").stdout.startswith("# ")
    _settings(cli, "languages: [de]\n")
    assert "Protokoll" in cli("render", "--out", "-").stdout.splitlines()[0]


@pytest.mark.parametrize(("settings", "option", "width"), [
    ("paper: letter\n", [], 8.5),
    ("paper: a4\n", [], 8.27),
    ("paper: a4\n", ["--paper", "letter"], 8.5),
    ("", [], 8.5),  # US English, as before
])
def test_render_takes_the_settings_paper_unless_given(cli, board, settings, option, width):
    _settings(cli, settings)
    (path,) = cli("render", "--format", "docx", "--out", "out", *option).stdout.split()
    assert round(docx.Document(path).sections[0].page_width.inches, 2) == width


def test_check_uses_the_folders_profile_and_the_option_wins(cli, board):
    board.write_text(board.read_text().replace("previous_minutes: approved\n", ""))
    assert "previous minutes" in cli("check", "--strict", code=1).stdout
    _settings(cli, "profile: council\n")
    assert "(profile council): 0 error(s), 0 warning(s)" in cli("check", "--strict").stdout
    assert "previous minutes" in cli("check", "--strict", "--profile", "formal", code=1).stdout
    assert json.loads(cli("check", "--json", "--profile", "notes").stdout)[str(board)]["profile"] == "notes"

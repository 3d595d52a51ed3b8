import json
import shutil

import pytest
from conftest import BOARD, CONGRESS


def test_show_prints_the_session_readably(cli, congress):
    out = cli("show").stdout
    for text in ("2nd International Congress of Solidarity, Day 2", "Li Jizheng", "Proletarian Internationalism", "absent"):
        assert text in out


def test_show_keeps_square_brackets_in_user_text(cli, board):
    cli("add-item", "note", "See [annex 2] for details")
    assert "[annex 2]" in cli("show").stdout


def test_show_json_is_the_session_data(cli, congress):
    data = json.loads(cli("show", "--json").stdout)
    assert data["chair"] == "li-jizheng"
    assert data["proceedings"][3]["speaker"] == "li-jizheng"
    assert data["date"] == "2023-07-23"


def test_show_a_missing_file_is_a_one_line_error(cli):
    result = cli("show", "nope.yaml", code=1)
    assert result.stderr.strip() == "minutes: error: nope.yaml: no such file"


def test_list_tables_the_sessions_of_a_folder(cli):
    shutil.copy(CONGRESS, cli.folder)
    shutil.copy(BOARD, cli.folder)
    (cli.folder / "broken.yaml").write_text("title: [\n")
    rows = json.loads(cli("list", ".", "--json").stdout)
    assert [r.get("date") for r in rows] == ["2023-07-23", "2024-03-12", None]
    assert rows[2]["file"] == "broken.yaml" and "broken.yaml:" in rows[2]["error"]
    assert rows[1]["items"] == 11 and rows[1]["status"] == "draft"
    out = cli("list", ".").stdout
    assert "Regular Board Meeting" in out and "broken.yaml" in out


def test_list_of_a_missing_folder_is_a_usage_error(cli):
    assert "not a folder" in cli("list", "nowhere", code=2).stderr


def test_show_on_a_terminal_draws_tables(capsys):
    from minutes.store import loader as session
    from minutes.cli import views

    views.print_session(session.load(CONGRESS), plain=False)
    out = capsys.readouterr().out
    assert "┃ Name" in out and "Proceedings" in out and "Luan Xinlong" in out


def test_list_in_a_pipe_is_tab_separated(cli, board):
    lines = cli("list").stdout.splitlines()
    assert lines[0].split("\t") == ["Date", "Title", "Kind", "Attendees", "Items", "Status", "File"]
    assert lines[1].split("\t")[:3] == ["2024-03-12", "Regular Board Meeting", "regular"]


def test_every_command_given_a_missing_folder_says_so_in_one_line(cli):
    for args in (["list", "nowhere"], ["actions", "nowhere"], ["report", "attendance", "nowhere"],
                 ["done", "20240312-1", "--dir", "nowhere"]):
        error = cli(*args, code=2).stderr
        assert error == "minutes: error: nowhere: not a folder\n", (args, error)


@pytest.mark.fast_path
def test_a_warm_list_reads_the_folder_index_without_importing_pydantic(tmp_path):
    import subprocess
    import sys

    for source in (BOARD, CONGRESS):
        shutil.copy2(source, tmp_path / source.name)  # their old mtimes: the index trusts its entries at once
    code = (
        "import sys\n"
        "from minutes.cli.main import main\n"
        "try:\n"
        "    main(['list'])\n"
        "finally:\n"
        "    print('PYDANTIC=' + str('pydantic' in sys.modules), file=sys.stderr)\n"
    )
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path) for _ in "12"]
    assert "PYDANTIC=True" in runs[0].stderr, runs[0].stderr  # the cold list loads each session
    assert "PYDANTIC=False" in runs[1].stderr, runs[1].stderr
    assert runs[1].stdout == runs[0].stdout and BOARD.name in runs[1].stdout and CONGRESS.name in runs[1].stdout

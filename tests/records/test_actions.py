import json

import yaml


def test_actions_lists_every_item_across_sessions(cli, board, congress):
    rows = json.loads(cli("actions", "--json").stdout)
    assert {r["id"] for r in rows} == {"20240312-1", "20240312-2", "20240312-3", "20230723-1"}
    assert all(r["status"] == "open" for r in rows)


def test_actions_filters_by_owner_and_overdue(cli, board):
    rows = json.loads(cli("actions", "--owner", "ben", "--json").stdout)
    assert [r["id"] for r in rows] == ["20240312-2"]
    assert len(json.loads(cli("actions", "--overdue", "--json").stdout)) == 3  # all due in 2024


def test_done_closes_an_item_with_a_note(cli, board):
    cli("done", "20240312-2", "--note", "Plans agreed")
    item = yaml.safe_load(board.read_text())["proceedings"][9]
    assert item["status"] == "done" and item["note"] == "Plans agreed" and item["done_on"]
    assert [r["id"] for r in json.loads(cli("actions", "--open", "--json").stdout)] == ["20240312-1", "20240312-3"]
    assert "already done" in cli("done", "20240312-2", code=1).stderr


def test_done_with_an_unknown_id_is_a_usage_error(cli, board):
    assert "no action item with id 'nope'" in cli("done", "nope", code=2).stderr


def test_new_with_carry_over_copies_the_open_items_and_their_owners(cli, board):
    cli("done", "20240312-1")
    cli("new", "Regular Board Meeting", "--date", "2024-04-09", "--organization", "Linden Street Housing Cooperative",
        "--carry-over")
    new = yaml.safe_load((cli.folder / "2024-04-09-regular-board-meeting.yaml").read_text())
    assert [i["id"] for i in new["proceedings"]] == ["20240312-2", "20240312-3"]
    assert all(str(i["carried_over_from"]) == "2024-03-12" for i in new["proceedings"])
    assert {p["id"] for p in new["people"]} == {"ben-okafor", "chen-li"}
    cli("check")
    rows = json.loads(cli("actions", "--json").stdout)
    assert {r["id"]: r["date"] for r in rows}["20240312-2"] == "2024-04-09"  # the newest record wins
    cli("done", "20240312-2")
    new = yaml.safe_load((cli.folder / "2024-04-09-regular-board-meeting.yaml").read_text())
    assert new["proceedings"][0]["status"] == "done"


def test_carry_over_without_an_earlier_session_says_so(cli, board):
    result = cli("new", "First", "--date", "2020-01-01", "--organization", "Nobody", "--carry-over", code=1)
    assert "no earlier session" in result.stderr


def test_actions_write_csv_and_markdown(cli, board):
    csv_text = cli("actions", "--format", "csv").stdout
    assert csv_text.splitlines()[0] == "id,task,owner,due,status,date,session,address,section,review,reviewed_on"
    md = cli("actions", "--format", "md").stdout
    assert "| 20240312-1 | Obtain three quotes" in md


def test_actions_sort_ids_by_their_number(cli, board):
    for n in range(12):
        cli("add-action", f"Task {n}", "--owner", "Ben", "--due", "2030-01-01")
    ids = [r["id"] for r in json.loads(cli("actions", "--json").stdout) if r["due"] == "2030-01-01"]
    assert ids == [f"20240312-{n}" for n in range(4, 16)]


def test_done_on_a_date_records_that_date(cli, board):
    cli("done", "20240312-2", "--on", "2024-04-02")
    item = yaml.safe_load(board.read_text())["proceedings"][9]
    assert str(item["done_on"]) == "2024-04-02"
    assert "--on: 'soon' is not a date" in cli("done", "20240312-1", "--on", "soon", code=2).stderr


def test_actions_out_dash_writes_to_stdout_not_a_file_named_dash(cli, board):
    out = cli("actions", "--format", "csv", "--out", "-").stdout
    assert out.splitlines()[0].startswith("id,task,owner") and "20240312-2" in out
    assert not (cli.folder / "-").exists()

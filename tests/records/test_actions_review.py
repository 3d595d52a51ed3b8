"""`minutes actions` with reviews, addresses, owner groups and soft dues (the sittings of tests/decisions_session.py)."""

import csv
import datetime as dt
import io
import json

import pytest

import decisions_session
from minutes.records import actions

KEYS = ["id", "task", "owner", "due", "status", "session", "date", "file", "carried_over_from", "address", "section",
        "owner_group", "review", "reviewed_on"]


@pytest.fixture
def council(cli):
    """Return the paths of the two council sittings, written into the cli's folder."""
    return decisions_session.write(cli.folder)


def listed(cli, *args):
    """Return the JSON rows of ``minutes actions ARGS``, by id."""
    return {r["id"]: r for r in json.loads(cli("actions", *args, "--json").stdout)}


def test_the_latest_review_in_a_later_session_is_shown(cli, council):
    rows = listed(cli)
    assert (rows["20240110-1"]["review"], rows["20240110-1"]["reviewed_on"]) == ("COMPLETE", "2024-02-14")
    assert rows["20240110-2"]["review"] == "sorry, will do"
    assert rows["20240110-1"]["status"] == "open"  # a review says where it stands; 'done' closes it
    assert rows["20240110-3"]["review"] == ""  # reviewed at the meeting that raised it: not a later review
    assert rows["20240110-4"]["review"] == ""


def test_the_newest_review_by_date_wins(cli, council):
    _, later = council
    third = later.with_name("2024-03-13-city-council.yaml")
    third.write_text(later.read_text().replace("2024-02-14", "2024-03-13").replace("sorry, will do", "sent"))
    assert listed(cli)["20240110-2"]["review"] == "sent" and listed(cli)["20240110-2"]["reviewed_on"] == "2024-03-13"


def test_an_action_shows_the_address_and_section_it_was_raised_in(cli, council):
    rows = listed(cli)
    assert (rows["20240110-1"]["address"], rows["20240110-1"]["section"]) == ("3.2", "Public works")
    assert (rows["20240110-3"]["address"], rows["20240110-3"]["section"]) == ("2", "")
    copy = decisions_session.EARLIER.split("proceedings:")[0].replace("2024-01-10", "2024-04-10") + (
        "proceedings:\n  - {kind: note, text: Carried over.}\n"
        "  - {kind: action, id: 20240110-4, task: Order chairs, owner: dan, carried_over_from: 2024-01-10}\n")
    (cli.folder / "2024-04-10-city-council.yaml").write_text(copy, encoding="utf-8")  # the copy sits at 2
    carried = listed(cli)["20240110-4"]
    assert carried["date"] == "2024-04-10" and carried["address"] == "4"  # still where it was raised


def test_an_owner_group_is_the_owner_and_owner_matches_it(cli, council):
    rows = listed(cli)
    assert (rows["20240110-2"]["owner"], rows["20240110-2"]["owner_group"]) == ("the Board", "the Board")
    assert list(listed(cli, "--owner", "the board")) == ["20240110-2"]
    assert list(listed(cli, "--owner", "Ben")) == ["20240110-1"]


def test_a_soft_due_is_shown_as_typed_sorted_after_dates_and_never_overdue(cli, council):
    rows = json.loads(cli("actions", "--json").stdout)
    assert [(r["id"], r["due"]) for r in rows] == [
        ("20240110-3", "2024-01-20"), ("20240110-1", "2024-02-01"), ("20240110-2", "by Monday, if possible"),
        ("20240110-4", "")]
    found = actions.rows(actions.load_all(sorted(cli.folder.glob("*.yaml"))))
    overdue = actions.select(found, overdue=True, today=dt.date(2030, 1, 1))
    assert [r.id for r in overdue] == ["20240110-3", "20240110-1"]


def test_the_json_keys_are_stable_and_the_table_adds_its_columns_last(cli, council):
    rows = json.loads(cli("actions", "--json").stdout)
    assert all(list(r) == KEYS for r in rows)
    assert json.loads(cli("actions", "--format", "json").stdout) == rows  # --json and --format json agree
    table = list(csv.reader(io.StringIO(cli("actions", "--format", "csv").stdout)))
    assert table[0] == ["id", "task", "owner", "due", "status", "date", "session", "address", "section", "review",
                        "reviewed_on"]
    assert table[2] == ["20240110-1", "Survey Main Street", "Ben Okafor", "2024-02-01", "open", "2024-01-10",
                        "City Council", "3.2", "Public works", "COMPLETE", "2024-02-14"]


def test_owner_finds_a_person_or_group_by_any_word_of_the_name():
    from minutes.records.actions import ActionRow, select

    rows = [ActionRow(id="1", task="t", owner="Sam Ruby", due="", status="open", session="s", date="2024-01-01", file="f"),
            ActionRow(id="2", task="t", owner="the Board", due="", status="open", session="s", date="2024-01-01", file="f",
                      owner_group="the Board"),
            ActionRow(id="3", task="t", owner="Zoë Ångström", due="", status="open", session="s", date="2024-01-01", file="f")]
    assert [r.id for r in select(rows, owner="Ruby")] == ["1"]
    assert [r.id for r in select(rows, owner="sam r")] == ["1"]
    assert [r.id for r in select(rows, owner="board")] == ["2"]
    assert [r.id for r in select(rows, owner="angstrom")] == ["3"]
    assert select(rows, owner="uby") == []

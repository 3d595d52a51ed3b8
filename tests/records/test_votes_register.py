"""`report resolutions` and `report votes` over the hand-written council sittings of tests/decisions_session.py."""

import csv
import io
import json

import docx
import pytest
from markdown_it import MarkdownIt

import decisions_session
from minutes.records.votes_register import RESOLUTION_COLUMNS, VOTE_COLUMNS


@pytest.fixture
def council(cli):
    """Return the paths of the two council sittings, written into the cli's folder."""
    return decisions_session.write(cli.folder)


def report(cli, *args):
    """Return the JSON rows of ``minutes report ARGS``."""
    return json.loads(cli("report", *args, "--format", "json").stdout)


def md_table(text):
    """Return the header and the body rows of the one table in a CommonMark document, parsed with markdown-it."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    rows, row = [], None
    for t in tokens:
        if t.type == "tr_open":
            row = []
        elif t.type == "inline" and row is not None:
            row.append(t.content)
        elif t.type == "tr_close":
            rows.append(row)
            row = None
    return rows[0], rows[1:]


def test_each_vote_is_a_row_with_its_method_figures_threshold_result_and_disposition(cli, council):
    rows = report(cli, "resolutions")
    assert list(rows[0]) == RESOLUTION_COLUMNS
    by = {(r["item"], r["question"]): r for r in rows}
    depot = by[("1", "")]
    assert (depot["method"], depot["vote"], depot["threshold"], depot["result"]) == ("counted", "6–4–0", "two-thirds", "failed")
    assert (depot["moved by"], depot["seconded by"]) == ("Ana Weber", "Ben Okafor")
    assert (by[("2", "")]["method"], by[("2", "")]["vote"]) == ("roll-call", "Y-3 N-2")
    # an amendment, then the main question: two rows in order, each with its question and its own result
    assert [(r["question"], r["vote"], r["result"]) for r in rows if r["item"] == "3"] == [
        ("the amendment", "3–2–0", "carried"), ("the main question", "Y-4 N-1 NV-1", "adopted")]
    assert (by[("4", "")]["method"], by[("4", "")]["vote"]) == ("unanimous", "15–0–0")
    tree = by[("8", "")]
    assert (tree["method"], tree["vote"], tree["result"], tree["disposition"]) == (
        "voice", "", "referred", "REFERRED TO COMMISSIONER OF FINANCE")


def test_block_votes_consent_items_and_decisions_have_rows(cli, council):
    rows = {r["item"]: r for r in report(cli, "resolutions")}
    assert (rows["5"]["kind"], rows["5"]["method"], rows["5"]["result"]) == ("section", "general-consent", "adopted")
    assert "5.1" not in rows  # a report approved in the block is the block's row
    assert (rows["6"]["kind"], rows["6"]["vote"]) == ("consent agenda", "5–0–0")
    consented = [n for n, r in rows.items() if r["method"] == "consent agenda"]
    assert consented == ["6.1", "6.2", "6.4"]  # the pulled item is not adopted with the balance
    assert rows["6.2"]["disposition"] == "Ordinance No. 184349" and rows["6.1"]["result"] == "adopted"
    assert (rows["6.3"]["method"], rows["6.3"]["vote"]) == ("counted", "3–2–0")
    assert (rows["7"]["kind"], rows["7"]["method"]) == ("decision", "no vote")
    assert rows["7"]["title"] == "For new projects, the recommendation is no date"


def test_the_resolutions_register_reads_back_as_csv_markdown_and_word(cli, council):
    table = list(csv.reader(io.StringIO(cli("report", "resolutions", "--format", "csv").stdout)))
    assert table[0] == RESOLUTION_COLUMNS and len(table) == 1 + 13
    assert ["1", "motion", "Sell the depot"] == table[1][2:5] and table[1][9] == "6–4–0"
    header, body = md_table(cli("report", "resolutions", "--format", "md").stdout)
    assert header == RESOLUTION_COLUMNS and body[3][7:10] == ["the main question", "roll-call", "Y-4 N-1 NV-1"]
    cli("report", "resolutions", "--format", "docx", "--out", "r.docx")
    (grid,) = docx.Document(cli.folder / "r.docx").tables
    assert [c.text for c in grid.rows[0].cells] == RESOLUTION_COLUMNS
    assert [c.text for c in grid.rows[-1].cells][-2:] == ["referred", "REFERRED TO COMMISSIONER OF FINANCE"]


def test_report_votes_lists_each_member_on_each_roll_call_with_explanations(cli, council):
    rows = report(cli, "votes")
    assert list(rows[0]) == VOTE_COLUMNS
    assert [(r["item"], r["member"], r["vote"]) for r in rows if r["item"] == "2"] == [
        ("2", "Ana Weber", "aye"), ("2", "Ben Okafor", "aye"), ("2", "Cai Lun", "aye"),
        ("2", "Dan Moss", "nay"), ("2", "Eve Stone", "nay")]
    eve = next(r for r in rows if r["member"] == "Eve Stone" and r["item"] == "2")
    assert eve["explanation"] == "The reserve is too small." and eve["title"] == "Budget 2024"
    fay = next(r for r in rows if r["member"] == "Fay Ortiz")
    assert (fay["question"], fay["vote"]) == ("the main question", "not voting")
    assert {r["item"] for r in rows} == {"2", "3"}  # counted votes name nobody


def test_report_votes_person_finds_the_member_by_name(cli, council):
    rows = report(cli, "votes", "--person", "Stone")  # a surname, as every command takes names
    assert [(r["item"], r["question"], r["vote"]) for r in rows] == [("2", "", "nay"), ("3", "the main question", "nay")]
    assert report(cli, "votes", "--person", "eve", "--from", "2024-03-01") == []


def test_report_votes_with_an_unknown_person_is_a_usage_error(cli, council):
    result = cli("report", "votes", "--person", "Zed Nobody", code=2)
    assert "--person: unknown member 'Zed Nobody'" in result.stderr and "Traceback" not in result.stderr
    assert "--person is for 'report votes' only" in cli("report", "resolutions", "--person", "Ana", code=2).stderr


def test_report_votes_reads_back_as_csv_markdown_and_word(cli, council):
    table = list(csv.reader(io.StringIO(cli("report", "votes", "--person", "Eve", "--format", "csv").stdout)))
    assert table == [VOTE_COLUMNS, ["2024-02-14", "City Council", "2", "Budget 2024", "", "Eve Stone", "nay",
                                    "The reserve is too small."],
                     ["2024-02-14", "City Council", "3", "Parking rules", "the main question", "Eve Stone", "nay", ""]]
    header, body = md_table(cli("report", "votes", "--format", "md").stdout)
    assert header == VOTE_COLUMNS and len(body) == 11
    cli("report", "votes", "--format", "docx", "--out", "v.docx")
    (grid,) = docx.Document(cli.folder / "v.docx").tables
    assert [c.text for c in grid.rows[0].cells] == VOTE_COLUMNS and len(grid.rows) == 12


def test_an_explanation_from_a_member_the_roll_call_does_not_name_is_kept(cli):
    path = cli.folder / "s.yaml"
    path.write_text("schema_version: 2\ntitle: T\ndate: 2024-05-01\npeople:\n  - {id: ana, name: Ana}\n"
                    "  - {id: ben, name: Ben}\nproceedings:\n  - kind: motion\n    title: M\n    vote:\n"
                    "      ayes: [ana]\n      explanations: [{person: ben, text: Came late.}]\n", encoding="utf-8")
    rows = report(cli, "votes", ".")
    assert [(r["member"], r["vote"], r["explanation"]) for r in rows] == [("Ana", "aye", ""), ("Ben", "", "Came late.")]

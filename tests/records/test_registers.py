import pytest
import csv
import io
import json

from markdown_it import MarkdownIt


def test_the_resolutions_register_lists_votes_and_results(cli, board, congress):
    rows = json.loads(cli("report", "resolutions", "--format", "json").stdout)
    assert [r["title"] for r in rows] == ["Congratulatory telegram to Comrade Kim Jong Un", "Roof replacement",
                                          "Late-payment fee", "Garden committee"]
    assert (rows[1]["method"], rows[1]["vote"]) == ("counted", "4–1–0") and rows[2]["result"] == "rejected"
    assert (rows[0]["method"], rows[0]["vote"]) == ("acclamation", "")


def test_the_attendance_report_is_a_matrix_with_totals_and_rates(cli, board, congress):
    table = list(csv.reader(io.StringIO(cli("report", "attendance", "--format", "csv").stdout)))
    assert table[0] == ["person", "group", "2023-07-23", "2024-03-12", "attended", "rate"]
    rows = {r[0]: r for r in table}
    # Ana Weber is listed only by the board meeting, not by the congress (another body): 1 of 1, not 1 of 2.
    assert rows["Ana Weber"] == ["Ana Weber", "", "", "present", "1", "100%"]
    assert rows["Alexander Mostov"] == ["Alexander Mostov", "", "absent", "", "0", "0%"]
    assert rows["Farah Haddad"][-3:] == ["excused", "0", "0%"]
    assert rows["Georg Brandt"][-3:] == ["guest", "1", "100%"]  # a guest was there: not 0 %
    assert table[-2] == ["total present", "", "3", "6", "", ""]  # the board's guest is in its total
    assert table[-1][0] == "voting members present" and table[-1][3] == "5"  # and not among its voting members
    assert not any(r[0].startswith("total present:") for r in table)  # no groups, no group totals


def sitting(folder, name, date, attendees, start=None, groups=(), people=("ana", "ben", "cai", "dan", "eve")):
    """Write a small session file ``name`` in ``folder`` and return its path."""
    data = {"schema_version": 2, "title": "Board", "date": date, "timezone": "Europe/Berlin",
            "people": [{"id": p, "name": p.capitalize()} for p in people],
            "groups": list(groups), "attendees": attendees}
    if start:
        data["start"] = start
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")  # JSON is YAML
    return path


def attendance_csv(cli):
    """Return the attendance register of the current folder as a list of CSV rows."""
    return list(csv.reader(io.StringIO(cli("report", "attendance", ".", "--format", "csv").stdout)))


def test_the_attendance_report_counts_by_group(cli):
    sitting(cli.folder, "a.yaml", "2024-01-10", [
        {"person": "cai", "status": "present"},
        {"person": "eve", "as": "Staff", "status": "present"},
        {"person": "ben", "as": "Directors", "status": "absent"},
        {"person": "ana", "as": "Directors", "status": "present"},
    ])
    sitting(cli.folder, "b.yaml", "2024-02-14", [
        {"person": "ana", "as": "Directors", "status": "online"},
        {"person": "ben", "as": "Directors", "status": "present"},
        {"person": "eve", "as": "Directors", "status": "present"},  # eve joined the board
        {"person": "dan", "as": "Staff", "status": "present"},
    ])
    table = attendance_csv(cli)
    assert table[0] == ["person", "group", "2024-01-10", "2024-02-14", "attended", "rate"]
    # groups in order of first use (no group, Staff, Directors: as January listed them), then names;
    # Eve is in the group of her latest sitting
    assert [r[:2] for r in table[1:6]] == [
        ["Cai", ""], ["Dan", "Staff"], ["Ana", "Directors"], ["Ben", "Directors"], ["Eve", "Directors"]]
    # one total per group, counting the group each sitting recorded (eve was Staff in January), then the total
    assert table[6:] == [
        ["total present: (no group)", "", "1", "0", "", ""],
        ["total present: Staff", "Staff", "1", "1", "", ""],
        ["total present: Directors", "Directors", "1", "3", "", ""],
        ["total present", "", "3", "4", "", ""],
    ]
    rows = json.loads(cli("report", "attendance", ".", "--format", "json").stdout)
    assert rows[2] == {"person": "Ana", "group": "Directors", "2024-01-10": "present", "2024-02-14": "online",
                       "attended": "2", "rate": "100%"}
    md = cli("report", "attendance", ".", "--format", "md").stdout
    assert "*group: the person's attendance group at the latest sitting that lists them" in md


def test_a_late_arrival_or_an_early_departure_shows_its_times_and_still_counts(cli):
    sitting(cli.folder, "a.yaml", "2024-01-10", [
        {"person": "ana", "status": "present", "arrived": "10:47"},
        {"person": "ben", "status": "online", "left": "11:04"},
        {"person": "cai", "status": "present", "arrived": "9:05", "left": "11:04"},
        {"person": "dan", "status": "present"},
    ], start="09:00")
    rows = {r["person"]: r for r in json.loads(cli("report", "attendance", ".", "--format", "json").stdout)}
    assert rows["Ana"]["2024-01-10"] == "present (from 10:47)"
    assert rows["Ben"]["2024-01-10"] == "online (until 11:04)"
    assert rows["Cai"]["2024-01-10"] == "present (09:05–11:04)"
    assert rows["Dan"]["2024-01-10"] == "present"
    assert all(rows[p]["attended"] == "1" and rows[p]["rate"] == "100%" for p in ("Ana", "Ben", "Cai", "Dan"))
    assert rows["total present"]["2024-01-10"] == "4"
    md = cli("report", "attendance", ".", "--format", "md").stdout
    assert "present (10:47–11:04); it still counts as attended*" in md


def test_a_register_without_late_arrivals_does_not_explain_them(cli):
    sitting(cli.folder, "a.yaml", "2024-01-10", [{"person": "ana", "status": "present"}])
    md = cli("report", "attendance", ".", "--format", "md").stdout
    assert "late arrival" not in md and "group:" not in md and "not voting" not in md


def test_guests_and_non_voting_members_count_and_the_rate_is_over_the_sittings_that_list_them(cli):
    staff = [{"name": "Staff", "voting": False}]
    sitting(cli.folder, "a.yaml", "2024-01-10", [
        {"person": "ana", "status": "present"}, {"person": "ben", "status": "guest"},
        {"person": "cai", "as": "Staff", "status": "present"}, {"person": "dan", "status": "absent"},
    ], groups=staff)
    sitting(cli.folder, "b.yaml", "2024-02-14", [
        {"person": "ana", "status": "excused"}, {"person": "cai", "as": "Staff", "status": "online"},
    ], groups=staff)
    sitting(cli.folder, "c.yaml", "2024-03-13", [{"person": "ana", "status": "present"}], groups=staff)
    rows = {r["person"]: r for r in json.loads(cli("report", "attendance", ".", "--format", "json").stdout)}
    assert (rows["Ana"]["attended"], rows["Ana"]["rate"]) == ("2", "67%")  # listed three times, there twice
    assert (rows["Ben"]["attended"], rows["Ben"]["rate"]) == ("1", "100%")  # a guest, listed once: not 0 %, not 33 %
    assert (rows["Cai"]["attended"], rows["Cai"]["rate"]) == ("2", "100%")  # staff, not voting, there both times
    assert (rows["Dan"]["attended"], rows["Dan"]["rate"]) == ("0", "0%")
    assert rows["Ben"]["2024-02-14"] == "" and rows["Ben"]["2024-03-13"] == ""
    assert [rows["total present"][d] for d in ("2024-01-10", "2024-02-14", "2024-03-13")] == ["3", "1", "1"]
    assert rows["total present: Staff"]["2024-01-10"] == "1"
    md = cli("report", "attendance", ".", "--format", "md").stdout
    assert "*present, online and guest count as attended" in md
    assert "*rate: the sittings attended out of the sittings that list the person" in md
    assert "*not voting (not counted for quorum or votes): Staff*" in md


def test_sittings_are_in_order_of_date_then_start_time_then_file_name(cli):
    sitting(cli.folder, "a-late.yaml", "2024-03-12", [{"person": "ana", "status": "absent"}], start="14:00")
    sitting(cli.folder, "b-early.yaml", "2024-03-12", [{"person": "ana", "status": "present"}], start="9:00")
    sitting(cli.folder, "c-before.yaml", "2024-02-01", [{"person": "ana", "status": "excused"}], start="20:00")
    table = attendance_csv(cli)
    assert table[0] == ["person", "group", "2024-02-01", "2024-03-12 09:00", "2024-03-12 14:00", "attended", "rate"]
    assert table[1] == ["Ana", "", "excused", "present", "absent", "1", "33%"]


@pytest.mark.parametrize("starts", [(None, None), ("10:00", "10:00"), ("10:00", None)], ids=["none", "same", "one"])
def test_two_sittings_of_one_day_without_distinct_start_times_are_numbered(cli, starts):
    sitting(cli.folder, "z-first.yaml", "2024-03-12", [{"person": "ana", "status": "present"}], start=starts[1])
    sitting(cli.folder, "m-second.yaml", "2024-03-12", [{"person": "ana", "status": "absent"}], start=starts[0])
    sitting(cli.folder, "other.yaml", "2024-03-13", [{"person": "ana", "status": "present"}])
    table = attendance_csv(cli)
    assert table[0][2:5] == ["2024-03-12 (1)", "2024-03-12 (2)", "2024-03-13"]
    first, second = ("absent", "present") if starts != ("10:00", None) else ("present", "absent")
    assert table[1][2:5] == [first, second, "present"]  # by start ("" first), then by file name
    (row, _total) = json.loads(cli("report", "attendance", ".", "--format", "json").stdout)
    assert row["2024-03-12 (1)"] == first and row["2024-03-12 (2)"] == second  # no column overwrites another


def test_reports_filter_by_date(cli, board, congress):
    rows = json.loads(cli("report", "speakers", "--from", "2024-01-01", "--format", "json").stdout)
    assert {r["date"] for r in rows} == {"2024-03-12"}
    assert [r["speaker"] for r in rows] == ["Ben Okafor", "Georg Brandt"]


def test_the_markdown_register_is_a_commonmark_table(cli, board):
    md = cli("report", "resolutions", "--format", "md").stdout
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    cells = [t.content for t in tokens if t.type == "inline"]
    assert "Roof replacement" in cells and "Register of resolutions" in cells


def test_a_register_in_word_is_a_real_table(cli, board):
    import docx

    cli("report", "resolutions", "--format", "docx", "--out", "register.docx")
    document = docx.Document(cli.folder / "register.docx")
    (table,) = document.tables
    assert table.rows[0].cells[4].text == "title"
    assert [row.cells[4].text for row in table.rows[1:]] == ["Roof replacement", "Late-payment fee", "Garden committee"]
    assert table.style.name == "Table Grid"


def test_a_register_in_word_needs_an_output_file(cli, board):
    assert "needs --out" in cli("report", "attendance", "--format", "docx", code=2).stderr


@pytest.mark.parametrize("fmt", ["csv", "md", "json"])
def test_a_register_out_dash_writes_to_stdout_not_a_file_named_dash(cli, board, fmt):
    out = cli("report", "resolutions", ".", "--format", fmt, "--out", "-").stdout
    assert "Garden committee" in out and "Roof replacement" in out
    assert not (cli.folder / "-").exists()


def test_a_register_in_word_to_stdout_is_a_word_document(cli, board):
    result = cli("report", "attendance", ".", "--format", "docx", "--out", "-")
    assert result.stdout_bytes[:2] == b"PK" and not (cli.folder / "-").exists()


@pytest.mark.parametrize("title", ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tstart"])
def test_a_csv_cell_a_spreadsheet_would_run_is_neutralised(cli, board, title):
    cli("add-resolution", "--for", "1", "--result", "adopted", "--", title)
    rows = list(csv.reader(io.StringIO(cli("report", "resolutions", ".", "--format", "csv").stdout)))
    cells = [row[4] for row in rows[1:]]
    assert "'" + title in cells and title not in cells
    assert not any(c.startswith(("=", "+", "-", "@", "\t")) for row in rows for c in row)

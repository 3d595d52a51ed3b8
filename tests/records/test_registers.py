import pytest
import csv
import io
import json

from markdown_it import MarkdownIt


def test_the_resolutions_register_lists_votes_and_results(cli, board, congress):
    rows = json.loads(cli("report", "resolutions", "--format", "json").stdout)
    assert [r["title"] for r in rows] == ["Congratulatory telegram to Comrade Kim Jong Un", "Roof replacement",
                                          "Late-payment fee", "Garden committee"]
    assert rows[1]["vote (for–against–abstain)"] == "4–1–0" and rows[2]["result"] == "rejected"
    assert rows[0]["vote (for–against–abstain)"] == "acclamation"


def test_the_attendance_report_is_a_matrix_with_totals_and_rates(cli, board, congress):
    table = list(csv.reader(io.StringIO(cli("report", "attendance", "--format", "csv").stdout)))
    assert table[0] == ["person", "2023-07-23", "2024-03-12", "attended", "rate"]
    ana = next(r for r in table if r[0] == "Ana Weber")
    assert ana == ["Ana Weber", "", "present", "1", "50%"]
    assert table[-1][:3] == ["total present", "3", "5"]


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

"""The render command: the acceptance of issue 3, stdout, batches, bad files, series and data formats."""

import json
import shutil

import docx
import pytest
from markdown_it import MarkdownIt

from conftest import BOARD, CONGRESS


def inline_text(md: str) -> str:
    return " ".join(t.content for t in MarkdownIt("commonmark").enable("table").parse(md) if t.type == "inline")


def test_the_acceptance_commands_of_the_rendering_issue(cli, congress):
    cli("render", "--kind", "minutes", "--format", "md", "--out", "out")
    cli("render", "--kind", "release", "--format", "docx", "--lang", "en", "--out", "out")
    zh = cli("render", "--kind", "release", "--format", "md", "--lang", "zh", "--out", "-").stdout
    cli("render", ".", "--kind", "minutes", "--format", "docx", "--lang", "de", "--out", "out", "--jobs", "2")
    stem = "2023-07-23-2nd-international-congress-of-solidarity-day-2"
    names = sorted(p.name for p in (cli.folder / "out").iterdir())
    assert names == [f"{stem}.minutes.de.docx", f"{stem}.minutes.en.md", f"{stem}.release.en.docx", "photos"]
    assert "Proletarian Internationalism" in inline_text((cli.folder / "out" / f"{stem}.minutes.en.md").read_text())
    assert "李" in zh or "同志" in zh or "年" in zh or "月" in zh
    text = "\n".join(p.text for p in docx.Document(cli.folder / "out" / f"{stem}.release.en.docx").paragraphs)
    assert "Luan Xinlong" in text and "###" in text


def test_out_dash_refuses_a_binary_format_on_a_terminal_and_many_files(cli, congress, board, monkeypatch):
    from minutes.records import batch

    class Terminal:
        """What sys.stdout is on a terminal, as far as deliver asks."""

        def isatty(self):
            return True

    rendered = batch.Rendered("x.minutes.en.docx", b"PK", [])
    with monkeypatch.context() as patched, pytest.raises(batch.UsageError, match="on the terminal"):
        patched.setattr(batch.sys, "stdout", Terminal())
        batch.deliver(rendered, "-")
    assert "one result" in cli("render", ".", "--out", "-", code=2).stderr


def test_a_bad_file_is_reported_and_the_others_are_still_rendered(cli):
    shutil.copy(CONGRESS, cli.folder)
    shutil.copy(BOARD, cli.folder)
    (cli.folder / "broken.yaml").write_text("title: x\ndate: 2024-02-30\n")
    result = cli("render", ".", "--out", "out", "--jobs", "2", code=1)
    assert "broken.yaml:2: date" in result.stderr
    assert "rendered 2 of 3 file(s) into out; 1 failed" in result.stderr
    assert len(list((cli.folder / "out").iterdir())) == 2


def test_bad_options_are_usage_errors(cli, board):
    assert cli("render", "--format", "rtf", code=2).exit_code == 2
    assert cli("render", "--kind", "memo", code=2).exit_code == 2
    assert "no such file" in cli("render", "--template", "nope.j2", code=2).stderr
    assert "no such file" in cli("render", "--reference-doc", "nope.docx", code=2).stderr


def test_json_and_popolo_formats_go_to_stdout(cli, board):
    doc = json.loads(cli("render", "--format", "json", "--out", "-").stdout)
    assert doc
    popolo = json.loads(cli("render", "--format", "popolo", "--out", "-").stdout)
    assert popolo["events"][0]["name"] == "Regular Board Meeting"
    assert len(popolo["vote_events"]) == 2


def test_front_matter_for_hugo(cli, board):
    md = cli("render", "--kind", "release", "--front-matter", "hugo", "--out", "-").stdout
    assert md.startswith("---\n") and "translationKey:" in md


def test_a_series_compiles_into_one_document(cli, congress):
    text = congress.read_text(encoding="utf-8")
    day1 = (text.replace("date: 2023-07-23", "date: 2023-07-22").replace("part: 2", "part: 1")
            .replace("Proletarian Internationalism in the Korean War", "The history of the Group"))
    (cli.folder / "2023-07-22-day-1.yaml").write_text(day1, encoding="utf-8")
    cli("render", ".", "--series", "2nd International Congress of Solidarity", "--format", "docx", "--out", "out")
    (written,) = (cli.folder / "out").iterdir()
    assert written.name.startswith("2023-07-22-") and "series" in written.name
    body = "\n".join(p.text for p in docx.Document(written).paragraphs)
    assert body.index("The history of the Group") < body.index("Proletarian Internationalism in the Korean War")
    assert "unknown" not in cli("render", ".", "--series", "Nope", code=2).stdout


def test_out_dash_writes_a_word_file_to_stdout_when_it_is_not_a_terminal(cli, board):
    import io

    import docx

    data = cli("render", "--format", "docx", "--out", "-").stdout_bytes
    assert data[:2] == b"PK" and not (cli.folder / "-").exists()
    assert docx.Document(io.BytesIO(data)).paragraphs[0].text.startswith("Minutes of the")


def test_paper_chooses_a4_or_letter_for_word_and_anything_else_is_a_usage_error(cli, board):
    cli("render", "--format", "docx", "--paper", "a4", "--out", "a4")
    cli("render", "--format", "docx", "--lang", "de", "--paper", "Letter", "--out", "letter")
    cli("render", "--format", "docx", "--out", "plain")
    sizes = {}
    for folder in ("a4", "letter", "plain"):
        (written,) = (cli.folder / folder).iterdir()
        section = docx.Document(written).sections[0]
        sizes[folder] = (section.page_width.twips, section.page_height.twips)
    assert sizes == {"a4": (11906, 16838), "letter": (12240, 15840), "plain": (12240, 15840)}  # the board: en
    result = cli("render", "--format", "docx", "--paper", "a5", "--out", "bad", code=2)
    assert "--paper" in result.stderr and "a4, letter" in result.stderr
    assert not (cli.folder / "bad").exists()

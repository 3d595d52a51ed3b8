"""Issue 14's acceptance script, run as written in an empty folder, and its checks on what it leaves."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt

from minutes.model import address
from minutes.store import yamlio

SCRIPT = r"""
minutes new "Annual General Meeting" --date 2025-03-14 --organization "Riverside Tenants' Association" --lang en
minutes add-attendee "Maria Lopez" --role Chair --status present --pronoun she
minutes add-attendee "Tom Becker" --role Treasurer --status present --pronoun he
minutes set chair "Maria Lopez"
minutes add-section "Call to order"
minutes add-section "Reports"
minutes add-section "Treasurer's report" --in 2 --label 2A
minutes add-section "Resolutions"
minutes add-section "Special order: revised bylaws" --in 3 --label 3A
minutes add-section "Unfinished business"
minutes add-section "[Issue 207](https://example.org/issues/207_membership): membership rules"
minutes goto 1
minutes add-item procedure "The meeting was called to order at 19:04."
minutes goto 2A
printf 'Income and expenses for 2024:\n\n| item | amount |\n|---|---:|\n| dues | 4,200.00 |\n| repairs | (1,150.00) |\n\nSee the [full accounts](https://example.org/accounts_2024.pdf).\n' | minutes add-report "Tom Becker" --title "Accounts for 2024" --summary -
minutes goto 3A
printf 'WHEREAS, the bylaws date from 1998; and\n\nWHEREAS, a committee proposed a revision:\n\n- shorter terms\n- online voting\n\nNOW, THEREFORE, BE IT RESOLVED, that the revised bylaws are adopted.\n' | minutes add-resolution "Adopt the revised bylaws" --text - --for 12 --against 1 --abstain 0 --result adopted
minutes add-item discussion "Members asked whether *online voting* needs a quorum." --in 5
minutes show
minutes render --kind minutes --format md --out out
minutes render --kind minutes --format docx --out out
minutes render --kind agenda --format md --out out
minutes render --kind release --format md --out out
minutes check
"""
ACCOUNTS = "https://example.org/accounts_2024.pdf"
ISSUE = "https://example.org/issues/207_membership"


@pytest.fixture(scope="module")
def meeting(tmp_path_factory) -> tuple[Path, str]:
    """Run the script, each command in turn, stopping at the first that does not exit 0; return the folder and `show`."""
    folder = tmp_path_factory.mktemp("agm")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("MINUTES_FILE", None)
    shown = ""
    for line in SCRIPT.strip().splitlines():
        done = subprocess.run(["bash", "-euo", "pipefail", "-c", line], cwd=folder, env=env, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, (line, done.returncode, done.stderr)
        if line == "minutes show":
            shown = done.stdout
    return folder, shown


def _minutes(folder: Path) -> list:
    text = next((folder / "out").glob("*.minutes.en.md")).read_text(encoding="utf-8")
    return MarkdownIt("commonmark").enable("table").parse(text)


def _inline_text(token) -> str:
    return "".join(c.content for c in token.children or [] if c.type in ("text", "code_inline"))


def test_show_lists_the_sections_and_the_items_addresses(meeting):
    _, shown = meeting
    rows = re.findall(r"^ +(\S+)\. (\w+): ", shown, re.MULTILINE)
    assert [a for a, kind in rows if kind == "section"] == ["1", "2", "2A", "3", "3A", "4", "5"]
    assert ("2A.1", "report") in rows and ("3A.1", "resolution") in rows


def test_set_by_address_changes_that_resolution(meeting, tmp_path):
    folder, _ = meeting
    session = next(folder.glob("*.yaml"))
    copy = tmp_path / session.name
    copy.write_bytes(session.read_bytes())
    from minutes.records import ops

    ops.set_field(copy, "3A.1.result", "rejected")
    entry = address.find(yamlio.load(copy.read_text(encoding="utf-8")), "3A.1").entry
    assert entry["kind"] == "resolution" and entry["result"] == "rejected"


def test_the_markdown_minutes_have_the_structure_and_the_rich_text(meeting):
    folder, _ = meeting
    tokens = _minutes(folder)
    headings = [(tokens[i + 1], tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]
    texts = [_inline_text(inline) for inline, _ in headings]
    assert any(t.startswith("2A. ") for t in texts) and any(t.startswith("3A. ") for t in texts)
    linked = [inline for inline, _ in headings if any(c.type == "link_open" and c.attrs["href"] == ISSUE
                                                      for c in inline.children)]
    assert linked, "a heading holds the link to issue 207"
    rows = []
    for i, t in enumerate(tokens):
        if t.type == "tr_open":
            cells = []
            for u in tokens[i + 1:]:
                if u.type == "tr_close":
                    break
                if u.type == "inline":
                    cells.append(u.content)
            rows.append(cells)
    assert ["repairs", "(1,150.00)"] in rows
    hrefs = [c.attrs["href"] for t in tokens if t.type == "inline" for c in t.children if c.type == "link_open"]
    assert ACCOUNTS in hrefs
    # The resolution's three paragraphs, each its own, with the two-item list between the second and the third.
    order = [(t.type, tokens[i + 1].content if t.type == "paragraph_open" else "") for i, t in enumerate(tokens)
             if t.type in ("paragraph_open", "bullet_list_open", "list_item_open")]
    paragraphs = [text for kind, text in order if kind == "paragraph_open"]
    first = paragraphs.index("WHEREAS, the bylaws date from 1998; and")
    assert paragraphs[first + 1] == "WHEREAS, a committee proposed a revision:"
    assert paragraphs[first + 2:first + 4] == ["shorter terms", "online voting"]
    assert paragraphs[first + 4].startswith("NOW, THEREFORE, BE IT RESOLVED")
    between = order[order.index(("paragraph_open", paragraphs[first + 1])) + 1:]
    assert [kind for kind, _ in between[:3]] == ["bullet_list_open", "list_item_open", "paragraph_open"]
    # "None." right under section 4's heading.
    at = next(i for i, t in enumerate(tokens) if t.type == "heading_open" and _inline_text(tokens[i + 1]).startswith("4. "))
    assert tokens[at + 3].type == "paragraph_open" and tokens[at + 4].content == "None."


def test_the_word_minutes_have_the_table_the_links_and_the_list(meeting):
    folder, _ = meeting
    document = docx.Document(io.BytesIO(next((folder / "out").glob("*.minutes.en.docx")).read_bytes()))
    tables = [[[c.text for c in row.cells] for row in table.rows] for table in document.tables]
    assert any(["item", "amount"] in t and ["dues", "4,200.00"] in t and ["repairs", "(1,150.00)"] in t for t in tables)
    targets = {rel.target_ref for rel in document.part.rels.values() if rel.is_external}
    assert {ACCOUNTS, ISSUE} <= targets
    body = document.element.body
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
    linked = {document.part.rels[h.get(f"{{{ns['r']}}}id")].target_ref for h in body.iterfind(".//w:hyperlink", ns)}
    assert {ACCOUNTS, ISSUE} <= linked  # real hyperlinks in the text, not only relationships
    voting = [p for p in document.paragraphs if p.text == "online voting"]
    assert voting and (voting[0].style.name.startswith("List") or voting[0]._p.pPr.numPr is not None)


def test_the_agenda_lists_the_seven_sections_and_none_of_the_items(meeting):
    folder, _ = meeting
    text = next((folder / "out").glob("*.agenda.en.md")).read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").parse(text)
    shown = [_inline_text(t) for t in tokens if t.type == "inline"]
    labels = [s.split(". ", 1)[0] for s in shown if re.match(r"^\w+\. ", s)]
    assert labels == ["1", "2", "2A", "3", "3A", "4", "5"]
    for item_text in ("Accounts for 2024", "Adopt the revised bylaws", "called to order", "online voting"):
        assert item_text not in text

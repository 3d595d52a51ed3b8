"""The styles of minutes, read back as their readers read them: notes as a project's Markdown (markdown-it-py),
council as official minutes with an attestation, formal with the heading its settings ask for; and in Word."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import EXAMPLES
from minutes.records.publish import render_file
from minutes.render.pipeline import RenderOptions

NOTES = next((EXAMPLES / "project-notes").glob("2025-*.yaml"))
COUNCIL = EXAMPLES / "city-council" / "2025-03-04-city-council.yaml"
ATTESTATION = """settings:
  signatures:
    - name: Marguerite Lyle
      capacity: Auditor of the City
      by: Clerk of the Council
"""


def render(path: Path, style: str, fmt: str = "md", lang: str = "en") -> bytes:
    """Return the minutes of ``path`` in ``style`` and ``fmt``."""
    return render_file(path, RenderOptions(kind="minutes", fmt=fmt, lang=lang, style=style)).data


def tokens(text: str) -> list:
    """Return the block tokens markdown-it-py (CommonMark) reads in ``text``."""
    return MarkdownIt("commonmark").parse(text)


def headings(found: list) -> list[tuple[str, str]]:
    """Return each heading as (tag, its text as a reader sees it: a link's text without its target)."""
    return [(t.tag, "".join(c.content for c in found[i + 1].children if c.type == "text"))
            for i, t in enumerate(found) if t.type == "heading_open"]


def links(found: list) -> list[str]:
    """Return the href of every link in the inline tokens."""
    return [c.attrGet("href") for t in found if t.type == "inline" for c in t.children or [] if c.type == "link_open"]


def with_settings(tmp_path: Path, source: Path, block: str) -> Path:
    """Return a copy of ``source`` (and its folder's roster) with a session ``settings:`` block added."""
    shutil.copy(source.parent / "people.yaml", tmp_path / "people.yaml")
    target = tmp_path / source.name
    target.write_text(source.read_text(encoding="utf-8").rstrip("\n") + "\n" + block, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def notes() -> str:
    """Return the example committee's minutes in the notes style."""
    return render(NOTES, "notes").decode()


def test_notes_open_with_an_iso_dated_title_and_no_formal_dress(notes):
    found = tokens(notes)
    assert headings(found)[0] == ("h1", "Larkspur TSC Meeting 2025-03-12")
    for formal in ("Draft", "Minutes of the", "Signature", "Status", "Attendance"):
        assert formal not in notes
    assert not re.search(r"\b[0-9a-f]{12}\b", notes)  # no content hash in a footer


def test_notes_list_those_present_with_handles_by_group_and_regrets(notes):
    found = tokens(notes)
    assert ("h2", "Present") in headings(found)
    assert ("h3", "TSC members") in headings(found) and ("h3", "Observers") in headings(found)
    items = [found[i + 2].content for i, t in enumerate(found) if t.type == "list_item_open"]
    assert "Maren Solberg (@msolberg)" in items and "Priyanka Das (@pdas)" in items
    assert "**Regrets:** Yuki Mori (@ymori)" in notes
    assert "Yuki Mori (@ymori)" not in items


def test_notes_give_each_agenda_section_its_linked_title_and_rules_between_them(notes):
    found = tokens(notes)
    h2 = [text for tag, text in headings(found) if tag == "h2"]
    assert h2 == ["Present", "Announcements", "Release cadence for the 4.x line #412",
                  "Security response rotation #415", "Charter change: voting by e-mail #409", "Next meeting",
                  "Next steps"]
    hrefs = links(found)
    for issue in (412, 415, 409, 418):
        assert f"https://github.com/larkspur-build/tsc/issues/{issue}" in hrefs
    # A rule between sections: one before each section but the first, and one before the next steps.
    rules = [i for i, t in enumerate(found) if t.type == "hr"]
    assert len(rules) == 5
    assert all(found[i + 1].type == "heading_open" and found[i + 1].tag == "h2" for i in rules)


def test_notes_state_decisions_votes_and_next_steps_with_owner_handles(notes):
    assert "**Decision:** Move the 4.x line to an eight-week minor release cycle, starting with 4.3 — " \
           "Adopted by consensus" in notes
    assert "Adopted 4-0-0 — merged as charter PR #421" in notes
    steps = notes.split("## Next steps", 1)[1]
    found = tokens(steps)
    assert [t.type for t in found[:2]] == ["bullet_list_open", "list_item_open"]
    assert "- Update RELEASES.md with the eight-week schedule (@twendt, due 2025-03-19)" in steps
    assert steps.count("\n- ") == 3


@pytest.fixture(scope="module")
def council() -> str:
    """Return the example council's first meeting in the council style."""
    return render(COUNCIL, "council").decode()


def test_council_minutes_are_official_with_those_present_by_name(council):
    found = tokens(council)
    assert headings(found)[0] == ("h1", "OFFICIAL MINUTES")
    assert "**Regular meeting · Tuesday, March 4, 2025 · 7–8:40 p.m. (Pacific Time)" in council
    assert "**Presiding:** Rosa Albright, Mayor" in council
    assert "**THOSE PRESENT WERE:** Rosa Albright, Tomas Baca, Chen Wei, Dana Kowalski, Elias Moreno, Fatima Noor, " \
           "Greg Olsen" in council
    assert "**Also present (Staff):** Hana Ito, City Clerk; Ivan Petrov, City Manager" in council
    assert "Draft" not in council and "Status" not in council


def test_council_items_are_one_block_with_vote_roll_call_and_disposition(council):
    found = tokens(council)
    blocks = [t.content for t in found if t.type == "inline"]
    pulled = next(b for b in blocks if b.startswith("**2.3.**"))
    assert "**Vote:** (Y-5, N-1, A-1) Ayes (5): Rosa Albright" in pulled
    assert pulled.endswith("**ADOPTED — Resolution No. 2025-14**")
    motion = next(b for b in blocks if b.startswith("**3.1.**"))
    assert "Moved by: Tomas Baca; seconded by: Fatima Noor" in motion
    assert "**Vote on the amendment to keep the height limit at three storeys:** 5-2-0 — carried" in motion
    assert motion.endswith("**ADOPTED — PASSED TO SECOND READING MARCH 18, 2025**")
    # The consent agenda is one block: its items listed, the pulled one after it on its own.
    consent = council.split("## 2. Consent calendar", 1)[1].split("**2.3.**", 1)[0]
    assert "- **2.1.** Approve the minutes" in consent and "2.3" in consent
    assert "the balance was adopted by unanimous vote (7-0-0)" in consent


def test_council_attestation_names_the_auditor_by_the_clerk(tmp_path):
    text = render(with_settings(tmp_path, COUNCIL, ATTESTATION), "council").decode()
    tail = text.split("**ATTEST:**", 1)[1]
    found = tokens(tail)
    (para,) = [t.content for t in found if t.type == "inline"]
    lines = para.split("\\\n")  # the lines of one paragraph, at its hard breaks
    assert lines[1] == "Marguerite Lyle, Auditor of the City"
    assert re.fullmatch(r"By _{20,} Clerk of the Council", lines[2].replace("\\_", "_"))
    assert "Rosa Albright, Chair" not in tail


def test_the_formal_heading_follows_the_settings_order_without_draft(tmp_path):
    block = "settings:\n  minutes:\n    header: [place, date, chair]\n    draft: false\n    vote_form: compact\n"
    text = render(with_settings(tmp_path, COUNCIL, block), "formal").decode()
    head = text.split("## Attendance", 1)[0]
    labels = re.findall(r"^\*\*(\w[\w ]*):\*\*", head, re.M)
    assert labels == ["Place", "Date", "Chair"]
    assert "Status" not in head
    assert "**Result:** Failed 4-3-0; two-thirds required" in text


def test_the_formal_default_keeps_its_status_and_secretary_without_a_repeated_role():
    text = render(EXAMPLES / "board" / "2024-03-12-regular-board-meeting.yaml", "formal").decode()
    assert "**Secretary:** Chen Li\\" in text
    assert "**Status:**" in text


@pytest.mark.parametrize("style, source", [("notes", NOTES), ("council", COUNCIL), ("formal", COUNCIL)])
def test_each_style_reopens_in_word_and_pandoc(style, source, tmp_path):
    import docx
    import subprocess

    data = render(with_settings(tmp_path, source, ATTESTATION), style, fmt="docx")
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    if style == "notes":
        assert texts[0] == "Larkspur TSC Meeting 2025-03-12"
        ruled = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr") is not None]
        assert len(ruled) == 5  # each "---" is a paragraph with a bottom border: a line across the page
        assert not any("Signature" in t for t in texts)
    elif style == "council":
        assert texts[0] == "OFFICIAL MINUTES"
        assert any(t.startswith("_" * 30) and "Marguerite Lyle, Auditor of the City" in t and "Clerk of the Council" in t
                   for t in texts)
    else:
        assert any(t.startswith("Auditor of the City: Marguerite Lyle") for t in texts)
    (tmp_path / "out.docx").write_bytes(data)
    if shutil.which("pandoc"):
        plain = subprocess.run(["pandoc", "-f", "docx", "-t", "plain", str(tmp_path / "out.docx")],
                               capture_output=True, text=True, check=True).stdout
        assert ("Clerk of the Council" in plain) == (style != "notes")

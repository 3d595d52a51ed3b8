"""Issue 15's acceptance: a board's roll call by group, a shared roster, arrivals, departures and people not in the room."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt

DIRECTORS = ["Ana Weber", "Bo Chen", "Carla Diaz", "Dev Patel", "Eli Moss", "Fay Ortiz", "Gus Lund", "Hana Sato",
             "Ivo Berg"]
OFFICERS = ["Jon Reyes", "Kim Novak", "Lea Roth"]
GUESTS = [f"Guest {name}" for name in ("Amber", "Basil", "Cedar", "Dahlia", "Elm", "Fern", "Hazel", "Iris", "Juniper",
                                        "Laurel")]
SHARED = ["Mara Quist", "Nils Vogt"]  # guests known only from the folder's people.yaml


@pytest.fixture
def meeting(cli) -> Path:
    """Record the board meeting through the commands a secretary types, and return its file."""
    cli("new", "Board of Directors", "--date", "2025-01-21", "--organization", "Example Foundation", "--start", "10:30")
    path = next(cli.folder.glob("2025-01-21-*.yaml"))
    for name in SHARED:
        cli("add-person", name, "--org", "Example Press", "--shared")
    cli("add-group", "Executive officers", "--non-voting", "--always", "present", "--always", "absent")
    cli("add-group", "Guests", "--non-voting")
    for name in DIRECTORS:
        status = "absent" if name == "Bo Chen" else "present"
        extra = ["--arrived", "10:47"] if name == "Carla Diaz" else []
        cli("add-attendee", name, "--as", "Directors", "--status", status, *extra)
    for name in OFFICERS:
        cli("add-attendee", name, "--as", "Executive officers", *(["--left", "11:04"] if name == "Kim Novak" else []))
    for name in GUESTS + SHARED:
        cli("add-attendee", name, "--as", "Guests", "--status", "guest")
    cli("add-person", "Olga Petrova", "--role", "Treasurer")  # writes a report, does not attend
    cli("add-person", "James Snell", "--handle", "@jasnell")
    cli("add-attendee", "James Snell", "--as", "Guests", "--status", "guest")
    cli("set", "quorum.required", "5")
    cli("set", "chair", "Ana Weber")
    cli("set", "secretary", "Ivo Berg")
    cli("add-report", "Olga Petrova", "--title", "Treasurer's report", "--summary", "Accounts were filed.",
        "--at", "10:40")
    cli("add-speech", "Patel", "--summary", "He proposed a budget review.", "--at", "10:50")  # by surname
    cli("add-speech", "@jasnell", "--summary", "He reported on the release.", "--at", "11:10")  # by handle
    cli("add-resolution", "Adopt the budget", "--motion", "--for", "8", "--against", "0", "--abstain", "0", "--result", "adopted",
        "--at", "11:20")
    return path


def test_the_roll_call_reads_by_group_with_counts_and_movements(cli, meeting):
    cli("render", "--format", "md", "--out", "out")
    md = next((cli.folder / "out").glob("*.minutes.en.md")).read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").parse(md)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h3"]
    assert headings[:5] == ["Directors present (8)", "Directors absent (1)", "Executive officers present (3)",
                            "Executive officers absent", "Guests (13)"], headings
    officers_absent = md.split("### Executive officers absent", 1)[1].split("###", 1)[0]
    assert officers_absent.strip() == "None."
    assert "- Carla Diaz (arrived 10:47)" in md and "- Kim Novak (left 11:04)" in md
    assert "- Mara Quist, Example Press" in md  # a guest known only from the shared roster, with their organization
    # The quorum counts the nine directors only: officers and guests do not vote.
    assert "**Quorum:** 5 required; 8 of 9 voting members present" in md
    # The proceedings say when people came and went, where the items carry times.
    patel, snell = md.index("### 2. Speech: Dev Patel (10:50)"), md.index("### 3. Speech: James Snell (11:10)")
    assert md.index("### 1. Report") < md.index("*Carla Diaz arrived at 10:47.*") < patel
    assert patel < md.index("*Kim Novak left at 11:04.*") < snell


def test_the_word_minutes_hold_the_same_roll_call(cli, meeting):
    cli("render", "--format", "docx", "--out", "out")
    document = docx.Document(str(next((cli.folder / "out").glob("*.minutes.en.docx"))))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    headings = [text for style, text in paragraphs if style == "Heading 2"]  # the title is the only level 1 of the md
    assert headings[:5] == ["Directors present (8)", "Directors absent (1)", "Executive officers present (3)",
                            "Executive officers absent", "Guests (13)"]
    texts = [text for _, text in paragraphs]
    assert "Carla Diaz (arrived 10:47)" in texts and "Kim Novak (left 11:04)" in texts
    assert texts[texts.index("Executive officers absent") + 1] == "None."


def test_check_does_not_ask_a_written_reports_author_to_attend(cli, meeting):
    result = cli("check", "--strict", code=None)
    assert "not listed as an attendee" not in result.stdout + result.stderr
    assert "Olga Petrova" not in result.stdout + result.stderr


def test_the_attendance_register_counts_the_session(cli, meeting):
    table = list(csv.reader(io.StringIO(cli("report", "attendance", "--format", "csv").stdout)))
    header, rows = table[0], {r[0]: r for r in table[1:]}
    assert "Carla Diaz" in rows and "Mara Quist" in rows  # shared-roster people are named, not shown by id
    assert re.fullmatch(r"present.*10:47.*", rows["Carla Diaz"][header.index("2025-01-21")])
    assert re.fullmatch(r"present.*11:04.*", rows["Kim Novak"][header.index("2025-01-21")])
    # The register counts the voting members apart: the nine directors, of whom eight attended.
    assert rows["voting members present"][header.index("2025-01-21")] == "8"
    assert rows["total present: Directors"][header.index("2025-01-21")] == "8"


def test_a_vote_after_a_departure_counts_those_still_there(cli, meeting):
    cli("add-resolution", "Close the fund", "--motion", "--for", "9", "--against", "0", "--abstain", "0", "--at", "11:30")
    out = cli("check", code=None).stdout
    assert "9 votes cast but only 8 voting attendees present at 11:30" in out

"""Issue 16's acceptance: one council session that decides in every way, recorded through the commands and
read back from the minutes (Markdown and Word), the registers, the actions listing, Popolo and `check`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import docx
import jsonschema
import pytest
from markdown_it import MarkdownIt

from popolo_schemas import KINDS, URL, registry

MEMBERS = ["Ada Aalto", "Ben Berg", "Cy Chan", "Dee Dorn", "Eli Eze", "Flo Fox", "Gil Gray", "Hal Hunt",
           "Ivy Ito", "Jon Jung", "Kai Kerr", "Lia Lund", "Max Mohr", "Nia Nash", "Oto Ortiz"]


@pytest.fixture
def council(cli) -> Path:
    """Record an earlier sitting with two actions, then the sitting that decides in every way; return its file."""
    cli("new", "City Council", "--date", "2025-02-04", "--organization", "Example City")
    cli("add-attendee", "Ada Aalto", "--as", "Council")
    cli("add-action", "Publish the budget", "--owner", "Ada Aalto", "--due", "2025-03-01")
    cli("add-action", "Draft the parking plan", "--owner-group", "the Planning Department", "--due", "by spring")
    cli("new", "City Council", "--date", "2025-03-04", "--organization", "Example City", "--start", "19:00")
    path = next(cli.folder.glob("2025-03-04-*.yaml"))
    for name in MEMBERS:
        cli("add-attendee", name, "--as", "Council")
    cli("set", "chair", "Aalto")
    cli("set", "secretary", "Berg")
    cli("set", "quorum.required", "8")
    cli("set", "previous_minutes", "approved")
    cli("set", "adjourned", "21:00")
    for title in ("Review of action items", "Consent calendar", "Reports", "Ordinances", "New business"):
        cli("add-section", title, *(["--consent"] if title == "Consent calendar" else []))
    cli("goto", "1")
    cli("review", "20250204-1", "--status", "COMPLETE", "--done")
    cli("review", "20250204-2", "--status", "sorry, will do")
    cli("goto", "2")
    for title in ("Approve the minutes of February 4", "Receive the warrant register", "Award the paving contract",
                  "Accept the library grant"):
        cli("add-resolution", title)
    cli("pull", "2.3")
    cli("add-vote", "2", "--unanimous", "--for", "15", "--result", "adopted")
    cli("add-vote", "2.3", "--aye", "Aalto,Berg,Chan", "--nay", "Dorn", "--abstain", "Eze",
        "--explain", "Dorn: The bid came too late to be read.", "--result", "adopted")
    cli("goto", "3")
    cli("add-report", "Fox", "--title", "Parks commission")
    cli("add-report", "Gray", "--title", "Library commission")
    cli("add-vote", "3", "--general-consent", "--result", "adopted")
    cli("goto", "4")
    cli("add-resolution", "Rezone Orchard Lane", "--motion", "--moved-by", "Hunt", "--seconded-by", "Ito")
    cli("add-vote", "4.1", "--on", "the amendment", "--for", "9", "--against", "6", "--result", "carried")
    cli("add-vote", "4.1", "--unanimous", "--for", "15", "--result", "adopted",
        "--disposition", "PASSED TO SECOND READING MARCH 18, 2025")
    cli("goto", "5")
    cli("add-resolution", "Amend the charter", "--threshold", "two-thirds", "--for", "6", "--against", "4",
        "--result", "failed")
    cli("add-resolution", "Study the Elm Street traffic", "--motion", "--voice", "--result", "referred",
        "--disposition", "REFERRED TO THE TRANSPORTATION COMMISSION")
    cli("add-decision", "The budget workshop moves to April 8.")
    return path


def _md(cli) -> str:
    cli("render", "2025-03-04-city-council.yaml", "--format", "md", "--out", "out")
    return next((cli.folder / "out").glob("2025-03-04-*.minutes.en.md")).read_text(encoding="utf-8")


def test_the_minutes_say_how_each_item_was_decided(cli, council):
    md = _md(cli)
    assert "Item 2.3 was pulled for separate consideration; the balance was adopted by unanimous vote (15-0-0)." in md
    assert md.count("**Result:** Adopted on the consent agenda") == 3
    assert "Ayes (3): Ada Aalto, Ben Berg, and Cy Chan. Nays (1): Dee Dorn. Abstaining (1): Eli Eze." in md
    assert "Dee Dorn explained the vote: The bid came too late to be read." in md
    amendment = md.index("**Vote on the amendment:** 9 for, 6 against, 0 abstaining — carried")
    assert amendment < md.index("**Vote:** unanimously (15-0-0)")
    assert "**Result:** Adopted — PASSED TO SECOND READING MARCH 18, 2025" in md
    assert "**Vote:** 6 for, 4 against, 0 abstaining; two-thirds required" in md and "**Result:** Failed" in md
    assert "**Result:** REFERRED TO THE TRANSPORTATION COMMISSION" in md  # the result word is not said twice
    assert "The reports of this section were approved by general consent." in md
    assert "The budget workshop moves to April 8." in md
    assert "**1.1. Action 20250204-1:** Publish the budget — COMPLETE" in md
    assert "**1.2. Action 20250204-2:** Draft the parking plan — sorry, will do" in md
    assert "No decision recorded" not in md
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) >= 8  # the table of resolutions and motions, with its header


def test_the_word_minutes_hold_the_same_decisions(cli, council):
    cli("render", "2025-03-04-city-council.yaml", "--format", "docx", "--out", "out")
    document = docx.Document(str(next((cli.folder / "out").glob("2025-03-04-*.minutes.en.docx"))))
    texts = [p.text for p in document.paragraphs]
    assert any("the balance was adopted by unanimous vote (15-0-0)" in t for t in texts)
    assert any(t.startswith("Ayes (3): Ada Aalto") for t in texts)
    assert any("Result: REFERRED TO THE TRANSPORTATION COMMISSION" in t for t in texts)
    assert not any("No decision recorded" in t for t in texts)


def _csv(cli, *args: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(cli(*args, "--format", "csv").stdout)))


def test_report_resolutions_shows_method_counts_threshold_result_and_disposition(cli, council):
    rows = [r for r in _csv(cli, "report", "resolutions", ".") if r["date"] == "2025-03-04"]
    by = {(r["item"], r["question"]): r for r in rows}
    assert (by["5.1", ""]["method"], by["5.1", ""]["vote"], by["5.1", ""]["threshold"], by["5.1", ""]["result"]) == \
        ("counted", "6–4–0", "two-thirds", "failed")
    assert by["2.3", ""]["method"] == "roll-call" and by["2.3", ""]["vote"] == "Y-3 N-1 A-1"
    assert by["4.1", "the amendment"]["result"] == "carried"
    assert by["4.1", ""]["disposition"] == "PASSED TO SECOND READING MARCH 18, 2025"
    assert by["5.2", ""]["disposition"] == "REFERRED TO THE TRANSPORTATION COMMISSION"
    assert [by[f"2.{n}", ""]["method"] for n in (1, 2, 4)] == ["consent agenda"] * 3
    assert by["3", ""]["method"] == "general-consent" and by["5.3", ""]["method"] == "no vote"


def test_report_votes_lists_each_member_of_the_roll_call(cli, council):
    rows = _csv(cli, "report", "votes", ".")
    assert [(r["member"], r["vote"]) for r in rows] == [("Ada Aalto", "aye"), ("Ben Berg", "aye"), ("Cy Chan", "aye"),
                                                         ("Dee Dorn", "nay"), ("Eli Eze", "abstain")]
    (dorn,) = _csv(cli, "report", "votes", ".", "--person", "Dorn")
    assert dorn["explanation"] == "The bid came too late to be read."


def test_actions_show_the_latest_review_and_the_closed_one(cli, council):
    listed = {a["id"]: a for a in json.loads(cli("actions", ".", "--json").stdout)}
    assert listed["20250204-1"]["status"] == "done" and listed["20250204-1"]["review"] == "COMPLETE"
    assert listed["20250204-2"]["status"] == "open" and listed["20250204-2"]["review"] == "sorry, will do"
    assert listed["20250204-2"]["owner"] == "the Planning Department" and listed["20250204-2"]["due"] == "by spring"


def test_popolo_validates_and_carries_the_roll_call(cli, council):
    cli("render", "2025-03-04-city-council.yaml", "--format", "popolo", "--out", "out")
    data = json.loads(next((cli.folder / "out").glob("2025-03-04-*.popolo")).read_text(encoding="utf-8"))
    reg = registry()
    for key, kind in KINDS.items():
        validator = jsonschema.Draft3Validator(reg.contents(URL.format(kind)), registry=reg)
        for obj in data[key]:
            assert not list(validator.iter_errors(obj)), (kind, obj)
    events = {e["id"]: e for e in data["vote_events"]}
    assert [v["option"] for v in events["vote_event/2.3"]["votes"]] == ["yes", "yes", "yes", "no", "abstain"]
    assert events["vote_event/5.1"]["result"] == "fail"
    assert {m["id"]: m.get("requirement") for m in data["motions"]}["motion/5.1"] == "two-thirds"


def test_check_flags_a_two_thirds_vote_of_6_4_recorded_as_adopted(cli, council):
    assert cli("check", "--strict", "2025-03-04-city-council.yaml").exit_code == 0
    cli("set", "5.1.result", "adopted")
    result = cli("check", "2025-03-04-city-council.yaml")
    assert "item 5.1: 6-4 does not reach two-thirds (7 of 10 needed), but the result says adopted" in result.stderr + result.stdout
    assert cli("check", "--strict", "2025-03-04-city-council.yaml", code=None).exit_code == 1

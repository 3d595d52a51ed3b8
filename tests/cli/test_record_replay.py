"""`minutes record FILE < lines`: the lines replayed without a terminal, as the commands and short forms they are."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

import minutes

SESSION = "2025-03-14-board-meeting.yaml"

MEETING = """\
# the board meeting of 14 March, typed in an editor
10:02 tom: opened the meeting / topic Welcome
report ana: Accounts for 2024 / summary said the reserves were sound / point Costs fell by 6%
- Members asked whether online voting needs a quorum
next
motion Adopt the revised bylaws / moved maria / seconded tom
vote 12-1-0 adopted
resolution Roof replacement / moved ana
vote unanimous
action tom: send the accounts by 2025-03-31
arrived chen 10:40
arrived tom 10:03
left maria 11:00
next
note: the projector failed
adjourn 11:30
"""

EXPECTED = [
    {"kind": "section", "label": "1", "title": "Reports", "items": [
        {"kind": "speech", "at": "10:02", "speaker": "tom-berg", "topic": "Welcome", "summary": "opened the meeting"},
        {"kind": "report", "presenter": "ana-weber", "title": "Accounts for 2024",
         "summary": "said the reserves were sound", "points": ["Costs fell by 6%"]},
        {"kind": "discussion", "text": "Members asked whether online voting needs a quorum"},
    ]},
    {"kind": "section", "label": "2", "title": "Motions", "items": [
        {"kind": "motion", "title": "Adopt the revised bylaws", "moved_by": "maria-lopez", "seconded_by": "tom-berg",
         "vote": {"for": 12, "against": 1, "abstain": 0}, "result": "adopted"},
        {"kind": "resolution", "title": "Roof replacement", "moved_by": "ana-weber", "vote": "unanimous",
         "result": "adopted"},
        {"kind": "action", "id": "20250314-1", "task": "send the accounts", "owner": "tom-berg",
         "due": dt.date(2025, 3, 31)},
    ]},
    {"kind": "section", "label": "3", "title": "Any other business", "items": [
        {"kind": "note", "text": "the projector failed"},
    ]},
]


pytestmark = pytest.mark.usefixtures("no_session_chosen_after")


@pytest.fixture
def meeting(cli) -> Path:
    """Return a session with three attendees, a roster member, three sections, section 1 current."""
    cli("new", "Board meeting", "--date", "2025-03-14", "--timezone", "Europe/Berlin")
    for name in ("Ana Weber", "Tom Berg", "Maria Lopez"):
        cli("add-attendee", name, "--status", "present")
    cli("add-person", "Chen Li")
    for label, title in (("1", "Reports"), ("2", "Motions"), ("3", "Any other business")):
        cli("add-section", title, "--label", label)
    cli("goto", "1")
    return cli.folder / SESSION


def data(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def items(path: Path) -> list[dict]:
    """Return the entries of the session, those of its sections in order."""
    found = []
    for entry in data(path).get("proceedings") or []:
        found.extend(entry.get("items", []) if entry.get("kind") == "section" else [entry])
    return found


def record(cli, lines: str, *options: str, code: int = 0):
    return cli("record", SESSION, *options, input=lines, code=code)


def error(result) -> str:
    """Return the one error line of a failed replay."""
    lines = [line for line in result.stderr.splitlines() if line.startswith("minutes: error: ")]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0].removeprefix("minutes: error: ")


# --- a meeting from lines ------------------------------------------------------------------------


def test_a_board_meeting_replayed_from_lines(cli, meeting):
    result = record(cli, MEETING)
    assert result.stderr.strip().endswith(f"recorded 16 lines ({SESSION})")
    d = data(meeting)
    assert d["proceedings"] == EXPECTED
    assert d["start"] == "10:02"  # the first entry with a time; the clock is off
    assert d["adjourned"] == "11:30"
    attendees = {a["person"]: a for a in d["attendees"]}
    assert attendees["chen-li"] == {"person": "chen-li", "status": "present", "arrived": "10:40"}
    assert attendees["tom-berg"]["arrived"] == "10:03"
    assert attendees["maria-lopez"]["left"] == "11:00"
    assert cli("check", SESSION).exit_code == 0


def test_a_real_process_reads_the_lines_from_a_pipe(cli, meeting):
    env = {**os.environ, "PYTHONPATH": str(Path(minutes.__file__).parent.parent)}
    env.pop("MINUTES_FILE", None)
    done = subprocess.run([sys.executable, "-m", "minutes", "record", SESSION], input=MEETING.encode(),
                          capture_output=True, cwd=cli.folder, env=env, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    assert data(meeting)["proceedings"] == EXPECTED


def test_commands_typed_as_lines_run_as_they_would_after_minutes(cli, meeting):
    record(cli, 'add-speech "Ana Weber" --summary "said it in full" --at 10:10\n'
                "minutes set chair 'Ana Weber'\ngoto 3\nadd-item note 'in three'\n")
    d = data(meeting)
    assert d["chair"] == "ana-weber"
    assert d["proceedings"][0]["items"] == [{"kind": "speech", "at": "10:10", "speaker": "ana-weber",
                                             "summary": "said it in full"}]
    assert d["proceedings"][2]["items"] == [{"kind": "note", "text": "in three"}]


def test_the_same_lines_with_the_fast_paths_off_give_the_same_session(cli, meeting, monkeypatch):
    original = meeting.read_bytes()
    record(cli, MEETING)
    fast = data(meeting)
    meeting.write_bytes(original)
    cli("goto", "1")
    monkeypatch.setenv("MINUTES_FAST", "0")
    record(cli, MEETING)
    assert data(meeting) == fast


# --- long texts ------------------------------------------------------------------------------------


def test_indented_lines_under_a_name_are_a_summary_of_paragraphs(cli, meeting):
    record(cli, "tom:\n    First paragraph\n    goes on.\n\n    Second paragraph.\n\n- and then\n")
    speech, discussion = items(meeting)
    assert speech["summary"] == "First paragraph\ngoes on.\n\nSecond paragraph."
    assert discussion == {"kind": "discussion", "text": "and then"}


def test_indented_lines_under_a_dash_and_a_kind_are_their_text(cli, meeting):
    record(cli, "-\n\tMembers asked\n\tabout the quorum.\nnote:\n  one\n    two indented\n")
    assert [i["text"] for i in items(meeting)] == ["Members asked\nabout the quorum.", "one\n  two indented"]


def test_a_dash_without_indented_lines_is_an_error(cli, meeting):
    before = meeting.read_bytes()
    result = record(cli, "ana: first\n-\nana: after\n", code=1)
    assert error(result).startswith("<stdin>:2: ") and "there are none" in error(result)
    assert [i["summary"] for i in items(meeting)] == ["first"]
    assert meeting.read_bytes() != before


@pytest.mark.parametrize("line", ["next", "note: given on the line", "tom: said it", "adjourn 11:00"])
def test_indented_lines_under_a_line_that_takes_no_text_are_an_error(cli, meeting, line):
    result = record(cli, f"{line}\n    a stray indented line\n", code=1)
    assert error(result).startswith("<stdin>:1: indented lines below a line that takes no long text")


# --- the first error stops the replay --------------------------------------------------------------


@pytest.mark.parametrize(("bad", "says"), [
    ("blah blah", "'blah' is not a command"),
    ("nobody at all: spoke", "unknown speaker"),
    ("vote", "vote: say how it went"),
    ("vote 3-0", "vote on what?"),
    ("add-speech 'unclosed", "No closing quotation"),
    ("goto 9", "9"),
])
def test_the_first_error_stops_with_its_line_number(cli, meeting, bad, says):
    lines = f"ana: one\ntom:\n    a long\n    text\n\n{bad}\nana: never\n"
    result = record(cli, lines, code=1)
    message = error(result)
    assert message.startswith("<stdin>:6: ") and says in message, message
    assert [i["summary"] for i in items(meeting)] == ["one", "a long\ntext"]


def test_a_line_for_typer_stops_with_typers_message(cli, meeting):
    result = record(cli, "ana: one\nadd-speech tom --sumary x\nana: never\n", code=1)
    assert "No such option: --sumary" in result.stderr
    assert error(result) == "<stdin>:2: the line was refused (see above)"
    assert [i["summary"] for i in items(meeting)] == ["one"]


@pytest.mark.parametrize(("line", "says"), [
    ("record", "'record' does not run inside 'minutes record'"),
    (f"record {SESSION}", "'record' does not run inside 'minutes record'"),
    ("new Another --date 2025-03-15", "'new' does not run inside 'minutes record'"),
    (f"use {SESSION}", "'use' does not run inside 'minutes record'"),
    ("minutes use x.yaml", "'use' does not run inside 'minutes record'"),
])
def test_record_new_and_use_are_refused_inside(cli, meeting, line, says):
    before = meeting.read_bytes()
    result = record(cli, f"{line}\n", code=1)
    assert error(result).startswith(f"<stdin>:1: {says}")
    assert meeting.read_bytes() == before
    assert sorted(p.name for p in cli.folder.glob("*.yaml")) == [SESSION]


def test_quit_ends_the_replay_and_help_goes_on(cli, meeting):
    result = record(cli, "help\nana: one\nquit\nana: never\n")
    assert "a speech by that person" in result.stderr
    assert [i["summary"] for i in items(meeting)] == ["one"]


# --- the clock ---------------------------------------------------------------------------------------


def test_the_clock_is_off_when_replaying(cli, meeting):
    record(cli, "ana: one\n- two\naction tom: three\n")
    assert all("at" not in i for i in items(meeting))
    assert "start" not in data(meeting)


def test_with_the_clock_off_adjourn_needs_a_time(cli, meeting):
    before = meeting.read_bytes()
    result = record(cli, "adjourn\n", code=1)
    assert "adjourn: give the time" in error(result)
    assert meeting.read_bytes() == before


def test_the_clock_on_gives_each_entry_the_time_now_and_starts_the_meeting(cli, meeting):
    berlin = ZoneInfo("Europe/Berlin")
    first = dt.datetime.now(berlin)
    record(cli, "ana: one\n- two\n10:05 tom: three\n10:06 add-speech tom --summary four\nadjourn\n", "--clock")
    last = dt.datetime.now(berlin)
    now = {first.strftime("%H:%M"), last.strftime("%H:%M")} if first.date() == last.date() else None
    one, two, three, four = items(meeting)
    assert re.fullmatch(r"\d\d:\d\d", one["at"]) and (now is None or one["at"] in now)
    assert two["at"] in (now or {two["at"]}) and three["at"] == "10:05" and four["at"] == "10:06"
    d = data(meeting)
    assert d["start"] == one["at"]
    assert d["adjourned"] in (now or {d["adjourned"]})


def test_clock_off_in_a_replay_with_the_clock_on(cli, meeting):
    record(cli, "ana: one\nclock off\nana: two\nclock on\nana: three\n", "--clock")
    assert ["at" in i for i in items(meeting)] == [True, False, True]


def test_clock_and_no_clock_together_are_a_usage_error(cli, meeting):
    before = meeting.read_bytes()
    result = record(cli, "ana: one\n", "--clock", "--no-clock", code=2)
    assert error(result) == "--clock and --no-clock: give one of them"
    assert meeting.read_bytes() == before


# --- undo ------------------------------------------------------------------------------------------------


def test_undo_in_a_replay_takes_back_the_last_line(cli, meeting):
    before = meeting.read_text(encoding="utf-8")
    result = record(cli, "ana: one\ntom: two\nundo\nundo\n")
    assert "undone: added speech as 1.2" in result.stderr and "undone: added speech as 1.1" in result.stderr
    assert meeting.read_text(encoding="utf-8") == before


def test_undo_of_a_section_goes_back_to_the_section_before(cli, meeting):
    record(cli, "section Late business / label 4\n- in the new section\nundo\nundo\n- back in one\n")
    d = data(meeting)
    assert [s["label"] for s in d["proceedings"]] == ["1", "2", "3"]
    assert d["proceedings"][0]["items"] == [{"kind": "discussion", "text": "back in one"}]


def test_undo_of_the_first_entry_by_the_clock_takes_back_the_start_too(cli, meeting):
    before = meeting.read_text(encoding="utf-8")
    record(cli, "ana: one\nundo\n", "--clock")
    assert meeting.read_text(encoding="utf-8") == before


def test_undo_with_nothing_written_is_an_error(cli, meeting):
    result = record(cli, "ana: one\nundo\nundo\n", code=1)
    assert error(result).startswith("<stdin>:3: nothing to undo")

"""The short forms of `minutes record` (minutes.cli.shorthand.read): each typed line and the command lines it stands for."""

from __future__ import annotations

import re
import shlex

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes.cli import commands, shorthand
from minutes.cli.shorthand import Line, read
from minutes.errors import UsageError


class Meeting:
    """A fake session for the short forms: the time is 10:00, tom attends, maria is in the roster only."""

    def __init__(self, attendees: tuple[str, ...] = ("tom", "Tom Berg"), target: str = "2.1", clock: bool = True):
        self.attendees = set(attendees)
        self.target = target
        self.clock = clock

    def now(self) -> str:
        return "10:00"

    def attending(self, name: str) -> bool:
        return name in self.attendees

    def vote_target(self) -> str:
        if not self.target:
            raise UsageError("vote on what?")
        return self.target


def calls(line: str, ctx: Meeting | None = None) -> list[list[str]]:
    """Return the command lines ``line`` stands for."""
    return read(line, ctx or Meeting()).calls


def refused(line: str, ctx: Meeting | None = None) -> str:
    """Return the one-line usage error ``line`` gives."""
    with pytest.raises(UsageError) as caught:
        read(line, ctx or Meeting())
    message = str(caught.value)
    assert "\n" not in message and message
    return message


# --- speeches and texts ----------------------------------------------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    ("li jiz: outlined the history", [["add-speech", "li jiz", "--summary", "outlined the history"]]),
    ("li jiz: outlined the history / topic History", [
        ["add-speech", "li jiz", "--summary", "outlined the history", "--topic", "History"]]),
    ("tom: said hello / point one / point two", [
        ["add-speech", "tom", "--summary", "said hello", "--point", "one", "--point", "two"]]),
    ("luan: greeted the congress / on behalf of Alexander Mostov / topic Greetings", [
        ["add-speech", "luan", "--summary", "greeted the congress", "--on-behalf-of", "Alexander Mostov",
         "--topic", "Greetings"]]),
    ("tom: / topic Greetings", [["add-speech", "tom", "--topic", "Greetings"]]),
    ("tom:", [["add-speech", "tom", "--summary", "-"]]),  # the long text: the editor, or the indented lines
    ("tom: yes / no, and and/or stay text", [["add-speech", "tom", "--summary", "yes / no, and and/or stay text"]]),
    ("Tom Berg: asked about the roof", [["add-speech", "Tom Berg", "--summary", "asked about the roof"]]),
])
def test_a_name_and_a_colon_is_a_speech(line, expected):
    assert calls(line) == expected


def test_report_name_colon_title_is_a_report_with_that_title():
    assert calls("report tom: Accounts for 2024") == [["add-report", "tom", "--title", "Accounts for 2024"]]
    assert calls("report ben okafor: Accounts / summary said the reserves were fine / point Costs fell") == [
        ["add-report", "ben okafor", "--title", "Accounts", "--summary", "said the reserves were fine",
         "--point", "Costs fell"]]


@pytest.mark.parametrize("line", ["report resolutions", "report attendance .", "report votes --person tom",
                                  "report --help", "report"])
def test_report_of_a_register_stays_the_command(line):
    assert calls(line) == [shlex.split(line)]


@pytest.mark.parametrize(("line", "kind", "text"), [
    ("- Members asked whether online voting needs a quorum", "discussion",
     "Members asked whether online voting needs a quorum"),
    ("-", "discussion", "-"),
    ("note: the projector failed", "note", "the projector failed"),
    ("note:", "note", "-"),
    ("decision: The board adopted the plan.", "decision", "The board adopted the plan."),
    ("decided: to meet again", "decision", "to meet again"),
    ("ceremony: a minute of silence", "ceremony", "a minute of silence"),
    ("procedure: the chair opened the meeting", "procedure", "the chair opened the meeting"),
])
def test_a_dash_or_a_kind_with_a_colon_is_a_text_item(line, kind, text):
    assert calls(line) == [["add-item", kind, text]]


# --- motions and votes -------------------------------------------------------------------------


def test_motion_and_resolution_with_mover_and_seconder():
    assert calls("motion Adopt the revised bylaws / moved maria / seconded tom") == [
        ["add-resolution", "Adopt the revised bylaws", "--motion", "--moved-by", "maria", "--seconded-by", "tom"]]
    assert calls("resolution Roof replacement / moved by ben / seconded by emil / text The Board approves it.") == [
        ["add-resolution", "Roof replacement", "--moved-by", "ben", "--seconded-by", "emil",
         "--text", "The Board approves it."]]


@pytest.mark.parametrize(("line", "expected"), [
    ("vote 12-1-0 adopted", ["--for", "12", "--against", "1", "--abstain", "0", "--result", "adopted"]),
    ("vote 12-1", ["--for", "12", "--against", "1"]),
    ("vote unanimous", ["--unanimous", "--result", "adopted"]),
    ("vote unanimously", ["--unanimous", "--result", "adopted"]),
    ("vote consent", ["--general-consent", "--result", "adopted"]),
    ("vote general consent", ["--general-consent", "--result", "adopted"]),
    ("vote acclamation", ["--acclamation", "--result", "adopted"]),
    ("vote unanimous failed", ["--unanimous", "--result", "failed"]),
    ("vote voice passed", ["--voice", "--result", "carried"]),
    ("vote 3-4 lost", ["--for", "3", "--against", "4", "--result", "failed"]),
    ("vote aye A, B / nay C / abstain D adopted", ["--aye", "A, B", "--nay", "C", "--abstain", "D",
                                                   "--result", "adopted"]),
    ("vote ballot 7-2-1 carried", ["--ballot", "--for", "7", "--against", "2", "--abstain", "1",
                                   "--result", "carried"]),
    ("vote 7-2-1 ballot", ["--for", "7", "--against", "2", "--abstain", "1", "--ballot"]),
])
def test_a_vote_on_the_motion_recorded_last(line, expected):
    assert calls(line) == [["add-vote", "2.1", *expected]]


def test_a_vote_with_an_address_is_on_that_item():
    assert calls("vote 3 voice carried") == [["add-vote", "3", "--voice", "--result", "carried"]]
    assert calls("vote 2.3 5-0") == [["add-vote", "2.3", "--for", "5", "--against", "0"]]
    assert calls("vote 4A unanimous") == [["add-vote", "4A", "--unanimous", "--result", "adopted"]]


def test_a_bare_vote_with_nothing_to_vote_on_is_the_contexts_error():
    assert "vote on what" in refused("vote 3-0", Meeting(target=""))


@pytest.mark.parametrize(("line", "says"), [
    ("vote", "vote: say how it went"),
    ("vote adopted", "vote: say how it went"),
    ("vote maybe", "vote: cannot read 'maybe'"),
    ("vote 12 to 1", "vote: cannot read"),
    ("vote aye", "vote: aye: give the names"),
    ("vote aye A / nay", "vote: nay: give the names"),
])
def test_a_vote_with_nothing_readable_is_a_usage_error(line, says):
    assert says in refused(line)


# --- actions, sections, the agenda, presence -----------------------------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    ("action tom: send the accounts by 2025-03-31", ["add-action", "send the accounts", "--owner", "tom",
                                                      "--due", "2025-03-31"]),
    ("action tom: send the accounts", ["add-action", "send the accounts", "--owner", "tom"]),
    ("action: book the room / due by Monday", ["add-action", "book the room", "--due", "by Monday"]),
    ("action book the room / due Friday", ["add-action", "book the room", "--due", "Friday"]),
    ("action ben: pay by 2025-03-31 / due 2025-04-01", ["add-action", "pay by 2025-03-31", "--owner", "ben",
                                                          "--due", "2025-04-01"]),
    ("action ana: ask by mail", ["add-action", "ask by mail", "--owner", "ana"]),  # "by" without a date is the task
])
def test_action_with_owner_and_due(line, expected):
    assert calls(line) == [expected]


def test_section_adds_a_section_and_makes_it_current():
    assert calls("section Any other business") == [["add-section", "Any other business", "--goto"]]
    assert calls("section Title / label 9 / consent") == [["add-section", "Title", "--goto", "--label", "9",
                                                           "--consent"]]


def test_next_is_goto_next_and_takes_nothing():
    assert calls("next") == [["goto", "next"]]
    assert "goto 2A" in refused("next 2A")


@pytest.mark.parametrize(("line", "expected"), [
    ("arrived tom", [["set", "attendee.tom.arrived", "10:00"]]),
    ("arrived tom 10:20", [["set", "attendee.tom.arrived", "10:20"]]),
    ("arrived Tom Berg 10:20", [["set", "attendee.Tom Berg.arrived", "10:20"]]),
    ("arrived maria", [["add-attendee", "maria", "--arrived", "10:00"]]),
    ("arrived maria 9:05", [["add-attendee", "maria", "--arrived", "9:05"]]),
    ("left tom", [["set", "attendee.tom.left", "10:00"]]),
    ("left tom 11:45", [["set", "attendee.tom.left", "11:45"]]),
    ("adjourn", [["set", "adjourned", "10:00"]]),
    ("adjourn 18:30", [["set", "adjourned", "18:30"]]),
    ("start", [["set", "start", "10:00"]]),
    ("start 9:00", [["set", "start", "9:00"]]),
])
def test_presence_and_the_meetings_times_by_the_clock_or_as_given(line, expected):
    assert calls(line) == expected


@pytest.mark.parametrize(("line", "says"), [
    ("left maria", "'maria' is not an attendee"),
    ("arrived", "arrived: give the name"),
    ("adjourn noon", "give a time, HH:MM"),
    ("start 25:00", "give a time, HH:MM"),
])
def test_presence_and_times_refused(line, says):
    assert says in refused(line)


@pytest.mark.parametrize("line", ["arrived tom", "arrived maria", "left tom", "adjourn", "start"])
def test_with_the_clock_off_a_time_must_be_given(line):
    """A replay of lines typed earlier: the time of the replay is no time of the meeting."""
    assert f"{line}: give the time, e.g. {line} 10:05 (the clock is off" in refused(line, Meeting(clock=False))


@pytest.mark.parametrize(("line", "expected"), [
    ("arrived tom 10:20", [["set", "attendee.tom.arrived", "10:20"]]),
    ("10:20 arrived maria", [["add-attendee", "maria", "--arrived", "10:20"]]),
    ("adjourn 18:30", [["set", "adjourned", "18:30"]]),
    ("18:30 adjourn", [["set", "adjourned", "18:30"]]),
])
def test_with_the_clock_off_a_given_time_is_taken(line, expected):
    assert calls(line, Meeting(clock=False)) == expected


# --- a line's own time ----------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    ("10:05 li jiz: outlined the history", [["add-speech", "li jiz", "--summary", "outlined the history"]]),
    ("10:05 - a discussion", [["add-item", "discussion", "a discussion"]]),
    ("10:05 vote 3-0", [["add-vote", "2.1", "--for", "3", "--against", "0"]]),
    ("10:05 add-speech tom --summary x", [["add-speech", "tom", "--summary", "x"]]),
])
def test_a_time_before_the_line_is_the_lines_at(line, expected):
    assert read(line, Meeting()) == Line(expected, "10:05")


def test_a_lines_time_is_the_time_of_arrival_and_adjournment():
    assert calls("10:05 arrived maria") == [["add-attendee", "maria", "--arrived", "10:05"]]
    assert calls("10:05 adjourn") == [["set", "adjourned", "10:05"]]
    assert calls("10:05 arrived maria 10:07") == [["add-attendee", "maria", "--arrived", "10:07"]]


def test_a_time_inside_a_command_is_its_argument_and_no_lines_time():
    assert read("set start 9:00", Meeting()) == Line([["set", "start", "9:00"]], None)


# --- commands as typed, the prompt's own words ------------------------------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    ('add-speech "Li Jizheng" --summary "outlined the history"',
     ["add-speech", "Li Jizheng", "--summary", "outlined the history"]),
    ("minutes add-speech 'Li Jizheng' --summary 'x y'", ["add-speech", "Li Jizheng", "--summary", "x y"]),
    ("goto 2A", ["goto", "2A"]),
    ("set adjourned 18:30", ["set", "adjourned", "18:30"]),
    ("show", ["show"]),
    ("agenda --json", ["agenda", "--json"]),
    ("add-item note 'it''s fine'", ["add-item", "note", "its fine"]),
])
def test_a_command_line_is_split_as_a_shell_would(line, expected):
    assert calls(line) == [expected]


def test_every_command_is_read_as_itself():
    for name in commands.COMMANDS:
        if name != "report":
            assert calls(f"{name} --help") == [[name, "--help"]], name


@pytest.mark.parametrize(("line", "special", "rest"), [
    ("undo", "undo", ""), ("UNDO", "undo", ""), ("quit", "quit", ""), ("exit", "quit", ""), ("help", "help", ""),
    ("?", "help", ""), ("help add-speech", "help", "add-speech"), ("clock off", "clock", "off"),
    ("clock on", "clock", "on"), ("clock", "clock", ""),
])
def test_the_prompts_own_words(line, special, rest):
    assert read(line, Meeting()) == Line([], None, special, rest)


@pytest.mark.parametrize("line", ["", "   ", "\t", "# a comment", "   # indented comment", "#tom: no speech"])
def test_comments_and_blank_lines_stand_for_nothing(line):
    assert read(line, Meeting()) == Line([])


# --- errors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "close"), [
    ("vot 12-1-0", "vote"), ("ad-speech tom", "add-speech"), ("arived tom", "arrived"), ("motoin X", "motion"),
    ("undoo", "undo"),
])
def test_an_unknown_first_word_suggests_a_close_command(line, close):
    message = refused(line)
    assert "is not a command or a short form" in message
    assert message.endswith(f"did you mean {close}?") or f"did you mean {close} or" in message


def test_an_unknown_first_word_far_from_every_command_gets_no_suggestion():
    message = refused("blah something")
    assert message.startswith("'blah' is not a command") and "did you mean" not in message


def test_an_unknown_word_of_5_mb_is_shown_cut():
    assert len(refused("x" * 5_000_000)) < 200


@pytest.mark.parametrize("line", ["add-speech 'Li Jizheng --summary x", 'goto "2A', "minutes set title 'x"])
def test_an_unclosed_quote_in_a_command_line(line):
    assert refused(line).startswith("cannot read the line: No closing quotation")


@pytest.mark.parametrize(("line", "says"), [
    ("motion", "motion: give its title"),
    ("motion / moved tom", "motion: give its title"),
    ("resolution", "resolution: give its title"),
    ("report tom", "report: say who and the title"),
    ("report tom:", "report: say who and the title"),
    ("report: Accounts", "report: say who and the title"),
    ("action", "action: give the task"),
    ("action tom:", "action: give the task"),
    ("section", "section: give its title"),
    ("section / label 9", "section: give its title"),
])
def test_a_short_form_without_what_it_needs(line, says):
    assert says in refused(line)


# --- properties ------------------------------------------------------------------------------------

# Text a secretary may type after "NAME: ": anything on one line, no ' / KEY' part, not the long-text '-'.
SUMMARY = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r/"), min_size=1).map(
    str.strip).filter(lambda s: s and s != "-")
NAME = st.sampled_from(["tom", "li jiz", "Ana Weber", "李继正", "o'brien"])


@settings(max_examples=300, deadline=None)
@given(NAME, SUMMARY)
def test_any_text_after_a_name_arrives_unchanged_as_the_summary(name, text):
    assert calls(f"{name}: {text}") == [["add-speech", name, "--summary", text]]


@settings(max_examples=200, deadline=None)
@given(SUMMARY, SUMMARY)
def test_a_slash_before_a_word_that_is_no_key_stays_in_the_summary(before, after):
    first = re.match(r"\w*", after).group().casefold()
    if first in {k.split()[0] for k in shorthand.SPEECH_KEYS}:  # "/ topic x", "/ as-is": a part, not text
        after = "and " + after
    text = f"{before} / {after}"
    assert calls(f"tom: {text}") == [["add-speech", "tom", "--summary", text]]


@settings(max_examples=200, deadline=None)
@given(SUMMARY)
def test_any_title_after_report_name_arrives_unchanged(title):
    assert calls(f"report tom: {title}") == [["add-report", "tom", "--title", title]]


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 999), st.integers(0, 999), st.integers(0, 999))
def test_any_counts_are_the_votes_for_against_abstaining(yes, no, abstain):
    assert calls(f"vote {yes}-{no}-{abstain}") == [["add-vote", "2.1", "--for", str(yes), "--against", str(no),
                                                    "--abstain", str(abstain)]]

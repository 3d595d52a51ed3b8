"""Recording how a body decided: vote options, add-vote, add-decision, consent agendas and pull, reviews of actions."""

import json

import pytest
import yaml

from minutes.model.votes import Vote
from minutes.store import loader


def data(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def last(path):
    return data(path)["proceedings"][-1]


def one_line_error(result, *words):
    """Assert the command failed with one line on stderr holding every one of ``words``."""
    assert result.stderr.count("\n") == 1, result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)


# --- the vote options ------------------------------------------------------------------------


@pytest.mark.parametrize("args, vote", [
    (["--for", "6", "--against", "4", "--threshold", "two-thirds"],
     {"for": 6, "against": 4, "abstain": 0, "threshold": "two-thirds"}),
    (["--for", "7", "--against", "1", "--abstain", "2", "--absent", "3"],
     {"for": 7, "against": 1, "abstain": 2, "absent": 3}),
    (["--unanimous"], "unanimous"),
    (["--unanimous", "--for", "15"], {"method": "unanimous", "for": 15}),
    (["--general-consent"], "general-consent"),
    (["--consensus"], "consensus"),
    (["--voice"], "voice"),
    (["--acclamation"], "acclamation"),
    (["--voice", "--threshold", "two-thirds"], {"method": "voice", "threshold": "two-thirds"}),
    (["--ballot", "--for", "12", "--against", "3"], {"method": "ballot", "for": 12, "against": 3, "abstain": 0}),
    (["--for", "3", "--against", "2", "--threshold", "3/5"], {"for": 3, "against": 2, "abstain": 0, "threshold": "3/5"}),
])
def test_each_method_writes_the_short_vote_the_model_reads(cli, board, args, vote):
    cli("add-resolution", "Budget", *args, "--result", "adopted")
    item = last(board)
    assert item["vote"] == vote
    read = loader.load(board).proceedings[-1].vote
    expected = vote if isinstance(vote, str) else Vote.model_validate(vote)
    assert read == expected


def test_a_roll_call_resolves_surnames_handles_and_ids_and_keeps_explanations(cli, board):
    cli("add-person", "James Snell", "--handle", "@jasnell")
    cli("add-resolution", "Council Bill 117052", "--aye", "Weber, Okafor", "--aye", "@jasnell", "--nay", "Kowalski",
        "--abstain", "emil-novak", "--not-voting", "Haddad", "--explain", "Kowalski: The cost is too high.",
        "--result", "adopted", "--disposition", "Ordinance No. 184349")
    item = last(board)
    assert item["vote"] == {
        "ayes": ["ana-weber", "ben-okafor", "james-snell"], "nays": ["dana-kowalski"], "abstentions": ["emil-novak"],
        "not_voting": ["farah-haddad"],
        "explanations": [{"person": "dana-kowalski", "text": "The cost is too high."}],
    }
    assert item["result"] == "adopted" and item["disposition"] == "Ordinance No. 184349"
    read = loader.load(board).proceedings[-1]
    assert read.vote.kind() == "roll-call" and read.vote.tally() == (3, 1, 1)


def test_an_unknown_name_in_a_roll_call_is_a_usage_error_that_suggests(cli, board):
    before = board.read_bytes()
    result = cli("add-resolution", "X", "--aye", "Weber,Kowalsky", code=2)
    one_line_error(result, "--aye", "unknown member 'Kowalsky'", "did you mean 'Dana Kowalski'")
    one_line_error(cli("add-resolution", "X", "--explain", "Nobody: no", "--aye", "Weber", code=2), "--explain",
                   "unknown member 'Nobody'")
    assert board.read_bytes() == before


@pytest.mark.parametrize("args, words", [
    (["--unanimous", "--voice"], ["--unanimous and --voice", "one method"]),
    (["--aye", "Weber", "--for", "2"], ["--aye and --for", "one or the other"]),
    (["--nay", "Weber", "--abstain", "1"], ["--nay and --abstain"]),
    (["--unanimous", "--against", "2"], ["--unanimous and --against 2"]),
    (["--acclamation", "--for", "2"], ["--acclamation", "not both"]),
    (["--general-consent", "--absent", "1"], ["--general-consent", "--absent"]),
    (["--voice", "--aye", "Weber"], ["--voice and --aye"]),
    (["--ballot"], ["--ballot", "counts"]),
    (["--threshold", "two-thirds"], ["--threshold", "say how the vote went"]),
    (["--for", "2", "--threshold", "most"], ["--threshold", "'most' is not a threshold"]),
    (["--for", "2", "--threshold", "4/3"], ["--threshold", "'4/3'"]),
    (["--aye", "Weber", "--nay", "Ana Weber"], ["--nay", "named twice"]),
    (["--abstain", "2,Weber"], ["--abstain", "a number or the names"]),
    (["--aye", "Weber", "--explain", "Weber said no"], ["--explain", "give the member"]),
    (["--not-voting", "Haddad", "--absent", "1", "--aye", "Weber"], ["--absent and --not-voting"]),
])
def test_conflicting_vote_options_are_one_line_usage_errors_naming_them(cli, board, args, words):
    before = board.read_bytes()
    one_line_error(cli("add-resolution", "X", *args, code=2), *words)
    assert board.read_bytes() == before


def test_the_grown_result_list_and_a_disposition_on_add_resolution(cli, board):
    for result in ("carried", "failed", "referred", "postponed", "no-action"):
        cli("add-resolution", "X", "--result", result)
        assert last(board)["result"] == result
    cli("add-resolution", "Y", "--result", "referred", "--disposition", "REFERRED TO COMMISSIONER OF FINANCE")
    assert last(board) == {"kind": "resolution", "title": "Y", "result": "referred",
                           "disposition": "REFERRED TO COMMISSIONER OF FINANCE"}
    assert loader.load(board).proceedings[-1].disposition == "REFERRED TO COMMISSIONER OF FINANCE"


# --- add-vote ----------------------------------------------------------------------------------


def test_add_vote_twice_keeps_the_amendment_then_the_main_question_in_order(cli, board):
    cli("add-resolution", "Amend the bylaws", "--moved-by", "Ana")
    address = "12"
    first = cli("add-vote", address, "--on", "the amendment", "--for", "5", "--against", "4", "--result", "carried")
    assert "first vote on 12 (the amendment)" in first.stderr
    second = cli("add-vote", address, "--for", "6", "--against", "4", "--threshold", "two-thirds", "--result", "failed",
                 "--disposition", "FAILED")
    assert "second vote on 12" in second.stderr
    cli("add-vote", address, "--on", "reconsideration", "--voice", "--result", "rejected")
    item = last(board)
    assert item["vote"] == {"on": "the amendment", "for": 5, "against": 4, "abstain": 0, "result": "carried"}
    assert item["votes"] == [{"for": 6, "against": 4, "abstain": 0, "threshold": "two-thirds"},
                             {"method": "voice", "on": "reconsideration", "result": "rejected"}]
    assert item["result"] == "failed" and item["disposition"] == "FAILED"  # --result without --on is the item's
    read = loader.load(board).proceedings[-1]
    assert [v if isinstance(v, str) else v.on for v in [read.vote, *read.votes]] == ["the amendment", None, "reconsideration"]


def test_add_vote_with_on_and_item_result_sets_both(cli, board):
    cli("add-resolution", "X")
    cli("add-vote", "12", "--on", "the amendment", "--unanimous", "--result", "carried", "--item-result", "adopted")
    assert last(board)["vote"] == {"method": "unanimous", "on": "the amendment", "result": "carried"}
    assert last(board)["result"] == "adopted"
    one_line_error(cli("add-vote", "12", "--voice", "--result", "adopted", "--item-result", "adopted", code=2),
                   "--result and --item-result")


def test_add_vote_on_a_section_sets_its_one_vote_and_refuses_a_second_unless_replaced(cli, board):
    cli("add-section", "Reports of the committees")
    cli("add-report", "Ben", "--title", "Finance", "--in", "12")
    cli("add-vote", "12", "--general-consent", "--result", "adopted")
    section = last(board)
    assert section["vote"] == "general-consent" and section["result"] == "adopted"
    before = board.read_bytes()
    one_line_error(cli("add-vote", "12", "--voice", code=2), "section 12 already has its vote", "--replace")
    assert board.read_bytes() == before
    cli("add-vote", "12", "--unanimous", "--for", "5", "--replace")
    assert last(board)["vote"] == {"method": "unanimous", "for": 5}
    assert loader.load(board).proceedings[-1].vote.for_ == 5


@pytest.mark.parametrize("address, kind", [("3", "report"), ("8", "discussion"), ("9", "action")])
def test_add_vote_on_an_item_that_takes_no_vote_says_what_to_do(cli, board, address, kind):
    before = board.read_bytes()
    one_line_error(cli("add-vote", address, "--voice", code=2), f"{address} is a {kind}", "add-resolution")
    assert board.read_bytes() == before


def test_add_vote_on_a_speech_or_a_decision_is_refused(cli, congress):
    cli("add-decision", "For new projects, the recommendation is no date.")
    speech = next(i + 1 for i, e in enumerate(data(congress)["proceedings"]) if e.get("kind") == "speech")
    one_line_error(cli("add-vote", str(speech), "--voice", code=2), "is a speech")
    decision = len(data(congress)["proceedings"])
    one_line_error(cli("add-vote", str(decision), "--voice", code=2), "is a decision, taken without a vote")


def test_add_vote_without_a_vote_or_on_a_missing_address_is_refused(cli, board):
    one_line_error(cli("add-vote", "5", code=2), "say how the vote went")
    one_line_error(cli("add-vote", "99", "--voice", code=2), "there is no item 99")
    one_line_error(cli("add-vote", "5", "--replace", "--voice", code=2), "--replace")


# --- decisions, consent agendas ----------------------------------------------------------------


def test_add_decision_and_add_item_decision_record_a_decision(cli, board):
    cli("add-decision", "For new projects, the recommendation is no date.", "--at", "10:05")
    assert last(board) == {"kind": "decision", "at": "10:05", "text": "For new projects, the recommendation is no date."}
    cli("add-item", "decision", "This should be closed.")
    assert last(board) == {"kind": "decision", "text": "This should be closed."}
    assert loader.load(board).proceedings[-1].kind == "decision"


def consent_agenda(cli):
    cli("add-section", "Consent agenda", "--label", "6C", "--consent")
    for title in ("Minutes of March", "Contract with the roofer", "Audit report", "Garden budget"):
        cli("add-resolution", title, "--in", "6C")


def test_a_consent_agenda_with_one_item_pulled(cli, board):
    consent_agenda(cli)
    section = last(board)
    assert section["consent"] is True and section["label"] == "6C"
    result = cli("pull", "6C.2")
    assert "pulled 6C.2 (Contract with the roofer) from the consent agenda 6C" in result.stderr
    assert "minutes add-vote 6C.2" in result.stderr
    cli("add-vote", "6C.2", "--for", "4", "--against", "1", "--result", "adopted")
    cli("add-vote", "6C", "--unanimous", "--result", "adopted")
    section = last(board)
    assert [i.get("pulled", False) for i in section["items"]] == [False, True, False, False]
    assert section["items"][1]["vote"] == {"for": 4, "against": 1, "abstain": 0}
    assert section["vote"] == "unanimous"
    read = loader.load(board).proceedings[-1]
    assert read.consent and read.items[1].pulled and read.items[1].title == "Contract with the roofer"


def test_pull_refuses_what_it_cannot_pull_and_undo_puts_back(cli, board):
    consent_agenda(cli)
    cli("add-section", "Other business", "--label", "7X")
    cli("add-item", "note", "x", "--in", "7X")
    before = board.read_bytes()
    one_line_error(cli("pull", "7X.1", code=2), "section 7X is not a consent agenda", "set 7X.consent true")
    one_line_error(cli("pull", "5", code=2), "5 is in no section")
    one_line_error(cli("pull", "6C", code=2), "6C is a section")
    one_line_error(cli("pull", "6C.1", "--undo", code=2), "6C.1 was not pulled")
    assert board.read_bytes() == before
    cli("pull", "6C.1")
    one_line_error(cli("pull", "6C.1", code=2), "already pulled", "--undo")
    assert "put 6C.1" in cli("pull", "6C.1", "--undo").stderr
    assert loader.load(board).proceedings[-2].items[0].pulled is False


def test_set_edits_the_new_fields(cli, board):
    consent_agenda(cli)
    cli("set", "6C.consent", "false")
    cli("set", "6C.consent", "true")
    cli("pull", "6C.2")
    cli("set", "6C.2.pulled", "false")
    cli("set", "5.vote", "unanimous")
    cli("set", "5.result", "carried")
    cli("set", "5.disposition", "PASSED TO SECOND READING JANUARY 19, 2011")
    cli("set", "6C.vote", "general-consent")
    s = loader.load(board)
    resolution = s.proceedings[4]
    assert resolution.vote == "unanimous" and resolution.result == "carried"
    assert resolution.disposition == "PASSED TO SECOND READING JANUARY 19, 2011"
    assert s.proceedings[-1].consent and not s.proceedings[-1].items[1].pulled
    assert s.proceedings[-1].vote == "general-consent"
    one_line_error(cli("set", "5.vote", "loudly", code=2), "5.vote")


# --- actions: owners that are groups, soft dues, reviews ------------------------------------------


def test_an_owner_may_be_an_attendance_group_or_a_body_named_nowhere(cli, board):
    cli("add-attendee", "Rosa Klein", "--as", "Directors")
    cli("add-action", "Sign the contract", "--owner", "directors")
    assert last(board)["owner_group"] == "Directors" and "owner" not in last(board)
    cli("add-attendee", "members of the garden committee", "--group")
    cli("add-action", "Plant trees", "--owner", "Members of the garden committee")
    assert last(board)["owner_group"] == "members of the garden committee"
    cli("add-action", "Decide on the release", "--owner-group", "the TSC")
    assert last(board)["owner_group"] == "the TSC"
    cli("add-action", "Pay the roofer", "--owner", "Okafor")
    assert last(board)["owner"] == "ben-okafor"
    assert loader.load(board).proceedings[-2].owner_group == "the TSC"
    one_line_error(cli("add-action", "X", "--owner", "Ben", "--owner-group", "the Board", code=2),
                   "--owner and --owner-group")
    one_line_error(cli("add-action", "X", "--owner", "the Board", code=1), "unknown owner 'the Board'", "--owner-group")


def test_a_group_with_settings_is_an_owner_too(cli, board):
    cli("add-group", "Staff", "--non-voting")
    cli("add-action", "Order the paint", "--owner", "Staff")
    assert last(board)["owner_group"] == "Staff"


def test_due_takes_a_date_or_a_soft_text_but_not_a_bad_date(cli, board):
    cli("add-action", "Call back", "--owner", "Ana", "--due", "by Monday, if possible")
    assert last(board)["due"] == "by Monday, if possible"
    assert loader.load(board).proceedings[-1].due == "by Monday, if possible"
    cli("add-action", "Call again", "--owner", "Ana", "--due", "2024-04-01")
    assert str(last(board)["due"]) == "2024-04-01"
    before = board.read_bytes()
    for bad in ("2024-02-30", "2024-13-01", "03/01/2024"):
        one_line_error(cli("add-action", "X", "--due", bad, code=2), "--due", repr(bad))
    assert board.read_bytes() == before


@pytest.fixture
def next_meeting(cli, board):
    """Return the session after the board meeting, in the same folder, chosen as the current one."""
    cli("new", "Regular board meeting", "--date", "2024-04-09", "--organization", "Other body")
    return next(p for p in cli.folder.glob("2024-04-09-*.yaml"))


def test_review_records_where_an_earlier_action_stands_without_copying_it(cli, board, next_meeting):
    before = board.read_bytes()
    result = cli("review", "20240312-1", "--status", "sorry, will do", "--at", "10:30")
    assert "recorded the review of action 20240312-1 (Obtain three quotes" in result.stderr
    review = last(next_meeting)
    assert {k: v for k, v in review.items() if k != "task"} == \
        {"kind": "review", "at": "10:30", "action": "20240312-1", "status": "sorry, will do"}
    assert review["task"].startswith("Obtain three quotes")  # the minutes can say what it was
    assert board.read_bytes() == before  # the earlier meeting's action is not touched
    assert not any(e.get("kind") == "action" for e in data(next_meeting)["proceedings"])
    assert loader.load(next_meeting).proceedings[-1].status == "sorry, will do"


def test_review_done_closes_the_action_from_this_meeting_on_without_touching_the_earlier_file(cli, board, next_meeting):
    before = board.read_bytes()
    result = cli("review", "20240312-2", "--status", "COMPLETE", "--done")
    assert "it is done from this meeting on" in result.stderr
    assert last(next_meeting)["status"] == "COMPLETE" and last(next_meeting)["done"] is True
    assert board.read_bytes() == before
    listed = {a["id"]: a for a in json.loads(cli("actions", ".", "--json").stdout)}
    assert listed["20240312-2"]["status"] == "done" and listed["20240312-2"]["reviewed_on"] == "2024-04-09"


def test_review_done_works_when_the_earlier_minutes_are_approved(cli, board, next_meeting):
    cli("approve", "--file", board.name, "--on", "2024-04-09")
    before = board.read_bytes()
    cli("review", "20240312-3", "--status", "COMPLETE", "--done")
    assert board.read_bytes() == before
    one_line_error(cli("done", "20240312-1", "--dir", ".", code=1), "approved", "--amend")  # closing it in the approved minutes themselves still needs --amend


def test_a_review_may_say_nothing_but_which_action_was_looked_at(cli, board, next_meeting):
    cli("review", "20240312-1")
    assert "status" not in last(next_meeting) and last(next_meeting)["action"] == "20240312-1"
    cli("review", "20240312-1", "--status", "")
    assert "status" not in last(next_meeting)


def test_review_of_an_unknown_or_closed_action_is_refused_without_writing(cli, board, next_meeting):
    cli("done", "20240312-1", "--on", "2024-04-02")
    before = next_meeting.read_bytes()
    one_line_error(cli("review", "20990101-1", "--status", "x", code=2), "no action item with id '20990101-1'",
                   "minutes actions")
    one_line_error(cli("review", "20240312-1", "--status", "again", "--done", code=1), "already done")
    assert next_meeting.read_bytes() == before


def test_done_on_a_date_closes_an_action_found_by_id_across_the_folder(cli, board, next_meeting):
    cli("done", "20240312-3", "--on", "2024-04-02")
    action = next(e for e in data(board)["proceedings"] if e.get("id") == "20240312-3")
    assert action["status"] == "done" and str(action["done_on"]) == "2024-04-02"


# --- every command keeps the file's comments --------------------------------------------------


def test_each_command_keeps_the_files_comments(cli, board):
    text = board.read_text(encoding="utf-8").replace("proceedings:\n", "# agenda as sent\nproceedings:\n", 1)
    text = text.replace("- kind: discussion\n", "# talked long\n- kind: discussion\n", 1)
    board.write_text(text, encoding="utf-8")
    steps = [
        ("add-resolution", "Roll", "--aye", "Weber,Okafor", "--nay", "Kowalski", "--explain", "Kowalski: no"),
        ("add-vote", "12", "--voice", "--result", "adopted", "--disposition", "Ordinance No. 1"),
        ("add-decision", "No date."),
        ("add-section", "Consent agenda", "--consent"),
        ("add-resolution", "C1", "--in", "14"),
        ("pull", "14.1"),
        ("add-vote", "14", "--general-consent"),
        ("add-action", "Decide", "--owner-group", "the TSC", "--due", "soon"),
        ("review", "20240312-1", "--status", "in progress"),
        ("set", "14.1.pulled", "false"),
    ]
    for step in steps:
        cli(*step)
        now = board.read_text(encoding="utf-8")
        assert "# agenda as sent\nproceedings:\n" in now and "# talked long\n- kind: discussion\n" in now, step


def test_show_describes_reviews_group_owners_dispositions_and_pulled_items(cli, board):
    cli("add-resolution", "Bill", "--voice", "--result", "referred", "--disposition", "REFERRED TO FINANCE")
    cli("add-section", "Consent agenda", "--consent")
    cli("add-resolution", "C1", "--in", "13")
    cli("pull", "13.1")
    cli("add-action", "Decide", "--owner-group", "the TSC", "--due", "soon")
    cli("review", "20240312-1", "--status", "sorry, will do")
    out = cli("show").stdout
    assert "Bill [voice, referred, REFERRED TO FINANCE]" in out
    assert "Consent agenda [consent agenda]" in out and "C1 [pulled]" in out
    assert "Decide — the TSC, due soon" in out and "action 20240312-1: sorry, will do" in out


def test_a_vote_on_an_item_of_a_consent_agenda_pulls_it(cli, board):
    cli("add-section", "Consent agenda", "--consent")
    cli("add-resolution", "C1", "--in", "12")
    cli("add-report", "Weber", "--title", "Treasurer", "--in", "12")
    result = cli("add-vote", "12.1", "--voice", "--result", "adopted")
    assert "pulled it from the consent agenda 12" in result.stderr
    assert data(board)["proceedings"][-1]["items"][0]["pulled"] is True
    said = cli("pull", "12.2").stderr  # a report takes no vote: say what to record instead
    assert "add-decision" in said and "add-vote" not in said

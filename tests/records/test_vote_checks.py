"""`check` on votes: thresholds against results, roll calls against the attendance, consent agendas."""

from __future__ import annotations

from pathlib import Path

import yaml

from minutes.records.checks import check_file

MEMBERS = ["ana", "ben", "cai", "dee", "eli", "fay", "gus", "hal", "ida", "jo"]


def _session(tmp_path: Path, proceedings: list, **extra) -> Path:
    data = {
        "title": "Council meeting", "date": "2024-05-14", "chair": "ana", "secretary": "ben",
        "adjourned": "20:00", "previous_minutes": "approved",
        "people": [{"id": pid, "name": pid.title() + " Member"} for pid in MEMBERS],
        "attendees": [{"person": pid} for pid in MEMBERS],
        "proceedings": proceedings, **extra,
    }
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _messages(path: Path) -> list[str]:
    return [f.message for f in check_file(path)]


def test_a_two_thirds_vote_that_fails_6_4_but_says_adopted_is_flagged_at_its_line(tmp_path):
    path = _session(tmp_path, [{"kind": "motion", "title": "Amend the charter", "result": "adopted",
                                "vote": {"for": 6, "against": 4, "abstain": 0, "threshold": "two-thirds"}}])
    found = [m for m in _messages(path) if "two-thirds" in m]
    assert len(found) == 1
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if text.strip() == "vote:")
    where, message = found[0][len(f"{path}:"):].split(": ", 1)
    assert int(where) in (line, line + 1)  # the vote's key, or the first line of its mapping
    assert message.startswith("item 1: 6-4 does not reach two-thirds (7 of 10 needed)")
    assert "says adopted" in found[0]


def test_the_same_vote_recorded_as_failed_is_clean(tmp_path):
    path = _session(tmp_path, [{"kind": "motion", "title": "Amend the charter", "result": "failed",
                                "vote": {"for": 6, "against": 4, "threshold": "two-thirds"}}])
    assert not [m for m in _messages(path) if "item 1" in m]


def test_a_failed_result_that_meets_an_explicit_threshold_is_flagged(tmp_path):
    path = _session(tmp_path, [{"kind": "motion", "title": "M", "result": "rejected",
                                "vote": {"for": 8, "against": 2, "threshold": "3/4"}}])
    assert any("8-2 reaches 3/4 (8 of 10 needed), but the result says rejected" in m for m in _messages(path))


def test_a_majority_counts_for_and_against_only_and_a_tie_fails(tmp_path):
    clean = _session(tmp_path, [{"kind": "motion", "title": "M", "result": "carried",
                                 "vote": {"for": 3, "against": 2, "abstain": 5}}])
    assert not [m for m in _messages(clean) if "item 1" in m]
    tie = _session(tmp_path, [{"kind": "motion", "title": "M", "result": "adopted", "vote": {"for": 4, "against": 4}}])
    assert any("4-4 does not reach a majority (5 of 8 needed)" in m for m in _messages(tie))


def test_unanimous_with_votes_against_is_flagged(tmp_path):
    path = _session(tmp_path, [{"kind": "motion", "title": "M", "result": "adopted",
                                "vote": {"method": "unanimous", "for": 8, "against": 1}}])
    assert any("recorded as unanimous with 1 against" in m for m in _messages(path))


def test_a_roll_call_naming_someone_absent_or_unknown_is_flagged(tmp_path):
    path = _session(tmp_path, [{"kind": "motion", "title": "M", "result": "adopted",
                                "vote": {"ayes": ["ana", "ben", "zed"], "nays": ["cai"],
                                         "explanations": [{"person": "yan", "text": "Too soon."}]}}],
                    attendees=[{"person": pid} for pid in MEMBERS[:9]] + [{"person": "jo", "status": "absent"}])
    data = yaml.safe_load(path.read_text())
    data["proceedings"][0]["vote"]["ayes"].append("jo")
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    messages = _messages(path)
    assert any("aye 'zed' is not in people" in m for m in messages)
    assert any("aye 'jo' is not a voting member present" in m for m in messages)
    assert any("explanation by 'yan', who is not in people" in m for m in messages)


def test_a_roll_call_of_members_who_left_before_the_vote_is_flagged_with_the_time(tmp_path):
    attendees = [{"person": pid} for pid in MEMBERS]
    attendees[3]["left"] = "18:30"
    path = _session(tmp_path, [{"kind": "motion", "title": "M", "at": "19:00", "result": "adopted",
                                "vote": {"ayes": ["ana", "dee"], "nays": ["ben"]}}], attendees=attendees)
    assert any("aye 'dee' is not a voting member present at 19:00" in m for m in _messages(path))


def test_counts_over_the_members_present_are_flagged_for_every_vote_on_an_item(tmp_path):
    path = _session(tmp_path, [{"kind": "motion", "title": "M", "result": "adopted",
                                "vote": {"on": "the amendment", "for": 5, "against": 1, "result": "adopted"},
                                "votes": [{"for": 9, "against": 3}]}])
    messages = _messages(path)
    assert any("item 1, vote 2: 12 votes cast but only 10 voting attendees" in m for m in messages)
    assert not any("vote 1:" in m for m in messages)


def test_the_result_of_an_amendment_is_held_to_its_own_vote(tmp_path):
    path = _session(tmp_path, [{"kind": "motion", "title": "M", "result": "adopted",
                                "vote": {"on": "the amendment", "for": 2, "against": 7, "result": "adopted"},
                                "votes": [{"for": 7, "against": 2}]}])
    messages = _messages(path)
    assert any("item 1, vote 1: 2-7 does not reach a majority" in m for m in messages)
    assert not any("vote 2:" in m for m in messages)


def test_consent_agendas_without_a_vote_and_pulls_outside_one_are_flagged(tmp_path):
    path = _session(tmp_path, [
        {"kind": "section", "title": "Consent calendar", "consent": True,
         "items": [{"kind": "resolution", "title": "Minutes of May 1"}]},
        {"kind": "section", "title": "New business",
         "items": [{"kind": "resolution", "title": "Budget", "pulled": True}]},
    ])
    messages = _messages(path)
    assert any("section 1 is a consent agenda with no vote (minutes add-vote 1 ...)" in m for m in messages)
    assert any("item 2.1 is pulled, but its section is not a consent agenda" in m for m in messages)


def test_a_roll_call_whose_counts_differ_from_its_names_is_flagged(tmp_path):
    path = _session(tmp_path, [{"kind": "motion", "title": "M", "vote": {"for": 5, "ayes": ["ana", "ben"]}}])
    assert any("the counts 5-0-0 differ from the names of the roll call (2-0-0)" in m for m in _messages(path))


def test_an_item_of_a_consent_agenda_with_its_own_vote_must_be_pulled(tmp_path):
    path = _session(tmp_path, [
        {"kind": "section", "title": "Consent calendar", "consent": True, "vote": "unanimous", "result": "adopted",
         "items": [{"kind": "resolution", "title": "Warrants", "vote": "voice", "result": "adopted"},
                   {"kind": "resolution", "title": "Contract", "pulled": True, "vote": "voice", "result": "adopted"}]},
    ])
    messages = _messages(path)
    assert any("item 1.1 has a vote of its own but was not pulled from the consent agenda 1 (minutes pull 1.1)" in m
               for m in messages)
    assert not any("item 1.2" in m for m in messages)

"""Popolo for the ways a body decides: roll calls, counts, several votes on one item, block votes and decisions."""

import jsonschema
import pytest

import decisions_session
from minutes.store import loader
from minutes.writers import popolo
from popolo_schemas import KINDS, URL, registry


@pytest.fixture
def data(tmp_path):
    """Return the Popolo export of the later council sitting (tests/decisions_session.py)."""
    _, later = decisions_session.write(tmp_path)
    return popolo.export(loader.load(later))


def test_every_object_validates_against_the_popolo_schemas(data):
    reg = registry()
    for key, kind in KINDS.items():
        validator = jsonschema.Draft3Validator(reg.contents(URL.format(kind)), registry=reg,
                                               format_checker=jsonschema.Draft3Validator.FORMAT_CHECKER)
        for obj in data[key]:
            assert not list(validator.iter_errors(obj)), (kind, obj)
    for vote in (v for e in data["vote_events"] for v in e.get("votes", [])):  # each voter's vote, on its own
        validator = jsonschema.Draft3Validator(reg.contents(URL.format("vote")), registry=reg)
        assert not list(validator.iter_errors(vote)), vote
    assert len(data["vote_events"]) == 9 and len(data["motions"]) == 12


def events(data):
    """Return the vote events by id."""
    return {e["id"]: e for e in data["vote_events"]}


def test_a_roll_call_names_each_voter_and_its_option(data):
    budget = events(data)["vote_event/2"]
    assert budget["classification"] == "roll-call" and budget["result"] == "pass"
    # fay, a voting member the attendance has absent, is absent from the roll call too (the README's promise)
    assert budget["votes"] == [{"voter_id": f"person/{p}", "option": o} for p, o in
                               [("ana", "yes"), ("ben", "yes"), ("cai", "yes"), ("dan", "no"), ("eve", "no"),
                                ("fay", "absent")]]
    assert budget["counts"] == [{"option": "yes", "value": 3}, {"option": "no", "value": 2},
                                {"option": "abstain", "value": 0}, {"option": "absent", "value": 1}]


def test_several_votes_on_one_item_are_vote_events_of_one_motion(data):
    found = events(data)
    amendment, main = found["vote_event/3"], found["vote_event/3-2"]
    assert amendment["motion_id"] == main["motion_id"] == "motion/3"
    assert (amendment["classification"], amendment["result"]) == ("counted", "pass")  # carried
    assert main["votes"][-1] == {"voter_id": "person/fay", "option": "absent"}  # not voting, and absent that day
    assert main["counts"][-1] == {"option": "absent", "value": 1}


def test_a_member_in_the_room_who_did_not_vote_is_not_voting():
    from minutes.model.schema import Session

    s = Session.model_validate({"title": "T", "date": "2024-05-01",
                                "people": [{"id": "ana", "name": "Ana"}, {"id": "ben", "name": "Ben"}],
                                "attendees": [{"person": "ana"}, {"person": "ben"}],
                                "proceedings": [{"kind": "motion", "title": "M", "vote": {
                                    "ayes": ["ana"], "not_voting": ["ben"]}}]})
    (event,) = popolo.export(s)["vote_events"]
    assert event["votes"][1] == {"voter_id": "person/ben", "option": "not voting"}
    assert event["counts"][-1] == {"option": "not voting", "value": 1}


def test_counts_threshold_and_result(data):
    found = events(data)
    depot = next(m for m in data["motions"] if m["id"] == "motion/1")
    assert (depot["requirement"], depot["result"]) == ("two-thirds", "fail")  # the failed 6-4
    assert found["vote_event/1"]["result"] == "fail" and found["vote_event/1"]["counts"][0] == {"option": "yes", "value": 6}
    assert found["vote_event/4"]["classification"] == "unanimous"
    assert found["vote_event/4"]["counts"][0] == {"option": "yes", "value": 15}
    tree = found["vote_event/8"]
    assert (tree["classification"], tree["result"]) == ("voice", "referred") and "counts" not in tree


def test_block_votes_consent_items_and_decisions_are_motions(data):
    motions = {m["id"]: m for m in data["motions"]}
    assert motions["motion/5"]["classification"] == "block" and events(data)["vote_event/5"]["classification"] == "general-consent"
    assert motions["motion/6"]["classification"] == "consent agenda"
    assert events(data)["vote_event/6"]["motion_id"] == "motion/6"
    assert motions["motion/6.1"]["result"] == "pass"  # adopted with the consent agenda
    assert not any(e["motion_id"] == "motion/6.1" for e in data["vote_events"])  # by the section's vote
    assert events(data)["vote_event/6.3"]["counts"][0]["value"] == 3  # the pulled item's own vote
    decision = motions["motion/7"]
    assert decision["classification"] == "decision" and "result" not in decision
    assert decision["text"] == "For new projects, the recommendation is no date"
    assert not any(e["motion_id"] == "motion/7" for e in data["vote_events"])  # decided without a vote

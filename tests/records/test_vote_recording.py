"""Building vote data from options, as records.votes does for add-resolution and add-vote (no command line)."""

import pytest

from minutes.errors import UsageError
from minutes.model.votes import Vote, passes
from minutes.records.votes import VoteOptions, method_of, split, threshold, vote_value

PEOPLE = [
    {"id": "ana-weber", "name": "Ana Weber"},
    {"id": "ben-okafor", "name": "Ben Okafor", "handle": "@bokafor"},
    {"id": "dana-kowalski", "name": "Dana Kowalski", "aliases": ["Dana K."]},
]


def test_no_options_make_no_vote():
    assert vote_value(VoteOptions(), PEOPLE) is None


def test_a_bare_method_stays_a_string_and_anything_more_makes_a_mapping():
    assert vote_value(VoteOptions(methods=["general-consent"]), PEOPLE) == "general-consent"
    assert vote_value(VoteOptions(methods=["voice"], on="the amendment"), PEOPLE) == {"method": "voice", "on": "the amendment"}
    assert vote_value(VoteOptions(methods=["unanimous"], for_=15, against=0), PEOPLE) == {"method": "unanimous", "for": 15}


def test_a_counted_vote_keeps_its_three_numbers_and_meets_its_threshold_as_the_model_says():
    vote = vote_value(VoteOptions(for_=6, against=4, threshold="two-thirds"), PEOPLE)
    assert vote == {"for": 6, "against": 4, "abstain": 0, "threshold": "two-thirds"}
    assert passes(Vote.model_validate(vote)) is False


def test_names_resolve_by_handle_alias_and_surname():
    vote = vote_value(VoteOptions(aye=["bokafor, Dana K."], nay=["Weber"], result="carried"), PEOPLE)
    assert vote == {"ayes": ["ben-okafor", "dana-kowalski"], "nays": ["ana-weber"], "result": "carried"}
    assert Vote.model_validate(vote).kind() == "roll-call"


def test_abstain_is_a_count_or_names():
    assert vote_value(VoteOptions(for_=1, abstain=["2"]), PEOPLE)["abstain"] == 2
    assert vote_value(VoteOptions(aye=["Weber"], abstain=["Okafor"]), PEOPLE)["abstentions"] == ["ben-okafor"]


@pytest.mark.parametrize("options, words", [
    (VoteOptions(methods=["ballot", "voice"]), "--ballot and --voice"),
    (VoteOptions(aye=["Weber"], against=1), "--aye and --against"),
    (VoteOptions(methods=["consensus"], for_=3), "--consensus"),
    (VoteOptions(explain=["Weber: yes"]), "--explain: say how the vote went"),
])
def test_conflicts_are_usage_errors_naming_the_options(options, words):
    with pytest.raises(UsageError, match=words):
        method_of(options)


def test_an_unknown_member_is_a_usage_error_naming_the_option():
    with pytest.raises(UsageError, match="--nay: unknown member 'Webber'; did you mean 'Ana Weber'"):
        vote_value(VoteOptions(nay=["Webber"]), PEOPLE)


def test_split_and_threshold():
    assert split(["a, b", " ,c"]) == ["a", "b", "c"]
    assert threshold(" 3/5 ") == "3/5" and threshold(None) is None
    with pytest.raises(UsageError):
        threshold("5/3")

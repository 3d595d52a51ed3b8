import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes.model import names
from minutes.errors import MinutesError

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from rosters import quadratic, roster  # noqa: E402

PEOPLE = [
    {"id": "li-jizheng", "name": "Li Jizheng"},
    {"id": "luan-xinlong", "name": {"en": "Luan Xinlong", "zh": "栾新龙"}},
    {"id": "vera", "name": "Vera"},
    {"id": "vera-2", "name": "Vera Ivanova"},
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Li Jizheng", "li-jizheng"),
        ("li jizheng", "li-jizheng"),
        ("li jiz", "li-jizheng"),
        ("栾新龙", "luan-xinlong"),
        ("luan", "luan-xinlong"),
        ("Vera", "vera"),
        ("vera-2", "vera-2"),
    ],
)
def test_a_name_resolves_exactly_then_ignoring_case_then_by_prefix(query, expected):
    assert names.resolve(PEOPLE, query) == expected


def test_a_misspelled_name_is_refused_with_the_close_match():
    with pytest.raises(MinutesError) as info:
        names.resolve(PEOPLE, "Li Jizhen", "speaker")
    assert "unknown speaker 'Li Jizhen'" in str(info.value)
    assert "did you mean 'Li Jizheng'" in str(info.value)


def test_an_ambiguous_prefix_names_the_candidates():
    with pytest.raises(MinutesError, match="ambiguous.*li-jizheng, luan-xinlong"):
        names.resolve(PEOPLE, "l")


def test_a_name_with_no_close_match_suggests_nothing():
    message = names.unknown(PEOPLE, "Zbigniew")
    assert "did you mean" not in message and "--guest" in message


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("2nd International Congress of Solidarity, Day 2", "2nd-international-congress-of-solidarity-day-2"),
        ("../../etc/passwd", "etc-passwd"),
        ("/abs/path", "abs-path"),
        ("第二届 大会", "第二届-大会"),
        ("...", "session"),
        ("Ärger über Öl", "ärger-über-öl"),
    ],
)
def test_slugs_are_safe_file_names(title, slug):
    assert names.slugify(title) == slug
    assert "/" not in slug and not slug.startswith(".")


def test_near_duplicates_find_one_letter_misspellings_only():
    assert names.near_duplicates(["Li Jizheng", "Li Jizhen", "Vera", "Luan Xinlong"]) == [("Li Jizheng", "Li Jizhen")]


ROSTER = [
    {"id": "francois", "name": "François Dupont"},
    {"id": "anna-fritz", "name": "Anna Fritz"},
    {"id": "max", "name": "Maximilian Alexander von Hohenzollern"},
    {"id": "lech", "name": "Lech Wałęsa"},
    {"id": "anna-weber", "name": "Anna Weber"},
    {"id": "olga", "name": {"en": "Olga Ivanova", "ru": "Ольга Иванова"}},
    {"id": "ivan", "name": "Ivan Ivanov"},
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Francois Dupont", "francois"),
        ("FRANCOIS DUPONT", "francois"),
        ("francois", "francois"),  # a prefix, accents aside
        ("Lech Walesa", "lech"),  # ł has no accent to take off, but is an l
        ("Fritz", "anna-fritz"),  # a surname no one else has
        ("dupont", "francois"),
        ("von Hohenzollern", "max"),
        ("Иванова", "olga"),
        ("Ivanova", "olga"),  # not a prefix of Ivanov's name: a whole word
    ],
)
def test_a_name_resolves_ignoring_accents_or_by_a_word_no_one_else_has(query, expected):
    assert names.resolve(ROSTER, query) == expected


def test_a_word_several_people_share_is_ambiguous_and_lists_them():
    with pytest.raises(MinutesError, match="'Anna' is ambiguous: it could be anna-fritz, anna-weber"):
        names.resolve(ROSTER, "Anna")


def test_part_of_a_word_is_not_taken_for_a_surname():
    with pytest.raises(MinutesError, match="unknown person 'ritz'"):
        names.resolve(ROSTER, "ritz")


def test_a_number_in_an_id_does_not_name_anyone():
    with pytest.raises(MinutesError, match="unknown"):
        names.resolve(PEOPLE, "2")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Hohenzolern", "Maximilian Alexander von Hohenzollern"),  # a typo in the surname of a long name
        ("Dupond", "François Dupont"),  # an accent-less surname, misspelt
        ("Francios Dupont", "François Dupont"),
        ("Frits", "Anna Fritz"),
        ("Walesaa", "Lech Wałęsa"),
    ],
)
def test_a_close_match_is_offered_for_a_typo(typed, meant):
    with pytest.raises(MinutesError, match=f"did you mean '{meant}'"):
        names.resolve(ROSTER, typed)


def test_suggestions_come_closest_first_and_at_most_three():
    assert names.suggestions(ROSTER, "Ivanoa") == ["Olga Ivanova", "Ivan Ivanov"]
    assert len(names.suggestions([{"id": f"p{i}", "name": f"Anna Fritz{i}"} for i in range(9)], "Anna Fritz")) == 3


def test_fold_drops_case_and_accents_only():
    assert names.fold("François Ærø ß") == "francois aero ss"
    assert names.fold("栾新龙") == "栾新龙"
    assert names.words("Jean-Pierre O'Neil") == ["jean", "pierre", "o", "neil"]


def test_near_duplicates_on_a_large_roster_find_every_planted_misspelling():
    people = roster(400, seed=7)
    found = names.near_duplicates(people)
    assert found == quadratic(people)
    assert len(found) >= 15  # the planted ones, at least


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="abcAé -", max_size=14), max_size=10),
    st.sampled_from([0.85, 0.3, 0.6, 0.95]),
)
def test_near_duplicates_find_exactly_the_pairs_comparing_every_pair_finds(people, cutoff):
    assert names.near_duplicates(people, cutoff) == quadratic(people, cutoff)


def test_a_handle_and_an_alias_find_their_person():
    people = [*PEOPLE, {"id": "james-snell", "name": "James Snell", "handle": "@jasnell", "aliases": ["Jim", "詹姆斯"]}]
    assert names.resolve(people, "@jasnell") == "james-snell"
    assert names.resolve(people, "jasnell") == "james-snell"
    assert names.resolve(people, "jim") == "james-snell"
    assert names.resolve(people, "詹姆斯") == "james-snell"
    assert names.exact(people, "@JASNELL") == "james-snell"
    with pytest.raises(MinutesError, match="did you mean 'James Snell'"):
        names.resolve(people, "@jasnel")

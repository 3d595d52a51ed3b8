import pytest

from minutes import names
from minutes.errors import MinutesError

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

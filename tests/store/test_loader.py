import pytest

from minutes.store import loader as session
from minutes.errors import MinutesError

GOOD = "title: T\ndate: 2024-01-01\n"


def test_a_minimal_session_is_valid_and_times_stay_text():
    s = session.parse(GOOD + "adjourned: 12:30\nprevious_minutes: approved\n")
    assert s.adjourned == "12:30" and s.date.isoformat() == "2024-01-01"


@pytest.mark.parametrize(
    ("extra", "line", "message"),
    [
        ("adjourned: 25:00\n", 3, "adjourned: must be a time HH:MM"),
        ("colour: red\n", 3, "colour: unknown field"),
        ("proceedings:\n- kind: dance\n  text: x\n", 4, "unknown kind 'dance'"),
        ("proceedings:\n- kind: resolution\n  title: t\n  vote: {for: -1}\n", 6, "item 1, vote.for"),
        ("people:\n- id: a\n  name: A\n  pronoun: xe\n", 6, "pronoun"),
        ("attendees:\n- status: present\n", 4, "exactly one of 'person' or 'group'"),
        ("timezone: Mars/Base\n", 3, "unknown time zone"),
    ],
)
def test_schema_errors_name_the_file_line_and_field(extra, line, message):
    errors = session.validate(GOOD + extra, "s.yaml")
    assert isinstance(errors, list)
    assert any(e.startswith(f"s.yaml:{line}: ") and message in e for e in errors), errors


def test_an_invalid_date_is_an_error_on_its_line():
    errors = session.validate("title: T\ndate: 2024-02-30\n", "s.yaml")
    assert errors[0].startswith("s.yaml:2: date:")


def test_parse_raises_the_first_error_and_counts_the_rest():
    with pytest.raises(MinutesError, match=r"and 1 more"):
        session.parse("title: T\ndate: x\nfoo: 1\n", "s.yaml")


@pytest.mark.parametrize("text", ["", "# only a comment\n", "- a list\n", "just text\n"])
def test_an_empty_or_shapeless_file_is_an_error(text):
    with pytest.raises(MinutesError, match="s.yaml:1:"):
        session.parse(text, "s.yaml")


def test_load_names_a_missing_file_and_a_folder(tmp_path):
    with pytest.raises(MinutesError, match="no such file"):
        session.load(tmp_path / "nope.yaml")
    with pytest.raises(MinutesError, match="is a folder"):
        session.load(tmp_path)


def test_a_field_named_like_a_kind_is_named_in_the_error():
    errors = session.validate("title: T\ndate: 2024-01-01\nproceedings:\n- kind: review\n  action: 5\n", "s.yaml")
    assert errors == ["s.yaml:5: item 1, action: Input should be a valid string"]

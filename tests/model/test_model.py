import jsonschema

from minutes.store import yamlio

from minutes.model.schema import Session, json_schema, pick
from conftest import BOARD, CONGRESS


def test_pick_falls_back_to_the_default_language_then_any():
    assert pick({"en": "a", "zh": "b"}, "zh") == "b"
    assert pick({"en": "a", "zh": "b"}, "ru") == "a"
    assert pick({"de": "c"}, "ru", "en") == "c"
    assert pick("plain", "zh") == "plain"
    assert pick(None, "en") == ""


def test_the_json_schema_validates_the_examples():
    schema = json_schema()
    for example in (CONGRESS, BOARD):
        jsonschema.validate(yamlio.load(example.read_text(encoding="utf-8")), schema)


def test_the_json_schema_rejects_unknown_fields_and_kinds():
    schema = json_schema()
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors({"title": "t", "date": "2024-01-01", "colour": "red"}))
    bad_item = {"title": "t", "date": "2024-01-01", "proceedings": [{"kind": "dance", "text": "x"}]}
    assert list(validator.iter_errors(bad_item))


def test_vote_counts_read_the_for_key():
    s = Session.model_validate(
        {"title": "t", "date": "2024-01-01", "proceedings": [{"kind": "resolution", "title": "r", "vote": {"for": 3, "against": 1}}]}
    )
    assert s.proceedings[0].vote.total == 4

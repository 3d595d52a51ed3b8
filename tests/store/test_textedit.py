import pytest
import yaml

from minutes.store import textedit as edit
from minutes.errors import MinutesError

DOC = """\
# head comment
title: X   # keep me
date: 2024-01-01
place:
  mode: online  # inline
people: []
proceedings:
  - kind: ceremony   # c1
    text: hymns
  # trailing comment
attendees:
"""


def comments(text):
    return [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]


def test_append_adds_the_item_at_the_end_of_the_list_and_keeps_every_comment():
    new = edit.append(DOC, "proceedings", {"kind": "speech", "speaker": "a"})
    assert yaml.safe_load(new)["proceedings"][-1] == {"kind": "speech", "speaker": "a"}
    assert comments(new) == comments(DOC)
    assert "  - kind: speech\n    speaker: a\n" in new  # follows the list's own indentation


def test_append_fills_an_empty_flow_list_and_a_missing_list():
    new = edit.append(DOC, "people", {"id": "a", "name": "A"})
    new = edit.append(new, "attendees", {"person": "a"})
    new = edit.append(new, "extra", {"x": 1})
    data = yaml.safe_load(new)
    assert data["people"] == [{"id": "a", "name": "A"}]
    assert data["attendees"] == [{"person": "a"}]
    assert data["extra"] == [{"x": 1}]
    assert comments(new) == comments(DOC)


def test_append_keeps_multiline_text_as_a_literal_block():
    new = edit.append(DOC, "proceedings", {"kind": "note", "text": "line one\nline two"})
    assert yaml.safe_load(new)["proceedings"][-1]["text"] == "line one\nline two"


def test_append_keeps_windows_line_endings():
    crlf = DOC.replace("\n", "\r\n")
    new = edit.append(crlf, "proceedings", {"kind": "note", "text": "x"})
    assert "\n" not in new.replace("\r\n", "")
    assert yaml.safe_load(new)["proceedings"][-1] == {"kind": "note", "text": "x"}


def test_set_value_replaces_a_scalar_in_place():
    new = edit.set_value(DOC, ["title"], "Y")
    assert "title: Y   # keep me" in new


def test_set_value_adds_missing_fields_before_the_lists():
    new = edit.set_value(DOC, ["adjourned"], "18:30")
    data = yaml.safe_load(new)
    assert data["adjourned"] == "18:30"
    assert new.index("adjourned") < new.index("people:")


def test_set_value_creates_nested_groups_and_adds_to_existing_ones():
    new = edit.set_value(DOC, ["place", "venue"], "Hall 2")
    new = edit.set_value(new, ["press", "dateline", "city"], "Beijing")
    new = edit.set_value(new, ["press", "dateline", "agency"], "RSTV")
    data = yaml.safe_load(new)
    assert data["place"] == {"mode": "online", "venue": "Hall 2"}
    assert data["press"] == {"dateline": {"city": "Beijing", "agency": "RSTV"}}
    assert comments(new) == comments(DOC)


def test_set_value_turns_a_text_into_a_translation_map():
    new = edit.set_value(DOC, ["title"], {"en": "X", "zh": "十"})
    assert yaml.safe_load(new)["title"] == {"en": "X", "zh": "十"}


def test_set_value_refuses_to_descend_into_a_scalar():
    with pytest.raises(MinutesError, match="not a group"):
        edit.set_value(DOC, ["title", "en"], "x")


def test_remove_deletes_one_item_and_leaves_the_rest():
    two = edit.append(DOC, "proceedings", {"kind": "note", "text": "second"})
    new = edit.remove(two, "proceedings", 0)
    assert yaml.safe_load(new)["proceedings"] == [{"kind": "note", "text": "second"}]
    last = edit.remove(new, "proceedings", 0)
    assert yaml.safe_load(last)["proceedings"] == []
    assert "# head comment" in last and "# keep me" in last


def test_remove_refuses_an_item_that_does_not_exist():
    with pytest.raises(MinutesError, match="no item 5"):
        edit.remove(DOC, "proceedings", 4)

"""Addresses: one per entry, computed the same from the file's data and from the model."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes.errors import UsageError
from minutes.model import address
from minutes.model.schema import Session

DATA = {
    "schema_version": 2, "title": "AGM", "date": "2025-03-14",
    "proceedings": [
        {"kind": "note", "text": "Before the agenda."},
        {"kind": "section", "title": "Reports", "items": [
            {"kind": "section", "label": "2A", "title": "Treasurer", "items": [{"kind": "note", "text": "a"}]},
            {"kind": "section", "title": "Auditor"},
            {"kind": "action", "id": "20250314-1", "task": "Audit"},
        ]},
        {"kind": "section", "label": "Special Order 7A", "title": "Bylaws", "items": [{"kind": "note", "text": "b"}]},
    ],
}


def test_positions_count_every_entry_and_labels_replace_them():
    assert [e.address for e in address.entries(DATA)] == ["1", "2", "2A", "2A.1", "2.2", "2.3", "Special Order 7A",
                                                          "Special Order 7A.1"]


def test_the_model_has_the_same_addresses_as_the_data():
    model = Session.model_validate(DATA)
    assert [(e.address, e.path) for e in address.entries(model)] == [(e.address, e.path) for e in address.entries(DATA)]


def test_find_ignores_case_and_spacing_and_knows_action_ids():
    assert address.find(DATA, "special  order 7a.1").path == ("proceedings", 2, "items", 0)
    assert address.find(DATA, "20250314-1").address == "2.3"
    assert address.find(DATA, "item 1").address == "1"
    with pytest.raises(UsageError, match="there is no item 9"):
        address.find(DATA, "9")


def test_split_field_takes_the_longest_address():
    entry, rest = address.split_field(DATA, "2A.1.text")
    assert entry.address == "2A.1" and rest == ["text"]
    entry, rest = address.split_field(DATA, "2.3.task")
    assert entry.address == "2.3" and rest == ["task"]


def test_next_section_walks_sections_in_agenda_order():
    order, current = [], None
    for _ in range(4):
        current = address.next_section(DATA, current).address
        order.append(current)
    assert order == ["2", "2A", "2.2", "Special Order 7A"]
    with pytest.raises(UsageError, match="last section"):
        address.next_section(DATA, current)


def test_shown_names_an_entry_by_its_address():
    assert address.shown(["proceedings", 1, "items", 0, "items", 0, "text"], DATA) == "item 2A.1, text"
    assert address.shown(["proceedings", 1, "items", 0, "title"], DATA) == "section 2A, title"
    assert address.shown(["proceedings", 3, "text"]) == "item 4, text"  # without the data: positions


def test_a_label_repeating_an_address_is_an_error_of_the_model():
    twice = {**DATA, "proceedings": [*DATA["proceedings"], {"kind": "section", "label": "2a", "title": "Again"}]}
    with pytest.raises(ValueError, match="address '2a'"):
        Session.model_validate(twice)
    assert address.duplicates(twice) == [("2a", ("proceedings", 3))]


# Trees whose sections may be labelled alike, as numbers an unlabelled entry could take, or with case and spaces apart.
_LABELS = [None, None, "1", "2", "2.1", "7A", "7a", " 7A ", "1.1", "B2", "Special Order 7A", "special  order 7a"]
_TREE = st.recursive(
    st.just({"kind": "note", "text": "x"}),
    lambda inner: st.builds(
        lambda label, items: {"kind": "section", "title": "S", "items": items, **({"label": label} if label else {})},
        st.sampled_from(_LABELS), st.lists(inner, max_size=4)),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TREE, max_size=6))
def test_duplicates_found_from_the_labels_alone_are_those_the_full_walk_finds(proceedings):
    data = {"proceedings": proceedings}
    assert address.duplicates(data) == address.every_duplicate(data)

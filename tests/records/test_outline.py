"""A Markdown outline becomes the sections of a new session; a session's sections read back as its agenda."""

import pytest

from minutes.errors import MinutesError
from minutes.model import address
from minutes.records.outline import sections_from_outline, split_label


def outline(text: str) -> list[dict]:
    return sections_from_outline(text, "agenda.md")


def shape(sections: list[dict]) -> list[tuple]:
    """Return (address, title) of every section, as `minutes agenda` would list them."""
    return [(e.address, e.entry["title"]) for e in address.walk(sections)]


def test_a_numbered_list_in_order_needs_no_labels():
    sections = outline("1. Call to order\n2. Reports\n3. Adjournment\n")
    assert sections == [
        {"kind": "section", "title": "Call to order", "items": []},
        {"kind": "section", "title": "Reports", "items": []},
        {"kind": "section", "title": "Adjournment", "items": []},
    ]


def test_a_bulleted_list_is_numbered_by_position():
    assert shape(outline("- Welcome\n- Budget\n")) == [("1", "Welcome"), ("2", "Budget")]


def test_a_number_that_differs_from_the_position_becomes_the_label():
    sections = outline("1. Opening\n4. Budget\n5. Closing\n")
    assert [s.get("label") for s in sections] == [None, "4", "5"]
    assert shape(sections) == [("1", "Opening"), ("4", "Budget"), ("5", "Closing")]


def test_nested_lists_are_sub_sections_numbered_after_their_parent():
    sections = outline("1. Reports\n   1. Treasurer\n   3. Auditor\n2. Votes\n   - Budget\n")
    assert shape(sections) == [("1", "Reports"), ("1.1", "Treasurer"), ("1.3", "Auditor"), ("2", "Votes"),
                               ("2.1", "Budget")]
    assert sections[0]["items"][1]["label"] == "1.3"


def test_labels_written_in_the_outline_are_kept():
    sections = outline("6. Old business\n   - 6A. Budget\n   - 6B) Grants\n7. New business\n"
                       "   - 7.1 Minutes\n   - 7.2. Bylaws\n- IV. Reports\n")
    assert shape(sections) == [("6", "Old business"), ("6A", "Budget"), ("6B", "Grants"), ("7", "New business"),
                               ("7.1", "Minutes"), ("7.2", "Bylaws"), ("IV", "Reports")]


@pytest.mark.parametrize("line, label, title", [
    ("6A. Budget", "6A", "Budget"),
    ("7.1 Minutes", "7.1", "Minutes"),
    ("7.1. Minutes", "7.1", "Minutes"),
    ("IV. Reports", "IV", "Reports"),
    ("b) Grants", "b", "Grants"),
    ("Dr. Quill's report", None, "Dr. Quill's report"),
    ("2024 budget", None, "2024 budget"),
    ("2\\.5 hours of debate", None, "2\\.5 hours of debate"),
    ("Mix. of topics", None, "Mix. of topics"),
])
def test_which_first_words_are_labels(line, label, title):
    assert split_label(line) == (label, title)


def test_a_title_keeps_its_inline_markdown_as_written():
    sections = outline("1. [Issue 207](https://example.org/issues/207_membership): *membership* rules\n")
    assert sections[0]["title"] == "[Issue 207](https://example.org/issues/207_membership): *membership* rules"


def test_what_follows_the_first_line_is_the_note():
    text = ("1. Budget\n   Sent to members on 1 March.\n\n   A second paragraph.\n\n   ```\n   a   b\n   ```\n"
            "   - 1A. Income\n2. Closing\n")
    first = outline(text)[0]
    assert first["note"] == "Sent to members on 1 March.\n\nA second paragraph.\n\n```\na   b\n```"
    assert [s["title"] for s in first["items"]] == ["Income"]
    assert "note" not in outline(text)[1]


def test_headings_and_paragraphs_outside_the_list_are_ignored():
    assert shape(outline("# Agenda\n\nPlease be on time.\n\n1. Opening\n2. Closing\n\nThank you.\n")) == [
        ("1", "Opening"), ("2", "Closing")]


def test_a_file_with_no_list_is_one_clear_error():
    with pytest.raises(MinutesError, match=r"^agenda\.md: no agenda outline found \(a numbered or bulleted list\)$"):
        outline("# Agenda\n\nNothing planned yet.\n")


def test_two_sections_with_one_address_are_an_error_naming_the_line():
    with pytest.raises(MinutesError, match=r"^agenda\.md:3: two sections would have the address '2A' \(the other "
                                           r"is at line 1\)"):
        outline("- 2A. Budget\n- Reports\n- 2A. Grants\n")


def test_a_number_may_not_repeat_an_earlier_entry_s_address_either():
    with pytest.raises(MinutesError, match=r"^agenda\.md:3: two sections would have the address '2' "):
        outline("1. Opening\n2. Reports\n2. Again\n")


def test_a_list_numbered_1_on_every_line_is_counted_on():
    assert [(e.get("label"), e["title"]) for e in outline("1. Opening\n1. Reports\n1. Close\n")] == [
        (None, "Opening"), (None, "Reports"), (None, "Close")]


def test_an_entry_without_a_title_line_is_an_error_naming_the_line():
    with pytest.raises(MinutesError, match=r"^agenda\.md:2: an agenda entry needs its title on its first line"):
        outline("- Opening\n- 1. Nested list where a title should be\n")

"""The document model: clean text, plain text and plain data."""

import sys

from minutes.document.tree import (
    BulletList, Document, Heading, Image, Metadata, NumberedList, Paragraph, Table, Text, block_type, clean,
    is_clean, plain, text_of, to_dict,
)


def test_clean_removes_control_characters_but_keeps_tabs_and_newlines():
    assert clean("a\x00b\x07c\x1bd\te\nf\ufffeg") == "ab" "cd\te\nfg"


def test_clean_keeps_exactly_the_characters_xml_allows():
    def allowed(code: int) -> bool:  # XML 1.0, production [2] Char
        return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert clean(every) == "".join(c for c in every if allowed(ord(c)))
    assert is_clean("a\tb\n会") and not is_clean("a\x01")


def test_plain_joins_the_text_of_runs():
    assert plain([Text("a "), Text("b", bold=True)]) == "a b"


def test_block_type_is_the_snake_case_class_name():
    assert block_type(BulletList([])) == "bullet_list"
    assert block_type(NumberedList([])) == "numbered_list"


def test_to_dict_gives_each_block_a_type_and_text_blocks_their_plain_text():
    doc = Document(Metadata(title="T"), [Heading(1, [Text("T")]), Paragraph([Text("x", italic=True)], "Quote"),
                                          Table([[Text("A")]], [[[Text("1")]]]), Image("p.png", [Text("cap")])])
    data = to_dict(doc)
    assert data["meta"]["title"] == "T"
    assert [b["type"] for b in data["blocks"]] == ["heading", "paragraph", "table", "image"]
    assert data["blocks"][1] == {"type": "paragraph", "style": "Quote", "text": "x",
                                 "inlines": [{"text": "x", "bold": False, "italic": True}]}


def test_text_of_lists_every_paragraph_item_cell_and_caption_in_order():
    doc = Document(blocks=[Heading(2, [Text("H")]), BulletList([[Text("a")], [Text("b")]]),
                           Table([[Text("A")]], [[[Text("1")]]]), Image("p.png", [Text("cap")])])
    assert text_of(doc) == ["H", "a", "b", "A", "1", "cap"]

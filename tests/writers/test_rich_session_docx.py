"""A schema version 2 session's Markdown texts in Word: tables, real hyperlinks, list paragraphs, quotes and code."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from rich_session import rendered, session


def _word(**changes):
    return docx.Document(io.BytesIO(rendered(session(**changes), fmt="docx")))


def test_word_minutes_have_the_table_hyperlinks_lists_quote_and_code():
    word = _word()
    rows = [[c.text for c in row.cells] for table in word.tables for row in table.rows]
    assert ["repairs", "(1,150.00)"] in rows and ["item", "amount"] in rows
    table = next(t for t in word.tables if t.cell(0, 0).text == "item")
    assert table.style.name == "Table Grid"
    rels = {r.rId: r.target_ref for r in word.part.rels.values() if r.is_external}
    links = {rels[h.get(qn("r:id"))] for h in word.element.body.iter(qn("w:hyperlink")) if h.get(qn("r:id"))}
    assert {"https://example.org/accounts_2024.pdf", "https://example.org/bylaws",
            "https://example.org/issues/207_membership"} <= links
    listed = {p.text for p in word.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None}
    assert {"online voting", "shorter terms", "two years", "by 5 %"} <= listed
    styles = {p.text: p.style.name for p in word.paragraphs}
    assert styles["as the committee put it"] == "Quote"
    assert any(p.style.name == "Source Code" and "fixed   width" in p.text for p in word.paragraphs)
    assert any(p.text == "a literal * star and [brackets]" for p in word.paragraphs)


def test_word_minutes_of_version_1_show_the_markup_as_typed():
    word = _word(schema_version=1)
    assert not any(t.cell(0, 0).text == "item" for t in word.tables)
    assert any("| repairs | (1,150.00) |" in p.text for p in word.paragraphs)

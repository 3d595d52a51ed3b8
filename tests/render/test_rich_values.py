"""Schema version 2: the Markdown texts of a session reach the output as Markdown; version 1 texts stay literal."""

from __future__ import annotations

import json

import pytest

from markdown_it import MarkdownIt
from rich_session import rendered, session

from minutes.markdown.escape import Md, md_join
from minutes.markdown.text import first_paragraph, inline, plain
from minutes.render import i18n, limits, templating

MD = MarkdownIt("commonmark").enable("table")


def _tokens(kind="minutes", **changes):
    return MD.parse(rendered(session(**changes), kind).decode())


def _inline_texts(tokens, inside):
    """Return the inline contents of tokens nested in a block of type ``inside`` (e.g. 'td_open')."""
    out, depth = [], 0
    for t in tokens:
        if t.type == inside:
            depth += 1
        elif t.type == inside.replace("_open", "_close"):
            depth -= 1
        elif t.type == "inline" and depth:
            out.append(t.content)
    return out


def _hrefs(tokens):
    return [c.attrGet("href") for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "link_open"]


def test_markdown_minutes_hold_the_table_lists_links_code_and_quote():
    tokens = _tokens()
    cells = _inline_texts(tokens, "td_open")
    assert ["repairs", "(1,150.00)"] == cells[cells.index("repairs"):cells.index("repairs") + 2]
    assert {"https://example.org/accounts_2024.pdf", "https://example.org/bylaws",
            "https://example.org/issues/207_membership"} <= set(_hrefs(tokens))
    items = _inline_texts(tokens, "list_item_open")
    assert {"shorter terms", "two years", "renewable once", "online voting", "by 5 %", "in every group"} <= set(items)
    assert max(t.level for t in tokens if t.type == "ordered_list_open") >= 3  # numbered under a bullet, in a quote
    assert any(t.type == "fence" and t.content == "fixed   width\n" for t in tokens)
    quoted = _inline_texts(tokens, "blockquote_open")
    assert "as the committee put it" in quoted and "NOW, THEREFORE, BE IT RESOLVED, that the revised bylaws are adopted." in quoted
    code = [c.content for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "code_inline"]
    assert "ledger.csv" in code and "bylaws" in code


def test_a_point_of_several_lines_stays_inside_its_list_item():
    tokens = _tokens()
    start = next(i for i, t in enumerate(tokens) if t.type == "inline" and t.content == "dues rose:")
    assert tokens[start + 2].type == "bullet_list_open" and tokens[start + 2].level > 0  # inside the point's item
    assert any(t.type == "inline" and t.content == "a literal \\* star and \\[brackets\\]" for t in tokens)


def test_an_escaped_star_or_bracket_shows_as_itself_in_every_writer():
    data = json.loads(rendered(session(), fmt="json"))
    texts = json.dumps(data, ensure_ascii=False)
    assert "a literal * star and [brackets]" in texts
    assert "\\\\*" not in texts


def test_a_title_with_a_link_and_a_task_with_a_pipe_stay_one_cell():
    tokens = _tokens()
    rows = [t for t in tokens if t.type == "tr_open"]
    cells = _inline_texts(tokens, "td_open")
    assert "Adopt the [revised bylaws](<https://example.org/bylaws>)" in cells or "Adopt the [revised bylaws](https://example.org/bylaws)" in cells
    task = cells[cells.index("Tom Becker") - 1]
    assert task in ("Publish the `bylaws` \\| online", "Publish the `bylaws` | online")
    assert len(rows) >= 4


def test_the_release_joins_the_first_paragraph_to_the_sentence_and_keeps_the_rest_as_blocks():
    text = rendered(session(), "release").decode()
    assert "In his report, he presented the accounts for 2024:" in text or "In his report, Tom Becker presented the accounts for 2024:" in text
    tokens = MD.parse(text)
    assert "repairs" in _inline_texts(tokens, "td_open")
    assert "runs *two* houses" in _inline_texts(tokens, "list_item_open")


def test_a_summary_that_opens_with_a_list_is_no_clause():
    data = session()
    data.proceedings[0].summary = "- first\n- second"
    text = rendered(data).decode()
    assert "Tom Becker - first" not in text and "- first\n- second" in text


@pytest.mark.parametrize("summary", ["3.5 million members joined.", "12 new members were welcomed."])
def test_a_summary_that_opens_with_a_number_is_no_clause(summary):
    data = session()
    data.proceedings[0].summary = summary
    text = rendered(data).decode()
    assert f"Tom Becker {summary}" not in text and f"\n{summary}" in text


def test_raw_html_in_a_text_shows_as_text_and_sets_no_style():
    s = session(proceedings=[{"kind": "discussion", "text": "<!-- style: Title -->\nHello <b>there</b>\n\n<div>x</div>"}])
    out = rendered(s).decode()
    tokens = MD.parse(out)
    assert not [t for t in tokens if t.type == "html_block"]
    assert "<!-- style: Title -->" in rendered(s, fmt="json").decode()  # as the text of a paragraph
    import docx, io  # noqa: E401

    word = docx.Document(io.BytesIO(rendered(s, fmt="docx")))
    assert "Title" not in {p.style.name for p in word.paragraphs[2:]}
    assert any("<b>there</b>" in p.text for p in word.paragraphs) and any(p.text == "<div>x</div>" for p in word.paragraphs)


def test_a_version_1_session_prints_the_same_texts_literally():
    tokens = _tokens(schema_version=1)
    assert "repairs" not in _inline_texts(tokens, "td_open")
    assert any(t.type == "inline" and "\\*online voting\\*" in t.content for t in tokens)


def test_the_json_writer_keeps_the_structure():
    blocks = json.loads(rendered(session(), fmt="json"))["blocks"]
    kinds = {b["type"] for b in blocks}
    assert {"table", "bullet_list", "block_quote"} <= kinds
    quote = next(b for b in blocks if b["type"] == "block_quote")
    assert [b["type"] for b in quote["blocks"]][:3] == ["paragraph", "paragraph", "bullet_list"]
    assert "code_block" in {b["type"] for b in quote["blocks"]}
    table = next(b for b in blocks if b["type"] == "table")
    assert table["align"][1] == "right"


def test_markdown_values_keep_their_markup_when_joined_and_plain_ones_are_escaped():
    md = Md("*a*")
    assert md + " 1. *b*" == "*a* 1. \\*b\\*" and isinstance(md + "x", Md)
    assert "- b*" + md == "\\- b\\**a*"
    assert md_join(["# h", md, "c_"], ", ") == "\\# h, *a*, c\\_"
    assert limits.concat(["*", md]) == "\\**a*" and limits.concat(["*", "b"]) == "*b"
    assert limits.concat_with(["x*", md], " ") == "x\\* *a*"
    cat = i18n.catalog("en")
    assert cat.gettext("{kind}: {title}", kind="Re*port", title=md) == "Re\\*port: *a*"
    assert cat.gettext("{kind}: {title}", kind="Re*port", title="*a*") == "Re*port: *a*"  # plain: escaped when printed
    assert cat.join([md, "b*", "c"]) == "*a*, b\\*, and c"
    assert templating.capfirst(Md("*online* voting")) == "*Online* voting"
    assert templating.oneline(Md("a |\nb \\| c")) == "a \\| b \\| c"
    assert templating.quote(Md("a *b*\n\n- c")) == "> a *b*\n>\n> - c"


def test_a_block_value_in_a_phrase_gives_it_its_first_paragraph_only():
    cat = i18n.catalog("en")
    out = cat.gettext("{subject} {summary} end", subject="Ana*", summary=Md("said *so*\n\n| a |\n|---|\n| b |"))
    assert out == "Ana\\* said *so* end\n\n| a |\n|---|\n| b |\n\n"


def test_inline_values_are_one_line_and_open_no_block():
    assert inline("1. Budget\nfor *2025*") == "1\\. Budget for *2025*"
    assert inline("# Costs #") == "\\# Costs \\#"
    assert inline("- item") == "\\- item"
    assert MD.parseInline("### 3. " + inline("1. Budget"))[0].content.endswith("1\\. Budget")


def test_plain_text_and_first_paragraph():
    assert plain("See the [accounts](https://x.org) `a*b`\n\n| a | b |\n|---|---|\n| 1 | 2 |") == "See the accounts a*b\na | b\n1 | 2"
    assert plain("a \\* b") == "a * b"
    assert first_paragraph("- a\n- b") is None
    assert first_paragraph("| a |\n|---|\n| b |") is None
    assert first_paragraph("said so:\n- a\n- b") == ("said so:", "- a\n- b")


def test_the_agenda_line_of_a_text_is_cut_from_its_plain_text():
    s = session(proceedings=[{"kind": "discussion", "text": "Members asked whether [*online voting*](https://x.org) needs a quorum. More."}])
    tokens = MD.parse(rendered(s).decode())
    agenda = next(t.content for t in tokens if t.type == "inline" and t.content.startswith("Members asked") and t.level > 2)
    assert agenda == "Members asked whether online voting needs a quorum"


def test_popolo_gets_plain_text():
    from minutes.writers.popolo import export

    data = export(session())
    speech = data["speeches"][0]
    assert "](" not in speech["text"] and "`" not in speech["text"] and "full accounts" in speech["text"] and "repairs | (1,150.00)" in speech["text"]
    assert speech["title"] == "Accounts for 2024"
    assert data["motions"][0]["text"].startswith("WHEREAS, the bylaws date from 1998; and\nWHEREAS")

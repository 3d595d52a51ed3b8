"""Markdown to document: markdown-it-py, and the fast reader that must agree with it."""

import random
from dataclasses import replace

import pytest
from render_fixtures import EXAMPLES, KINDS, LANGS, congress, large

from minutes.render import context
from minutes.markdown import fast as fastmd
from minutes.render import i18n
from minutes.markdown import reader as markdown
from minutes.store import loader as session
from minutes.render import templating
from minutes.document.tree import BulletList, Heading, Image, NumberedList, PageBreak, Paragraph, Rule, Table, Text
from minutes.writers import WriteOptions
from minutes.markdown.escape import escape
from minutes.writers import md as md_writer

SAMPLE = """# Title *x*

<!-- style: Subtitle -->
*— Sub —*

**Date:** 23 July  
**Time:** 10:00

- a **b**
- c

3. x
4. y

> a quote

| A | B |
|---|---|
| 1 \\| 2 | *x* |

![A caption](<photos/a b.png>)

<!-- pagebreak -->

---

\\###
"""


@pytest.mark.parametrize("fast", [True, False])
def test_every_construct_becomes_its_block(fast):
    blocks = markdown.parse(SAMPLE, fast=fast).blocks
    assert blocks[0] == Heading(1, [Text("Title "), Text("x", italic=True)])
    assert blocks[1] == Paragraph([Text("— Sub —", italic=True)], "Subtitle")
    assert blocks[2].inlines == [Text("Date:", bold=True), Text(" 23 July\n"), Text("Time:", bold=True), Text(" 10:00")]
    assert blocks[3] == BulletList([[Text("a "), Text("b", bold=True)], [Text("c")]])
    assert blocks[4] == NumberedList([[Text("x")], [Text("y")]], start=3)
    assert blocks[5] == Paragraph([Text("a quote")], "Quote")
    assert isinstance(blocks[6], Table) and blocks[6].rows[0][0] == [Text("1 | 2")]
    assert blocks[7] == Image("photos/a b.png", [Text("A caption")])
    assert isinstance(blocks[8], PageBreak) and isinstance(blocks[9], Rule)
    assert blocks[10] == Paragraph([Text("###")])


def test_soft_breaks_between_chinese_characters_add_no_space():
    assert markdown.parse("会议\n开始。").blocks[0].inlines == [Text("会议开始。")]
    assert markdown.parse("a\nb").blocks[0].inlines == [Text("a b")]


def test_control_characters_never_reach_the_document():
    assert markdown.parse("a\x01b\x00c").blocks[0].inlines[0].text.startswith("ab")


def _rendered():
    sessions = [session.load(p) for p in EXAMPLES] + [congress(), large(300)]
    for s in sessions:
        for lang in LANGS:
            cat = i18n.catalog(lang)
            view = context.build(s, cat)
            for kind in KINDS:
                yield templating.render(kind, view, cat)


def test_the_fast_reader_agrees_with_markdown_it_on_every_shipped_template_output():
    for text in _rendered():
        assert markdown.parse(text).blocks == markdown.parse_tokens(text).blocks


def test_large_english_minutes_and_releases_are_read_without_markdown_it():
    """Speed: the fast reader reads every line the shipped templates write for a plain English session."""
    def slow(text):
        raise AssertionError(f"deferred to markdown-it: {text!r}")

    cat = i18n.catalog("en")
    view = context.build(large(300), cat)
    for kind in KINDS:
        assert fastmd.parse(templating.render(kind, view, cat), slow) is not None


TRICKY = [
    "a\n- b", "- a\n\n- b", "- a\nb", "1. a\n1) b", "Title\n===", "Title\n---", "para\n# head", "    code",
    "```\ncode\n```", "<div>x</div>", "[ref]: http://x\n\n[ref]", "a  \nb", "a\\\nb", "**a**b", "a**b**",
    "*a *b*", "**a:**b", "***x***", "_a_ b", "`code` x", "&amp; &copy;", "<http://x.org>", "| a |\n|---|\n| b",
    "| a | b |\n|---|---|\n| 1 |", "> q\nlazy", "- # h", "![x](y.png) tail", "1. a\n\n2. b", "x\n\n\n- a\n  - b",
    "*", "**", "- ", "#", "# a #", "a *b* c *d*", "*(note)*", "**Label:** *x*.", "\\*lit\\*", "[x](y)",
    # control characters: the fast reader cleans run by run only text that holds any
    "**a\x01:** b\x02  \nc", "# a\x0b", "- a\x1f\n- b", "| a\x01 | b |\n|---|---|\n| 1 | \x02 |", "> *q\x01*",
    "0. zero\n1. one", "**a**  \n**b**  \nc  ",
    # escapes and form lines, read without markdown-it when nothing else is special
    "Signature: ___  Date: ___", "**Chair:** A  \nSignature: ___  Date: __", "\\###", "a \\_ b", "Q\\&A",
    "_\\! x a \\!_", "\\[x\\] \\<y\\>", "_ a\n_b_", "x _\n_ y", "a\x1c_ b", "会\n\\*x", "\\\\*x*", "x \\",
    # found by tests/markdown/test_markdown_differential.py: what may start a block inside a quote or end a paragraph
    "> a\n> =", "> a\n> ---", "a\n***", "a\n___", "> [a]: http://x", "- [a]: http://x",
    "<!-- style: Subtitle -->\n> q\n\np", "![Report \\[Melissa Warnkin\\]](<a.png>)", "![a](b.png)",
    "![<a b=\"](<p\">)", "![a <http://x](<p.png>)", "![a](<p.png>) b",
    # links: autolinks, template links, a picture inside text
    "<https://x.org/a_b> starts", "- <https://x.org/a>\n- b", "> <mailto:a@b.org>", "![a <https://x.org/p> b](<p.png>)",
    "x [t](https://x.org/a_b) y", "[t](<u v>)", "**[b](https://x.org)**", "x ![a \\[b\\]](<p.png>) y",
]


@pytest.mark.parametrize("text", TRICKY)
def test_the_fast_reader_agrees_with_markdown_it_on_tricky_input(text):
    assert markdown.parse(text).blocks == markdown.parse_tokens(text).blocks


def test_escaped_random_text_reads_back_literally():
    rng = random.Random(7)
    alphabet = "ab 1.-+*_#>|[]()!<&`\\~=:\n会 "
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))).strip()
        if not text.strip() or "\n" in text:
            continue
        doc = markdown.parse(escape(text))
        got = "".join(r.text for b in doc.blocks for r in b.inlines)
        assert got == text, text


def _in_markdown(blocks: list) -> list:
    """Return the blocks as Markdown can hold them: a paragraph's Word style (Subtitle) is Word's alone."""
    return [replace(b, style=None) if isinstance(b, Paragraph) and b.style != "Quote" else b for b in blocks]


def test_the_markdown_writer_round_trips_the_document():
    for text in _rendered():
        doc = markdown.parse(text)
        again = markdown.parse(md_writer.write(doc, WriteOptions()).decode())
        assert again.blocks == _in_markdown(doc.blocks)


@pytest.mark.parametrize("fast", [True, False])
def test_a_caption_with_escaped_brackets_is_a_picture_with_that_caption(fast):
    text = "![" + escape("Report [Melissa Warnkin]") + "](<photos/a.png>)\n"
    doc = markdown.parse(text) if fast else markdown.parse_tokens(text)
    assert doc.blocks == [Image("photos/a.png", [Text("Report [Melissa Warnkin]")])]


@pytest.mark.parametrize("fast", [True, False])
def test_links_are_runs_with_their_target(fast):
    text = "See [the *rules*](https://x.org/r_1) or <https://x.org/a_b>.\n\n- ![x \\[1\\]](<p.png>) y"
    doc = markdown.parse(text) if fast else markdown.parse_tokens(text)
    assert doc.blocks[0].inlines == [
        Text("See "), Text("the ", href="https://x.org/r_1"), Text("rules", italic=True, href="https://x.org/r_1"),
        Text(" or "), Text("https://x.org/a_b", href="https://x.org/a_b"), Text("."),
    ]
    assert doc.blocks[1].items == [[Text("x [1] y")]]

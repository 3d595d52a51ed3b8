"""Markdown writer: CommonMark with optional front matter written by the YAML library."""

import yaml
from markdown_it import MarkdownIt
from render_fixtures import LANGS, congress

from minutes.document import Document, Heading, Metadata, Paragraph, Text
from minutes.render import RenderOptions, render_session
from minutes.writers import WRITERS, WriteOptions


def _front(data: bytes) -> tuple[dict, str]:
    text = data.decode()
    assert text.startswith("---\n")
    head, _, body = text[4:].partition("\n---\n")
    return yaml.safe_load(head), body


def test_hugo_front_matter_links_the_languages_of_one_release():
    keys = set()
    for lang in LANGS:
        out = render_session(congress(), None, RenderOptions(kind="release", lang=lang, front_matter="hugo"))
        meta, body = _front(out.data)
        assert meta["lang"] == lang and meta["tags"] == ["DPRK ISG", "2nd ICS"] and meta["categories"] == ["News"]
        assert str(meta["date"]) == "2023-07-25"
        keys.add(meta["translationKey"])
    assert len(keys) == 1


def test_jekyll_and_pandoc_front_matter_carry_their_own_fields():
    jekyll, _ = _front(render_session(congress(), None, RenderOptions(front_matter="jekyll")).data)
    assert "translationKey" not in jekyll and jekyll["title"].startswith("Minutes of the")
    pandoc, _ = _front(render_session(congress(), None, RenderOptions(front_matter="pandoc", lang="de")).data)
    assert pandoc["lang"] == "de" and pandoc["keywords"] == ["DPRK ISG", "2nd ICS"] and pandoc["author"]


def test_front_matter_is_safe_yaml_whatever_the_title_holds():
    doc = Document(Metadata(title='A: "quoted" # not a comment\n---', date="2024-01-01"), [Paragraph([Text("x")])])
    meta, body = _front(WRITERS["md"](doc, WriteOptions(front_matter="hugo")))
    assert meta["title"] == 'A: "quoted" # not a comment\n---'
    assert body.strip() == "x"


def test_front_matter_replaces_the_title_heading():
    doc = Document(Metadata(title="T"), [Heading(1, [Text("T")]), Paragraph([Text("x")])])
    _, body = _front(WRITERS["md"](doc, WriteOptions(front_matter="pandoc")))
    assert "# T" not in body


def test_the_markdown_is_commonmark_with_a_table_and_the_end_mark():
    out = render_session(congress(), None, RenderOptions(kind="minutes")).data.decode()
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    types = {t.type for t in tokens}
    assert {"heading_open", "table_open", "bullet_list_open", "ordered_list_open"} <= types
    release = render_session(congress(), None, RenderOptions(kind="release")).data.decode()
    last = [t for t in MarkdownIt("commonmark").parse(release) if t.type == "inline"][-1]
    assert last.content.replace("\\", "") == "###"

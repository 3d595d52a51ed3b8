"""Markdown writer: CommonMark with optional front matter written by the YAML library."""

import random
import shutil

import pytest
import yaml
from markdown_it import MarkdownIt
from render_fixtures import LANGS, congress

from minutes.document.tree import Document, Heading, Metadata, Paragraph, Text
from minutes.markdown.escape import escape, escape_all
from minutes.records.publish import render_session
from minutes.render.pipeline import RenderOptions
from minutes.writers import WRITERS, WriteOptions
from minutes.writers import md


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


def _inlines(markdown: str) -> list[str]:
    return [t.content for t in MarkdownIt("commonmark").enable("table").parse(markdown) if t.type == "inline"]


def test_the_minutes_end_with_the_date_and_content_hash_and_the_release_does_not():
    from minutes.model.digest import content_hash

    session = congress()
    minutes = render_session(session, None, RenderOptions(kind="minutes")).data.decode()
    assert _inlines(minutes)[-1] == f"*2023-07-23 · {content_hash(session)}*"
    release = render_session(session, None, RenderOptions(kind="release")).data.decode()
    assert content_hash(session) not in release


def test_draft_minutes_say_draft():
    for lang, draft in (("en", "Draft"), ("ru", "Проект"), ("zh", "草稿"), ("de", "Entwurf")):
        out = render_session(congress(), None, RenderOptions(kind="minutes", lang=lang)).data.decode()
        header = next(i for i in _inlines(out) if i.startswith("**"))  # the heading block, one line a field
        assert header.split("\n")[-1].endswith(f"** {draft}"), (lang, header)


def test_approved_minutes_give_the_date_and_approver_and_list_the_amendments():
    from render_fixtures import approved

    from minutes.model.digest import content_hash

    session = approved(congress())
    expected = {
        "en": ("Approved on April 9, 2024 by the Board", "Amendments after approval", "April 20, 2024"),
        "ru": ("Утверждён 9 апреля 2024\u202fг. (the Board)", "Изменения после утверждения", "20 апреля 2024\u202fг."),
        "zh": ("已于2024年4月9日由the Board批准", "批准后的修改", "2024年4月20日"),
        "de": ("Genehmigt am 9. April 2024 (the Board)", "Änderungen nach der Genehmigung", "20. April 2024"),
    }
    for lang, (status, heading, when) in expected.items():
        out = render_session(session, None, RenderOptions(kind="minutes", lang=lang)).data.decode()
        tokens = MarkdownIt("commonmark").enable("table").parse(out)
        inline = [t.content for t in tokens if t.type == "inline"]
        header = next(i for i in inline if i.startswith("**"))
        assert header.split("\n")[-1].endswith(f"** {status}"), (lang, header)
        at = inline.index(heading)
        assert tokens[[i for i, t in enumerate(tokens) if t.type == "inline"][at] + 2].type == "table_open"
        assert inline[at + 4: at + 7] == [when, "The treasurer corrected a figure", "set item.3.summary"], lang
        assert inline[-1] == f"*2023-07-23 · {content_hash(session)}*"


def test_escape_skips_only_rules_that_cannot_apply():
    rng = random.Random(11)
    alphabet = "ab 1.)-+=>#~*_[]<|&!`\\\n\t会"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        for block in (True, False):
            assert escape(text, block) == escape_all(text, block), (text, block)


# URLs as people paste them: underscores, parentheses, a query with & and ~, a fragment, a percent escape.
URLS = {
    "summary": "https://example.org/a_b_c/page_1.html",
    "wiki": "https://en.wikipedia.org/wiki/Foo_(bar)",
    "title": "https://x.org/search?q=a_b&lang=en~1#part_2",
    "text": "http://x.org/~user/file_name.pdf",
    "caption": "https://x.org/photo%20one_(2).png",
    "mail": "mailto:ana_weber@example.org",
}


def linked_session():
    """Return the congress day with a URL in a summary, a title, a resolution text, a caption and a text."""
    import copy

    from render_fixtures import CONGRESS

    from minutes.model.schema import Session

    data = copy.deepcopy(CONGRESS)
    data["schema_version"] = 1  # every text literal, each URL in it made a link
    items = data["proceedings"]
    items[1]["summary"]["en"] = f"spoke about {URLS['summary']}, and ({URLS['wiki']})."
    items[3]["title"]["en"] = f"The rules at {URLS['title']}"
    items[3]["attachments"][0]["caption"]["en"] = f"Slide: {URLS['caption']}"
    items[4]["text"]["en"] = f"Write to {URLS['mail']}."
    items[5]["text"] = {"en": f"The telegram ({URLS['text']}) is adopted."}
    return Session.model_validate(data)


def _links(markdown: str) -> list[tuple[str, str]]:
    """Return (href, text) of every link markdown-it reads, in pictures' descriptions too."""
    found = []

    def visit(children):
        for k, c in enumerate(children):
            if c.type == "link_open":
                found.append((c.attrGet("href"), children[k + 1].content))
            visit(c.children or [])

    visit([c for t in MarkdownIt("commonmark").enable("table").parse(markdown) for c in (t.children or [])])
    return found


def test_a_url_in_any_data_text_is_a_working_link_in_the_markdown():
    for kind in ("minutes", "release"):
        out = render_session(linked_session(), None, RenderOptions(kind=kind)).data.decode()
        links = _links(out)
        wanted = [u for k, u in URLS.items() if kind == "minutes" or k not in ("text",)]
        for url in wanted:
            assert (url, url) in links, (kind, url, links)
        assert "\\_" not in "".join(href for href, _ in links)


def test_a_link_written_in_a_template_is_kept(tmp_path):
    template = tmp_path / "t.md.j2"
    template.write_text("# {{ session.title }}\n\nRead [the rules_2024](https://x.org/rules_2024?a=1&b=2) now.\n")
    out = render_session(congress(), None, RenderOptions(template=template)).data.decode()
    assert _links(out) == [("https://x.org/rules_2024?a=1&b=2", "the rules_2024")]


def test_a_link_run_is_written_as_an_autolink_or_a_link_with_its_text():
    def one(run):
        return md.write(Document(Metadata(), [Paragraph([run])]), WriteOptions()).decode().strip()

    assert one(Text("https://x.org/a_b", href="https://x.org/a_b")) == "<https://x.org/a_b>"
    assert one(Text("the *site*", bold=True, href="https://x.org/a>b")) == "**[the \\*site\\*](<https://x.org/a\\>b>)**"
    assert one(Text("https://x.org/a%20b", href="https://x.org/a%20b")) == "[https://x.org/a%20b](<https://x.org/a%20b>)"


def test_trailing_punctuation_stays_out_of_the_link():
    cases = {
        "See https://x.org/a.": "https://x.org/a", "(https://x.org/a_(b))": "https://x.org/a_(b)",
        "at https://x.org/a, then": "https://x.org/a", "访问https://x.org/a。": "https://x.org/a",
        "https://x.org/a?b=1!": "https://x.org/a?b=1", "'https://x.org/a_'": "https://x.org/a_",
    }
    for text, url in cases.items():
        assert _links(escape(text)) == [(url, url)], text


def test_a_subtitle_is_a_plain_paragraph_in_markdown_and_the_subtitle_style_in_word():
    import io

    import docx

    for kind in ("minutes", "release"):
        out = render_session(congress(), None, RenderOptions(kind=kind)).data.decode()
        assert "<!--" not in out, kind
        word = docx.Document(io.BytesIO(render_session(congress(), None, RenderOptions(kind=kind, fmt="docx")).data))
        assert [p.style.name for p in word.paragraphs].count("Subtitle") == 1, kind


def test_the_json_document_carries_each_link_target():
    import json

    data = json.loads(render_session(linked_session(), None, RenderOptions(fmt="json")).data)
    runs = [r for b in data["blocks"] for r in b.get("inlines", [])]
    links = {r["text"]: r["href"] for r in runs if "href" in r}
    assert links[URLS["summary"]] == URLS["summary"] and links[URLS["mail"]] == URLS["mail"]
    assert all("href" not in r for r in runs if r["text"] not in links)


def test_a_picture_whose_file_has_markdown_characters_stays_a_picture():
    """(A picture given by URL is a link, as docs/format.md says: tests/render/test_attachments.py.)"""
    import copy

    from render_fixtures import CONGRESS

    from minutes.document.tree import Image
    from minutes.model.schema import Session
    from minutes.render.pipeline import build_document

    for file in ("photos/a_b & c <1>.png", "photos\\win_1.png", "a&amp;b.png"):
        data = copy.deepcopy(CONGRESS)
        data["proceedings"][3]["attachments"][0]["file"] = file
        for kind in ("minutes", "release"):
            doc = build_document(Session.model_validate(data), None, RenderOptions(kind=kind))
            assert [b.path for b in doc.blocks if isinstance(b, Image)] == [file], (file, kind)
            again = render_session(Session.model_validate(data), None, RenderOptions(kind=kind)).data.decode()
            images = [c for t in MarkdownIt("commonmark").parse(again) for c in t.children or () if c.type == "image"]
            assert [i.attrGet("src") for i in images] == [MarkdownIt().normalizeLink(file)], (file, kind)


def _hugo_site(tmp_path, page: str):
    """Build a minimal Hugo site holding ``page`` as its one post; return the HTML and Hugo's run."""
    import os
    import subprocess

    site = tmp_path / "site"
    (site / "content" / "posts").mkdir(parents=True)
    (site / "content" / "posts" / "page.md").write_text(page, encoding="utf-8")
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "T"\n')
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text("<html><body>{{ .Content }}</body></html>\n")
    (layouts / "list.html").write_text("<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n")
    run = subprocess.run(["hugo", "--quiet", "--source", str(site)], timeout=120, capture_output=True, text=True,
                         env={**os.environ, "HUGO_CACHEDIR": str(tmp_path / "hugo-cache")})
    html = site / "public" / "posts" / "page" / "index.html"
    return (html.read_text(encoding="utf-8") if html.exists() else ""), run


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")
def test_hugo_runs_no_shortcode_typed_in_a_session_and_shows_it_as_typed(tmp_path):
    from minutes.records.publish import render_session
    from minutes.render.pipeline import RenderOptions
    from minutes.store.loader import parse
    from minutes.store import yamlio

    typed = ['{{< youtube dQw4w9WgXcQ >}}', '{{% ref "secret.md" %}}', '{{<figure src="x">}}']
    data = {"title": "T", "date": "2024-03-12", "people": [{"id": "a", "name": "Ana"}], "attendees": [{"person": "a"}],
            "proceedings": [{"kind": "note", "text": t} for t in typed]}
    page = render_session(parse(yamlio.dump(data)), None, RenderOptions(front_matter="hugo")).data.decode()
    html, run = _hugo_site(tmp_path, page)
    assert run.returncode == 0, run.stderr
    assert "<iframe" not in html and "youtube.com" not in html
    import html as html_module

    shown = html_module.unescape(html).replace("“", '"').replace("”", '"')
    for t in typed:
        assert t in shown, (t, shown)
    # Without Hugo front matter the Markdown is left as it was.
    plain = render_session(parse(yamlio.dump(data)), None, RenderOptions()).data.decode()
    assert "{{&lt;" not in plain and "&#123;" not in plain

"""Sections in the rendered documents: headings with their addresses, "None.", the agenda of sections, `--kind agenda`."""

from __future__ import annotations

import io
import re

import docx
import pytest
import yaml
from markdown_it import MarkdownIt

from minutes.model import address
from minutes.model.schema import Session
from minutes.records.publish import render_session
from minutes.render.pipeline import RenderOptions

LINK = "https://example.org/issues/7_rules"


def garden_club() -> dict:
    """Return a made-up session: sections 1, 2, 2A (in 2), 3, 3A (in 3), 4 (empty) and 5 (a link in its title)."""
    return {
        "schema_version": 2, "title": "Annual Meeting", "organization": "Hill Garden Club", "date": "2025-03-14",
        "start": "19:00", "lang": "en", "chair": "ada",
        "people": [{"id": "ada", "name": "Ada Park", "pronoun": "she", "role": "Chair"},
                   {"id": "tom", "name": "Tom Ruiz", "pronoun": "he", "role": "Treasurer"}],
        "attendees": [{"person": "ada", "status": "present"}, {"person": "tom", "status": "present"}],
        "proceedings": [
            {"kind": "section", "title": "Opening",
             "items": [{"kind": "procedure", "text": "The chair opened the meeting at seven."}]},
            {"kind": "section", "title": "Reports", "items": [
                {"kind": "section", "label": "2A", "title": "Treasurer's report", "presenter": "tom", "items": [
                    {"kind": "report", "presenter": "tom", "title": "Seed accounts", "summary": "The accounts balance."},
                    {"kind": "action", "id": "20250314-1", "task": "Publish the seed accounts", "owner": "tom"},
                ]},
            ]},
            {"kind": "section", "title": "Resolutions", "note": "Votes need a quorum of ten.", "items": [
                {"kind": "section", "label": "3A", "title": "Greenhouse rules", "items": [
                    {"kind": "resolution", "title": "Adopt the greenhouse rules", "text": "The rules are adopted.",
                     "vote": {"for": 9, "against": 1, "abstain": 0}, "result": "adopted"},
                ]},
            ]},
            {"kind": "section", "title": "Unfinished business"},
            {"kind": "section", "title": f"[Issue 7]({LINK}): watering rota",
             "items": [{"kind": "discussion", "text": "Members compared watering rotas."}]},
        ],
    }


SECTIONS = ["1. Opening", "2. Reports", "2A. Treasurer's report", "3. Resolutions", "3A. Greenhouse rules",
            "4. Unfinished business", "5. Issue 7: watering rota"]
ITEM_WORDS = ["opened the meeting", "Seed accounts", "accounts balance", "Publish the seed", "greenhouse rules are",
              "Adopt the greenhouse", "compared watering"]


def render(kind: str = "minutes", fmt: str = "md", lang: str | None = None, data: dict | None = None, **options) -> bytes:
    """Return the rendered bytes of the made-up session (or ``data``)."""
    session = Session.model_validate(data or garden_club())
    return render_session(session, None, RenderOptions(kind=kind, fmt=fmt, lang=lang, **options)).data


def _plain(text: str) -> str:
    """Return a title as read, whether its link was printed as Markdown or literally (brackets and target)."""
    return re.sub(r"\(<?https?://[^)]*>?\)", "", text).replace("[", "").replace("]", "")


def tokens(md: bytes) -> list:
    return MarkdownIt("commonmark").enable("table").parse(md.decode())


def text_of(inline) -> str:
    """Return the text of an inline token as a reader sees it (link targets left out)."""
    return "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline")) or inline.content


def headings(md: bytes) -> list[tuple[int, str, object]]:
    """Return (level, text, inline token) of every heading."""
    toks = tokens(md)
    return [(int(t.tag[1]), text_of(toks[i + 1]), toks[i + 1]) for i, t in enumerate(toks) if t.type == "heading_open"]


def agenda_lines(md: bytes) -> list[tuple[int, str]]:
    """Return (nesting depth, text) of every list item under the minutes' "Agenda" heading."""
    toks = tokens(md)
    start = next(i for i, t in enumerate(toks) if t.type == "inline" and t.content == "Agenda")
    out, depth = [], 0
    for t in toks[start + 2:]:
        if t.type == "heading_open":
            break
        depth += {"bullet_list_open": 1, "bullet_list_close": -1}.get(t.type, 0)
        if t.type == "inline":
            out.append((depth - 1, text_of(t)))
    return out


def test_sections_are_headings_with_their_addresses_one_level_deeper_per_nesting():
    found = {text.split(" ", 1)[0]: level for level, text, _ in headings(render())}
    assert (found["1."], found["2."], found["2A."], found["3A."], found["4."], found["5."]) == (3, 3, 4, 4, 3, 3)
    assert found["2A.1."] == 5 and found["3A.1."] == 5  # the report and the resolution, below their section


def test_every_address_printed_reaches_the_entry_it_labels():
    data = garden_club()
    md = render(data=data)
    printed = [(text.split(". ", 1)) for _, text, _ in headings(md) if re.match(r"\w+(\.\w+)*\. ", text)]
    assert len(printed) == 9
    for label, title in printed:
        entry = address.find(data, label).entry
        assert entry.get("title") in title or title.endswith(entry["title"].split(": ")[-1]), (label, title)
    rows = [line.split(" | ")[0].strip("| ") for line in md.decode().splitlines() if re.match(r"\| \w+\.\d+ \|", line)]
    assert rows == ["3A.1", "2A.2"]  # the resolutions table, then the action items table
    assert address.find(data, "3A.1").entry["kind"] == "resolution"
    assert address.find(data, "2A.2").entry["kind"] == "action"
    assert "**2A.2. Action 20250314-1:**" in md.decode()


def test_items_in_a_section_have_no_generic_heading_and_an_empty_section_says_none():
    md = render()
    texts = [text for _, text, _ in headings(md)]
    assert not any("Procedure" in t or "Discussion" in t for t in texts)
    toks = tokens(md)
    at = next(i for i, t in enumerate(toks) if t.type == "inline" and t.content == "4. Unfinished business")
    assert (toks[at + 2].type, toks[at + 3].content) == ("paragraph_open", "None.")
    opened = next(i for i, t in enumerate(toks) if t.type == "inline" and t.content == "1. Opening")
    assert toks[opened + 3].content == "The chair opened the meeting at seven."
    assert md.decode().count("None.") == 1
    assert "**Presenter:** Tom Ruiz, Treasurer" in md.decode() and "\n\nVotes need a quorum of ten.\n\n" in md.decode()  # a section's note: its own blocks


def test_a_section_title_with_a_link_is_a_heading_holding_the_link():
    links = [(c.attrs.get("href"), inline.children[k + 1].content) for _, _, inline in headings(render())
             for k, c in enumerate(inline.children) if c.type == "link_open"]
    assert (LINK, "Issue 7") in links


def test_the_agenda_of_the_minutes_lists_the_sections_nested_and_no_items():
    lines = agenda_lines(render())
    assert [(d, _plain(t)) for d, t in lines] == [
        (0, SECTIONS[0]), (0, SECTIONS[1]), (1, SECTIONS[2]), (0, SECTIONS[3]), (1, SECTIONS[4]), (0, SECTIONS[5]),
        (0, SECTIONS[6]),
    ]
    agenda = " ".join(t for _, t in lines)
    assert not any(word in agenda for word in ITEM_WORDS)


def test_no_agenda_drops_the_agenda_and_keeps_the_proceedings():
    md = render(agenda=False).decode()
    assert "## Agenda" not in md and "### 2. Reports" in md
    flat = {**garden_club(), "proceedings": [{"kind": "discussion", "text": "A flat item."}]}
    assert "## Agenda" in render(data=flat).decode() and "## Agenda" not in render(data=flat, agenda=False).decode()


def test_the_release_tells_the_items_of_every_section_in_file_order_and_no_section():
    md = render("release").decode()
    at = [md.index(w) for w in ("opened the meeting", "Seed accounts", "Adopt the greenhouse", "compared watering")]
    assert at == sorted(at)
    assert not any(title in md for title in ("Opening", "Reports", "Treasurer's report", "Unfinished"))


def test_the_agenda_kind_in_markdown_lists_the_sections_with_presenters_and_notes_and_no_items():
    md = render("agenda")
    found = [(level, _plain(text)) for level, text, _ in headings(md)]
    assert found[0] == (1, "Agenda of the Annual Meeting")
    assert [t for _, t in found[1:]] == SECTIONS
    assert [level for level, _ in found[1:]] == [2, 2, 3, 2, 3, 2, 2]
    text = md.decode()
    assert "**Presenter:** Tom Ruiz, Treasurer" in text and "Votes need a quorum of ten." in text
    assert "**Chair:** Ada Park, Chair" in text and "Hill Garden Club" in text and "19:00" in text
    assert not any(word in text for word in ITEM_WORDS) and "None." not in text


def test_the_agenda_kind_in_word_lists_the_sections_and_no_items():
    word = docx.Document(io.BytesIO(render("agenda", "docx")))
    paragraphs = [p.text for p in word.paragraphs]
    titled = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert [_plain(t) for t in titled] == SECTIONS
    assert not any(word in p for p in paragraphs for word in ITEM_WORDS)


def test_the_agenda_kind_as_json_and_pdf_and_a_flat_notice_without_sections(tmp_path):
    import json

    blocks = json.loads(render("agenda", "json"))["blocks"]
    assert [b["type"] for b in blocks].count("heading") == 8
    flat = {**garden_club(), "proceedings": [{"kind": "discussion", "text": "The budget for the seeds."},
                                             {"kind": "resolution", "title": "Buy seeds", "result": "adopted"}]}
    md = render("agenda", data=flat).decode()
    assert "1. The budget for the seeds\n2. Resolution: Buy seeds" in md


@pytest.mark.parametrize("lang, agenda, none", [
    ("de", "Tagesordnung: Annual Meeting", "Keine."),
    ("ru", "Повестка дня: Annual Meeting", "Нет."),
    ("zh", "Annual Meeting议程", "无。"),
])
def test_the_agenda_and_none_are_in_the_language_of_the_output(lang, agenda, none):
    assert headings(render("agenda", lang=lang))[0][1] == agenda
    minutes = render(lang=lang)
    toks = tokens(minutes)
    at = next(i for i, t in enumerate(toks) if t.type == "inline" and t.content.startswith("4. Unfinished"))
    assert toks[at + 3].content == none
    word = docx.Document(io.BytesIO(render("agenda", "docx", lang=lang)))
    assert word.paragraphs[0].text == agenda


def test_the_render_command_takes_the_agenda_kind_and_no_agenda(cli):
    (cli.folder / "club.yaml").write_text(yaml.safe_dump(garden_club(), allow_unicode=True), encoding="utf-8")
    cli("use", "club.yaml")
    notice = cli("render", "--kind", "agenda", "--out", "-").stdout
    assert notice.startswith("# Agenda of the Annual Meeting") and "## 4. Unfinished business" in notice
    minutes = cli("render", "--no-agenda", "--out", "-").stdout
    assert "## Agenda" not in minutes and "### 4. Unfinished business" in minutes
    assert "## Agenda" in cli("render", "--out", "-").stdout
    cli("render", "--kind", "agenda", "--format", "docx", "--out", "out")
    assert (cli.folder / "out" / "2025-03-14-club.agenda.en.docx").is_file()


def _rendered(proceedings: list, fmt: str = "md") -> bytes:
    from minutes.model.schema import Session
    from minutes.records.publish import render_session

    s = Session.model_validate({"schema_version": 2, "title": "Board", "date": "2025-01-21",
                                "people": [{"id": "ro", "name": "Ro"}], "proceedings": proceedings})
    return render_session(s, None, RenderOptions(kind="minutes", fmt=fmt)).data


def test_texts_found_by_new_users_read_as_their_structure():
    md = _rendered([{"kind": "section", "title": "Reports", "items": [
        {"kind": "section", "label": "4A", "title": "Chair", "note": "No report was submitted."},
        {"kind": "report", "presenter": "ro", "title": "Treasurer",
         "summary": "Figures:\n\nDirected Sponsorship\n-----\n\n- one", "note": "Read out.\n\nTwice."},
        {"kind": "discussion", "text": "After the sub-section."},
    ]}]).decode()
    tokens = MarkdownIt("commonmark").parse(md)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert "Directed Sponsorship" not in headings and "**Directed Sponsorship**" in md  # a text's heading is bold
    assert "1.3. Discussion" in headings  # after a sub-section, an item has a heading of its own
    assert "None." not in md  # 4A has a note that says why it is empty
    assert "*Note:*\n\nRead out.\n\nTwice." in md  # a note of two paragraphs after its label


def test_word_headings_go_one_style_deeper_per_level():
    doc = docx.Document(io.BytesIO(_rendered([{"kind": "section", "title": "A", "items": [
        {"kind": "section", "label": "1A", "title": "B", "items": [{"kind": "report", "presenter": "ro", "title": "C"}]},
    ]}], "docx")))
    styles = {p.text: p.style.name for p in doc.paragraphs if p.style.name.startswith("Heading")}
    assert (styles["1. A"], styles["1A. B"], styles["1A.1. Report: “C”"]) == ("Heading 2", "Heading 3", "Heading 4")


def test_a_bare_url_in_a_text_is_a_link_in_markdown_word_and_json():
    import json as _json

    items = [{"kind": "procedure", "text": "Other time zones: https://example.org/tz and `https://example.org/code`."}]
    md = _rendered(items).decode()
    assert "<https://example.org/tz>" in md and "`https://example.org/code`" in md
    doc = docx.Document(io.BytesIO(_rendered(items, "docx")))
    assert "https://example.org/tz" in {r.target_ref for r in doc.part.rels.values() if r.is_external}
    runs = [r for b in _json.loads(_rendered(items, "json"))["blocks"] for r in b.get("inlines", [])]
    assert {"text": "https://example.org/tz", "bold": False, "italic": False, "href": "https://example.org/tz"} in runs
    assert not any(r.get("href") == "https://example.org/code" and r.get("code") for r in runs)  # code stays code

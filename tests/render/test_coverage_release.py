"""The meetings-coverage release: its order as a reader sees it, the lead made of the deciding vote, reported speech,
each generated sentence behind its switch, four languages, and the same document in Word."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from minutes.model.settings import SessionSettings
from minutes.records.publish import render_file, render_session
from minutes.render import coverage, i18n
from minutes.render.context import Builder
from minutes.render.pipeline import RenderOptions
from minutes.store.loader import load

EXAMPLE = next((Path(__file__).parents[2] / "examples" / "press-coverage").glob("2*.yaml"))
GOLDEN = Path(__file__).parents[1] / "golden"


def release(session=None, lang: str = "en", fmt: str = "md", **settings) -> str | bytes:
    """Return the example (or ``session``) as a coverage release, with ``settings`` laid over its release settings."""
    s = session or load(EXAMPLE)
    if settings:
        s = s.model_copy(update={"settings": SessionSettings.model_validate({"release": settings})})
    out = render_session(s, EXAMPLE, RenderOptions(kind="release", style="coverage", lang=lang, fmt=fmt)).data
    return out if fmt != "md" else out.decode()


def blocks(markdown: str) -> list[tuple[str, str]]:
    """Return (tag, text) of each heading and paragraph, as markdown-it reads them."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [(tokens[i - 1].tag, t.content) for i, t in enumerate(tokens)
            if t.type == "inline" and tokens[i - 1].type in ("heading_open", "paragraph_open")]


@pytest.mark.parametrize("lang, label, date, meeting, statements", [
    ("en", "**Meetings Coverage** · NWC/RC/1187", "October 14, 2025",
     "Regional Council of the Northern Waters Compact, 214th Meeting (PM)", "Statements"),
    ("ru", "**Освещение заседаний** · NWC/RC/1187", "14 октября 2025\u202fг.",
     "Региональный совет Пакта северных вод, 214-е заседание (дневное)", "Выступления"),
])
def test_the_golden_coverage_reads_in_the_order_of_a_press_office(lang, label, date, meeting, statements):
    text = (GOLDEN / f"press-coverage.2025-10-14.release-coverage.{lang}.md").read_text(encoding="utf-8")
    read = blocks(text)
    tags = [tag for tag, _ in read]
    texts = [t for _, t in read]
    assert texts[:3] == [label, date, meeting]
    assert tags[3] == "h1" and tags[4] == "p" and tags[5] == "p"  # headline, subheadline, then the lead
    lead = texts[5]
    assert "12 (2025)" in lead and ("6 in favour to none against, with 2 abstentions (Harland, Orvania)" in lead
                                    or "6 голосами «за» при 2 воздержавшихся (Харланд, Орвания)" in lead)
    h2 = [t for tag, t in read if tag == "h2"]
    assert h2[0] == statements and h2[1].lower().startswith(("resolution 12", "резолюция 12"))
    at = texts.index(statements)
    assert texts.index(h2[1]) > at and texts.index(lead) < at
    assert texts[-2].startswith("*") and texts[-1] == r"\* \*\*\* \*"  # the other languages, the end mark ("* *** *")
    assert text == render_file(EXAMPLE, RenderOptions(kind="release", style="coverage", lang=lang)).data.decode()


def test_each_statement_is_reported_speech_whatever_way_its_summary_was_typed():
    text = release()
    # a predicate, a predicate typed as a sentence, a sentence, a sentence starting with a name, points of both kinds
    assert "Tomas Lindqvist (Norland) introduced the draft on behalf of its sponsors, noting" in text
    assert "He added that the text was negotiated over six rounds of informal consultations." in text
    assert "Marta Kovač (Valdoria) welcomed the adoption and called for" in text
    assert "Jonas Vilde (Harland) said that the text moves too fast" in text
    assert "He also asked that the review be brought forward by one year." in text
    assert "Chen Mei (Orvania) said that Orvania supports the aims" in text
    assert "Also speaking was Pieter Aalst (Lowmark)." in text
    assert "Welcomed" not in text and "said that The" not in text


@pytest.mark.parametrize("text, lang, expected", [
    ("Outlined the history of the Group.", "en", "outlined the history of the Group."),
    ("The Group has grown.", "en", None), ("United Nations agencies agreed.", "en", None),
    ("Stressed, again, the cost.", "en", "stressed, again, the cost."),
    ("Подчеркнул, что сеть нужна.", "ru", "подчеркнул, что сеть нужна."), ("Совет принял текст.", "ru", None),
    ("Betonte, dass die Daten frei sind.", "de", "betonte, dass die Daten frei sind."), ("Heute ist es so.", "de", None),
])
def test_a_predicate_typed_as_a_sentence_is_told_from_a_sentence(text, lang, expected):
    assert coverage.predicate(text, lang) == expected


def test_a_sentence_after_said_that_keeps_the_capital_of_a_name_only():
    b = Builder(load(EXAMPLE), i18n.catalog("ru"))
    assert coverage.statement(b, "Текст был согласован.", "ru") == "текст был согласован."
    assert coverage.statement(b, "Орвания поддерживает цели.", "ru") == "Орвания поддерживает цели."
    assert coverage.statement(b, "The Group has grown.", "en") == "the Group has grown."
    assert coverage.statement(b, "Norland agrees.", "en") == "Norland agrees."
    assert coverage.statement(b, "UNESCO agrees.", "ru") == "UNESCO agrees."


@pytest.mark.parametrize("lang, times", [
    ("en", "The meeting began at 15:06 and ended at 16:12."),
    ("ru", "Заседание началось в 15:06 и закончилось в 16:12."),
    ("de", "Die Sitzung begann um 15:06 Uhr und endete um 16:12 Uhr."),
    ("zh", "会议于15:06开始，16:12结束。"),
])
def test_the_times_read_as_each_press_office_writes_them(lang, times):
    assert times in release(lang=lang)


def test_each_generated_sentence_honours_its_switch():
    assert "15:06" not in release(times=False)
    assert "presided over the meeting" in release() and "presided" not in release(presided=False)
    hosted = release(hosted=True, attended=True)
    # A body's own meeting has no host (docs/languages.md): no "hosted by" even when the sentence is switched on.
    assert "hosted by" not in hosted and "The meeting was attended by" in hosted
    assert "hosted by" not in release()



def test_without_a_statements_section_the_speeches_are_told_in_the_body():
    text = release(statements=False)
    assert "## Statements" not in text
    read = [t for _, t in blocks(text)]
    at = next(i for i, t in enumerate(read) if t.startswith("Tomas Lindqvist (Norland) introduced"))
    assert read.index("Also speaking was Pieter Aalst (Lowmark).") > at
    assert read.index("The meeting began at 15:06 and ended at 16:12.") > at


def test_the_role_attribution_names_the_role_and_the_full_text_can_be_left_out():
    text = release(attribution="role", full_text=False)
    assert "Aino Rask, President of the Regional Council, presided over the meeting." in text
    assert "Jonas Vilde, Harland, said that" in text and "(Harland, Orvania)" in text
    assert "Establishes" not in text.split("# ", 1)[1].split("\n", 1)[1]  # no resolution text after the headline
    assert "## Resolution 12" not in text


def test_a_written_lead_opens_the_release_and_the_decision_follows_in_the_body():
    s = load(EXAMPLE)
    s = s.model_copy(update={"press": s.press.model_copy(update={"lead": "The Council met under a **new** chair."})})
    read = [t for _, t in blocks(release(s))]
    lead = read.index("The Council met under a **new** chair.")
    decided = next(i for i, t in enumerate(read) if "adopted resolution 12 (2025) by a vote of 6" in t)
    assert lead < decided < read.index("Statements")


def _vote(s, **vote):
    """Return the example with its resolution's vote replaced."""
    data = s.model_dump(by_alias=True, exclude_none=True, mode="json")
    data["proceedings"][2]["vote"] = vote
    return type(s).model_validate(data)


@pytest.mark.parametrize("vote, lang, expected", [
    ({"for": 5, "against": 1, "abstain": 2}, "en", "by a vote of 5 in favour to 1 against, with 2 abstentions."),
    ({"for": 7, "against": 1}, "en", "by a vote of 7 in favour to 1 against."),
    ({"ayes": ["aino-rask", "tomas-lindqvist"], "nays": ["chen-mei"], "abstentions": ["jonas-vilde"]}, "en",
     "by a vote of 2 in favour to 1 against (Orvania), with 1 abstention (Harland)."),
    ({"for": 8}, "ru", "8 голосами «за» при отсутствии голосов «против» была принята"),
    ({"for": 6, "against": 1, "abstain": 1}, "de", "mit 6 Ja-Stimmen bei einer Gegenstimme und einer Enthaltung"),
    ({"for": 6, "abstain": 2}, "zh", "以6票赞成、0票反对、2票弃权通过了"),
    ({"method": "consensus"}, "en", "The Regional Council of the Northern Waters Compact today adopted resolution 12 "
                                   "(2025) by consensus."),
    ({"method": "unanimous", "for": 8}, "en", "today unanimously adopted resolution 12 (2025)."),
])
def test_the_lead_tells_the_deciding_vote_as_coverage_does(vote, lang, expected):
    assert expected in release(_vote(load(EXAMPLE), **vote), lang=lang)


def test_a_rejected_draft_and_a_meeting_with_no_decision_still_have_a_lead():
    data = load(EXAMPLE).model_dump(by_alias=True, exclude_none=True, mode="json")
    data["proceedings"][2].update(result="rejected", vote={"for": 2, "against": 5})
    rejected = release(type(load(EXAMPLE)).model_validate(data))
    assert "today rejected resolution 12 (2025) by a vote of 2 in favour to 5 against." in rejected
    assert "## Resolution 12" not in rejected  # only adopted texts are printed in full
    del data["proceedings"][2]
    assert "The Regional Council of the Northern Waters Compact met today on “Regional Council”." in \
        release(type(load(EXAMPLE)).model_validate(data))


def test_the_resolution_text_keeps_its_markdown_blocks():
    tokens = MarkdownIt("commonmark").parse(release())
    assert [t.type for t in tokens].count("list_item_open") == 4
    assert any(c.type == "em_open" for t in tokens for c in t.children or ())


def test_the_meeting_line_falls_back_to_the_title_without_a_number():
    s = load(EXAMPLE).model_copy(update={"number": None})
    assert blocks(release(s))[2][1] == "Regional Council of the Northern Waters Compact, Regional Council"


def test_the_word_release_opens_with_the_label_the_symbol_the_headline_and_the_lead():
    from docx import Document

    paragraphs = [p.text for p in Document(io.BytesIO(release(fmt="docx"))).paragraphs if p.text.strip()]
    assert paragraphs[0] == "Meetings Coverage · NWC/RC/1187"
    assert paragraphs[1:3] == ["October 14, 2025", "Regional Council of the Northern Waters Compact, 214th Meeting (PM)"]
    assert paragraphs[3].startswith("Regional Council Establishes Joint Monitoring Network")
    assert re.search(r"today adopted resolution 12 \(2025\) by a vote of 6 in favour", paragraphs[5])
    assert paragraphs[4] == "Two Delegations Abstain, Citing Costs for Upstream States"


def test_the_json_release_comes_from_the_same_document():
    import json

    doc = json.loads(release(fmt="json"))
    assert "NWC/RC/1187" in json.dumps(doc, ensure_ascii=False)
    assert "Statements" in json.dumps(doc, ensure_ascii=False)


def test_render_style_coverage_from_the_command_line(cli):
    import shutil

    shutil.copy(EXAMPLE, cli.folder)
    out = cli("render", EXAMPLE.name, "--kind", "release", "--style", "coverage", "--out", "-").stdout
    assert out.startswith("**Meetings Coverage** · NWC/RC/1187\n")
    assert "## Statements" in out

"""How votes, decisions, consent agendas and reviews read in the minutes and the release, in en, de, ru and zh."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from minutes.records.publish import render_session
from minutes.render.pipeline import RenderOptions
from minutes.store import loader

ROOT = Path(__file__).resolve().parents[2]
COUNCIL = ROOT / "tests" / "golden" / "council" / "2024-06-04-city-council.yaml"
PEOPLE = [{"id": i, "name": n, "pronoun": p} for i, n, p in
          (("ana", "Ana Weber", "she"), ("ben", "Ben Okafor", "he"), ("cai", "Cai Lin", "they"),
           ("dee", "Dee Park", "she"), ("eli", "Eli Roth", "he"))]


def session(*proceedings: dict, lang: str = "en") -> str:
    """Return a session file's text holding ``proceedings``."""
    return yaml.safe_dump({"schema_version": 2, "title": "Council", "date": "2024-06-04", "lang": lang,
                           "people": PEOPLE, "proceedings": list(proceedings)}, allow_unicode=True, sort_keys=False)


def minutes(text: str, lang: str = "en", kind: str = "minutes", template: Path | None = None) -> str:
    """Return the Markdown of a session file's text."""
    options = RenderOptions(kind=kind, lang=lang, template=template)
    return render_session(loader.parse(text), None, options).data.decode()


def plain(inline) -> str:
    """Return the text of an inline token, emphasis left out, line breaks as newlines."""
    return "".join("\n" if c.type in ("softbreak", "hardbreak") else c.content for c in inline.children or [])


def paragraphs(markdown: str) -> list[str]:
    """Return the text of every paragraph, as markdown-it reads it (line breaks as newlines)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [plain(t) for i, t in enumerate(tokens) if t.type == "inline" and tokens[i - 1].type == "paragraph_open"]


def table_rows(markdown: str) -> list[list[str]]:
    """Return the cells of every body row of the tables."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    rows, row, body = [], None, False
    for t in tokens:
        body = True if t.type == "tbody_open" else False if t.type == "tbody_close" else body
        if body and t.type == "tr_open":
            row = []
        elif body and t.type == "inline" and row is not None:
            row.append(plain(t))
        elif body and t.type == "tr_close":
            rows.append(row)
    return rows


def resolution(vote, **more) -> dict:
    """Return a resolution with ``vote``."""
    return {"kind": "resolution", "title": "Adopt the plan", "vote": vote, **more}


WORDING = {  # method → the Vote line in en, de, ru, zh
    "counted": ({"for": 6, "against": 4, "abstain": 0}, "6 for, 4 against, 0 abstaining",
                "Ja: 6, Nein: 4, Enthaltungen: 0", "за — 6, против — 4, воздержались — 0",
                "赞成6票，反对4票，弃权0票"),
    "unanimous-counts": ({"method": "unanimous", "for": 17}, "unanimously (17-0-0)",
                         "einstimmig (17 Ja, 0 Nein, 0 Enthaltungen)", "единогласно (за — 17, против — 0, воздержались — 0)",
                         "一致（17票赞成、0票反对、0票弃权）"),
    "unanimous": ({"method": "unanimous"}, "unanimously", "einstimmig", "единогласно", "一致"),
    "general-consent": ("general-consent", "by general consent", "ohne Widerspruch", "без возражений", "无异议"),
    "consensus": ("consensus", "by consensus", "im Konsens", "консенсусом", "协商一致"),
    "voice": ("voice", "by voice vote", "durch Zuruf", "устное голосование", "口头表决"),
    "acclamation": ("acclamation", "by acclamation", "per Akklamation", "путём аккламации", "以鼓掌方式"),
    "ballot": ({"method": "ballot", "for": 3, "against": 2}, "by secret ballot (3 for, 2 against, 0 abstaining)",
               "geheime Abstimmung (Ja: 3, Nein: 2, Enthaltungen: 0)",
               "тайное голосование (за — 3, против — 2, воздержались — 0)", "无记名投票（赞成3票，反对2票，弃权0票）"),
    "roll-call": ({"ayes": ["ana", "ben", "cai"], "nays": ["dee"]}, "by roll call (3 for, 1 against, 0 abstaining)",
                  "namentliche Abstimmung (Ja: 3, Nein: 1, Enthaltungen: 0)",
                  "поимённое голосование (за — 3, против — 1, воздержались — 0)", "唱名表决（赞成3票，反对1票，弃权0票）"),
}
VOTE_LABEL = {"en": "Vote:", "de": "Abstimmung:", "ru": "Голосование:", "zh": "表决："}


@pytest.mark.parametrize("lang", ["en", "de", "ru", "zh"])
@pytest.mark.parametrize("method", list(WORDING))
def test_each_method_reads_in_each_language(method, lang):
    vote, *texts = WORDING[method]
    expected = dict(zip(("en", "de", "ru", "zh"), texts))[lang]
    out = paragraphs(minutes(session(resolution(vote, result="adopted")), lang))
    line = next(p for p in out if p.startswith(VOTE_LABEL[lang]))
    assert line.split("\n")[0] == f"{VOTE_LABEL[lang]} {expected}"


@pytest.mark.parametrize("lang", ["de", "ru", "zh"])
def test_no_english_word_is_left_in_a_translated_vote(lang):
    out = minutes(COUNCIL.read_text(encoding="utf-8"), lang)
    body = out.split("\n## ", 3)[3]  # after the heading block and attendance
    english = {"for", "against", "abstaining", "absent", "roll", "call", "unanimously", "consent", "general",
               "pulled", "balance", "required", "majority", "Vote", "Result", "Disposition", "Ayes", "Nays",
               "explained", "adopted", "carried", "referred", "Decision", "review", "owner", "due", "Items", "Item"}
    # The data itself is English in places (dispositions, a status, a soft due): leave those out.
    data = ("REFERRED TO COMMISSIONER OF FINANCE", "PASSED TO SECOND READING", "Ordinance No.", "COMPLETE",
            "by Monday, if possible")
    for text in data:
        body = body.replace(text, "")
    assert not english & set(re.findall(r"[A-Za-z]+", body))


def test_a_counted_vote_shows_the_absent_and_the_threshold():
    out = paragraphs(minutes(session(resolution({"for": 6, "against": 4, "absent": 1, "threshold": "two-thirds"},
                                                result="failed"))))
    assert "Vote: 6 for, 4 against, 0 abstaining, 1 absent; two-thirds required\nResult: Failed" in out


def test_a_roll_call_names_each_side_and_each_explanation():
    vote = {"ayes": ["ana", "ben", "cai"], "nays": ["dee"], "abstentions": ["eli"],
            "explanations": [{"person": "dee", "text": "the plan forgets the east side."}]}
    out = paragraphs(minutes(session(resolution(vote, result="adopted"))))
    assert "Ayes (3): Ana Weber, Ben Okafor, and Cai Lin. Nays (1): Dee Park. Abstaining (1): Eli Roth." in out
    assert "Dee Park explained the vote: the plan forgets the east side." in out
    ru = paragraphs(minutes(session(resolution(vote, result="adopted")), "ru"))
    assert "Dee Park объяснила мотивы своего голосования: the plan forgets the east side." in ru


def test_several_votes_on_one_item_print_in_order_with_their_questions_then_the_result():
    item = resolution({"on": "the amendment", "for": 4, "against": 1, "result": "adopted"},
                      votes=[{"on": "the main question", "for": 5}], result="carried")
    out = paragraphs(minutes(session(item)))
    assert ("Vote on the amendment: 4 for, 1 against, 0 abstaining — adopted\n"
            "Vote on the main question: 5 for, 0 against, 0 abstaining\nResult: Carried") in out


def test_a_disposition_shows_beside_the_result_or_alone_and_never_with_no_decision():
    referred = resolution(None, result="referred", disposition="REFERRED TO COMMISSIONER OF FINANCE")
    alone = {"kind": "resolution", "title": "Lighting", "disposition": "PASSED TO SECOND READING"}
    out = minutes(session(referred, alone))
    assert "Result: REFERRED TO COMMISSIONER OF FINANCE" in paragraphs(out)  # its own word, not twice
    assert "Disposition: PASSED TO SECOND READING" in paragraphs(out)
    assert "No decision recorded" not in out
    assert ["2", "Lighting", "—", "PASSED TO SECOND READING"] in table_rows(out)


def consent_agenda(vote: object = None) -> dict:
    """Return a consent agenda of four resolutions, the second pulled and voted on by voice."""
    items = [{"kind": "resolution", "title": f"Item {n}"} for n in "ABCD"]
    items[1].update(pulled=True, vote="voice", result="adopted")
    return {"kind": "section", "label": "6", "title": "Consent Agenda", "consent": True,
            **({"vote": vote} if vote else {}), "items": items}


def test_a_consent_agenda_says_what_was_pulled_and_how_the_balance_was_adopted():
    out = minutes(session(consent_agenda({"method": "unanimous", "for": 5})))
    said = paragraphs(out)
    assert ("Consent agenda: Item 6.2 was pulled for separate consideration; the balance was adopted by unanimous "
            "vote (5-0-0).") in said
    assert said.count("Result: Adopted on the consent agenda") == 3
    assert "Pulled for separate consideration." in said
    assert "Vote: by voice vote\nResult: Adopted" in said
    assert "No decision recorded" not in out
    assert ["6.1", "Item A", "—", "Adopted on the consent agenda"] in table_rows(out)


@pytest.mark.parametrize("lang, expected", [
    ("de", "Abstimmung en bloc: Punkt 6.2 wurde zur gesonderten Beratung herausgenommen; die übrigen Punkte wurden "
           "einstimmig (5 Ja, 0 Nein, 0 Enthaltungen) angenommen."),
    ("ru", "Пакет вопросов без обсуждения: Пункт 6.2 исключён из пакета для отдельного рассмотрения; остальные "
           "пункты приняты единогласно (за — 5, против — 0, воздержались — 0)."),
    ("zh", "合并表决事项： 第6.2项已抽出单独审议；其余事项一致（5票赞成、0票反对、0票弃权）通过。"),
])
def test_the_consent_line_reads_in_each_language(lang, expected):
    assert expected in paragraphs(minutes(session(consent_agenda({"method": "unanimous", "for": 5})), lang))


def test_a_block_of_reports_approved_by_general_consent():
    reports = {"kind": "section", "title": "Reports", "vote": "general-consent", "items": [
        {"kind": "report", "presenter": "ana", "title": "Parks"}, {"kind": "report", "presenter": "ben", "title": "Roads"}]}
    assert "The reports of this section were approved by general consent." in paragraphs(minutes(session(reports)))


def test_a_decision_is_a_labelled_paragraph_and_a_review_names_the_action():
    section = {"kind": "section", "title": "Business", "items": [
        {"kind": "decision", "text": "For new projects, the recommendation is no date."},
        {"kind": "action", "id": "20240312-2", "task": "Publish the accounts", "owner_group": "the TSC",
         "due": "by Monday, if possible"},
        {"kind": "review", "action": "20240312-2", "status": "COMPLETE"},
        {"kind": "review", "action": "20240101-9", "status": "sorry, will do"},
        {"kind": "review", "action": "20240101-7", "task": "Send the letters", "done": True},
        {"kind": "review", "action": "20240101-8", "task": "Call the bank"}]}
    out = minutes(session(section))
    said = paragraphs(out)
    assert "1.1. Decision: For new projects, the recommendation is no date." in said  # its address, as everywhere
    assert "1.2. Action 20240312-2: Publish the accounts — owner: the TSC; due by Monday, if possible" in said
    assert "1.3. Action 20240312-2: Publish the accounts — COMPLETE" in said  # the task of this session's action
    assert "1.4. Action 20240101-9: sorry, will do" in said  # an earlier action the review gave no task
    assert "1.5. Action 20240101-7: Send the letters — Done" in said  # the task as the review recorded it
    assert "1.6. Action 20240101-8: Call the bank" in said
    assert ["1.2", "Publish the accounts", "the TSC", "by Monday, if possible", "Open"] in table_rows(out)


def test_a_decision_is_on_the_agenda_of_a_session_without_sections():
    out = minutes(session({"kind": "decision", "text": "The issue should be closed."}), kind="agenda")
    assert "1. Decision: The issue should be closed" in out


def test_the_compact_form_is_picked_by_a_template_variable(tmp_path):
    shipped = (ROOT / "templates" / "minutes.md.j2").read_text(encoding="utf-8")
    own = tmp_path / "minutes.md.j2"
    own.write_text(shipped.replace("vote_form | default(style.vote_form)", '"compact"'), encoding="utf-8")
    items = [resolution({"for": 5, "against": 0}, result="carried"),
             resolution({"ayes": ["ana", "ben", "cai"], "nays": ["dee", "eli"]}, result="adopted"),
             resolution({"ayes": ["ana", "ben", "cai", "dee", "eli"]}, result="adopted"),
             resolution("general-consent", result="adopted")]
    said = paragraphs(minutes(session(*items), template=own))
    for line in ("Result: Carried 5-0-0", "Result: Adopted (Y-3, N-2)", "Result: Adopted (Y-5)",
                 "Result: Adopted without objection"):
        assert line in said
    assert "Ayes (3): Ana Weber, Ben Okafor, and Cai Lin. Nays (2): Dee Park and Eli Roth." in said
    spelled = paragraphs(minutes(session(*items)))
    assert "Vote: 5 for, 0 against, 0 abstaining\nResult: Carried" in spelled


@pytest.mark.parametrize("item, expected", [
    (resolution({"for": 7, "against": 1}, result="carried"),
     "The participants adopted the resolution “Adopt the plan” (7 for, 1 against, 0 abstaining)."),
    (resolution({"method": "unanimous", "for": 15}, result="adopted"),
     "The participants adopted the resolution “Adopt the plan” unanimously (15-0-0)."),
    (resolution("general-consent", result="adopted"),
     "The participants adopted the resolution “Adopt the plan” by general consent."),
    (resolution(None, result="referred", disposition="REFERRED TO FINANCE"),
     "The resolution “Adopt the plan” was referred for further consideration."),
])
def test_the_release_tells_what_was_decided(item, expected):
    assert expected in paragraphs(minutes(session(item), kind="release"))


@pytest.mark.parametrize("result", ["failed", "rejected", "referred", "postponed", "no-action"])
def test_the_release_never_claims_adoption_of_an_item_that_was_not_adopted(result):
    out = minutes(session(resolution({"for": 2, "against": 6}, result=result)), kind="release")
    assert "adopted" not in out


def test_the_council_minutes_make_a_word_document(tmp_path):
    import docx

    data = render_session(loader.parse(COUNCIL.read_text(encoding="utf-8")), None,
                          RenderOptions(kind="minutes", fmt="docx", lang="de")).data
    (tmp_path / "x.docx").write_bytes(data)
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "x.docx")).paragraphs)
    assert "einstimmig (5 Ja, 0 Nein, 0 Enthaltungen) angenommen" in text
    assert "Ja (3): Amanda Fritz, Randy Leonard und Dan Saltzman." in text


def test_a_roll_call_on_a_consent_agenda_names_its_members():
    section = {"kind": "section", "title": "Consent calendar", "consent": True, "result": "adopted",
               "vote": {"ayes": ["ana", "ben"], "nays": ["cai"], "explanations": [{"person": "cai", "text": "Too fast."}]},
               "items": [{"kind": "resolution", "title": "Warrants"}]}
    said = paragraphs(minutes(session(section)))
    assert any(p.startswith("Ayes (2): ") and "Nays (1): " in p for p in said)
    assert any(p.endswith("explained the vote: Too fast.") for p in said)


def test_a_disposition_that_starts_with_the_result_is_not_doubled():
    item = {"kind": "resolution", "title": "Code change", "result": "referred",
            "disposition": "Referred to the Planning Commission"}
    said = paragraphs(minutes(session(item)))
    assert "Result: Referred to the Planning Commission" in said
    assert not any("Referred — Referred" in p for p in said)

"""The news release's prose: summaries typed as sentences or predicates, roles, the switches of the style."""

import pytest
from render_fixtures import EXAMPLES

from minutes.model.schema import Session
from minutes.model.settings import ReleaseSettings, SessionSettings
from minutes.store.loader import load
from minutes.records.publish import render_session
from minutes.render import grammar
from minutes.render.pipeline import RenderOptions
from minutes.render.sentences import first_and_rest, is_predicate


def release(session, lang="en", **settings):
    """Return the news release of ``session`` in ``lang``, with the release settings given."""
    if settings:
        session = session.model_copy(update={"settings": SessionSettings(release=ReleaseSettings(**settings))})
    return render_session(session, None, RenderOptions(kind="release", lang=lang)).data.decode()


def congress():
    """Return the congress example's second day, as its file holds it."""
    return load(next(p for p in EXAMPLES if p.name.startswith("2023-07-23")))


def small(**speech):
    """Return a session of one body that meets, with one speech."""
    return Session.model_validate({
        "title": "City Council", "date": "2024-05-02", "lang": "en", "organization": "City of Alder Creek",
        "people": [{"id": "li", "name": "Li Jizheng", "pronoun": "he"},
                   {"id": "vera", "name": "Vera", "role": "activist", "pronoun": "she", "organization": "Group"}],
        "proceedings": [{"kind": "speech", "speaker": "li", **speech}],
    })


def test_a_summary_typed_as_a_capitalised_predicate_reads_as_a_predicate():
    text = release(small(topic="Welcome address", summary="Outlined the history of the Group."))
    assert "In his speech, he outlined the history of the Group." in text
    assert "Outlined" not in text


def test_a_summary_typed_as_a_sentence_is_attributed_with_the_pronoun():
    text = release(small(topic="Welcome address", summary="The Group has grown. It now has 40 members."))
    assert "Li Jizheng delivered a speech on “Welcome address.” The Group has grown, he said. It now has 40 members." in text


def test_a_bare_role_gets_its_article_in_english():
    session = small(summary="welcomed the guests")
    session.proceedings[0].speaker = "vera"
    assert "Vera, an activist, Group, welcomed the guests." in release(session) or "Vera, an activist" in release(session)


def test_a_body_that_meets_is_not_hosting():
    text = release(small(summary="welcomed the guests"))
    assert "On May 2, the City Council met." in text
    assert "hosted" not in text


def test_speeches_follow_varied_patterns_and_the_pronoun_once_introduced():
    text = release(congress())
    assert "In a speech on “Trade between China and the DPRK,” Luan Xinlong" in text
    assert "Presenting a report on “Proletarian Internationalism in the Korean War,” Comrade Li Jizheng" in text
    assert "In her report, she emphasized" in text


@pytest.mark.parametrize("lang, opening", [
    ("en", "On July 23, the 2nd International Congress of Solidarity was held online."),
    ("ru", "23 июля в онлайн-формате состоялся 2-й Международный конгресс солидарности."),
    ("de", "Am 23. Juli fand der 2. Internationale Solidaritätskongress online statt."),
    ("zh", "7月23日，第二届国际团结大会以线上方式举行。"),
])
def test_the_opening_follows_each_languages_press_conventions(lang, opening):
    assert opening in release(congress(), lang)


def test_a_written_lead_replaces_the_generated_opening():
    session = congress()
    session.press.lead = "Delegates from twelve countries met online."
    text = release(session)
    assert "Delegates from twelve countries met online." in text
    assert "was held online" not in text and "hosted by" not in text


def test_each_generated_sentence_can_be_turned_off():
    text = release(congress(), hosted=False, attended=False, presided=False, guests=False)
    assert "hosted by" not in text and "attended by" not in text and "supervised" not in text
    assert "was held online" in text


def test_statements_attributed_by_organization_under_their_heading():
    session = congress()
    session.people[1].organization = "China"
    text = release(session, attribution="organization", statements=True)
    head, _, statements = text.partition("## Statements")
    assert statements and "Luan Xinlong" not in head
    assert "Comrade Luan Xinlong (China)" in statements


def test_the_full_text_of_the_adopted_resolutions_is_appended():
    text = release(congress(), full_text=True)
    assert "## Texts adopted" in text
    assert "A congratulatory telegram addressed to the great Comrade Kim Jong Un was adopted." in text
    assert "## Texts adopted" not in release(congress())


@pytest.mark.parametrize("text, lang, expected", [
    ("Outlined the history", "en", True), ("United Nations officials met", "en", False),
    ("Ahmed thanked the guests", "en", False), ("Подчеркнула, что", "ru", True), ("Прозвучали гимны", "ru", False),
    ("Протокол утверждён", "ru", False), ("Betonte, dass", "de", True), ("Geschichte wiederholt sich", "de", False),
])
def test_a_predicate_typed_as_a_sentence_is_told_from_a_sentence(text, lang, expected):
    assert is_predicate(text, lang) is expected


@pytest.mark.parametrize("phrase, expected", [
    ("2-й Международный конгресс солидарности", "m"), ("Международная конференция", "f"),
    ("Очередное заседание правления", "n"), ("70-летие Победы", "n"), ("Совет директоров", "m"), ("City Council", None),
])
def test_the_gender_of_a_russian_phrase_is_read_from_its_endings(phrase, expected):
    assert grammar.russian_gender(phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("2. Internationaler Solidaritätskongress", "der 2. Internationale Solidaritätskongress"),
    ("Chinesisches Exekutivkomitee der DPRK ISG", "das Chinesische Exekutivkomitee der DPRK ISG"),
    ("Stadtrat", "der Stadtrat"), ("Juniper Software Foundation", None),
])
def test_a_german_phrase_gets_its_article(phrase, expected):
    found = grammar.german_definite(phrase)
    assert (found[0] if found else None) == expected


def test_a_document_title_is_adopted_as_itself():
    assert grammar.document("Congratulatory telegram to Comrade Kim Jong Un", "en") == \
        "the congratulatory telegram to Comrade Kim Jong Un"
    assert grammar.document("Поздравительная телеграмма товарищу Ким Чен Ыну", "ru") == \
        "поздравительную телеграмму товарищу Ким Чен Ыну"
    assert grammar.indefinite("activist") == "an activist" and grammar.indefinite("Head of X") == "Head of X"
    assert first_and_rest("The Group has grown. It has 40 members.") == ("The Group has grown", "It has 40 members.")

"""Phrase catalogs (.po read with Babel) and dates per language."""

import datetime as dt
import re

import pytest
from messages import all_messages
from render_fixtures import LANGS

from minutes.render import i18n
from minutes.errors import MinutesError

FIELD = re.compile(r"\{(\w+)\}")


def test_every_language_of_the_brief_ships_a_catalog():
    assert set(LANGS) <= set(i18n.languages())


@pytest.mark.parametrize("lang", ["ru", "zh", "de"])
def test_every_phrase_the_templates_use_is_translated(lang):
    # A phrase asked for in a context (a pronoun: "he", "she") is translated by its entry in that context, or by
    # its entry without one, which the catalog falls back to (a phrase whose words do not change with the context).
    messages = i18n.catalog(lang).messages
    missing = [m for m in sorted(all_messages(), key=str) if m not in messages and (None, m[1]) not in messages]
    assert not missing


@pytest.mark.parametrize("lang", LANGS)
def test_translations_use_only_the_fields_their_phrase_provides(lang):
    for (ctx, msgid), text in i18n.catalog(lang).messages.items():
        assert set(FIELD.findall(text)) <= set(FIELD.findall(msgid)), (ctx, msgid, text)


@pytest.mark.parametrize("lang, short, long", [
    ("en", "July 23", "July 23, 2023"),
    ("ru", "23 июля", "23 июля 2023\u202fг."),
    ("zh", "7月23日", "2023年7月23日"),
    ("de", "23. Juli", "23. Juli 2023"),
])
def test_dates_are_formatted_by_babel_per_language(lang, short, long):
    cat = i18n.catalog(lang)
    assert cat.date(dt.date(2023, 7, 23), "month_day") == short
    assert cat.date(dt.date(2023, 7, 23)) == long


@pytest.mark.parametrize("pronoun, expected", [
    ("he", "In his report, X found."), ("she", "In her report, X found."),
    ("they", "In their report, X found."), ("it", "In its report, X found."),
])
def test_pronoun_phrases_follow_the_person(pronoun, expected):
    cat = i18n.catalog("en")
    assert cat.pgettext(pronoun, "In his report, {subject} {summary}", subject="X", summary="found.") == expected


def test_russian_verbs_agree_with_the_speaker():
    cat = i18n.catalog("ru")
    msg = "{subject} delivered a speech."
    assert cat.pgettext("he", msg, subject="Ли") == "Ли выступил с речью."
    assert cat.pgettext("she", msg, subject="Вера") == "Вера выступила с речью."


def test_lists_are_joined_per_language():
    assert i18n.catalog("en").join(["A", "B", "C"]) == "A, B, and C"
    assert i18n.catalog("ru").join(["A", "B"]) == "A и B"
    assert i18n.catalog("zh").join(["甲", "乙", "丙"]) == "甲、乙和丙"


def test_a_phrase_missing_a_field_is_a_clear_error():
    with pytest.raises(MinutesError, match=r"needs a value for \{title\}"):
        i18n.catalog("en").gettext("Minutes of the {title}")


def test_an_english_article_is_not_doubled():
    assert i18n.catalog("en").gettext("About the {organization}", organization="The Group") == "About the Group"


def test_a_catalog_next_to_the_sessions_overrides_a_phrase(tmp_path):
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "de.po").write_text('msgid "Agenda"\nmsgstr "Ablauf"\n', encoding="utf-8")
    assert i18n.catalog("de", (tmp_path,)).gettext("Agenda") == "Ablauf"
    assert i18n.catalog("de", (tmp_path,)).gettext("Draft") == "Entwurf"


def test_a_language_without_a_catalog_falls_back_to_english_phrases_and_its_own_dates():
    cat = i18n.catalog("fr")
    assert cat.gettext("Agenda") == "Agenda"
    assert cat.date(dt.date(2023, 7, 23), "month_day") == "23 juillet"


def test_an_unknown_language_is_a_clear_error():
    with pytest.raises(MinutesError, match="unknown language"):
        i18n.catalog("qq")


@pytest.mark.parametrize("lang, expected", [
    ("en", "outlined A, explained B, and pointed out C"), ("ru", "outlined A, explained B и pointed out C"),
    ("zh", "outlined A，explained B，并pointed out C"), ("de", "outlined A, explained B und pointed out C"),
])
def test_predicates_are_joined_into_one_clause_per_language(lang, expected):
    from render_fixtures import congress

    from minutes.render.context import Builder

    builder = Builder(congress(), i18n.catalog(lang))
    assert builder.clauses(["outlined A", "explained B", "pointed out C"]) == expected
    assert builder.clauses(["one"]) == "one"


@pytest.mark.parametrize("lang, short, long", [
    ("en", "July 22\u2009–\u200923", "July 22\u2009–\u200923, 2023"),
    ("ru", "22—23 июля", "22—23 июля 2023 г."),
    ("zh", "7月22–23日", "2023年7月22–23日"),
    ("de", "22.–23. Juli", "22.–23. Juli 2023"),
])
def test_the_days_of_a_series_are_one_span_of_dates(lang, short, long):
    from render_fixtures import congress_series

    from minutes.render.context import Builder
    from minutes.records.series import compile_series

    from minutes.render.dates import session_dates

    parts = congress_series()
    minutes = session_dates(Builder(compile_series(parts), i18n.catalog(lang), parts))  # the year, as the minutes write it
    release = session_dates(Builder(compile_series(parts), i18n.catalog(lang), parts, style={"weekday": False, "year": False}))
    assert (release["dates_short"], minutes["dates"], minutes["last_date_iso"]) == (short, long, "2023-07-23")


def test_chinese_labels_and_notes_take_full_width_punctuation():
    from render_fixtures import congress

    from minutes.records.publish import render_session
    from minutes.render.pipeline import RenderOptions

    out = render_session(congress(), None, RenderOptions(kind="minutes", lang="zh")).data.decode()
    assert "**日期：**" in out and "### 出席（1）" in out and "**Date:**" not in out
    assert not any(mark in out for mark in ("**:", "; ", "**活动:**"))


def test_a_value_that_ends_with_a_full_stop_ends_the_sentence_once():
    from minutes.render import i18n

    de = i18n.catalog("de", ())
    assert de.pgettext("he", "It was hosted by {organization}.", organization="Makerspace e.V.") == \
        "Veranstalter war Makerspace e.V."
    assert i18n.catalog("en", ()).gettext("The meeting closed at {time}.", time="18:30") == "The meeting closed at 18:30."

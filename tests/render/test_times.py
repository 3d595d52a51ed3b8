"""Times and dates as each language writes them (issue 17): the clock, the time zone, the Time line, the
adjourned sentence, arrivals and departures, the session's date forms, and regional languages."""

from __future__ import annotations

import datetime as dt
import types

import pytest
from markdown_it import MarkdownIt

from minutes.model.vocab import normal_lang
from minutes.render import i18n
from minutes.render.clock import Clock, english
from minutes.store.loader import parse

SESSION = """\
schema_version: 2
title: Planning Committee
date: 2025-03-04
start: "15:06"
end: "16:12"
adjourned: "16:12"
{zone}lang: {lang}
{settings}people:
  - {{id: ada, name: Ada Quill, pronoun: she}}
  - {{id: bo, name: Bo Marsh, pronoun: he}}
chair: ada
attendees:
  - {{person: ada}}
  - {{person: bo, arrived: "15:20", left: "16:00"}}
proceedings:
  - {{kind: discussion, text: The budget was discussed., at: "15:30"}}
  - {{kind: note, text: A break was taken., at: "16:05"}}
"""


def session_text(lang: str = "en", clock: int | None = None, zone: str | None = "America/Los_Angeles",
                 extra: str = "") -> str:
    """Return a small session with times, a zone (or none) and the clock setting (or the default)."""
    settings = f"settings: {{clock: {clock}}}\n" if clock else ""
    return SESSION.format(lang=lang, zone=f"timezone: {zone}\n" if zone else "", settings=settings + extra)


def rendered(text: str, kind: str = "minutes", lang: str | None = None, style: str | None = None) -> str:
    """Return the Markdown of a session given as YAML text."""
    from minutes.records.publish import render_session
    from minutes.render.pipeline import RenderOptions

    options = RenderOptions(kind=kind, fmt="md", lang=lang, style=style)
    return render_session(parse(text), None, options).data.decode()


def time_line(markdown: str) -> str:
    """Return the value of the Time line of rendered minutes, as a CommonMark reader reads it."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    for line in (line for token in tokens if token.type == "inline" for line in token.content.split("\n")):
        if line.startswith(("**Time:**", "**Zeit:**", "**Время:**", "**时间：**")):
            return line.split("**", 2)[2].strip().rstrip("\\").replace("\\_", "_")
    raise AssertionError("no Time line")


# Each language × clock: (one time, the span, the Time line with the zone, the Time line without it).
CASES = [
    ("en", 12, "3:06 p.m.", "3:06–4:12 p.m.", "3:06–4:12 p.m. (Pacific Time)", "3:06–4:12 p.m."),
    ("en", 24, "15:06", "15:06–16:12", "15:06–16:12 (Pacific Time)", "15:06–16:12"),
    ("de", 12, "15:06", "15:06–16:12", "15:06–16:12 Uhr (Nordamerikanische Westküstenzeit)", "15:06–16:12 Uhr"),
    ("de", 24, "15:06", "15:06–16:12", "15:06–16:12 Uhr (Nordamerikanische Westküstenzeit)", "15:06–16:12 Uhr"),
    ("ru", 12, "15:06", "15:06–16:12", "15:06–16:12 (Тихоокеанское время)", "15:06–16:12"),
    ("ru", 24, "15:06", "15:06–16:12", "15:06–16:12 (Тихоокеанское время)", "15:06–16:12"),
    ("zh", 12, "下午3:06", "下午3:06至4:12", "下午3:06至4:12（北美太平洋时间）", "下午3:06至4:12"),
    ("zh", 24, "15:06", "15:06–16:12", "15:06–16:12（北美太平洋时间）", "15:06–16:12"),
]


@pytest.mark.parametrize("lang, clock, one, span, with_zone, without_zone", CASES)
def test_each_language_writes_its_times_on_its_clock(lang, clock, one, span, with_zone, without_zone):
    c = Clock(i18n.catalog(lang), {"clock": clock, "time_form": "ap"}, "America/Los_Angeles", dt.date(2025, 3, 4))
    assert (c.time("15:06"), c.span("15:06", "16:12")) == (one, span)


@pytest.mark.parametrize("lang, clock, one, span, with_zone, without_zone", CASES)
def test_the_time_line_of_the_minutes_has_the_span_and_the_zone_by_its_name(lang, clock, one, span, with_zone,
                                                                           without_zone):
    assert time_line(rendered(session_text(lang, clock))) == with_zone
    assert time_line(rendered(session_text(lang, clock, zone=None))) == without_zone


@pytest.mark.parametrize("lang, clock, sentence, arrived, heading", [
    ("en", 12, "The meeting was adjourned at 4:12 p.m.", "Bo Marsh arrived at 3:20 p.m.", "(3:30 p.m.)"),
    ("en", 24, "The meeting was adjourned at 16:12.", "Bo Marsh arrived at 15:20.", "(15:30)"),
    ("de", 12, "Die Sitzung wurde um 16:12 Uhr geschlossen.", "Bo Marsh erscheint um 15:20 Uhr.", "(15:30)"),
    ("zh", 12, "下午4:12", "下午3:20", "（下午3:30）"),
    ("ru", 24, "16:12", "15:20", "(15:30)"),
])
def test_sentences_headings_and_movements_carry_the_times_in_the_language(lang, clock, sentence, arrived, heading):
    text = rendered(session_text(lang, clock))
    assert sentence in text
    assert arrived in text
    assert heading in text


def test_the_attendance_notes_say_the_arrival_and_departure_on_the_clock():
    text = rendered(session_text("en", 12))
    assert "arrived 3:20 p.m.; left 4 p.m." in text


@pytest.mark.parametrize("at, ap, compact", [
    ("15:06", "3:06 p.m.", "3:06pm"), ("15:00", "3 p.m.", "3pm"), ("12:00", "noon", "12pm"),
    ("0:00", "midnight", "12am"), ("09:05", "9:05 a.m.", "9:05am"), ("12:30", "12:30 p.m.", "12:30pm"),
])
def test_english_twelve_hour_times_in_ap_and_compact_form(at, ap, compact):
    assert (english(at, "ap"), english(at, "compact")) == (ap, compact)


@pytest.mark.parametrize("start, end, ap, compact", [
    ("10:30", "11:45", "10:30–11:45 a.m.", "10:30–11:45am"),
    ("11:00", "12:00", "11 a.m.–noon", "11am–12pm"),
    ("12:00", "13:30", "noon–1:30 p.m.", "12–1:30pm"),
    ("10:30", "14:00", "10:30 a.m.–2 p.m.", "10:30am–2pm"),
])
def test_a_span_says_am_or_pm_once_when_both_ends_share_it(start, end, ap, compact):
    cat = i18n.catalog("en")
    day = dt.date(2025, 3, 4)
    assert Clock(cat, {"clock": 12, "time_form": "ap"}, None, day).span(start, end) == ap
    assert Clock(cat, {"clock": 12, "time_form": "compact"}, None, day).span(start, end) == compact


def test_the_compact_form_puts_the_zone_after_the_time_as_americans_write_it():
    c = Clock(i18n.catalog("en"), {"clock": 12, "time_form": "compact"}, "America/Los_Angeles", dt.date(2025, 3, 4))
    s = types.SimpleNamespace(start="10:30", end=None, adjourned=None)
    assert c.session(s)["time_line"] == "10:30am Pacific"
    c = Clock(i18n.catalog("en"), {"clock": 12, "time_form": "compact"}, "America/New_York", dt.date(2025, 3, 4))
    assert c.session(types.SimpleNamespace(start="10:30", end="11:00", adjourned=None))["time_line"] == \
        "10:30–11am Eastern"


def test_the_notes_style_writes_the_compact_form_and_the_others_the_ap_form():
    from minutes.model.settings import FolderSettings
    from minutes.render import styles

    twelve = FolderSettings(clock=12)
    assert styles.resolve("minutes", "notes", twelve)["time_form"] == "compact"
    assert styles.resolve("minutes", "formal", twelve)["time_form"] == "ap"
    assert styles.resolve("release", "coverage", twelve)["time_form"] == "ap"


@pytest.mark.parametrize("zone, lang, name", [
    ("Europe/Berlin", "en", "Central European Time"), ("Europe/Berlin", "de", "Mitteleuropäische Zeit"),
    ("Asia/Shanghai", "zh", "中国时间"), ("UTC", "de", "UTC"),
    ("Europe/Berlin", "ru", "UTC+1"),  # Russian names it by region only ("Центральная Европа"): the offset
    ("Asia/Kolkata", "ru", "UTC+5:30"),
])
def test_a_zone_is_named_as_people_read_it_or_by_its_offset(zone, lang, name):
    c = Clock(i18n.catalog(lang), {"clock": 24}, zone, dt.date(2025, 1, 14))
    assert c.zone("10:00")["name"] == name


def test_a_zone_follows_summer_time_by_the_session_date():
    c = Clock(i18n.catalog("ru"), {"clock": 24}, "Europe/Berlin", dt.date(2025, 7, 14))
    assert c.zone("10:00")["name"] == "UTC+2"


# Dates: the style's weekday and year; the region's order.
@pytest.mark.parametrize("lang, weekday, year, dates", [
    ("en", True, True, "Tuesday, March 4, 2025"),
    ("en", False, True, "March 4, 2025"),
    ("en", True, False, "Tuesday, March 4"),
    ("en", False, False, "March 4"),
    ("en-GB", False, True, "4 March 2025"),
    ("en-GB", True, True, "Tuesday, 4 March 2025"),
    ("de", True, False, "Dienstag, 4. März"),
    ("de-AT", False, True, "4. März 2025"),
    ("ru", True, False, "вторник, 4 марта"),
    ("zh", True, False, "3月4日星期二"),
    ("zh", False, True, "2025年3月4日"),
])
def test_the_session_date_has_the_weekday_and_year_the_style_asks_for(lang, weekday, year, dates):
    from minutes.render.context import Builder
    from minutes.render.dates import session_dates

    b = Builder(parse(session_text(lang)), i18n.catalog(lang), style={"weekday": weekday, "year": year})
    assert session_dates(b)["dates"] == dates


def test_the_date_settings_change_the_date_line_and_the_release_lead():
    plain = rendered(session_text("en"))
    assert "**Date:** Tuesday, March 4, 2025" in plain
    changed = rendered(session_text("en", extra="settings: {dates: {weekday: false}}\n"))
    assert "**Date:** March 4, 2025" in changed
    release = rendered(session_text("en"), kind="release")
    assert "On March 4, " in release and "March 4, 2025" not in release
    with_year = rendered(session_text("en", extra="settings: {dates: {year: true}}\n"), kind="release")
    assert "On March 4, 2025, " in with_year


# Regional languages: either spelling, everywhere a language is given.
@pytest.mark.parametrize("typed, normal", [
    ("en_GB", "en-GB"), ("en-gb", "en-GB"), ("de_CH", "de-CH"), ("zh_hant_tw", "zh-Hant-TW"), ("pt_BR", "pt-BR"),
    ("es-419", "es-419"), ("de", "de"), ("EN", "en"),
])
def test_a_language_code_is_read_in_either_spelling_and_hyphened(typed, normal):
    assert normal_lang(typed) == normal


def test_a_file_with_lang_en_gb_loads_as_en_gb_and_reads_british_dates():
    session = parse(session_text("en_GB").replace("title: Planning Committee",
                                                   "title: {en: Planning Committee, de_AT: Planungsausschuss}"))
    assert session.lang == "en-GB"
    assert session.title == {"en": "Planning Committee", "de-AT": "Planungsausschuss"}
    text = rendered(session_text("en_GB"))
    assert "**Date:** Tuesday, 4 March 2025" in text
    assert "# Minutes of the Planning Committee" in text  # the English catalog serves en-GB


def test_a_regional_language_takes_the_base_languages_text():
    text = session_text("en").replace("title: Planning Committee", "title: {de: Planungsausschuss, en: Planning}")
    assert "Planungsausschuss" in rendered(text, lang="de_AT")
    assert "# Minutes of the Planning" in rendered(text, lang="en-US")


def test_render_takes_a_regional_lang_in_either_spelling_and_names_the_file_with_it(cli):
    (cli.folder / "s.yaml").write_text(session_text("en"), encoding="utf-8")
    result = cli("render", "s.yaml", "--lang", "de_CH", "--out", "out")
    written = cli.folder / "out" / "2025-03-04-s.minutes.de-ch.md"  # file names are lower-case slugs
    assert written.is_file(), result.stdout
    assert "15:06–16:12 Uhr" in written.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["render", "s.yaml", "--out", "-"], ["check"]])
@pytest.mark.parametrize("bad", ["e!", "english"])
def test_a_bad_language_code_is_a_usage_error_naming_lang(cli, command, bad):
    (cli.folder / "s.yaml").write_text(session_text("en"), encoding="utf-8")
    if command == ["check"]:
        command = ["check", "s.yaml"]
    result = cli(*command, "--lang", bad, code=2)
    assert "--lang" in result.stderr and bad in result.stderr
    assert "Traceback" not in result.stderr


def test_new_with_a_regional_lang_writes_the_hyphen_form(cli):
    cli("new", "Planning", "--date", "2025-03-04", "--lang", "en_GB")
    written = next(cli.folder.glob("*.yaml")).read_text(encoding="utf-8")
    assert "lang: en-GB" in written

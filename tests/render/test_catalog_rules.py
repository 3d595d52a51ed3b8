"""The rules of docs/languages.md that a program can check, held against every catalog and the rendered releases
of the bundled examples (their golden files, which the golden test keeps equal to what is rendered)."""

import re
from pathlib import Path

import pytest
import yaml
from render_fixtures import EXAMPLES, LANGS

from minutes.render import i18n
from minutes.render.sentences import is_predicate

GOLDEN = Path(__file__).parents[1] / "golden"
RELEASES = sorted(GOLDEN.glob("*.release.*.md"))
FIELD = re.compile(r"\{\w+\}")
FORM_LIKE = ("Повод —", "Организатор —", "Veranstalter:", "Anlass:", "Organizer:", "Host:", "Occasion:")


def phrases(lang):
    """Return (context, msgid, msgstr) of a catalog's translated phrases."""
    return [(ctx, msgid, text) for (ctx, msgid), text in i18n.catalog(lang).messages.items()]


def release_lang(path):
    return path.name.split(".")[-2]


def prose(path):
    """Return the release's paragraphs of prose: no heading, list, picture, dateline or front line."""
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    return [b.strip() for b in blocks if b.strip() and not b.lstrip().startswith(("#", "-", "!", "*", "[", "<", "\\#"))
            and not b.startswith(("—", "–", "——"))]


def sentences(paragraph, lang):
    """Return the sentences of a paragraph (split after . ! ? or 。)."""
    if lang == "zh":
        return [s for s in re.split(r"(?<=[。！？])", paragraph) if s.strip()]
    return [s for s in re.split(r"(?<=[a-zа-яäöüß)]{2}[.!?])\s+(?=[A-ZА-ЯЁÄÖÜ„«“\"])|(?<=[.!?][”»“])\s+(?=[A-ZА-ЯЁÄÖÜ„«“])",
                                paragraph) if s.strip()]


def people_names():
    """Return every person's name in the examples, in every language it is written in."""
    names = set()
    for path in EXAMPLES:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for person in data.get("people") or []:
            name = person.get("name")
            names.update(name.values() if isinstance(name, dict) else [name] if name else [])
    return {n for n in names if n and len(n) > 3}


@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_no_english_word_is_left_in_a_russian_or_chinese_phrase(lang):
    left = [(ctx, msgid, text) for ctx, msgid, text in phrases(lang) if re.search(r"[A-Za-z]{2,}", FIELD.sub("", text))]
    assert not left


def test_no_english_word_is_left_in_a_german_phrase_of_the_release():
    english = re.compile(r"\b(the|and|of|by|was|were|held|meeting|speech|report|said)\b")
    left = [(ctx, msgid, text) for ctx, msgid, text in phrases("de") if english.search(FIELD.sub("", text))]
    assert not left


@pytest.mark.parametrize("lang, wrong", [("ru", "“”„\""), ("de", "”«»"), ("zh", "„«»")])
def test_each_language_quotes_with_its_own_marks(lang, wrong):
    bad = [(ctx, msgid, text) for ctx, msgid, text in phrases(lang) if any(mark in text for mark in wrong)]
    assert not bad
    if lang == "de":  # „ opens and “ closes: no “ without its „ before it
        assert not [text for _, _, text in phrases(lang) if "“" in text and text.index("“") < text.find("„")]


@pytest.mark.parametrize("lang", ["ru", "de", "zh"])
def test_no_phrase_reads_like_a_filled_in_form(lang):
    assert not [text for _, _, text in phrases(lang) if any(form in text for form in FORM_LIKE)]


def test_russian_past_verbs_agree_with_the_gender_of_their_subject():
    messages = i18n.catalog("ru").messages
    for (ctx, msgid), text in messages.items():
        if ctx != "he" or ("she", msgid) not in messages:
            continue
        for verb in re.findall(r"\b[а-яё]{4,}(?:л|лся)\b", FIELD.sub("", text)):
            feminine = (verb[:-2] + "ась" if verb.endswith("ся") else verb + "а").replace("ёл", "ел")
            assert feminine in messages[("she", msgid)], (msgid, verb, messages[("she", msgid)])


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.name)
def test_a_release_names_no_one_twice_in_a_sentence(path):
    lang = release_lang(path)
    for paragraph in prose(path):
        for sentence in sentences(paragraph, lang):
            doubled = [n for n in people_names() if sentence.count(n) > 1]
            assert not doubled, sentence


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.name)
def test_a_release_adopts_no_resolution_named_resolution(path):
    text = path.read_text(encoding="utf-8").lower()
    assert not re.search(r"resolution “resolution|резолюцию «резолюция|resolution „resolution|决议《决议", text)


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.name)
def test_a_release_reads_like_sentences_not_a_form(path):
    lang = release_lang(path)
    text = path.read_text(encoding="utf-8")
    assert not any(form in text for form in FORM_LIKE)
    assert "путём аккламации" not in text
    for paragraph in prose(path):
        for sentence in sentences(paragraph, lang):
            first = sentence.lstrip("„«“\"(*")[:1]
            assert not first.islower(), sentence  # a sentence starts with a capital (or a date's number)
            if lang != "ru":  # Russian opens sentences with a verb ("Прозвучали гимны"): no fragment to tell by it
                assert not is_predicate(sentence.strip(), lang), sentence  # "Outlined the history …": a fragment


@pytest.mark.parametrize("path", [p for p in RELEASES if release_lang(p) in ("ru", "de")], ids=lambda p: p.name)
def test_russian_and_german_releases_quote_with_their_own_marks(path):
    paragraphs = " ".join(prose(path))
    wrong = "“”" if release_lang(path) == "ru" else "”«»"
    assert not [mark for mark in wrong if mark in paragraphs]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_a_body_that_meets_is_not_hosting(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    title = data["title"]["en"] if isinstance(data["title"], dict) else data["title"]
    release = (GOLDEN / f"{path.parent.name}.{path.stem[:10]}.release.en.md").read_text(encoding="utf-8")
    assert f"hosted by the {title}" not in release and f"hosted by {title}" not in release
    if data.get("kind", "regular") not in ("congress-day",) and not data.get("series"):
        assert "hosted by" not in release


def test_every_language_is_held_to_the_rules():
    assert {release_lang(p) for p in RELEASES} == set(LANGS)

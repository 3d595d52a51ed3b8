"""What the words of a phrase say about its grammar: the gender of a Russian or German noun phrase, the German
definite article, the English indefinite article, and whether a title names a meeting or the body that meets."""

from __future__ import annotations

import re

from minutes.markdown.escape import Md

# The msgctxt of a phrase whose words agree with a noun: masculine, feminine, neuter, plural (the pronoun contexts).
GENDERS = {"m": "he", "f": "she", "n": "it", "pl": "they"}
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_RU_ADJECTIVES = (("ый", "m"), ("ой", "m"), ("ий", "m"), ("ая", "f"), ("яя", "f"), ("ое", "n"), ("ее", "n"),
                  ("ые", "pl"))
_RU_ORDINALS = {"й": "m", "я": "f", "е": "n", "го": "m", "ой": "f"}
# German: an adjective's stem ends like one ("Internationaler", "Chinesisches", "Ordentliche"); a noun's gender
# follows its ending ("-rat" der, "-ung" die, "-komitee" das). Longest ending first.
_DE_ADJECTIVE_STEMS = re.compile(r"(isch|al|iv|lich|ig|bar|los|sam|ell|är|ar|erst|zweit|dritt|groß|neu|alt|jung|"
                                 r"gemeinsam|offen|ordentlich|europä|deutsch|ländlich|städtisch)$", re.IGNORECASE)
_DE_NOUNS = sorted({
    **dict.fromkeys("ung ion heit keit schaft tät ei enz anz ur ik versammlung sitzung tagung konferenz kommission "
                    "feier veranstaltung zusammenkunft anhörung runde gruppe".split(), "f"),
    **dict.fromkeys("rat tag kongress ausschuss vorstand gipfel senat kreis verband verein bund konvent beirat "
                    "parteitag stammtisch beschluss antrag brief appell aufruf".split(), "m"),
    **dict.fromkeys("treffen forum komitee gremium plenum kuratorium präsidium parlament symposium seminar kolloquium "
                    "fest festival amt büro institut zentrum um kollegium telegramm schreiben programm papier dokument statut "
                    "abkommen".split(), "n"),
}.items(), key=lambda kv: -len(kv[0]))
_DE_ARTICLES = {"m": "der", "f": "die", "n": "das", "pl": "die"}
_DE_OWN_ARTICLE = {"der": "m", "die": "f", "das": "n"}
# A title that names a meeting ("Regular Board Meeting", "2. Internationaler Solidaritätskongress") rather than
# the body that meets ("City Council", "Board of Directors"): a word of these, in any of the four languages.
_MEETING_WORDS_EN = frozenset("meeting meetings congress conference session sessions summit forum convention hearing "
                              "workshop seminar symposium rally ceremony celebration gathering day festival retreat "
                              "plenary sitting call standup sync assembly".split())
_MEETING_STEMS = ("заседани", "собрани", "конгресс", "съезд", "конференц", "встреч", "сесси", "форум", "пленум",
                  "совещани", "слушани", "семинар", "симпозиум", "митинг", "церемони", "sitzung", "versammlung",
                  "kongress", "konferenz", "tagung", "treffen", "forum", "plenum", "seminar", "anhörung", "feier",
                  "veranstaltung", "会议", "大会", "论坛", "研讨会", "座谈会", "例会", "峰会", "年会", "会谈")


def russian_gender(phrase: str) -> str | None:
    """Return "m", "f", "n" or "pl" for a Russian noun phrase ("2-й конгресс" m), from its first adjective or noun."""
    for raw in phrase.split():
        word = raw.strip("«»\"'()[],.;:!?").lower()
        if "-" in word and word.split("-", 1)[0].isdigit():  # an ordinal or a compound: "2-й", "70-летие"
            tail = word.split("-", 1)[1]
            if tail in _RU_ORDINALS:
                return _RU_ORDINALS[tail]
            word = tail
        if not _CYRILLIC.search(word):
            continue
        for ending, gender in _RU_ADJECTIVES:
            if word.endswith(ending) and len(word) > 3:
                return gender
        if word.endswith(("а", "я")):
            return "f"
        if word.endswith(("о", "е")):
            return "n"
        if word.endswith(("ы", "и")) and not word.endswith("ии"):
            return "pl"
        return "m"
    return None


def _de_noun_gender(word: str) -> str | None:
    """Return the gender of a German noun from its ending ("Stadtrat" m, "Versammlung" f), or None."""
    low = word.lower()
    return next((g for ending, g in _DE_NOUNS if low.endswith(ending)), None)


def german_definite(phrase: str) -> tuple[str, str] | None:
    """Return a German noun phrase with its definite article in the nominative, and its gender; None when unknown.

    "2. Internationaler Solidaritätskongress" → "der 2. Internationale Solidaritätskongress" (the adjective
    weak after the article); a phrase that already starts with an article is kept."""
    words = phrase.split()
    if not words:
        return None
    if words[0].lower() in _DE_OWN_ARTICLE:
        return phrase, _DE_OWN_ARTICLE[words[0].lower()]
    start = 0
    while start < len(words) and re.fullmatch(r"\d+\.?", words[start]):  # "2." an ordinal
        start += 1
    gender, end = None, start
    while end + 1 < len(words) and words[end + 1][:1].isupper():
        word = words[end]
        ending = next((e for e in ("er", "es", "e") if word.endswith(e)), None)
        if ending is None or not _DE_ADJECTIVE_STEMS.search(word[: -len(ending)]):
            break
        gender = gender or {"er": "m", "es": "n", "e": "f"}[ending]
        end += 1
    if end >= len(words):
        return None
    gender = gender or _de_noun_gender(words[end].strip(",;:"))
    if gender is None:
        return None
    weak = [w[:-1] if w.endswith(("er", "es")) else w for w in words[start:end]]
    return " ".join([_DE_ARTICLES[gender], *words[:start], *weak, *words[end:]]), gender


def gender(phrase: str, lang: str) -> str | None:
    """Return the pronoun context a phrase's words agree with in ``lang`` ("he" for "2-й конгресс"), "it" in a
    language without grammatical gender here (en, zh), None when a Russian or German phrase's gender is unknown."""
    base = lang.split("-")[0]
    if base not in ("ru", "de"):
        return "it"
    found = russian_gender(phrase) if base == "ru" else german_definite(phrase)
    key = found[1] if isinstance(found, tuple) else found
    return GENDERS[key] if key else None


def definite(phrase: str, lang: str) -> str | None:
    """Return ``phrase`` as the subject of a sentence: "the Group" in English, with its article in German, as it is in
    Russian and Chinese; None when a German phrase's gender is unknown."""
    base = lang.split("-")[0]
    if base == "en":
        return phrase if phrase[:4].lower() == "the " else "the " + phrase
    if base == "de":
        found = german_definite(phrase)
        return found[0] if found else None
    return phrase


def indefinite(role: str) -> str:
    """Return an English role with "a" or "an" when it is a common noun without a determiner ("an activist")."""
    first = role.split(maxsplit=1)[0] if role.strip() else ""
    if not first or not first[0].islower() or first in ("a", "an", "the", "our", "his", "her", "their", "its", "one"):
        return role
    vowel = first[0] in "aeiou" and not first.startswith(("uni", "use", "usu", "eu", "one")) or first.startswith(
        ("hour", "honest", "honor", "honour", "heir"))
    return ("an " if vowel else "a ") + role


def names_meeting(title: str) -> bool:
    """Return whether ``title`` names a meeting ("Regular Board Meeting") rather than a body ("City Council")."""
    low = title.lower()
    words = set(re.findall(r"[a-z]+", low))
    return bool(words & _MEETING_WORDS_EN) or any(stem in low for stem in _MEETING_STEMS)


def lower_first(text: str) -> str:
    """Return ``text`` with its first letter lower-case ("Outlined the history" → "outlined the history")."""
    plain = str(text)
    for i, char in enumerate(plain):
        if char.isalpha():
            out = plain[:i] + char.lower() + plain[i + 1:]
            return Md(out) if isinstance(text, Md) else out
        if not char.isspace() and char not in "\\*_":
            break
    return text


# The words that make a title name its own document ("Congratulatory telegram to …", "Resolution on …").
_DOCUMENT_WORDS = ("resolution", "motion", "declaration", "statement", "appeal", "address", "telegram", "letter",
                   "decision", "ordinance", "message", "резолюц", "постановлени", "решени", "заявлени", "обращени",
                   "декларац", "телеграмм", "письм", "beschluss", "erklärung", "antrag", "appell", "telegramm",
                   "brief", "botschaft", "entschließung", "决议", "决定", "声明", "宣言", "贺电", "倡议", "贺信")


def names_document(title: str) -> bool:
    """Return whether one of a title's first three words names a document ("Congratulatory telegram to …")."""
    head = " ".join(title.lower().split()[:3])
    return any(word in head for word in _DOCUMENT_WORDS)


def russian_accusative(phrase: str) -> str:
    """Return a Russian noun phrase in the accusative (inanimate): "Поздравительная телеграмма" → "поздравительную
    телеграмму"; its first letter lower-case unless it is a name in title case."""
    words = phrase.split()
    for i, word in enumerate(words):
        low = word.lower()
        if low.endswith(("ая", "яя")) and len(low) > 3:
            words[i] = word[:-2] + ("ую" if low.endswith("ая") else "юю")
            continue
        if low.endswith(("ый", "ий", "ой", "ое", "ее", "ые", "ие")) and len(low) > 3 and not low.endswith("ние"):
            continue  # an adjective unchanged (masculine, neuter, plural inanimate)
        if low.endswith("а"):
            words[i] = word[:-1] + "у"
        elif low.endswith("я"):
            words[i] = word[:-1] + "ю"
        break
    out = " ".join(words)
    return lower_first(out) if len(words) > 1 and words[1][:1].islower() else out


def document(title: str, lang: str) -> str:
    """Return a title that names its document as the object of "adopted": "the congratulatory telegram to …"."""
    base = lang.split("-")[0]
    words = title.split()
    sentence_case = len(words) > 1 and words[1][:1].islower()
    if base == "en":
        return "the " + (lower_first(title) if sentence_case else title)
    if base == "ru":
        return russian_accusative(title)
    if base == "de":
        found = german_definite(title)
        if found is None:
            return f"„{title}“"
        text, gender = found
        if gender == "m":  # the accusative: "den Beschluss", "den Gemeinsamen Beschluss"
            head, _, rest = text.partition(" ")
            text = "den " + " ".join(w + "n" if w.endswith("e") and w[:1].isupper() and i < 2 else w
                                     for i, w in enumerate(rest.split()))
        return text
    return f"《{title}》" if base == "zh" else title

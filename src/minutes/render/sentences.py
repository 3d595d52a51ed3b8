"""Sentences in source text: whether a text continues a sentence, its first sentence, tidy spacing."""

from __future__ import annotations

import re

_CASED = re.compile(r"[^\W\d_]")
# A sentence ends at . ! or ? before a capital letter (or the end), or at a CJK full stop. A full stop
# after a number is an ordinal or a date ("der 2. Kongress"), and one after an abbreviation ("No. 2",
# "9:30 a.m.", "Dr. Weber") ends no sentence.
_SENTENCE_END = re.compile(r"(?<!\d)[.!?](?=\s+[\"'“«„(]?[^\W\d_](?<=[A-ZÀ-ÞА-ЯЁ\u0391-\u03a9])|$)|[。！？]")
_ABBREVIATIONS = frozenset("no nr nos mr mrs ms dr prof st sr jr hon rev gen sen rep vs etc approx dept art sec ch".split())


def _abbreviation(text: str, dot: int) -> bool:
    """Return whether the full stop at ``dot`` ends an abbreviation ("No.", "a.m.", "e.g.") rather than a sentence."""
    word = text[:dot].rsplit(None, 1)[-1] if text[:dot].strip() else ""
    return "." in word or word.casefold().strip("(\"'“«„") in _ABBREVIATIONS


def tidy(text: str) -> str:
    """Return ``text`` with each run of spaces made one and its ends stripped."""
    return re.sub(r"\s{2,}", " ", text).strip()


def is_clause(text: str) -> bool:
    """Return True when ``text`` continues a sentence ("welcomed the guests") rather than starting one."""
    if text.lstrip()[:1].isdigit():  # "3 members joined": a sentence of its own, whatever case follows
        return False
    first = _CASED.search(text)
    word = text.split(maxsplit=1)[0] if text.strip() else ""
    if any(c.isupper() for c in word[1:]):  # "iPhone app": a name written as its maker writes it
        return False
    return bool(text) and (first is None or not first.group().isupper())


def shorten(text: str, limit: int = 80) -> str:
    """Return the first sentence of ``text``, cut at a word (with "…") only when it is longer than ``limit``."""
    text = " ".join(text.split())
    end = next((m for m in _SENTENCE_END.finditer(text) if m.group() not in ".!?" or not _abbreviation(text, m.start())), None)
    first = text[: end.end()] if end else text
    if len(first) <= limit:
        return first[:-1] if first.endswith((".", "。")) and not _abbreviation(first, len(first) - 1) else first
    cut = first[:limit].rsplit(" ", 1)[0] if " " in first[:limit] else first[:limit]
    return cut.rstrip(",;: ") + "…"


# A predicate typed as a sentence ("Outlined the history of the Group."): its first word is a verb in the past
# tense, capitalised, and the next is no verb (else the first is a name: "Ahmed thanked", "Генерал выступил").
_PAST_EN = re.compile(r"^[A-Z][a-z]{2,}(ed|ied)$|^(Spoke|Said|Gave|Made|Read|Told|Took|Led|Met|Sent|Went|Brought|"
                      r"Thought|Taught|Began|Drew|Held|Set|Put|Won|Wrote|Underlined|Highlighted|Went|Felt|Saw|"
                      r"Showed|Stood|Sought|Laid|Paid|Left|Lost|Meant|Noted|Was|Were)$")
_NOT_PAST_EN = frozenset("United Red Ted Fred Ahmed Mohammed Muhammad Alfred Jared Reed Seed Speed Need Creed "
                         "Indeed Shed Bed Sled Med".split())
# Russian puts a verb first in a sentence too ("Прозвучали гимны"): only a singular past verb counts (the speaker
# is one person), and not a noun of that ending ("Протокол", "Материал").
_PAST_RU = re.compile(r"^[А-ЯЁ][а-яё]{3,}([аяиеыу]л|[аяиеыу]ла|[аяиеыу]лся|[аяиеыу]лась)$")
_NOT_PAST_RU = frozenset("Материал Персонал Генерал Капитал Канал Финал Сигнал Журнал Арсенал Маршал Идеал Портал "
                         "Минерал Интервал Оригинал Трибунал Адмирал Карнавал Крокодил Автомобиль".split())
_PAST_DE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{2,}(te|ten)$|^(Sprach|Hielt|Gab|Las|Wies|Nahm|Rief|Trug|Sah|Bat|Ging|"
                      r"Kam|Schlug|Betonte|Stellte|Fand|Zog|Warf|War|Hob|Lud|Sagte|Erklärte)$")
_NOT_PAST_DE = frozenset("Geschichte Mitte Delegierte Rente Karte Liste Seite Stätte Sekte Mannschaften Kräfte "
                         "Rechte Projekte Konflikte Berichte Gäste Beiräte Ämter Objekte Haushaltsmittel Heute Leute Beute Wette".split())
_VERBISH = re.compile(r"^[a-zäöüßа-яё]+(ed|л|ла|ли|te|ten)$|^(has|had|was|were|is|are|will|said|spoke|hat|ist|war|"
                      r"sagte|сказал|заявил)$")


def is_predicate(text: str, lang: str) -> bool:
    """Return True when ``text`` is a predicate typed with a capital, as a sentence: "Outlined the history …"."""
    words = text.split(maxsplit=2)
    if not words:
        return False
    first = words[0].strip(",;:")
    second = words[1].strip(",;:").lower() if len(words) > 1 else ""
    if second and _VERBISH.match(second):
        return False
    base = lang.split("-")[0]
    if base == "en":
        return bool(_PAST_EN.match(first)) and first not in _NOT_PAST_EN
    if base == "ru":
        return bool(_PAST_RU.match(first)) and first not in _NOT_PAST_RU
    if base == "de":
        return bool(_PAST_DE.match(first)) and first not in _NOT_PAST_DE
    return False


def first_and_rest(text: str) -> tuple[str, str] | None:
    """Return the first sentence of ``text`` without its full stop, and the rest; None when it ends otherwise (in "?", "!" or a quote)."""
    flat = text.replace("\n", " ")
    end = next((m for m in _SENTENCE_END.finditer(flat) if m.group() not in ".!?" or not _abbreviation(flat, m.start())),
               None)
    if end is None or end.group() not in ".。":
        return None
    rest = text[end.end():]
    return text[: end.start()], ("\n\n" + rest.strip() if "\n\n" in rest[: len(rest) - len(rest.lstrip())] else rest.strip())

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

"""Names: slugs, and resolving what a secretary types to one person in the roster."""

from __future__ import annotations

import bisect
import difflib
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator

from minutes.errors import MinutesError, UnknownName

_UNSAFE = re.compile(r"[^\w]+", re.UNICODE)
_WORD_BREAK = re.compile(r"[\W_]+", re.UNICODE)
# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"})
CLOSE = 0.6  # how alike (difflib's ratio) a spelling must be to be offered as "did you mean"
CLOSE_WORD = 0.75  # how alike a surname (or other words of a name) must be: short words look alike sooner


# A file name has at most 255 bytes; the date, ".yaml" and the lock and temp names need the rest.
MAX_SLUG_BYTES = 200


def slugify(text: str, limit: int = 80) -> str:
    """Return a lowercase, filesystem-safe slug of ``text`` (letters of any script kept)."""
    text = unicodedata.normalize("NFKC", text).lower()
    slug = _UNSAFE.sub("-", text).strip("-_")[:limit]
    while len(slug.encode("utf-8")) > MAX_SLUG_BYTES:  # 80 Chinese characters are 240 bytes
        slug = slug[:-1]
    return slug.strip("-_") or "session"


def fold(text: str) -> str:
    """Return ``text`` without case or accents (``François`` -> ``francois``), to compare names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare).translate(_LETTERS)


def words(text: str) -> list[str]:
    """Return the folded words of a name (``Jean-Pierre O'Neil`` -> jean, pierre, o, neil)."""
    return [w for w in _WORD_BREAK.split(fold(text)) if w]


def spellings(person: dict) -> Iterator[str]:
    """Yield every way a roster entry may be written: its id, each name, its handle (with and without @) and aliases."""
    yield str(person.get("id", ""))
    name = person.get("name")
    if isinstance(name, dict):
        yield from (str(v) for v in name.values())
    elif name is not None:
        yield str(name)
    handle = person.get("handle")
    if isinstance(handle, str) and handle:
        yield handle
        if handle.startswith("@") and len(handle) > 1:
            yield handle[1:]
    aliases = person.get("aliases")
    if isinstance(aliases, list):
        yield from (str(a) for a in aliases if a)


def _rules(query: str) -> Iterator[Callable[[str], bool]]:
    """Yield the tests a spelling passes to match ``query``, strictest first."""
    folded, bare, typed = query.casefold(), fold(query), words(query)
    yield lambda s: s == query
    yield lambda s: s.casefold() == folded
    yield lambda s: fold(s) == bare
    yield lambda s: _abbreviates(folded, s.casefold())
    yield lambda s: _abbreviates(bare, fold(s))
    if typed and not any(w.isdigit() for w in typed):  # a surname, or any whole word of the name
        yield lambda s: _contains(words(s), typed)


def resolve(people: Iterable[dict], query: str, what: str = "person", remedy: str | None = None) -> str:
    """Return the id of the one person ``query`` names: exactly, ignoring case or accents, by prefix or by a whole
    word; an unknown name is refused with the close matches and ``remedy`` (by default: add-attendee, --guest)."""
    people = list(people)
    found = find(people, query, what)
    if found is None:
        raise UnknownName(unknown(people, query, what, *([remedy] if remedy else [])), query, suggestions(people, query))
    return found


def find(people: Iterable[dict], query: str, what: str = "person") -> str | None:
    """Return the id of the one person ``query`` names (as ``resolve`` matches), None for no one; several is an error."""
    people = list(people)
    query = query.strip()
    for match in _rules(query):
        ids = list(dict.fromkeys(p["id"] for p in people if any(match(s) for s in spellings(p))))
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            raise MinutesError(f"{what} {query!r} is ambiguous: it could be {', '.join(ids)}; type more of the name")
    return None


def exact(people: Iterable[dict], name: str) -> str | None:
    """Return the id of the person spelled ``name`` (ignoring case), if there is one."""
    folded = name.strip().casefold()
    return next((p["id"] for p in people if any(s.casefold() == folded for s in spellings(p))), None)


def _abbreviates(query: str, name: str) -> bool:
    """Return whether ``query`` is a prefix that leaves out at least two letters (one is a typo)."""
    return name.startswith(query) and len(name) - len(query) >= 2


def _contains(name: list[str], typed: list[str]) -> bool:
    """Return whether the words ``typed`` appear in ``name`` one after another."""
    n = len(typed)
    return any(name[i : i + n] == typed for i in range(len(name) - n + 1))


def _closeness(query: str, spelled: str) -> float:
    """Return how alike ``query`` is to a spelling, or (if close) to as many of its words in a row, accents aside."""
    typed, n, parts = fold(query), len(words(query)), words(spelled)
    best = difflib.SequenceMatcher(None, typed, fold(spelled)).ratio()
    for i in range(len(parts) - n + 1 if n < len(parts) else 0):
        part = difflib.SequenceMatcher(None, typed, " ".join(parts[i : i + n])).ratio()
        best = max(best, part if part >= CLOSE_WORD else 0.0)
    return best


def suggestions(people: Iterable[dict], query: str) -> list[str]:
    """Return the names of (at most three of) the people whose spelling, or surname, is close to ``query``."""
    scored: dict[str, float] = {}
    for person in people:
        shown = next((s for s in list(spellings(person))[1:] if s), person.get("id", ""))
        score = max(_closeness(query, s) for s in spellings(person))
        if score >= CLOSE:
            scored[shown] = max(score, scored.get(shown, 0.0))
    return sorted(scored, key=lambda shown: -scored[shown])[:3]


def unknown(people: Iterable[dict], query: str, what: str = "person",
            remedy: str = "add them with 'minutes add-attendee', or pass --guest") -> str:
    """Return the message for a name that is not in the roster, with close matches and the ``remedy``."""
    close = suggestions(list(people), query)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return f"unknown {what} {query!r}{hint} ({remedy})"


def near_duplicates(names: list[str], cutoff: float = 0.85) -> list[tuple[str, str]]:
    """Return pairs of different names that look like misspellings of each other (difflib ratio >= cutoff)."""
    folded = [n.casefold() for n in names]
    letters = [Counter(f) for f in folded]
    partners: dict[int, list[int]] = defaultdict(list)
    for i, j in _candidates(folded, cutoff):
        partners[j].append(i)
    pairs = []
    matcher = difflib.SequenceMatcher(None)
    for j, earlier in partners.items():
        matcher.set_seq2(folded[j])  # difflib caches what it learns of the second string
        for i in earlier:
            length = len(folded[i]) + len(folded[j])
            if folded[i] == folded[j] or 2 * (letters[i] & letters[j]).total() < cutoff * length:
                continue  # the same name, or too few letters in common (difflib's quick_ratio)
            matcher.set_seq1(folded[i])
            if matcher.ratio() >= cutoff:
                pairs.append((i, j))
    return [(names[i], names[j]) for i, j in sorted(pairs)]


def _candidates(texts: list[str], cutoff: float) -> Iterator[tuple[int, int]]:
    """Yield the pairs (i < j) of ``texts`` that may reach ``cutoff``: every pair that does, few that don't.

    If ``SequenceMatcher.ratio()`` is at least c for strings of lengths summing to L, its matching
    blocks hold M >= cL/2 letters in at most U + 1 blocks (U = L - 2M letters are left unmatched, and
    two blocks are never adjacent in both strings), and a block of k letters holds k - 1 bigrams of
    both strings; so the strings share at least t = M - U - 1 >= (1.5c - 1)L - 1 bigrams, and are at
    most 2/c - 1 times as long as each other. Strings that share t of their n bigrams share one of
    their n - t + 1 rarest (prefix filtering, from set-similarity joins): only those are looked up,
    and indexed (for t of a partner at least as long: the strings come shortest first).
    """
    grams = [_bigrams(t) for t in texts]
    rarity = Counter(g for gs in grams for g in gs)
    sets = [set(gs) for gs in grams]
    lengths = [len(t) for t in texts]
    index: dict[str, list[int]] = defaultdict(list)
    done: list[int] = []  # the strings seen so far, shortest first
    for i in sorted(range(len(texts)), key=lengths.__getitem__):
        n = lengths[i]
        shortest = n * cutoff / (2 - cutoff) - 1e-9
        need = math.ceil((1.5 * cutoff - 1) * (n + shortest) - 1 - 1e-9)  # the fewest of any fitting partner
        later = math.ceil((1.5 * cutoff - 1) * 2 * n - 1 - 1e-9)  # ... of the strings still to come, no shorter
        ordered = sorted(grams[i], key=lambda g: (rarity[g], g))
        if need <= 0:  # too short to promise a shared bigram: compare with every string of a fitting length
            partners: Iterable[int] = done[bisect.bisect_left(done, shortest, key=lengths.__getitem__) :]
        else:
            partners = {j for g in ordered[: len(ordered) - need + 1] for j in index[g]}
        mine = sets[i]
        for j in partners:
            m = lengths[j]
            if m >= shortest and len(mine & sets[j]) >= (1.5 * cutoff - 1) * (n + m) - 1 - 1e-9:
                yield (min(i, j), max(i, j))
        done.append(i)
        for g in ordered[: len(ordered) - max(later, 1) + 1]:
            index[g].append(i)


def _bigrams(text: str) -> list[str]:
    """Return the bigrams of ``text``, each repeat numbered (``"anan"`` -> an, na, an#2), so sets count them."""
    count: dict[str, int] = defaultdict(int)
    out = []
    for k in range(len(text) - 1):
        g = text[k : k + 2]
        count[g] += 1
        out.append(g if count[g] == 1 else f"{g}#{count[g]}")
    return out

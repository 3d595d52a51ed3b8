"""Names: slugs, and resolving what a secretary types to one person in the roster."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator

from minutes.errors import MinutesError

_UNSAFE = re.compile(r"[^\w]+", re.UNICODE)


# A file name has at most 255 bytes; the date, ".yaml" and the lock and temp names need the rest.
MAX_SLUG_BYTES = 200


def slugify(text: str, limit: int = 80) -> str:
    """Return a lowercase, filesystem-safe slug of ``text`` (letters of any script kept)."""
    text = unicodedata.normalize("NFKC", text).lower()
    slug = _UNSAFE.sub("-", text).strip("-_")[:limit]
    while len(slug.encode("utf-8")) > MAX_SLUG_BYTES:  # 80 Chinese characters are 240 bytes
        slug = slug[:-1]
    return slug.strip("-_") or "session"


def spellings(person: dict) -> Iterator[str]:
    """Yield every way a roster entry may be written: its id and each name."""
    yield str(person.get("id", ""))
    name = person.get("name")
    if isinstance(name, dict):
        yield from (str(v) for v in name.values())
    elif name is not None:
        yield str(name)


def resolve(people: Iterable[dict], query: str, what: str = "person") -> str:
    """Return the id of the one person ``query`` names: exactly, ignoring case, or by an abbreviating prefix."""
    people = list(people)
    query = query.strip()
    folded = query.casefold()
    for match in (
        lambda s: s == query,
        lambda s: s.casefold() == folded,
        lambda s: _abbreviates(folded, s.casefold()),
    ):
        ids = list(dict.fromkeys(p["id"] for p in people if any(match(s) for s in spellings(p))))
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            raise MinutesError(f"{what} {query!r} is ambiguous: it could be {', '.join(ids)}; type more of the name")
    raise MinutesError(unknown(people, query, what))


def exact(people: Iterable[dict], name: str) -> str | None:
    """Return the id of the person spelled ``name`` (ignoring case), if there is one."""
    folded = name.strip().casefold()
    return next((p["id"] for p in people if any(s.casefold() == folded for s in spellings(p))), None)


def _abbreviates(query: str, name: str) -> bool:
    """Return whether ``query`` is a prefix that leaves out at least two letters (one is a typo)."""
    return name.startswith(query) and len(name) - len(query) >= 2


def suggestions(people: Iterable[dict], query: str) -> list[str]:
    """Return the names of the people in the roster whose spelling is close to ``query``."""
    display = {}
    for person in people:
        shown = next((s for s in list(spellings(person))[1:] if s), person.get("id", ""))
        for spelled in spellings(person):
            display.setdefault(spelled.casefold(), shown)
    close = difflib.get_close_matches(query.casefold(), list(display), n=3, cutoff=0.6)
    return list(dict.fromkeys(display[c] for c in close))


def unknown(people: Iterable[dict], query: str, what: str = "person") -> str:
    """Return the message for a name that is not in the roster, with close matches."""
    close = suggestions(list(people), query)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return f"unknown {what} {query!r}{hint} (add them with 'minutes add-attendee', or pass --guest)"


def near_duplicates(names: list[str], cutoff: float = 0.85) -> list[tuple[str, str]]:
    """Return pairs of different names that look like misspellings of each other."""
    pairs = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if a.casefold() != b.casefold() and difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio() >= cutoff:
                pairs.append((a, b))
    return pairs

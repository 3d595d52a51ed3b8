"""Generated rosters for the near-duplicate check: many distinct people, a few misspelt twice."""

from __future__ import annotations

import random

FIRST = (
    "Anna Ana Maria Mariam Olga Ivan Jean Pierre Fatima Ahmed Chen Jing Kofi Ama Sofia Lucas Noah Emma Mia Yuki "
    "Hiroshi Sergei Natalia Pablo Lucia François Jürgen Zoë Amara Tariq Priya Ravi Lena Jonas Elif Mehmet Sara Omar"
).split()
SYLLABLES = "ka ri mo ta se lin wei zhang no va ber ko wal ski ro ssi gar cia lo pez men sah o sei mu ller dup ont".split()


def _surname(rnd: random.Random) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randrange(2, 4))).capitalize()


def misspell(name: str, rnd: random.Random) -> str:
    """Return ``name`` with one letter dropped, added or changed (not the first, as people type)."""
    k = rnd.randrange(1, len(name))
    letter = rnd.choice("aeiourstnlkm")
    return rnd.choice([name[:k] + name[k + 1 :], name[:k] + letter + name[k:], name[:k] + letter + name[k + 1 :]])


def roster(size: int, seed: int = 1, misspelt: float = 0.05) -> list[str]:
    """Return ``size`` names: distinct people, and after some of them the same person misspelt."""
    rnd = random.Random(seed)
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < size:
        name = f"{rnd.choice(FIRST)} {_surname(rnd)}"
        if name in seen:
            continue
        seen.add(name)
        names.append(name)
        if rnd.random() < misspelt:
            names.append(misspell(name, rnd))
    return names[:size]


def quadratic(names: list[str], cutoff: float = 0.85) -> list[tuple[str, str]]:
    """Return what ``names.near_duplicates`` returned before it was indexed: every pair compared."""
    import difflib

    return [
        (a, b)
        for i, a in enumerate(names)
        for b in names[i + 1 :]
        if a.casefold() != b.casefold() and difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio() >= cutoff
    ]

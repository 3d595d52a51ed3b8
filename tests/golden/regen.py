"""Write the golden Markdown files: every example × kind × language, rendered as the golden test renders it.

Regenerating is a deliberate step, apart from the test (which only compares). Run it from the repository
root after a template, a catalog or an example changes on purpose, then review the diff:

    PYTHONPATH=src .venv/bin/python tests/golden/regen.py
    git diff tests/golden
"""

from __future__ import annotations

import sys
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent
if str(GOLDEN.parent) not in sys.path:
    sys.path.insert(0, str(GOLDEN.parent))  # tests/, for render_fixtures

from render_fixtures import EXAMPLES, KINDS, LANGS  # noqa: E402

# Sessions kept here for the golden files only: a council that decides in every way the format knows.
FIXTURES = sorted(GOLDEN.glob("*/*.yaml"))
# Examples also rendered in a named style, in these languages: the coverage release (the one its folder's
# minutes.yaml chooses), and the city council's formal minutes (its settings choose the council style).
STYLED = {"press-coverage": [("release", "coverage", ("en", "ru"))], "city-council": [("minutes", "formal", LANGS)]}


def golden_name(path: Path, kind: str, lang: str) -> str:
    """Return the golden file of one example file: its folder and date, the kind and the language."""
    return f"{path.parent.name}.{path.stem[:10]}.{kind}.{lang}.md"


def styled_name(path: Path, kind: str, style: str, lang: str) -> str:
    """Return the golden file of one example rendered in a style: "press-coverage.2025-10-14.release-coverage.en.md"."""
    return f"{path.parent.name}.{path.stem[:10]}.{kind}-{style}.{lang}.md"


def golden_cases() -> list[tuple[Path, str, str]]:
    """Return every (example file, kind, language) that has a golden file."""
    return [(path, kind, lang) for path in [*EXAMPLES, *FIXTURES] for kind in KINDS for lang in LANGS]


def styled_cases() -> list[tuple[Path, str, str, str]]:
    """Return every (example file, kind, style, language) that has a golden file of its style."""
    return [(path, kind, style, lang) for path in EXAMPLES for kind, style, langs in STYLED.get(path.parent.name, [])
            for lang in langs]


def rendered(path: Path, kind: str, lang: str, style: str | None = None) -> bytes:
    """Return the Markdown of one example in one kind, language (and style), as its golden file holds it."""
    from minutes.records.publish import render_file
    from minutes.render.pipeline import RenderOptions

    return render_file(path, RenderOptions(kind=kind, fmt="md", lang=lang, style=style)).data


def main() -> None:
    """Write every golden file and say how many."""
    cases = golden_cases()
    for path, kind, lang in cases:
        (GOLDEN / golden_name(path, kind, lang)).write_bytes(rendered(path, kind, lang))
    styled = styled_cases()
    for path, kind, style, lang in styled:
        (GOLDEN / styled_name(path, kind, style, lang)).write_bytes(rendered(path, kind, lang, style))
    print(f"wrote {len(cases) + len(styled)} golden files in {GOLDEN}; review them with: git diff {GOLDEN}")


if __name__ == "__main__":
    main()

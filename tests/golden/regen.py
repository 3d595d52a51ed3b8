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


# The examples rendered in a style of their own too: "minutes-formal" is the minutes in the formal style (the
# city council's folder settings choose the council style for its plain "minutes" goldens).
STYLED = {"city-council": ("minutes-formal",)}


def golden_name(path: Path, kind: str, lang: str) -> str:
    """Return the golden file of one example file: its folder and date, the kind (with its style) and the language."""
    return f"{path.parent.name}.{path.stem[:10]}.{kind}.{lang}.md"


def golden_cases() -> list[tuple[Path, str, str]]:
    """Return every (example file, kind, language) that has a golden file; a styled kind is "minutes-STYLE"."""
    plain = [(path, kind, lang) for path in [*EXAMPLES, *FIXTURES] for kind in KINDS for lang in LANGS]
    styled = [(path, kind, lang) for path in EXAMPLES for kind in STYLED.get(path.parent.name, ()) for lang in LANGS]
    return plain + styled


def rendered(path: Path, kind: str, lang: str) -> bytes:
    """Return the Markdown of one example in one kind (and style) and language, as its golden file holds it."""
    from minutes.records.publish import render_file
    from minutes.render.pipeline import RenderOptions

    kind, _, style = kind.partition("-")
    return render_file(path, RenderOptions(kind=kind, fmt="md", lang=lang, style=style or None)).data


def main() -> None:
    """Write every golden file and say how many."""
    cases = golden_cases()
    for path, kind, lang in cases:
        (GOLDEN / golden_name(path, kind, lang)).write_bytes(rendered(path, kind, lang))
    print(f"wrote {len(cases)} golden files in {GOLDEN}; review them with: git diff {GOLDEN}")


if __name__ == "__main__":
    main()

"""Time the rendering of a generated 10,000-item session: python bench/render_large.py [ITEMS]."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from render_fixtures import large  # noqa: E402

from minutes.records.publish import render_session  # noqa: E402
from minutes.render.pipeline import RenderOptions  # noqa: E402

BUDGET = {"md": 1.0, "docx": 1.5}


def main() -> None:
    items = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    session = large(items)
    render_session(session, None, RenderOptions(kind="release", fmt="docx"))  # import and warm up
    for fmt in ("md", "docx", "json"):
        for kind in ("minutes", "release"):
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                out = render_session(session, None, RenderOptions(kind=kind, fmt=fmt))
                best = min(best, time.perf_counter() - start)
            budget = f" (budget {BUDGET[fmt]:.1f} s)" if fmt in BUDGET else ""
            print(f"{items} items  {kind:8} {fmt:5} {best:5.2f} s  {len(out.data) / 1e6:5.1f} MB{budget}")


if __name__ == "__main__":
    main()

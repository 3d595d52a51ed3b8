"""Baseline: the same minutes written with python-docx's plain add_paragraph loop.

    python bench/plain_docx.py SESSION.yaml OUT.docx
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "writers"))  # test_writer_docx

from test_writer_docx import simple_docx  # noqa: E402  (the slow, obvious writer the tests compare with)

from minutes.store import loader as session  # noqa: E402
from minutes.render.pipeline import RenderOptions, build_document  # noqa: E402


def main() -> None:
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    doc = build_document(session.load(source), source, RenderOptions(kind="minutes", fmt="docx"))
    target.write_bytes(simple_docx(doc))


if __name__ == "__main__":
    main()

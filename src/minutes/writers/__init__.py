"""The writers: one module per format, registered in one table; each module is imported only when used.

May import: minutes.errors, minutes.document, minutes.model, minutes.markdown.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minutes.document.tree import Document


@dataclass
class WriteOptions:
    """What a writer may need beyond the document; writers append to ``warnings``."""

    front_matter: str | None = None
    reference_doc: Path | None = None
    paper: str | None = None
    base_dir: Path | None = None
    allow: tuple[Path, ...] = ()
    warnings: list[str] = field(default_factory=list)


Writer = Callable[["Document", WriteOptions], bytes]


def _lazy(module: str) -> Writer:
    def write(doc: Document, options: WriteOptions) -> bytes:
        return importlib.import_module(module).write(doc, options)

    write.__doc__ = f"Write the document with {module}.write."
    return write


WRITERS: dict[str, Writer] = {
    "md": _lazy("minutes.writers.md"),
    "docx": _lazy("minutes.writers.docx"),
    "json": _lazy("minutes.writers.json"),
    "pdf": _lazy("minutes.writers.pdf"),
    "popolo": _lazy("minutes.writers.popolo"),
}

FRONT_MATTER = ("hugo", "jekyll", "pandoc")

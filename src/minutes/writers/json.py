"""JSON writer: the document's metadata and blocks as data, for scripts."""

from __future__ import annotations

import json

from minutes.document.tree import Document, to_dict
from minutes.writers import WriteOptions

FORMAT = "minutes-document"
VERSION = 1


def write(doc: Document, options: WriteOptions) -> bytes:
    """Return the document as UTF-8 JSON: ``{"format", "version", "meta", "blocks"}``."""
    data = {"format": FORMAT, "version": VERSION, **to_dict(doc)}
    return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")

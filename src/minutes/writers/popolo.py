"""Popolo JSON writer: the session behind the document, as open data."""

from __future__ import annotations

import json

from minutes.document import Document
from minutes.writers import WriteOptions


def write(doc: Document, options: WriteOptions) -> bytes:
    """Return the Popolo JSON of the document's session, in the document's language."""
    from minutes.popolo import export

    return (json.dumps(export(doc.session, doc.meta.lang), ensure_ascii=False, indent=2) + "\n").encode("utf-8")

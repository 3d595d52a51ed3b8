"""The content hash of a session: a short digest of everything in it but the hash itself."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minutes.model.schema import Session

HASH_LENGTH = 12


def digest(data: dict) -> str:
    """Return the short SHA-256 hash of ``data`` written as canonical JSON."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:HASH_LENGTH]


# Fields added after approvals were first sealed, with their defaults: left out of the hash while they hold
# their default, so a session sealed before they existed keeps its hash (and one that uses them is sealed with them).
LATER_FIELDS = {
    "": {"groups": []},
    "people": {"handle": None, "aliases": []},
    "attendees": {"as": None, "arrived": None, "left": None},
}


def content_hash(s: Session) -> str:
    """Return a short hash of everything in the session but the hash itself (approval and amendments included)."""
    data = s.model_dump(mode="json", by_alias=True, exclude={"approval": {"hash"}})
    for where, defaults in LATER_FIELDS.items():
        for entry in (data.get(where) or []) if where else [data]:
            for key, default in defaults.items():
                if key in entry and entry[key] == default:
                    del entry[key]
    return digest(data)

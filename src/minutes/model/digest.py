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
    "": {"groups": [], "number": None, "settings": None},
    "press": {"lead": None, "label": None, "symbol": None},
    "people": {"handle": None, "aliases": []},
    "attendees": {"as": None, "arrived": None, "left": None},
}
# The same for proceedings entries, by kind ("*": every item), and for each vote in them.
LATER_ITEM_FIELDS = {
    "*": {"pulled": False},
    "resolution": {"votes": [], "disposition": None},
    "motion": {"votes": [], "disposition": None},
    "action": {"owner_group": None},
    "section": {"consent": False, "vote": None, "result": None, "disposition": None},
}
LATER_VOTE_FIELDS = {
    "method": None, "on": None, "absent": None, "ayes": [], "nays": [], "abstentions": [], "not_voting": [],
    "explanations": [], "threshold": None, "result": None,
}


def _drop_defaults(entry: dict, defaults: dict) -> None:
    """Remove from ``entry`` each of ``defaults``' keys that holds its default."""
    for key, default in defaults.items():
        if key in entry and entry[key] == default:
            del entry[key]


def _later_items(entries: list) -> None:
    """Leave the later fields that hold their defaults out of every proceedings entry, in sections too."""
    for entry in entries:
        kind = entry.get("kind")
        _drop_defaults(entry, {**(LATER_ITEM_FIELDS["*"] if kind != "section" else {}), **LATER_ITEM_FIELDS.get(kind, {})})
        for vote in [entry.get("vote"), *(entry.get("votes") or [])]:
            if isinstance(vote, dict):
                _drop_defaults(vote, LATER_VOTE_FIELDS)
        _later_items(entry.get("items") or [])


def content_hash(s: Session) -> str:
    """Return a short hash of everything in the session but the hash itself (approval and amendments included)."""
    data = s.model_dump(mode="json", by_alias=True, exclude={"approval": {"hash"}})
    for where, defaults in LATER_FIELDS.items():
        part = data.get(where) if where else data
        for entry in ([part] if isinstance(part, dict) else part or []):
            for key, default in defaults.items():
                if key in entry and entry[key] == default:
                    del entry[key]
    _later_items(data.get("proceedings") or [])
    return digest(data)

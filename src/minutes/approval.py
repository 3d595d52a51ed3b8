"""Approved minutes: the content hash, amendments, approval and verification."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from minutes import clock, edit, session as sessions
from minutes.errors import MinutesError

if TYPE_CHECKING:
    from minutes.model import Session

HASH_LENGTH = 12


def content_hash(s: Session) -> str:
    """Return a short hash of everything in the session but its approval block."""
    data = s.model_dump(mode="json", by_alias=True, exclude={"approval"})
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def approved(data: dict) -> bool:
    """Return whether the valid session ``data`` is approved."""
    return (data.get("approval") or {}).get("status") == "approved"


def guard(data: dict, path: Path, amend: str | None) -> None:
    """Refuse to change approved minutes (the valid session ``data``) unless an amendment reason is given."""
    if approved(data) and not amend:
        date = data["approval"].get("date")
        when = f" on {date}" if date else ""
        raise MinutesError(
            f"{path}: these minutes were approved{when} and are locked; "
            "to change them, give the reason with --amend \"...\""
        )


def record(draft: edit.Draft, path: Path, reason: str, what: str, today: dt.date | None = None) -> None:
    """Record an amendment in ``draft`` and bring the approval hash up to date."""
    draft.append("amendments", {"date": today or clock.today(), "reason": reason, "change": what})
    draft.set(["approval", "hash"], content_hash(sessions.parse(draft.text, path)))  # a full parse, never the cache


def approve(path: Path, on: dt.date | None = None, by: str | None = None) -> dict:
    """Mark the session approved, with the date, who approved it and its content hash; return the new data."""
    from minutes import ops

    def fn(draft: edit.Draft, data: dict) -> None:
        if approved(data):
            raise MinutesError(f"{path}: already approved on {data['approval'].get('date')}")
        who = None
        if by:
            try:
                who = ops.person_id(data, by)
            except MinutesError:
                who = by  # a body, e.g. "the General Assembly"
        full = sessions.parse(draft.text, path)  # a full parse, never the cache
        fields = {"status": "approved", "date": on or clock.today(), "by": who, "hash": content_hash(full)}
        for key, value in fields.items():
            if value is not None:
                draft.set(["approval", key], value)

    return ops.change(path, fn, amend="approval")


def verify(path: Path, expected: str | None = None) -> tuple[bool, str]:
    """Return whether the file matches its recorded (or the ``expected``) hash, and a one-line verdict."""
    s = sessions.parse(sessions.read_text(path), path)  # a full parse: a cache never vouches for a file
    actual = content_hash(s)
    want = expected or s.approval.hash
    if want is None:
        return True, f"{path}: hash {actual} (not approved yet, so there is nothing to compare with)"
    if actual == want.strip().lower():
        source = "the printed hash" if expected else f"the approved record ({s.approval.date})"
        return True, f"{path}: hash {actual} matches {source}"
    source = "the printed hash" if expected else "the hash recorded at approval"
    return False, f"{path}: hash {actual} does NOT match {source} {want}: the file changed"

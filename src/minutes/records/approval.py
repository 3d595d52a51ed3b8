"""Approved minutes: the guard and record of amendments, resealing and verification (`ops.approve` approves).

The content hash (`model.digest`) covers the whole session, the approval (status, date, by) and the amendments
included: everything but the hash itself. Once approved, a session carries that hash, and its
amendments; a draft carries neither. Hashes recorded by minutes 0.1.0 left the approval block
out: `verify` recognises them, and `approve --reseal` replaces one with a hash of the current kind.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutes.model import clock
from minutes.model.digest import content_hash, digest as _digest
from minutes.store import textedit as edit
from minutes.store import loader as sessions
from minutes.store import atomic as store
from minutes.errors import MinutesError

if TYPE_CHECKING:
    from minutes.model.schema import Session

CHANGED_BY_HAND = "the approval record was changed by hand"


def old_hash(s: Session) -> str:
    """Return the hash that minutes 0.1.0 recorded, which left the whole approval block out."""
    return _digest(s.model_dump(mode="json", by_alias=True, exclude={"approval"}))


def approved(data: dict) -> bool:
    """Return whether the valid session ``data`` is approved."""
    return (data.get("approval") or {}).get("status") == "approved"


def broken(data: dict[str, Any]) -> str | None:
    """Return how the approval record of the valid session ``data`` contradicts itself, or None when it does not."""
    record = data.get("approval") or {}
    seal = str(record.get("hash") or "").strip()
    if approved(data):
        return None if seal else "marked approved, but it carries no hash"
    evidence = [what for what, there in (("a hash", seal), ("amendments", data.get("amendments"))) if there]
    return f"marked draft, but it carries {' and '.join(evidence)} of an approval" if evidence else None


def _record_of(s: Session) -> dict[str, Any]:
    return {"approval": s.approval.model_dump(), "amendments": s.amendments}


def guard(data: dict, path: Path, amend: str | None) -> None:
    """Refuse to change approved minutes (the valid session ``data``) unless an amendment reason is given.

    Minutes whose approval record contradicts itself (a draft with a hash, approved without one)
    are refused even with a reason: that record must be restored first.
    """
    problem = broken(data)
    if problem:
        raise MinutesError(f"{path}: {problem}: {CHANGED_BY_HAND}; restore it before changing the minutes")
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
    amended = sessions.parse(draft.text, path)  # a full parse, never the cache
    if amended.approval.status != "approved":
        raise MinutesError(f"{path}: approved minutes stay approved; an amendment cannot make them a draft again")
    draft.set(["approval", "hash"], content_hash(amended))


def reseal(path: Path) -> str:
    """Replace the hash minutes 0.1.0 recorded for unchanged approved minutes with one that covers the approval; return it."""
    sealed: list[str] = []

    def step(text: str) -> str:
        s = sessions.parse(text, path)  # a full parse, never the cache
        problem = broken(_record_of(s))
        if problem:
            raise MinutesError(f"{path}: {problem}: {CHANGED_BY_HAND}; restore it, then reseal")
        if s.approval.status != "approved":
            raise MinutesError(f"{path}: not approved yet, so there is no hash to reseal; use 'minutes approve'")
        recorded, new = str(s.approval.hash).strip().lower(), content_hash(s)
        sealed.append(new)
        if recorded == new:
            return text  # already of the current kind
        if recorded != old_hash(s):
            raise MinutesError(f"{path}: the file changed since it was approved (its hash {recorded} does not match); "
                               "it cannot be resealed")
        return edit.set_value(text, ["approval", "hash"], new)

    store.update(path, step, sessions.read_text)
    return sealed[-1]


def verify(path: Path, expected: str | None = None) -> tuple[bool, str]:
    """Return whether the file matches its recorded (or the ``expected``) hash, and a one-line verdict."""
    s = sessions.parse(sessions.read_text(path), path)  # a full parse: a cache never vouches for a file
    actual = content_hash(s)
    problem = broken(_record_of(s))
    if problem:
        return False, f"{path}: hash {actual}, but {problem}: {CHANGED_BY_HAND}"
    if expected:
        want = expected.strip().lower()
        if actual == want:
            return True, f"{path}: hash {actual} matches the printed hash"
        if old_hash(s) == want:
            return True, (f"{path}: matches the printed hash {want}, which minutes 0.1.0 made: it covers everything "
                          f"but the approval (status, date, by); the current hash is {actual}")
        return False, f"{path}: hash {actual} does NOT match the printed hash {want}: the file changed"
    if s.approval.status != "approved":
        return True, f"{path}: hash {actual} (not approved yet, so there is nothing to compare with)"
    want = str(s.approval.hash).strip().lower()
    if actual == want:
        return True, f"{path}: hash {actual} matches the approved record ({s.approval.date})"
    if old_hash(s) == want:
        return False, (f"{path}: approved with a hash of minutes 0.1.0 ({want}), which does not cover the approval "
                       f"(status, date, by); the rest matches it. Check the approval date and approver, then seal them "
                       f"too with: minutes approve --reseal -f {path}")
    return False, f"{path}: hash {actual} does NOT match the hash recorded at approval {want}: the file changed"

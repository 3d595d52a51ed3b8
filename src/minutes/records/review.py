"""Reviewing earlier meetings' action items: where one stands, recorded at this meeting without copying it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from minutes.errors import MinutesError, UsageError
from minutes.records import actions, approval
from minutes.records.ops import add_item, session_files
from minutes.records.session_file import session_date, valid_data
from minutes.store import loader as sessions


@dataclass(frozen=True)
class Reviewed:
    """What `review` recorded: the review's address, the action's id and task, and the file closed (if closed)."""

    address: str
    action: str
    task: str
    closed: Path | None


def review(
    path: Path, action_id: str, status: str, *, done: bool = False, at: str | None = None, within: str | None = None,
    amend: str | None = None,
) -> Reviewed:
    """Record in the session ``path`` where the action ``action_id`` (known in the session's folder) stands; with
    ``done`` also close it, done on this session's date, in the newest session that holds it."""
    if not status.strip():
        raise UsageError("--status: say where the action stands, e.g. --status COMPLETE")
    valid_data(path, sessions.read_text(path))  # a bad session file is named before its folder is read
    paths = session_files([path.parent])
    found = actions.find(paths, action_id.strip())
    if found is None:
        raise UsageError(f"no action item with id {action_id!r} in {path.parent}; see 'minutes actions'")
    holder, entry, held_in = found
    task = actions.pick(entry.entry.task, held_in.lang)
    if done:
        _closable(holder, entry.entry, amend)
    where, _ = add_item(path, {"kind": "review", "action": entry.entry.id, "status": status, "at": at},
                        amend=amend, within=within)
    closed = None
    if done:
        day = session_date(valid_data(path, sessions.read_text(path))[0])
        closed, _ = actions.close(paths, entry.entry.id, None, day, amend=amend)
    return Reviewed(where, entry.entry.id, task, closed)


def _closable(holder: Path, action: actions.Action, amend: str | None) -> None:
    """Refuse, before anything is written, an action that `close` would refuse: done already, or in locked minutes."""
    if action.status == "done":
        raise MinutesError(f"action {action.id} is already done (on {action.done_on}); record the review without --done")
    approval.guard(valid_data(holder, sessions.read_text(holder))[0], holder, amend)

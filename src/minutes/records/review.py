"""Reviewing earlier meetings' action items: where one stands, recorded at this meeting without copying it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from minutes.errors import MinutesError, UsageError
from minutes.records import actions
from minutes.records.ops import add_item, session_files
from minutes.records.session_file import valid_data
from minutes.store import loader as sessions


@dataclass(frozen=True)
class Reviewed:
    """What `review` recorded: the review's address, the action's id and task."""

    address: str
    action: str
    task: str


def review(
    path: Path, action_id: str, status: str | None, *, done: bool = False, at: str | None = None,
    within: str | None = None, amend: str | None = None,
) -> Reviewed:
    """Record in the session ``path`` where the action ``action_id`` (known in the session's folder) stands, with its
    task; with ``done``, that it is done from this meeting on. The session that raised it is not changed (it is
    often approved by then): `minutes actions` reads the review."""
    if status is not None and not status.strip():
        status = None  # a review that says nothing more than which action was looked at
    valid_data(path, sessions.read_text(path))  # a bad session file is named before its folder is read
    paths = session_files([path.parent])
    found = actions.find(paths, action_id.strip())
    if found is None:
        raise UsageError(f"no action item with id {action_id!r} in {path.parent}; see 'minutes actions'")
    holder, entry, held_in = found
    task = actions.pick(entry.entry.task, held_in.lang)
    if done and entry.entry.status == "done":
        raise MinutesError(f"action {entry.entry.id} is already done (on {entry.entry.done_on}); "
                           "record the review without --done")
    item = {"kind": "review", "action": entry.entry.id, "task": task, "status": status, "done": done or None, "at": at}
    where, _ = add_item(path, item, amend=amend, within=within)
    return Reviewed(where, entry.entry.id, task)

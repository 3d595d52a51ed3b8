"""How action items and the reviews of earlier actions read: owner (a person or a group), due (a date or a soft
text, as typed), status, and where an earlier meeting's action stands."""

from __future__ import annotations

import datetime as dt
from typing import Any

from minutes.model import address
from minutes.render import rich
from minutes.render.labels import ACTION_STATUSES

Builder = Any  # minutes.render.context.Builder, which imports this module


def status(b: Builder, item: Any) -> list[str]:
    """Return how far an action has come, for its line in the proceedings (nothing while it is open)."""
    if item.status == "done":
        return [b._("done on {date}", date=b.date(item.done_on)) if item.done_on else b._("done")]
    return [b._("cancelled")] if item.status == "cancelled" else []


def due(b: Builder, item: Any) -> tuple[str, str]:
    """Return an action's due as printed ("July 1, 2024", or a soft text as typed) and its detail ("due …")."""
    if isinstance(item.due, dt.date):
        when = b.date(item.due)
        return when, b._("due {date}", date=when)
    if item.due:
        when = str(item.due)
        return when, b._("due {when}", "soft", when=when)
    return "", ""


def action(b: Builder, item: Any) -> dict[str, Any]:
    """Return the view of an action item: its task, owner (a person or a group or body), due, status and details."""
    owner = b.person(item.owner)
    group = b.t(item.owner_group) if item.owner_group else ""
    owner_name = b.cat.paren(owner["name"], group) if owner and group else owner["name"] if owner else group
    when, due_detail = due(b, item)
    details = ([b._("owner: {name}", name=owner_name)] if owner_name else []) + ([due_detail] if due_detail else []) \
        + status(b, item)
    return {
        "id": item.id or "", "task": rich.inline(b.t(item.task), b.rich), "owner": owner, "owner_group": group,
        "owner_name": owner_name, "due": when, "due_iso": item.due.isoformat() if isinstance(item.due, dt.date) else "",
        "status": item.status, "status_label": b._(ACTION_STATUSES[item.status]), "details": b._("; ", "list").join(details),
        "carried_over_from": item.carried_over_from.isoformat() if item.carried_over_from else "", "intro": "",
    }


def review(b: Builder, item: Any) -> dict[str, Any]:
    """Return the view of a review of an earlier action: its label ("Action 20240312-2") and "Publish the accounts —
    COMPLETE; Done", the task as the review recorded it (else as this session's action has it), the status and
    "Done" when the review closed it."""
    task = item.task if item.task is not None else next(
        (e.entry.task for e in address.entries(b.s) if getattr(e.entry, "kind", None) == "action" and e.entry.id == item.action),
        None)
    task_text = rich.inline(b.t(task), b.rich) if task is not None else ""
    said = [b.t(item.status)] if item.status else []
    state = b._("; ", "list").join(said + ([b._(ACTION_STATUSES["done"])] if item.done else []))
    text = b._("{task} — {details}", task=task_text, details=state) if task_text and state else task_text or state
    return {"action": item.action, "action_label": b._("Action {id}", id=item.action), "review_status": state,
            "review_task": task_text, "done": item.done, "text": text}

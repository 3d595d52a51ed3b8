"""Who signs or attests the minutes, as the templates show them: the settings' signatories, else chair and secretary."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from minutes.model.settings import FolderSettings


def signatories(view: Any, settings: FolderSettings) -> list[dict[str, Any]]:
    """Return each signatory (``view`` is a render.context.Builder): name, capacity, the "By … Clerk" line, in order."""
    s = view.s
    if settings.signatures is None:
        pairs = [(s.chair, view._("Chair")), (s.secretary, view._("Secretary"))]
        people = [(view.person(pid), capacity) for pid, capacity in pairs]
        return [{"name": p["name"] if p else "", "capacity": capacity, "by": "", "person": p} for p, capacity in people]
    out = []
    for sig in settings.signatures:
        person = view.person(sig.person) if sig.person else None
        name = view.t(sig.name) or (person["name"] if person else "")
        capacity = view.t(sig.capacity) or (person["role"] if person else "")
        out.append({"name": name, "capacity": capacity, "by": view.t(sig.by), "person": person})
    return out

"""What the styles of minutes add to the view: officers without a repeated label, people with handles (notes),
those present by name and group (council), dispositions in capitals and the next steps with their owners."""

from __future__ import annotations

from typing import Any

from minutes.model.presence import group_name, is_voting, settings
from minutes.model.vocab import IN_ROOM

from minutes.render.labels import RESULTS, STATUS_LABELS

Builder = Any  # minutes.render.context.Builder, which imports this module


def officer(b: Builder, person: dict[str, Any] | None, label: str) -> str:
    """Return an officer as the heading shows them: "Chen Li" under "Secretary", not "Chen Li, Secretary"."""
    if not person:
        return ""
    if person["role"].casefold() not in (label.casefold(), b._(label).casefold()):
        return person["full"]
    org = person["organization"]
    return b._("{name}, {role}", "person", name=person["name"], titled=person["titled"], role=org) if org else person["name"]


def handle(raw: str | None) -> str:
    """Return a handle as a project writes it, with its "@" ("" for none)."""
    if not raw:
        return ""
    return raw if raw.startswith("@") else "@" + raw


def handled(b: Builder, pid: str) -> str:
    """Return a person with their handle in brackets, "Jane Doe (@jdoe)" (the name alone when they have none)."""
    p = b.s.person(pid)
    name = b.t(p.name) if p else pid
    at = handle(p.handle) if p else ""
    return b.cat.paren(name, at) if at else name


def _shown(b: Builder, a: Any, form: str) -> str:
    """Return one attendee in ``form``: "handle" (with handle), "name" or "full" (with role); a group as typed."""
    if not a.person:
        text = b.t(a.group)
        return text[:1].upper() + text[1:]
    return handled(b, a.person) if form == "handle" else b.person(a.person)[form]


def _by_group(b: Builder, people: list[Any], form: str) -> list[dict[str, Any]]:
    """Return ``people`` by attendance group, in the order the groups first appear: [{name, entries}]."""
    known = settings(b.s)
    out: dict[str, dict[str, Any]] = {}
    for a in people:
        name = group_name(b.s, a)
        shown = b.t(known[name].name) if name in known else b.t(a.as_) if a.as_ is not None else ""
        entry = _shown(b, a, form)
        if not shown and a.status == "guest":  # a guest in no group is listed among the guests, with their organization
            name, shown = "\0guest", b._(STATUS_LABELS["guest"])
            org = b.person(a.person)["organization"] if a.person else ""
            entry = b.cat.paren(entry, org) if org else entry
        out.setdefault(name, {"name": shown, "entries": []})["entries"].append(entry)
    return list(out.values())


def notes_present(b: Builder) -> dict[str, Any]:
    """Return who took part as a project's notes list them: by group, with handles; guests; regrets (absent, excused)."""
    here = [a for a in b.s.attendees if a.status in IN_ROOM or a.status == "guest"]
    away = [a for a in b.s.attendees if a.status in ("absent", "excused")]
    return {"groups": _by_group(b, here, "handle"), "regrets": [_shown(b, a, "handle") for a in away]}


def council_present(b: Builder) -> dict[str, Any]:
    """Return "those present" as a council's clerk writes them: the members present, absent and excused by name,
    then the others in the room (staff, guests) by group."""
    known = settings(b.s)
    members = [a for a in b.s.attendees if is_voting(b.s, a, known)]
    others = [a for a in b.s.attendees if not is_voting(b.s, a, known) and (a.status in IN_ROOM or a.status == "guest")]
    names = {st: [_shown(b, a, "name") for a in members if a.status in st] for st in (IN_ROOM, ("absent",), ("excused",))}
    return {"members": names[IN_ROOM], "absent": names[("absent",)], "excused": names[("excused",)],
            "others": _by_group(b, others, "full")}


def disposition(b: Builder, item: dict[str, Any]) -> str:
    """Return an item's outcome as a council's minutes print it: the result in capitals, then its wording or number
    ("ADOPTED — Resolution No. 2025-14"); the council's own wording as typed ("PASSED TO SECOND READING …")."""
    outcome = item.get("outcome")
    if not outcome or not outcome["recorded"]:
        return ""
    text = str(outcome["text"])
    for word in [b._("Adopted on the consent agenda")] + ([b._(RESULTS[item["result"]])] if item.get("result") else []):
        if text.startswith(word):
            return word.upper() + text[len(word):]
    return text


def step(b: Builder, a: dict[str, Any]) -> dict[str, str]:
    """Return an action item as a project's next step: the task, the owner's handle (else name), the due (ISO)."""
    owner = a["owner"]
    who = (handle(owner["handle"]) or owner["name"]) if owner else ""
    if a["owner_group"]:
        who = b.cat.paren(who, a["owner_group"]) if who else a["owner_group"]
    return {"task": a["task"], "owner": who, "due": a["due_iso"] or a["due"], "address": a["address"]}


def view(b: Builder, session: dict[str, Any], items: list[dict[str, Any]]) -> dict[str, Any]:
    """Return what the styles add to the view: ``officers`` (chair and secretary for the heading), ``present``
    (notes), ``those_present`` (council) and ``next_steps`` (the open actions); each resolution gets its
    ``disposition_line`` in capitals, each speech or report ``who`` (with handle), each action its ``step``."""
    for item in items:
        if item["kind"] in ("resolution", "motion"):
            item["disposition_line"] = disposition(b, item)
        elif item["kind"] in ("speech", "report"):
            item["who"] = handled(b, item["person"]["id"])
        elif item["kind"] == "action":
            item["step"] = step(b, item)
    return {
        "officers": {"chair": officer(b, session["chair"], "Chair"),
                     "secretary": officer(b, session["secretary"], "Secretary")},
        "present": notes_present(b) if b.style.get("name") == "notes" else None,
        "those_present": council_present(b) if b.style.get("name") == "council" else None,
        "next_steps": [i["step"] for i in items if i["kind"] == "action" and i["status"] == "open"],
    }

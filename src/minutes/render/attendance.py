"""The attendance the templates see when attendees have groups (``as:``): a roll call by group, with counts,
arrivals and departures, and the voting members a quorum counts."""

from __future__ import annotations

from typing import Any

from minutes.model.presence import grouped, group_name, here_at, is_voting, settings, voting_members  # noqa: F401
from minutes.model.schema import Attendee, Group, Session, pick
from minutes.model.vocab import IN_ROOM, clock_minutes
from minutes.render.labels import STATUS_LABELS, STATUSES

Builder = Any  # minutes.render.context.Builder, which imports this module

# The heading of one status within a named group, as a roll call writes it ("Directors present (8)").
GROUP_STATUS = {
    "present": "{group} present", "online": "{group} online", "absent": "{group} absent",
    "excused": "{group} excused", "guest": "{group}",
}












def voting_present(voting: list[Attendee]) -> dict[str, int]:
    """Return how many of the voting members ``voting`` took part ("here") of how many there are ("all")."""
    return {"here": sum(1 for a in voting if a.status in IN_ROOM), "all": len(voting)}




def timing(b: Builder, a: Attendee) -> list[str]:
    """Return the notes of a late arrival or an early departure: ["arrived 9:36", "left 11:04"]."""
    out = []
    if a.arrived:
        out.append(b._("arrived {time}", "attendance", time=b.clock.time(a.arrived)))
    if a.left:
        out.append(b._("left {time}", "attendance", time=b.clock.time(a.left)))
    return out


def entry(b: Builder, a: Attendee) -> str:
    """Return an attendee as the attendance list shows them: name, role, then any note, arrival or departure."""
    if a.person:
        shown = b.person(a.person)["full"]
    else:
        text = b.t(a.group)
        shown = text[:1].upper() + text[1:]
    notes = [n for n in (b.t(a.note),) if n] + timing(b, a)
    return b.cat.paren(shown, b._("; ", "list").join(notes)) if notes else shown


def roll(b: Builder) -> dict[str, Any] | None:
    """Return the roll call by group (None when no attendee has a group): groups in the order first used."""
    s = b.s
    if not grouped(s):
        return None
    known = settings(s)
    # A group named "Guests" (in English or the output language) takes the guests who have no group.
    guests = {STATUS_LABELS["guest"].casefold(), b._(STATUS_LABELS["guest"]).casefold()}
    named_guests = next((group_name(s, a) for a in s.attendees if group_name(s, a).casefold() in guests), "")
    groups: dict[str, list[Attendee]] = {}
    for a in s.attendees:
        name = group_name(s, a) or (named_guests if a.status == "guest" else "")
        groups.setdefault(name, []).append(a)
    out = []
    for name, members in groups.items():
        always = known[name].always if name in known else []
        named = next((a.as_ for a in members if a.as_ is not None), None)
        shown_name = b.t(known[name].name) if name in known else b.t(named)  # in the output language
        shown = [st for st in STATUSES if st in always or any(a.status == st for a in members)]
        voting = known[name].voting if name in known else True
        alone = name and not voting and not always and shown == ["present"]  # "City Clerk (1)", not "… present (1)"
        rows = []
        for st in shown:
            entries = [entry(b, a) for a in members if a.status == st]
            label = shown_name if alone else b._(GROUP_STATUS[st], "attendance", group=shown_name) if name \
                else b._(STATUS_LABELS[st])
            rows.append({"status": st, "label": label, "count": len(entries), "entries": entries,
                         "heading": b.cat.paren(label, len(entries)) if entries else label})
        out.append({"name": name, "voting": voting, "count": len(members),
                    "statuses": rows})
    voting = voting_members(s)
    here = sum(1 for a in s.attendees if a.status in IN_ROOM)
    guests = sum(1 for a in s.attendees if a.status == "guest")
    away = sum(1 for a in s.attendees if a.status in ("absent", "excused"))
    parts = [b._("present: {count}", "attendance", count=here)]
    if guests:
        parts.append(b._("guests: {count}", "attendance", count=guests))
    if away:
        parts.append(b._("absent or excused: {count}", "attendance", count=away))
    members = voting_present(voting)
    if voting:
        parts.append(b._("voting members present: {here} of {all}", "attendance", **members))
    return {"groups": out, "total": b._("; ", "list").join(parts), "members": members}


def quorum(b: Builder) -> dict[str, Any] | None:
    """Return the quorum line: the number required, whether it was present and, with groups, the voting members."""
    q = b.s.quorum
    if q is None:
        return None
    parts = []
    if q.required is not None:
        parts.append(b._("{required} required", required=q.required))
    voting = voting_members(b.s) if grouped(b.s) else []
    if voting:
        members = voting_present(voting)
        parts.append(b._("{here} of {all} voting members present", "attendance", **members))
        start = sum(1 for a in voting if here_at(a, b.s.start)) if b.s.start else members["here"]
        if start != members["here"]:  # late arrivals or early departures: the count when the meeting opened
            parts.append(b._("{here} at the start", "attendance", here=start))
    if q.present is not None:
        parts.append(b._("quorum present") if q.present else b._("no quorum"))
    return {"required": q.required, "present": q.present, "text": b._("; ", "list").join(parts)}


def movements(b: Builder, entries: list[dict[str, Any]]) -> None:
    """Give each timed entry the arrivals and departures up to its time (``movements``), each said once."""
    events = sorted(
        [(a.arrived, 0, a) for a in b.s.attendees if a.arrived] + [(a.left, 1, a) for a in b.s.attendees if a.left],
        key=lambda e: (clock_minutes(e[0]), e[1]),
    )
    if not events or not any(e.get("at") for e in entries):
        return
    i = 0
    for entry in entries:
        at = entry.get("at_hm")  # the time as typed (HH:MM), not as printed
        if not at or entry.get("kind") == "section":
            continue
        said = []
        while i < len(events) and clock_minutes(events[i][0]) <= clock_minutes(at):
            time, left, a = b.clock.time(events[i][0]), events[i][1], events[i][2]
            name = b.person(a.person)["name"] if a.person else b.t(a.group)
            if left:
                said.append(b._("{name} left at {time}.", "attendance", name=name, time=time))
            else:
                said.append(b._("{name} arrived at {time}.", "attendance", name=name, time=time))
            i += 1
        if said:
            entry["movements"] = said

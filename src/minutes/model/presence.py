"""Who was in the room, and who votes: attendance groups, voting members and the members present at a time."""

from __future__ import annotations

from minutes.model.schema import Attendee, Group, Session, pick
from minutes.model.vocab import IN_ROOM, clock_minutes


def group_name(s: Session, a: Attendee) -> str:
    """Return the attendance group of ``a`` in the session's language ("" for none)."""
    return pick(a.as_, s.lang, s.lang) if a.as_ is not None else ""


def settings(s: Session) -> dict[str, Group]:
    """Return the settings of each named group, by its name in the session's language."""
    return {pick(g.name, s.lang, s.lang): g for g in s.group_settings()}


def is_voting(s: Session, a: Attendee, known: dict[str, Group] | None = None) -> bool:
    """Return whether attendee ``a`` is a voting member: a person, not a guest, in no group or a voting one."""
    if a.person is None or a.status == "guest":
        return False
    group = (known if known is not None else settings(s)).get(group_name(s, a))
    return group is None or group.voting


def grouped(s: Session) -> bool:
    """Return whether any attendee has an attendance group (then the minutes read as a roll call)."""
    return any(a.as_ is not None for a in s.attendees)


def voting_members(s: Session) -> list[Attendee]:
    """Return the attendees who are voting members (present or not)."""
    known = settings(s)
    return [a for a in s.attendees if is_voting(s, a, known)]


def here_at(a: Attendee, at: str | None) -> bool:
    """Return whether ``a`` was in the room (or online) at the time ``at`` (any time, when None)."""
    if a.status not in IN_ROOM:
        return False
    if at is None:
        return True
    t = clock_minutes(at)
    return not (a.arrived and clock_minutes(a.arrived) > t) and not (a.left and clock_minutes(a.left) <= t)

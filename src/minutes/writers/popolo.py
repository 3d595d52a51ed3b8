"""Popolo JSON writer: the session behind the document as open data (an Event, Persons, Memberships, Speeches, Motions and VoteEvents)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from minutes.document.tree import Document
from minutes.model import address
from minutes.model.schema import Attendee, Resolution, Report, Section, Session, Speech, Text, TextItem, pick
from minutes.model.votes import all_votes, counts, deciding, method, on_consent
from minutes.model.presence import here_at, voting_members
from minutes.model.vocab import ATTENDED, FAILED, IN_ROOM, PASSED, clock_minutes
from minutes.writers import WriteOptions

PRONOUNS = {"he": "he/him", "she": "she/her", "they": "they/them", "it": "it/its"}
PLACE = {"online": "online", "hybrid": "hybrid", "on-site": "on site"}


def _stamp(s: Session, at: str | None) -> str | None:
    """Return an ISO 8601 date-time for ``at`` on the session's day, where the time zone is known."""
    if not at or not s.timezone:
        return None
    from zoneinfo import ZoneInfo

    hour, minute = divmod(clock_minutes(at), 60)
    return dt.datetime.combine(s.date, dt.time(hour, minute), ZoneInfo(s.timezone)).isoformat()


def _event_date(s: Session, at: str | None) -> str:
    """Return the date-time of ``at`` on the session's day where the time zone is known, else the day."""
    return _stamp(s, at) or s.date.isoformat()


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    """Return ``data`` without its empty values (None, "" and [])."""
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def _membership(
    s: Session, a: Attendee, text: Callable[[Text | None], str | None], org_id: str | None
) -> dict[str, Any]:
    """Return the Membership of person attendee ``a``: who, in which body, in what role and status, when.

    The mapping, within the Popolo membership schema (nothing of our own added):

    - ``role``: the attendee's role at this sitting, else the roster's role, else the attendance group
      (``as:``, e.g. "Directors"); a role, when there is one, says more than the group, which is left out.
    - ``label``: the status, as before (present, online, absent, excused, guest); a non-voting group adds
      nothing, since the schema has no field for it.
    - ``organization_id``: the body that meets, as before.
    - ``start_date`` / ``end_date``, for someone who was there (present, online, guest): the arrival
      (``arrived``), else the event's start; the departure (``left``), else the event's end; none when the
      session has no such time. They are stamped as the event's are (``_event_date``): a date-time where
      the time zone is known, else the date alone. Absent and excused attendees get no dates.
    """
    person = s.person(a.person)
    start = a.arrived or s.start
    end = a.left or s.end or s.adjourned
    here = a.status in ATTENDED
    return _clean({
        "id": f"membership/{a.person}", "person_id": f"person/{a.person}", "organization_id": org_id,
        "role": text(a.role) or (text(person.role) if person else None) or text(a.as_), "label": a.status,
        "start_date": _event_date(s, start) if here and start else None,
        "end_date": _event_date(s, end) if here and end else None,
    })


def _decides(item: Any) -> bool:
    """Return whether ``item`` is a Motion in Popolo: a resolution or motion, a decision, a section voted on as a block."""
    if isinstance(item, Section):
        return bool(all_votes(item))
    return isinstance(item, Resolution) or item.kind == "decision"


def _outcome(result: str | None) -> str | None:
    """Return a result as Popolo words it: pass for adopted or carried, fail for rejected or failed, else the word."""
    return "pass" if result in PASSED else "fail" if result in FAILED else result


def _motion(s: Session, item: Any, n: str, text: Callable, md: Callable, org_id: str | None, event_id: str,
            section: Section | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Return the Motion of a resolution, motion, decision or block vote, and a VoteEvent per vote taken on it.

    A decision without a vote is a motion (classification "decision") without vote events; a section's block
    vote is a motion classified "consent agenda" or "block" with the section's title as its text; an item
    adopted on a consent agenda takes that section's result when it has none of its own. The motion's
    ``requirement`` is the threshold of the vote on the main question (``votes.deciding``). Vote events are ``vote_event/N``,
    then ``vote_event/N-2`` …, in order.
    """
    motion_id, taken = f"motion/{n}", all_votes(item)
    if isinstance(item, Section):
        kind, words = "consent agenda" if item.consent else "block", md(text(item.title))
    else:
        kind, words = item.kind, md(text(item.text) or text(getattr(item, "title", None)))
    result = getattr(item, "result", None) or (section.result if on_consent(item, section) else None)
    decider = deciding(taken)
    last = taken[decider] if decider is not None else None
    motion = _clean({
        "id": motion_id, "organization_id": org_id, "legislative_session_id": event_id,
        "creator_id": f"person/{item.moved_by}" if getattr(item, "moved_by", None) else None,
        "text": words, "identifier": str(n), "classification": kind, "date": _stamp(s, getattr(item, "at", None)),
        "requirement": None if last is None or isinstance(last, str) else last.threshold,
        "result": _outcome(result),
    })
    events = []
    for i, vote in enumerate(taken, 1):
        own = None if isinstance(vote, str) else vote.result
        events.append(_clean({
            "id": f"vote_event/{n}" + (f"-{i}" if i > 1 else ""), "motion_id": motion_id,
            "organization_id": org_id, "legislative_session_id": event_id, "identifier": str(n),
            "classification": method(vote), "start_date": _event_date(s, getattr(item, "at", None)),
            "result": _outcome(own or (result if i - 1 == decider else None)),
            "counts": _counts(s, vote, getattr(item, "at", None)), "votes": _votes(s, vote, getattr(item, "at", None)),
        }))
    return motion, events


def _absent_or_not_voting(s: Session, pid: str) -> str:
    """Return the Popolo option of a member the roll call lists as not voting: absent unless in the room."""
    status = next((a.status for a in s.attendees if a.person == pid), None)
    return "not voting" if status in IN_ROOM else "absent"


def _away(s: Session, vote: Any, at: str | None) -> list[str]:
    """Return the voting members the attendance has away at the vote (absent, excused, not yet come or gone) whom
    the vote names on no side; none when the attendance counts groups, whose size is unknown."""
    if any(a.group for a in s.attendees if a.status in IN_ROOM):
        return []
    named = set(vote.names())
    return [a.person for a in voting_members(s) if a.person and a.person not in named and not here_at(a, at)]


def _votes(s: Session, vote: Any, at: str | None = None) -> list[dict[str, str]]:
    """Return each named member's vote as a Popolo Vote: voter_id and option (yes, no, abstain, absent, not voting),
    and, for a roll call, the voting members the attendance has away as absent."""
    if isinstance(vote, str) or not vote.names():
        return []
    sides = [(vote.ayes, "yes"), (vote.nays, "no"), (vote.abstentions, "abstain")]
    cast = [(pid, option) for names, option in sides for pid in names]
    cast += [(pid, _absent_or_not_voting(s, pid)) for pid in vote.not_voting]
    cast += [(pid, "absent") for pid in _away(s, vote, at)]
    return [{"voter_id": f"person/{pid}", "option": option} for pid, option in cast]


def _counts(s: Session, vote: Any, at: str | None = None) -> list[dict[str, Any]]:
    """Return the counts of a vote per option (yes, no, abstain, then absent and not voting: as the vote says, else
    the voting members the attendance has away)."""
    found = counts(vote)
    if found is None:
        return []
    out = [{"option": o, "value": v} for o, v in zip(("yes", "no", "abstain"), found)]
    options = [_absent_or_not_voting(s, pid) for pid in vote.not_voting] + ["absent"] * len(_away(s, vote, at))
    if vote.absent is not None and not vote.not_voting:
        options = ["absent"] * vote.absent
    out += [{"option": o, "value": options.count(o)} for o in ("absent", "not voting") if o in options]
    return out


def _markdown_reader(s: Session) -> Callable[[str | None], str | None]:
    """Return what turns a Markdown text of ``s`` into plain text: ``markdown.text.plain`` in version 2, nothing in version 1."""
    if s.schema_version != 2:
        return lambda value: value
    from minutes.markdown.text import plain

    return lambda value: plain(value) or None if value else value


def export(s: Session, lang: str | None = None, event_id: str | None = None) -> dict[str, Any]:
    """Return the session as a Popolo JSON document (one dict of lists)."""
    lang = lang or s.lang
    event_id = event_id or f"event/{s.date.isoformat()}"
    org_id = "organization/1" if s.organization else None
    text = lambda value: pick(value, lang, s.lang) or None  # noqa: E731
    md = _markdown_reader(s)  # a version 2 file's Markdown texts, as the plain text they show
    persons = []
    for p in s.roster():
        persons.append(_clean({
            "id": f"person/{p.id}", "name": text(p.name), "honorific_prefix": text(p.honorific),
            "email": p.email, "summary": text(p.role),
            "pronouns": [PRONOUNS[p.pronoun]],
        }))
    memberships = [_membership(s, a, text, org_id) for a in s.attendees if a.person is not None]
    place = s.place
    location = ", ".join(x for x in (PLACE[place.mode], text(place.venue), place.platform, text(place.city)) if x)
    event = _clean({
        "id": event_id, "name": text(s.title), "classification": s.kind, "description": text(s.occasion),
        "start_date": _event_date(s, s.start), "end_date": _event_date(s, s.end or s.adjourned) if (s.end or s.adjourned) else None,
        "location": location or None, "organization_id": org_id, "status": s.approval.status,
        "attendees": [{"id": f"person/{a.person}"} for a in s.attendees if a.person and a.status in ATTENDED],
    })
    speeches, motions, vote_events = [], [], []
    walked = address.entries(s)
    sections = address.by_address(walked)
    for position, e in enumerate(walked, 1):  # items in sections too, each by its address
        item, n = e.entry, e.address
        if isinstance(item, (Speech, Report)):
            speaker = item.speaker if isinstance(item, Speech) else item.presenter
            behalf = s.person(item.on_behalf_of) if isinstance(item, Speech) else None
            body = [md(text(item.summary)), *(md(text(p)) for p in item.points)]
            speeches.append(_clean({
                "id": f"speech/{n}", "creator_id": f"person/{speaker}", "event_id": event_id, "position": position,
                "title": md(text(item.topic) if isinstance(item, Speech) else text(item.title)),
                "type": "speech" if isinstance(item, Speech) else "report",
                "attribution_text": f"on behalf of {text(behalf.name)}" if behalf else None,
                "role": text(getattr(item, "role", None)), "text": "\n\n".join(b for b in body if b) or None,
                "date": _stamp(s, item.at),
            }))
        elif isinstance(item, (Resolution, Section, TextItem)) and _decides(item):
            motion, events = _motion(s, item, n, text, md, org_id, event_id, sections.get(e.section))
            motions.append(motion)
            vote_events += events
    organizations = [{"id": org_id, "name": text(s.organization)}] if org_id else []
    return {
        "events": [event], "organizations": organizations, "persons": persons, "memberships": memberships,
        "speeches": speeches, "motions": motions, "vote_events": vote_events,
    }


def write(doc: Document, options: WriteOptions) -> bytes:
    """Return the Popolo JSON of the document's session, in the document's language."""
    return (json.dumps(export(doc.session, doc.meta.lang), ensure_ascii=False, indent=2) + "\n").encode("utf-8")

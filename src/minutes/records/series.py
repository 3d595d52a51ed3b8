"""A series (e.g. the days of a congress) compiled into one session, in date order."""

from __future__ import annotations

from minutes.errors import UsageError
from minutes.model.schema import Attendee, Session, TextItem, pick

# When one person's presence differs between days, the fullest presence wins.
RANK = {"present": 0, "online": 1, "guest": 2, "excused": 3, "absent": 4}


def members(sessions: list[Session], name: str) -> list[Session]:
    """Return the sessions whose series is called ``name`` (in any language), in date order."""
    folded = name.casefold()
    found = [
        s for s in sessions
        if s.series is not None and any(
            v.casefold() == folded for v in ([s.series.name] if isinstance(s.series.name, str) else s.series.name.values())
        )
    ]
    if not found:
        raise UsageError(f"no session belongs to the series {name!r}")
    return sorted(found, key=lambda s: (s.date, s.start or "", s.series.part or 0))


def compile_series(parts: list[Session]) -> Session:
    """Return one session holding every part: people and attendance merged, proceedings day by day."""
    first, last = parts[0], parts[-1]
    people = {p.id: p for s in parts for p in s.roster()}
    presence: dict[str, Attendee] = {}
    groups: dict[str, Attendee] = {}
    for s in parts:
        for a in s.attendees:
            if a.person is not None:
                best = presence.get(a.person)
                if best is None or RANK[a.status] < RANK[best.status]:
                    presence[a.person] = a
            else:
                groups.setdefault(pick(a.group, s.lang), a)
    proceedings = []
    for s in parts:
        heading = pick(s.title, s.lang)
        proceedings.append(TextItem(kind="announcement", text=f"{heading} ({s.date.isoformat()})"))
        proceedings.extend(s.proceedings)
    return first.model_copy(
        update={
            "title": first.series.name,
            "series": None,
            "end": last.end,
            "adjourned": last.adjourned,
            "people": list(people.values()),
            "attendees": list(groups.values()) + list(presence.values()),
            "proceedings": proceedings,
            "amendments": [a for s in parts for a in s.amendments],
            "press": last.press,
            "approval": first.approval if all(s.approval.status == "approved" for s in parts) else type(first.approval)(),
        }
    )

"""The findings of `minutes check` about votes: counts, roll calls, thresholds and results, consent agendas."""

from __future__ import annotations

from math import ceil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutes.errors import located
from minutes.model import address
from minutes.model.vocab import FAILED, IN_ROOM, PASSED
from minutes.store import loader as sessions

if TYPE_CHECKING:
    from minutes.model.schema import Session

SIDES = (("ayes", "aye"), ("nays", "nay"), ("abstentions", "abstaining"), ("not_voting", "not voting"))


def named(e: address.Entry) -> str:
    """Return how a finding names a proceedings entry: ``item 2A.1`` or ``section 2A``."""
    return f"{'section' if address.is_section(e.entry) else 'item'} {e.address}"


def vote_findings(s: Session, text: str, path: Path | str) -> list[tuple[str, str]]:
    """Return (level, located message) for every vote that contradicts the attendance, its threshold or its result,
    and for every consent agenda that was not voted on, item pulled from no consent agenda, or item of a consent agenda
    voted on without being pulled."""
    from minutes.model.votes import all_votes, counts
    from minutes.model.presence import here_at, voting_members

    roster = {p.id for p in s.roster()}
    members = voting_members(s)
    countable = not any(a.group for a in s.attendees if a.status in IN_ROOM)  # a group's size is unknown
    required = s.quorum.required if s.quorum else None
    out: list[tuple[str, str]] = []

    def add(level: str, loc: list, message: str) -> None:
        out.append((level, located(path, sessions.locate(text, loc), message)))

    walked = address.entries(s)
    sections = address.by_address(walked)
    for e in walked:
        votes = all_votes(e.entry)
        holder = sections.get(e.section)
        if getattr(e.entry, "pulled", False) and not getattr(holder, "consent", False):
            add("warning", [*e.path, "pulled"], f"{named(e)} is pulled, but its section is not a consent agenda")
        if getattr(holder, "consent", False) and votes and not getattr(e.entry, "pulled", False):
            add("warning", [*e.path, "vote"], f"{named(e)} has a vote of its own but was not pulled from the consent "
                f"agenda {e.section} (minutes pull {e.address})")
        if getattr(e.entry, "consent", False) and not votes:
            add("warning", [*e.path, "consent"], f"{named(e)} is a consent agenda with no vote (minutes add-vote {e.address} ...)")
        if not votes:
            continue
        at = getattr(e.entry, "at", None)
        here = [a for a in members if here_at(a, at)]
        when = f" at {at}" if at and any(a.arrived or a.left for a in members) else ""
        for j, vote in enumerate(votes):
            loc = [*e.path, "vote"] if j == 0 and e.entry.vote is not None else [*e.path, "votes", j - (e.entry.vote is not None)]
            label = f"{named(e)}" + (f", vote {j + 1}" if len(votes) > 1 else "")
            found = counts(vote)
            total = sum(found) if found else 0
            if countable and found and here and total > len(here):
                add("warning", loc, f"{label}: {total} votes cast but only {len(here)} voting attendees "
                    f"{'present' + when if when else 'listed'} (list the members present, or check the counts)")
            if j == 0 and countable and required and members and len(here) < required:
                add("warning", loc, f"{label}: vote held with {len(here)} voting members present{when}, "
                    f"fewer than the quorum of {required}")
            if not isinstance(vote, str):
                out.extend(_roll_call(vote, label, loc, roster, {a.person for a in here}, when, countable, add))
            result = _result_of(e.entry, vote, j, votes)
            problem = _contradiction(vote, result)
            if problem:
                add("warning", loc, f"{label}: {problem}")
    return out


def _roll_call(vote: Any, label: str, loc: list, roster: set[str], here: set[str | None], when: str, countable: bool,
               add: Any) -> list:
    """Report the names of a roll call that are not in people or not voting members present; return nothing."""
    for key, side in SIDES:
        for i, pid in enumerate(getattr(vote, key)):
            if pid not in roster:
                add("error", [*loc, key, i], f"{label}: {side} {pid!r} is not in people")
            elif countable and key != "not_voting" and pid not in here:
                add("warning", [*loc, key, i], f"{label}: {side} {pid!r} is not a voting member present{when}")
    for i, ex in enumerate(vote.explanations):
        if ex.person not in roster:
            add("error", [*loc, "explanations", i, "person"], f"{label}: explanation by {ex.person!r}, who is not in people")
    given = (vote.for_, vote.against, vote.abstain)
    if (vote.ayes or vote.nays or vote.abstentions) and any(given) and given != vote.tally():
        add("warning", loc, f"{label}: the counts {'-'.join(map(str, given))} differ from the names of the roll call "
            f"({'-'.join(map(str, vote.tally()))})")
    return []


def _result_of(item: Any, vote: Any, j: int, votes: list) -> str | None:
    """Return the result a vote is held to: its own, else the item's for the last vote on the main question."""
    if not isinstance(vote, str) and vote.result:
        return vote.result
    from minutes.model.votes import deciding

    return getattr(item, "result", None) if j == deciding(votes) else None


def _contradiction(vote: Any, result: str | None) -> str | None:
    """Return what is wrong when a vote's counts and threshold contradict its result (or a unanimous vote had
    votes against), else None."""
    from minutes.model.votes import counts, fraction, method, passes

    found = counts(vote)
    if found and method(vote) == "unanimous" and found[1]:
        return f"recorded as unanimous with {found[1]} against"
    if not found or result not in (*PASSED, *FAILED):
        return None
    yes, no, _ = found
    threshold = None if isinstance(vote, str) else vote.threshold
    ok = passes(vote)
    share = fraction(threshold)
    need = (yes + no) // 2 + 1 if threshold in (None, "majority") else ceil(share * (yes + no))
    rule = threshold or "a majority"
    if result in PASSED and not ok:
        return f"{yes}-{no} does not reach {rule} ({need} of {yes + no} needed), but the result says {result}"
    if result in FAILED and ok and threshold is not None:
        return f"{yes}-{no} reaches {rule} ({need} of {yes + no} needed), but the result says {result}"
    return None

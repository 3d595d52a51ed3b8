"""The registers of decisions: every resolution, motion, decision and block vote, and each member's roll-call votes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from minutes.errors import MinutesError, UsageError
from minutes.model import address, names
from minutes.model.schema import Report, Resolution, Section, Session, TextItem, pick
from minutes.model.votes import all_votes, counts, deciding, method, on_consent
from minutes.records.tables import Table

RESOLUTION_COLUMNS = ["date", "session", "item", "kind", "title", "moved by", "seconded by", "question", "method",
                      "vote", "threshold", "result", "disposition"]
VOTE_COLUMNS = ["date", "session", "item", "title", "question", "member", "vote", "explanation"]
SIDES = (("ayes", "aye"), ("nays", "nay"), ("abstentions", "abstain"), ("not_voting", "not voting"))
NO_VOTE, CONSENT = "no vote", "consent agenda"


def vote_cell(vote: Any) -> str:
    """Return a vote's figures: a roll call as "Y-3 N-2" (A-1 abstaining, NV-1 not voting, when there are
    any), counts as "6–4–0" (for–against–abstain, then ", 1 absent"), "" for a vote without counts."""
    found = counts(vote)
    if found is None:
        return ""
    yes, no, abstain = found
    absent = vote.absent_count()
    if vote.names():
        marks = [f"Y-{yes}", f"N-{no}"] + [f"A-{abstain}"] * bool(abstain) + [f"NV-{absent}"] * bool(absent)
        return " ".join(marks)
    return "–".join(map(str, found)) + (f", {absent} absent" if absent else "")


def _row(s: Session, n: str, kind: str, title: str, by: tuple[str | None, str | None], vote: Any,
         how: str, result: str | None, disposition: Any) -> list[str]:
    """Return one row of the register of resolutions."""
    question = "" if vote is None or isinstance(vote, str) else pick(vote.on, s.lang)
    threshold = "" if vote is None or isinstance(vote, str) else vote.threshold or ""
    return [s.date.isoformat(), pick(s.title, s.lang), n, kind, title, s.name_of(by[0]), s.name_of(by[1]),
            question, how, vote_cell(vote) if vote is not None else "", threshold, result or "",
            pick(disposition, s.lang)]


def _decided(s: Session, n: str, item: Any, kind: str, title: str, by: tuple[str | None, str | None]) -> list[list[str]]:
    """Return a row per vote on ``item`` (a resolution, motion or a section's block vote), one if it had none:
    each vote's own result, the item's on the vote that decided it (``votes.deciding``), with its disposition."""
    taken = all_votes(item)
    if not taken:
        return [_row(s, n, kind, title, by, None, "", item.result, item.disposition)]
    rows, decider = [], deciding(taken)
    for i, vote in enumerate(taken):
        last = i == decider
        own = None if isinstance(vote, str) else vote.result
        rows.append(_row(s, n, kind, title, by, vote, method(vote), own or (item.result if last else None),
                         item.disposition if last else None))
    return rows


def _adoptable(item: Any) -> bool:
    """Return whether a body adopts ``item``: a resolution, a motion, a report (on a consent agenda) or a decision."""
    return isinstance(item, (Resolution, Report)) or isinstance(item, TextItem) and item.kind == "decision"


def _title(item: Any, lang: str) -> str:
    """Return what names an item in a register: its title, or the text of a decision or other text item."""
    return pick(item.text if isinstance(item, TextItem) else getattr(item, "title", None), lang)


def resolutions(loaded: list[tuple[Path, Session]]) -> Table:
    """Return the register of every resolution and motion (a row per vote), decision without a vote, section
    voted on as a block and item adopted on a consent agenda, with method, figures, threshold, result, disposition."""
    rows = []
    for _, s in loaded:
        walked = address.entries(s)
        sections = address.by_address(walked)
        for e in walked:
            item, n = e.entry, e.address
            if isinstance(item, Section):
                if all_votes(item):
                    kind = "consent agenda" if item.consent else "section"
                    rows += _decided(s, n, item, kind, pick(item.title, s.lang), (None, None))
            elif on_consent(item, sections.get(e.section)) and _adoptable(item):
                section = sections[e.section]
                by = (getattr(item, "moved_by", None), getattr(item, "seconded_by", None))
                rows.append(_row(s, n, item.kind, _title(item, s.lang), by, section.vote, CONSENT,
                                 getattr(item, "result", None) or section.result, getattr(item, "disposition", None)))
            elif isinstance(item, Resolution):
                rows += _decided(s, n, item, item.kind, pick(item.title, s.lang), (item.moved_by, item.seconded_by))
            elif isinstance(item, TextItem) and item.kind == "decision":
                rows.append(_row(s, n, "decision", _title(item, s.lang), (None, None), None, NO_VOTE, None, None))
    notes = [
        "vote: counts as for–against–abstain (6–4–0), a roll call as Y-3 N-2 (A- abstaining, NV- absent or "
        "not voting); a method without counts (general-consent, voice …) leaves it empty",
        "one row per vote: an amendment, then the main question; the item's result and disposition are on the "
        "row of the vote on the main question",
        f"method {CONSENT!r}: adopted with its consent agenda's one vote (that section's row); "
        f"{NO_VOTE!r}: a decision taken without a vote",
    ]
    return Table("Register of resolutions", RESOLUTION_COLUMNS, rows, notes)


def _people(loaded: list[tuple[Path, Session]]) -> list[dict]:
    """Return every person the sessions know, once per id, as the name resolver reads them."""
    seen: dict[str, dict] = {}
    for _, s in loaded:
        for p in s.roster():
            seen.setdefault(p.id, p.model_dump(by_alias=True))
    return list(seen.values())


def member(loaded: list[tuple[Path, Session]], name: str) -> str:
    """Return the roster id of the member ``name`` names (as every command resolves names); unknown: a usage error."""
    try:
        return names.resolve(_people(loaded), name, "member", "no session in the folder lists them")
    except MinutesError as exc:
        raise UsageError(f"--person: {exc}") from None


def votes(loaded: list[tuple[Path, Session]], wanted: str | None = None) -> Table:
    """Return how each member voted on each roll call (a vote that names its members), with their explanations;
    only the votes of the member with roster id ``wanted`` when given (see ``member``)."""
    rows = []
    for _, s in loaded:
        for e in address.entries(s):
            title = _title(e.entry, s.lang)
            for vote in all_votes(e.entry):
                if isinstance(vote, str) or not vote.names():
                    continue
                explained = {x.person: pick(x.text, s.lang) for x in vote.explanations}
                cast = [(pid, word) for side, word in SIDES for pid in getattr(vote, side)]
                cast += [(pid, "") for pid in explained if pid not in vote.names()]  # explained, not named
                rows += [[s.date.isoformat(), pick(s.title, s.lang), e.address, title, pick(vote.on, s.lang),
                          s.name_of(pid), word, explained.get(pid, "")]
                         for pid, word in cast if wanted in (None, pid)]
    notes = ["vote: aye, nay, abstain or not voting (absent or present and not voting), as the roll call "
             "names the member; an empty vote is an explanation from someone the roll call does not name"]
    return Table("Votes by member", VOTE_COLUMNS, rows, notes)

"""Votes from the command line: the vote data a command's options make, and adding a vote to an item or a section."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from minutes.errors import MinutesError, UsageError
from minutes.model import address, names
from minutes.model.vocab import BARE_METHODS, THRESHOLD_RE
from minutes.records.ops import gist
from minutes.records.session_file import change, roster
from minutes.store import textedit as edit

UNCOUNTED = ("general-consent", "consensus", "voice", "acclamation")  # methods that take no counts at all
ROLL_CALL = (("aye", "ayes"), ("nay", "nays"), ("abstain", "abstentions"), ("not-voting", "not_voting"))
HOW = "--for/--against/--abstain, --aye/--nay, or a method such as --voice or --unanimous"
NAME_REMEDY = "add them with 'minutes add-attendee' first"
VOTED_ON = ("resolution", "motion")


@dataclass(frozen=True)
class VoteOptions:
    """What a command line says about one vote, as typed: counts, names, a method flag, threshold, question, result."""

    for_: int | None = None
    against: int | None = None
    abstain: list[str] = field(default_factory=list)  # a number, or names (a roll call)
    absent: int | None = None
    aye: list[str] = field(default_factory=list)
    nay: list[str] = field(default_factory=list)
    not_voting: list[str] = field(default_factory=list)
    explain: list[str] = field(default_factory=list)
    methods: list[str] = field(default_factory=list)  # the method flags given: unanimous, ballot, voice, ...
    threshold: str | None = None
    on: str | None = None
    result: str | None = None  # the outcome of this vote itself (an amendment's)

    def abstain_count(self) -> int | None:
        """Return --abstain as a number when it is one (None when absent or names)."""
        given = split(self.abstain)
        if len(given) == 1 and given[0].isascii() and given[0].isdigit():
            return int(given[0])
        if len(given) > 1 and any(g.isdigit() for g in given):
            raise UsageError("--abstain: give a number or the names of those abstaining, not both")
        return None

    def counts(self) -> dict[str, int]:
        """Return the counts given, by option (--for, --against, --abstain)."""
        found = {"--for": self.for_, "--against": self.against, "--abstain": self.abstain_count()}
        return {k: v for k, v in found.items() if v is not None}

    def roll_call(self) -> dict[str, list[str]]:
        """Return the names given, by option (--aye, --nay, --abstain, --not-voting), as typed (comma-separated)."""
        found = {f"--{opt}": split(getattr(self, opt.replace("-", "_"))) for opt, _ in ROLL_CALL}
        if self.abstain_count() is not None:
            found["--abstain"] = []
        return {k: v for k, v in found.items() if v}

    def given(self) -> bool:
        """Return whether the options say anything about a vote."""
        return bool(self.counts() or self.roll_call() or self.methods or self.absent is not None or self.explain
                    or self.threshold or self.on or self.result)


def split(texts: list[str]) -> list[str]:
    """Return the names in comma-separated option values, each stripped, empty ones left out."""
    return [n.strip() for text in texts for n in text.split(",") if n.strip()]


def method_of(options: VoteOptions) -> str | None:
    """Return the method the options give (None: implied by counts or names), refusing conflicting options."""
    flags, counts, roll = options.methods, options.counts(), options.roll_call()
    if len(flags) > 1:
        raise UsageError(f"{' and '.join('--' + m for m in flags)}: a vote has one method; give one of them")
    chosen = flags[0] if flags else None
    if roll and counts:
        raise UsageError(f"{next(iter(roll))} and {next(iter(counts))}: a roll call names the members, a counted "
                         "vote gives numbers; give one or the other")
    if roll and chosen:
        raise UsageError(f"--{chosen} and {next(iter(roll))}: names make a roll call; leave out --{chosen}")
    if chosen in UNCOUNTED and (counts or options.absent is not None):
        extra = next(iter(counts), "--absent")
        raise UsageError(f"give either --{chosen} or vote counts ({extra}), not both")
    if chosen == "unanimous" and options.against:
        raise UsageError(f"--unanimous and --against {options.against}: a unanimous vote has no votes against")
    if chosen == "ballot" and not counts:
        raise UsageError("--ballot: give the counts of the ballot (--for, --against, --abstain)")
    if options.absent is not None and "--not-voting" in roll:
        raise UsageError("--absent and --not-voting: give the names of those not voting or their number, not both")
    if not (chosen or counts or roll):
        if options.given():
            raise UsageError(f"{_first_extra(options)}: say how the vote went too ({HOW})")
    return chosen


def _first_extra(options: VoteOptions) -> str:
    """Return the first option given that needs a vote beside it (--threshold, --explain, ...)."""
    for option, value in (("--absent", options.absent), ("--explain", options.explain),
                          ("--threshold", options.threshold), ("--on", options.on), ("--result", options.result)):
        if value is not None and value != []:
            return option
    return "--vote"


def threshold(value: str | None) -> str | None:
    """Return ``value`` if it is a threshold a vote can meet (majority, two-thirds, ..., N/M with N <= M)."""
    if value is None:
        return None
    text = value.strip()
    if THRESHOLD_RE.fullmatch(text) and ("/" not in text or int(text.split("/")[0]) <= int(text.split("/")[1])):
        return text
    raise UsageError(f"--threshold: {value!r} is not a threshold; use majority, two-thirds, three-quarters, "
                     "unanimous or a fraction such as 3/5")


def vote_value(options: VoteOptions, people: list[dict]) -> str | dict[str, Any] | None:
    """Return the vote as the file holds it (None when the options give none): a bare method ("unanimous") when
    there is nothing else to say, else only the keys that say something; names resolved to roster ids."""
    chosen = method_of(options)
    limit = threshold(options.threshold)
    counts, roll = options.counts(), options.roll_call()
    if not (chosen or counts or roll):
        return None
    triple = chosen in (None, "ballot")  # a count is the three numbers together: "6–4–0"
    given = {"for": options.for_, "against": options.against, "abstain": options.abstain_count()}
    vote: dict[str, Any] = {"method": chosen, "on": options.on}
    vote.update({k: v or 0 for k, v in given.items()} if triple and counts else {k: v or None for k, v in given.items()})
    vote["absent"] = options.absent
    vote.update(_named(roll, people))
    vote["explanations"] = [_explanation(text, people) for text in options.explain]
    vote.update({"threshold": limit, "result": options.result})
    vote = {k: v for k, v in vote.items() if v is not None and v != []}
    if chosen in BARE_METHODS and list(vote) == ["method"]:
        return chosen
    return vote


def _named(roll: dict[str, list[str]], people: list[dict]) -> dict[str, list[str]]:
    """Return the roll call's roster ids by side (ayes, nays, ...), each name resolved; a name twice is refused."""
    keys = {f"--{opt}": key for opt, key in ROLL_CALL}
    seen: dict[str, str] = {}
    sides: dict[str, list[str]] = {}
    for option, typed in roll.items():
        for name in typed:
            pid = member(people, name, option)
            if pid in seen:
                raise UsageError(f"{option}: {name} is named twice in the roll call (also {seen[pid]})")
            seen[pid] = option
            sides.setdefault(keys[option], []).append(pid)
    return sides


def member(people: list[dict], name: str, option: str) -> str:
    """Return the roster id ``name`` (a surname, handle, alias) names, or a usage error naming ``option``."""
    try:
        return names.resolve(people, name, "member", NAME_REMEDY)
    except MinutesError as exc:
        raise UsageError(f"{option}: {exc}") from None


def _explanation(text: str, people: list[dict]) -> dict[str, str]:
    """Return an explanation of vote from "NAME: text"."""
    name, colon, said = text.partition(":")
    if not colon or not name.strip() or not said.strip():
        raise UsageError(f"--explain: {text!r}: give the member and the explanation, e.g. --explain \"Fritz: I voted no because ...\"")
    return {"person": member(people, name.strip(), "--explain"), "text": said.strip()}


# --- adding a vote to what was recorded ------------------------------------------------------


@dataclass(frozen=True)
class Added:
    """Where add-vote put a vote: the entry's address, its kind, and which of its votes this is (1 = the first)."""

    address: str
    kind: str
    number: int
    title: str
    pulled_from: str = ""  # the consent agenda the vote took the item off, if it was on one


def add_vote(
    path: Path, ref: str, options: VoteOptions, *, result: str | None = None, item_result: str | None = None,
    disposition: str | None = None, replace_vote: bool = False, amend: str | None = None,
) -> Added:
    """Add a vote to the resolution or motion at ``ref`` (its ``vote``, then its further ``votes`` in order; an item
    of a consent agenda is pulled from it) or set the one vote of the section at ``ref``. ``result`` is the entry's result for a vote on the main question, the
    vote's own when ``options.on`` names another question; ``item_result`` is always the entry's."""
    if result and item_result and not options.on:
        raise UsageError("--result and --item-result: without --on, --result is the item's result; give one of them")
    if options.on:
        options = replace(options, result=result)
        result = None
    outcome = item_result or result
    added: list[Added] = []

    def fn(draft: edit.Draft, data: dict) -> None:
        found = address.find(data, ref)
        kind = found.entry.get("kind")
        _refuse_unvoted(found.address, kind)
        vote = vote_value(options, roster(data, path))
        if vote is None:
            raise UsageError(f"add-vote: say how the vote went ({HOW})")
        earlier = found.entry.get("vote")
        if kind == "section":
            if earlier is not None and not replace_vote:
                raise UsageError(f"section {found.address} already has its vote; pass --replace to replace it")
            draft.set([*found.path, "vote"], vote)
            number = 1
        elif replace_vote:
            raise UsageError("--replace: only a section's one vote is replaced; change an item's votes with "
                             f"'minutes set {found.address}.vote ...' or 'minutes edit'")
        elif earlier is None:
            draft.set([*found.path, "vote"], vote)
            number = 1
        else:
            number = 2 + len(found.entry.get("votes") or [])
            draft.append((*found.path, "votes"), vote)
        for key, value in (("result", outcome), ("disposition", disposition)):
            if value is not None:
                draft.set([*found.path, key], value)
        holder = address.holder(data, found)
        pulled_from = ""
        if kind != "section" and holder is not None and holder.entry.get("consent") and not found.entry.get("pulled"):
            draft.set([*found.path, "pulled"], True)  # a vote of its own takes it off the consent agenda
            pulled_from = holder.address
        added.append(Added(found.address, kind, number, str(found.entry.get("title") or ""), pulled_from))

    change(path, fn, amend, f"added a vote to {ref}")
    return added[-1]


def _refuse_unvoted(where: str, kind: str | None) -> None:
    """Refuse a vote on an entry that takes none (a speech, a report, an action, a decision), saying what to do."""
    if kind == "section" or kind in VOTED_ON:
        return
    if kind == "decision":
        raise UsageError(f"{where} is a decision, taken without a vote; record a vote on a resolution or motion "
                         "('minutes add-resolution TITLE ...', then 'minutes add-vote ADDR ...')")
    raise UsageError(f"{where} is a {kind}, which takes no vote; record the question as a resolution or motion "
                     "('minutes add-resolution TITLE ...', then 'minutes add-vote ADDR ...'), or vote on a section")


# --- consent agendas -------------------------------------------------------------------------


def pull(path: Path, ref: str, undo: bool = False, amend: str | None = None) -> tuple[str, str, str, bool]:
    """Take the item at ``ref`` off its section's consent agenda (``undo``: put it back), where it keeps its place
    and address; return the item's address, its section's, what the item says and whether it takes a vote."""
    done: list[tuple[str, str, str, bool]] = []

    def fn(draft: edit.Draft, data: dict) -> None:
        found = address.find(data, ref)
        if address.is_section(found.entry):
            raise UsageError(f"{found.address} is a section; pull takes an item of a consent agenda (e.g. {found.address}.1)")
        section = address.holder(data, found)
        if section is None:
            raise UsageError(f"{found.address} is in no section; only an item of a consent agenda "
                             "('minutes add-section TITLE --consent') can be pulled")
        if not section.entry.get("consent"):
            raise UsageError(f"section {section.address} is not a consent agenda; mark it one with "
                             f"'minutes set {section.address}.consent true'")
        if bool(found.entry.get("pulled")) != undo:
            raise UsageError(f"{found.address} is already pulled from the consent agenda {section.address}; "
                             f"'minutes pull {found.address} --undo' puts it back" if not undo else
                             f"{found.address} was not pulled from the consent agenda {section.address}")
        draft.set([*found.path, "pulled"], not undo)
        done.append((found.address, section.address, gist(found.entry), found.entry.get("kind") in VOTED_ON))

    change(path, fn, amend, f"{'put back' if undo else 'pulled'} {ref}")
    return done[-1]


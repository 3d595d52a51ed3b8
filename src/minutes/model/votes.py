"""How a body decides: one vote's method, counts or names, threshold and result, and what they add up to."""

from __future__ import annotations

from fractions import Fraction
from typing import Annotated, Any, Literal, Union

from pydantic import Field, model_validator

from minutes.model.base import Strict, Text
from minutes.model.vocab import BARE_METHODS, THRESHOLD_RE, Result, VoteMethod

COUNTED = ("counted", "roll-call", "ballot")  # the methods that are counts (or names) by nature
THRESHOLDS = {"majority": Fraction(1, 2), "two-thirds": Fraction(2, 3), "three-quarters": Fraction(3, 4),
              "unanimous": Fraction(1)}


class Explanation(Strict):
    """A member's explanation of their vote."""

    person: str = Field(description="Roster id of the member")
    text: Text


class Vote(Strict):
    """One vote: how it was taken, its counts or the names of the members on each side, its threshold and result."""

    method: VoteMethod | None = Field(None, description="counted (the default with counts), roll-call (the default "
                                      "with names), unanimous, general-consent, consensus, voice, acclamation, ballot")
    on: Text | None = Field(None, description='The question put, when not the item itself, e.g. "the amendment"')
    for_: Annotated[int, Field(alias="for", ge=0)] = 0
    against: Annotated[int, Field(ge=0)] = 0
    abstain: Annotated[int, Field(ge=0)] = 0
    absent: Annotated[int, Field(ge=0)] | None = Field(None, description="Members absent or not voting")
    ayes: list[str] = Field(default_factory=list, description="Roll call: roster ids of the members voting for")
    nays: list[str] = Field(default_factory=list, description="Roll call: roster ids of the members voting against")
    abstentions: list[str] = Field(default_factory=list, description="Roll call: roster ids of the members abstaining")
    not_voting: list[str] = Field(default_factory=list, description="Roll call: roster ids of members absent or not voting")
    explanations: list[Explanation] = Field(default_factory=list, description="Members' explanations of their vote")
    threshold: Annotated[str, Field(pattern=THRESHOLD_RE.pattern)] | None = Field(
        None, description="majority (the default), two-thirds, three-quarters, unanimous, or a fraction such as 3/5")
    result: Result | None = Field(None, description="The outcome of this vote, when it is not the item's (an amendment)")

    @model_validator(mode="after")
    def _named_once(self) -> Vote:
        seen: set[str] = set()
        for pid in self.names():
            if pid in seen:
                raise ValueError(f"{pid!r} is named twice in one roll call")
            seen.add(pid)
        return self

    @property
    def total(self) -> int:
        """Return the number of votes cast, abstentions included."""
        yes, no, abstain = self.tally()
        return yes + no + abstain

    def names(self) -> list[str]:
        """Return every member the roll call names, on any side."""
        return [*self.ayes, *self.nays, *self.abstentions, *self.not_voting]

    def kind(self) -> str:
        """Return the method, as given or as the vote implies it (names: roll-call; otherwise counted)."""
        return self.method or ("roll-call" if self.names() else "counted")

    def tally(self) -> tuple[int, int, int]:
        """Return (for, against, abstain): the names counted for a roll call that names its members, else the counts."""
        if self.ayes or self.nays or self.abstentions:
            return len(self.ayes), len(self.nays), len(self.abstentions)
        return self.for_, self.against, self.abstain

    def absent_count(self) -> int | None:
        """Return how many were absent or did not vote, if the vote says."""
        return len(self.not_voting) if self.not_voting else self.absent


VoteValue = Union[Vote, Literal[BARE_METHODS]]  # type: ignore[valid-type]
Counts = Vote  # the name of the vote counts before votes had methods


def method(vote: Any) -> str:
    """Return how ``vote`` (a Vote or a bare method such as "general-consent") was taken."""
    return vote if isinstance(vote, str) else vote.kind()


def counts(vote: Any) -> tuple[int, int, int] | None:
    """Return (for, against, abstain) when ``vote`` has counts or names; None for a vote without them."""
    if isinstance(vote, str) or vote is None:
        return None
    if vote.kind() in COUNTED or any(vote.tally()):
        return vote.tally()
    return None


def fraction(threshold: str | None) -> Fraction:
    """Return the share of the votes for and against that a threshold asks for (majority: more than a half)."""
    if not threshold or threshold not in THRESHOLDS and "/" not in threshold:
        return THRESHOLDS["majority"]
    if threshold in THRESHOLDS:
        return THRESHOLDS[threshold]
    top, bottom = threshold.split("/")
    return Fraction(int(top), int(bottom))


def passes(vote: Any) -> bool | None:
    """Return whether the counts of ``vote`` meet its threshold (None without counts): a majority is more than half
    of the votes for and against, every other threshold at least its share; abstentions are not votes cast."""
    found = counts(vote)
    if found is None:
        return None
    yes, no, _ = found
    cast = yes + no
    if cast == 0:
        return False
    share = fraction(vote.threshold)
    if vote.threshold in (None, "majority"):
        return Fraction(yes, cast) > share
    return Fraction(yes, cast) >= share


def all_votes(item: Any) -> list[Any]:
    """Return every vote taken on ``item`` (a resolution, motion or section), in order."""
    first = getattr(item, "vote", None)
    return ([first] if first is not None else []) + list(getattr(item, "votes", []) or [])


def on_consent(item: Any, section: Any) -> bool:
    """Return whether ``item`` was decided by the consent vote of ``section`` (the section holding it, or None):
    the section is a consent agenda, the item was not pulled from it and had no vote of its own."""
    return bool(section is not None and getattr(section, "consent", False) and not getattr(item, "pulled", False)
                and not all_votes(item))


def votes_text(item: Any) -> str:
    """Return the votes on ``item`` as "for–against–abstain" or their method ("acclamation"), "" when none was taken."""
    return "; ".join(_vote_text(v) for v in all_votes(item))


def _vote_text(vote: Any) -> str:
    """Return one vote as "for–against–abstain", or its method with its counts ("unanimous 15–0–0")."""
    found = counts(vote)
    tally = "–".join(map(str, found)) if found else ""
    kind = method(vote)
    return tally if kind in ("counted", "roll-call") else f"{kind} {tally}".strip()


def deciding(taken: list[Any]) -> int | None:
    """Return the index of the vote that decided the item among ``taken`` (its votes in order): the last on the
    main question (one without ``on``), else the last; None when there were none."""
    if not taken:
        return None
    main = [i for i, v in enumerate(taken) if isinstance(v, str) or not v.on]
    return main[-1] if main else len(taken) - 1

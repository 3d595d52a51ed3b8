"""How votes and decisions read: each vote in a spelled-out and a compact form, roll calls by name, the
explanations of vote, thresholds, results and dispositions, and the one vote of a section or consent agenda."""

from __future__ import annotations

from typing import Any

from minutes.model import votes
from minutes.model.vocab import PASSED
from minutes.render import rich
from minutes.render.labels import COMPACT_METHODS, MANNERS, RESULT_WORDS, RESULTS, ROLL_NAMES, ROLL_SIDES, SPELLED, THRESHOLDS

Builder = Any  # minutes.render.context.Builder, which imports this module


def tally(b: Builder, found: tuple[int, int, int], compact: bool = False) -> str:
    """Return counts in brief: "15-0-0" (in German "17 Ja, 0 Nein, 0 Enthaltungen" when spelled out)."""
    yes, no, abstain = found
    if compact:
        return b._("{yes}-{no}-{abstain}", "compact", yes=yes, no=no, abstain=abstain)
    return b._("{yes}-{no}-{abstain}", "tally", yes=yes, no=no, abstain=abstain)


def spelled_counts(b: Builder, vote: Any) -> str:
    """Return the counts of a vote spelled out: "6 for, 4 against, 0 abstaining[, 1 absent]"."""
    yes, no, abstain = votes.counts(vote)
    absent = vote.absent_count()
    if absent is None:
        return b._("{yes} for, {no} against, {abstain} abstaining", yes=yes, no=no, abstain=abstain)
    return b._("{yes} for, {no} against, {abstain} abstaining, {absent} absent", yes=yes, no=no, abstain=abstain,
               absent=absent)


def spelled(b: Builder, vote: Any) -> str:
    """Return a vote as the Vote line spells it: "6 for, 4 against, 0 abstaining", "unanimously (15-0-0)",
    "by roll call (3 for, 1 against, 1 abstaining)", "by general consent"."""
    kind, found = votes.method(vote), votes.counts(vote)
    if found is None:
        return b._(SPELLED.get(kind, "unanimously"))
    if kind == "counted":
        return spelled_counts(b, vote)
    if kind == "unanimous":
        return b.cat.paren(b._("unanimously"), tally(b, found))
    return b.cat.paren(b._(SPELLED[kind]), spelled_counts(b, vote))


def compact(b: Builder, vote: Any) -> str:
    """Return a vote in brief: "6-4-0", a roll call "(Y-3, N-2)", "unanimously (15-0-0)", "without objection"."""
    kind, found = votes.method(vote), votes.counts(vote)
    if kind == "roll-call" and found is not None:
        sides = [b._(pattern, "compact", count=count) for pattern, count in zip(ROLL_SIDES, found)
                 if count or pattern == ROLL_SIDES[0]]
        return b._("({sides})", "compact", sides=b._(", ", "list").join(sides))
    if kind == "counted" and found is not None:
        return tally(b, found, compact=True)
    word = b._(COMPACT_METHODS.get(kind, "unanimously"), "compact")
    return b.cat.paren(word, tally(b, found, compact=True)) if found is not None else word


def manner(b: Builder, vote: Any) -> str:
    """Return how a vote decided, to follow "was adopted": "by unanimous vote (5-0-0)", "by general consent"."""
    kind, found = votes.method(vote), votes.counts(vote)
    if kind == "counted" and found is not None:
        return b._("by a vote of {tally}", "manner", tally=tally(b, found))
    word = b._(MANNERS.get(kind, MANNERS["unanimous"]), "manner")
    return b.cat.paren(word, tally(b, found)) if found is not None else word


def threshold(b: Builder, value: str | None) -> str:
    """Return the threshold a vote needed: "two-thirds required", "3/5 majority required" ("" for none given)."""
    if not value:
        return ""
    if value in THRESHOLDS:
        return b._(THRESHOLDS[value], "threshold")
    return b._("{fraction} majority required", "threshold", fraction=value)


def roll(b: Builder, vote: Any) -> str:
    """Return a roll call by name: "Ayes (3): A, B and C. Nays (1): D." ("" when it names nobody)."""
    if isinstance(vote, str):
        return ""
    sides = zip(ROLL_NAMES, (vote.ayes, vote.nays, vote.abstentions, vote.not_voting))
    parts = [b._(pattern, "roll", count=len(ids), names=b.cat.join([b.person(pid)["name"] for pid in ids]))
             for pattern, ids in sides if ids]
    return b.sep.join(parts)


def explanations(b: Builder, vote: Any) -> list[str]:
    """Return each member's explanation of vote: "D explained the vote: …"."""
    if isinstance(vote, str):
        return []
    out = []
    for e in vote.explanations:
        person = b.person(e.person)
        out.append(b._("{name} explained the vote: {text}", person["pronoun"], name=person["name"],
                       text=rich.block(b.t(e.text), b.rich)))
    return out


class Lazy(dict):
    """A view whose costlier entries are made when a template first asks for them (most read one form only)."""

    def __init__(self, made: dict[str, Any], **ready: Any) -> None:
        super().__init__(**ready)
        self._made = made

    def __missing__(self, key: str) -> Any:
        if key not in self._made:
            raise KeyError(key)
        value = self[key] = self._made.pop(key)()
        return value

    def joined(self, view: dict[str, Any]) -> Lazy:
        """Return ``view`` with this one's entries, made and still to make, added."""
        return Lazy(self._made, **view, **self)


def view(b: Builder, vote: Any, several: bool = False) -> dict[str, Any]:
    """Return one vote as the templates see it: its label ("Vote", "Vote on the amendment"), both forms of its
    text (``text``, spelled out, and ``compact``), with the threshold, its own result, the names and explanations."""
    found = votes.counts(vote)
    kind = votes.method(vote)
    on = "" if isinstance(vote, str) else rich.inline(b.t(vote.on), b.rich)
    need = "" if isinstance(vote, str) else threshold(b, vote.threshold)
    own = None if isinstance(vote, str) else vote.result
    plain = spelled(b, vote)

    def dressed(form: str) -> str:
        """Return a form of the vote with its threshold and its own result."""
        if need:
            form = b._("; ", "list").join((form, need))
        if own:
            form = b._("{vote} — {result}", "vote", vote=form, result=b._(RESULT_WORDS[own], "result"))
        return form

    text = dressed(plain)
    legacy = "counts" if kind == "counted" else kind  # the type the templates of version 1 test ("counts")
    yes, no, abstain = found if found is not None else (None, None, None)
    bare = kind in ("counted", "acclamation", "unanimous")
    return Lazy(
        {"compact": lambda: dressed(compact(b, vote)), "manner": lambda: manner(b, vote),
         # as a press release tells it: "… adopted the resolution “X” by general consent."
         "bare": (lambda: plain) if bare else (lambda: manner(b, vote))},
        type=legacy, method=kind, yes=yes, no=no, abstain=abstain,
        absent=None if isinstance(vote, str) else vote.absent_count(),
        label=b._("Vote on {question}", question=on) if on else b._("Vote"), on=on,
        text=text, spelled=text, threshold=need, result=own or "", roll=roll(b, vote),
        explanations=explanations(b, vote), several=several,
    )


def outcome(b: Builder, result: str | None, disposition: str, consent: bool = False) -> dict[str, str]:
    """Return the result line of an item: its label ("Result", or "Disposition" for a disposition alone) and
    text ("Adopted — Ordinance No. 12", "Adopted on the consent agenda", "No decision recorded")."""
    if consent and (result is None or result in PASSED):
        text = b._("Adopted on the consent agenda")
        return {"label": b._("Result"), "text": b._("{result} — {disposition}", result=text, disposition=disposition)
                if disposition else text, "recorded": "yes"}
    if result:
        label = b._(RESULTS[result])
        text = b._("{result} — {disposition}", result=label, disposition=disposition) if disposition else label
        if disposition and str(disposition).casefold().startswith(label.casefold()):
            text = disposition  # "Referred to the Planning Commission", not "Referred — Referred to …"
        return {"label": b._("Result"), "text": text, "recorded": "yes"}
    if disposition:
        return {"label": b._("Disposition"), "text": disposition, "recorded": "yes"}
    return {"label": b._("Result"), "text": b._("No decision recorded"), "recorded": ""}


def resolution(b: Builder, item: Any, section: Any) -> dict[str, Any]:
    """Return the votes and outcome of a resolution or motion: ``vote`` (the first, as before), ``votes`` (all, in
    order), ``final`` (the vote on the main question), ``outcome``, ``on_consent`` and the compact result line."""
    taken = votes.all_votes(item)
    views = [view(b, v, len(taken) > 1) for v in taken]
    consent = votes.on_consent(item, section)
    disposition = rich.inline(b.t(item.disposition), b.rich)
    out = outcome(b, item.result, disposition, consent)
    single = views[0] if len(views) == 1 and not views[0]["on"] and not views[0]["result"] else None

    def merged() -> str:
        """Return the compact result line: "Carried 6-4-0" on one line, then the disposition ("" if none)."""
        if not (single and item.result and not consent):
            return ""
        line = b._("{result} {vote}", "compact", result=b._(RESULTS[item.result]), vote=single["compact"])
        return b._("{result} — {disposition}", result=line, disposition=disposition) if disposition else line

    def table(form: str) -> str:
        """Return every vote on one line of the table of resolutions, in the ``form`` asked for."""
        return b._("; ", "list").join(b._("{question}: {vote}", "vote", question=v["on"], vote=v[form]) if v["on"]
                                      else v[form] for v in views)

    return Lazy(
        {"result_compact": merged},
        vote=views[0] if views else None, votes=views, final=views[votes.deciding(taken)] if views else None,
        table_vote=Lazy({"spelled": lambda: table("spelled"), "compact": lambda: table("compact")}),
        outcome=out, on_consent=consent, disposition=disposition, passed=item.result in PASSED,
    )


def section(b: Builder, entry: Any, pulled: list[str]) -> dict[str, Any]:
    """Return what a section says of its one vote: for a consent agenda, which items were pulled and how the
    balance was adopted; for another section with a vote, how its items (or reports) were approved; a roll call's
    names and explanations of vote."""
    vote = entry.vote
    decided = entry.result is None or entry.result in PASSED
    lines: list[dict[str, str]] = []
    sentence = ""
    items = b.cat.join(pulled)
    how = manner(b, vote) if vote is not None else ""
    if entry.consent and decided:
        many = len(pulled) > 1
        if pulled and how:
            sentence = b._("Items {items} were pulled for separate consideration; the balance was adopted {manner}."
                           if many else "Item {items} was pulled for separate consideration; the balance was adopted "
                           "{manner}.", items=items, manner=how)
        elif pulled:
            sentence = b._("Items {items} were pulled for separate consideration." if many
                           else "Item {items} was pulled for separate consideration.", items=items)
        elif how:
            sentence = b._("Its items were adopted {manner}.", manner=how)
        else:
            sentence = b._("Its items were adopted in one vote.")
    elif vote is not None and decided:
        reports = all(getattr(i, "kind", "") == "report" for i in entry.items) and entry.items
        sentence = b._("The reports of this section were approved {manner}." if reports
                       else "The items of this section were approved {manner}.", manner=how)
    elif vote is not None:
        lines.append({"label": b._("Vote"), "text": view(b, vote)["text"]})
    disposition = rich.inline(b.t(entry.disposition), b.rich)
    if sentence and disposition:
        lines.append({"label": b._("Disposition"), "text": disposition})
    elif not sentence and (entry.result or disposition):
        lines.append(outcome(b, entry.result, disposition))
    return {"consent": entry.consent, "consent_label": b._("Consent agenda") if entry.consent else "",
            "vote_sentence": sentence, "vote_lines": lines, "pulled": pulled,
            "vote_roll": roll(b, vote) if vote is not None else "",  # a roll call on the block names its members too
            "vote_explanations": explanations(b, vote) if vote is not None else []}

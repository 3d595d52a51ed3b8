"""Deciding: `add-vote` (a further vote on an item, or a section's one vote), `add-decision` and `pull`."""

from typing import Annotated, Optional

from minutes.cli.commands.common import (
    AmendOpt, AtOpt, AttachOpt, CaptionOpt, DispositionOpt, FileOpt, InOpt, Result, _done, _path,
)
from minutes.cli.commands.vote_options import (
    AbsentOpt, AbstainOpt, AcclamationOpt, AgainstOpt, AyeOpt, BallotOpt, ConsensusOpt, ExplainOpt, ForOpt,
    GeneralConsentOpt, NayOpt, NotVotingOpt, ThresholdOpt, UnanimousOpt, VoiceOpt, vote_options,
)
from minutes.cli.declared import command
from minutes.cli.params import Arg, Opt

ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}


@command("add-vote")
def add_vote(
    ref: Annotated[str, Arg(help="Address of the resolution or motion (3, 2A.1), or of a section for its one vote.")],
    on: Annotated[Optional[str], Opt("--on", help='The question put, when not the item itself, e.g. "the amendment".')] = None,
    for_: ForOpt = None,
    against: AgainstOpt = None,
    abstain: AbstainOpt = [],
    absent: AbsentOpt = None,
    aye: AyeOpt = [],
    nay: NayOpt = [],
    not_voting: NotVotingOpt = [],
    explain: ExplainOpt = [],
    unanimous: UnanimousOpt = False,
    general_consent: GeneralConsentOpt = False,
    consensus: ConsensusOpt = False,
    voice: VoiceOpt = False,
    acclamation: AcclamationOpt = False,
    ballot: BallotOpt = False,
    threshold: ThresholdOpt = None,
    result: Annotated[Optional[Result], Opt(
        "--result", help="Outcome: of the item (or section) for a vote on the main question; of this vote itself "
        "with --on (an amendment carried).")] = None,
    item_result: Annotated[Optional[Result], Opt(
        "--item-result", help="The item's result, beside --on's own (e.g. the amendment and the main question in one).")] = None,
    disposition: DispositionOpt = None,
    replace: Annotated[bool, Opt("--replace", help="Replace a section's vote (a section has one).")] = False,
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Add a vote to a resolution or motion (an amendment, then the main question, a reconsideration), in order;
    on a section, its one vote on the items as a block (a consent agenda, reports approved by general consent).

    Example: minutes add-vote 3 --on "the amendment" --for 5 --against 4 --result carried
    Example: minutes add-vote 3 --aye Bagshaw,Harrell --nay Rasmussen --result adopted --disposition "Ordinance No. 184349"
    Example: minutes add-vote 6 --unanimous --for 15 --result adopted
    """
    from minutes.records import votes

    options = vote_options(locals(), on=on)
    path = _path(file)
    added = votes.add_vote(path, ref, options, result=result.value if result else None,
                           item_result=item_result.value if item_result else None, disposition=disposition,
                           replace_vote=replace, amend=amend)
    if added.kind == "section":
        return _done(path, f"recorded the vote of section {added.address} on its items")
    nth = ORDINALS.get(added.number, f"{added.number}th")
    pulled = f"; pulled it from the consent agenda {added.pulled_from}" if added.pulled_from else ""
    _done(path, f"added the {nth} vote on {added.address}" + (f" ({on})" if on else "") + pulled)


@command("add-decision")
def add_decision(
    text: Annotated[Optional[str], Arg(help="What was decided; '-' reads stdin.", show_default=False)] = None,
    at: AtOpt = None,
    attach: AttachOpt = [],
    caption: CaptionOpt = [],
    within: InOpt = None,
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Record a decision taken without a vote (the same as 'add-item decision TEXT').

    Example: minutes add-decision "For new projects, the recommendation is no date."
    """
    from minutes.cli.commands.recording import add_item

    add_item("decision", text, at=at, attach=attach, caption=caption, within=within, amend=amend, file=file)


@command("pull")
def pull(
    ref: Annotated[str, Arg(help="Address of an item of a consent agenda, e.g. 6.2.")],
    undo: Annotated[bool, Opt("--undo", help="Put it back on the consent agenda.")] = False,
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Take an item off its section's consent agenda for separate consideration; it keeps its place and address.

    Example: minutes pull 6.2; minutes add-vote 6.2 --for 4 --against 1 --result adopted
    """
    from minutes.records import votes

    path = _path(file)
    where, section, said, votable = votes.pull(path, ref, undo, amend)
    if undo:
        return _done(path, f"put {where} ({said}) back on the consent agenda {section}")
    then = (f"record its own vote with 'minutes add-vote {where} ...'" if votable else
            f"record what was decided on it with 'minutes add-decision ... --in {section}' or "
            f"'minutes add-resolution ... --in {section}'")
    _done(path, f"pulled {where} ({said}) from the consent agenda {section}; {then}")

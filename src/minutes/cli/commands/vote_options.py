"""The vote options, declared once: `add-resolution` and `add-vote` both take them (counts, a roll call, a method)."""

from typing import Annotated, Any, Optional

from minutes.cli.params import Opt

METHOD_FLAGS = ("unanimous", "general_consent", "consensus", "voice", "acclamation", "ballot")

ForOpt = Annotated[Optional[int], Opt("--for", min=0, help="Votes for (a counted vote).")]
AgainstOpt = Annotated[Optional[int], Opt("--against", min=0, help="Votes against.")]
AbstainOpt = Annotated[list[str], Opt(
    "--abstain", help="Abstentions: a number, or the names of those abstaining (comma-separated: a roll call).")]
AbsentOpt = Annotated[Optional[int], Opt("--absent", min=0, help="Members absent or not voting (a number).")]
AyeOpt = Annotated[list[str], Opt(
    "--aye", help="Roll call: the members voting for, comma-separated (surname, handle or alias); repeatable.")]
NayOpt = Annotated[list[str], Opt("--nay", help="Roll call: the members voting against, comma-separated.")]
NotVotingOpt = Annotated[list[str], Opt(
    "--not-voting", help="Roll call: the members absent or not voting, comma-separated.")]
ExplainOpt = Annotated[list[str], Opt(
    "--explain", help='A member\'s explanation of vote, "NAME: text" (repeatable).')]
UnanimousOpt = Annotated[bool, Opt("--unanimous", help="Carried unanimously; with --for N, the count (N–0–0).")]
GeneralConsentOpt = Annotated[bool, Opt("--general-consent", help="Agreed by general consent (without objection).")]
ConsensusOpt = Annotated[bool, Opt("--consensus", help="Agreed by consensus.")]
VoiceOpt = Annotated[bool, Opt("--voice", help="Decided by voice vote.")]
AcclamationOpt = Annotated[bool, Opt("--acclamation", help="Adopted by acclamation, no count.")]
BallotOpt = Annotated[bool, Opt("--ballot", help="By secret ballot: give its counts (--for, --against, --abstain).")]
ThresholdOpt = Annotated[Optional[str], Opt(
    "--threshold", help="What it needed to pass: majority, two-thirds, three-quarters, unanimous, or N/M (e.g. 3/5).")]


def vote_options(given: dict[str, Any], on: Optional[str] = None, result: Optional[str] = None) -> Any:
    """Return the vote a command's options describe (``given``: its parameters by name) as a records.votes.VoteOptions."""
    from minutes.records.votes import VoteOptions

    return VoteOptions(
        for_=given["for_"], against=given["against"], abstain=list(given["abstain"]), absent=given["absent"],
        aye=list(given["aye"]), nay=list(given["nay"]), not_voting=list(given["not_voting"]),
        explain=list(given["explain"]), methods=[m.replace("_", "-") for m in METHOD_FLAGS if given[m]],
        threshold=given["threshold"], on=on, result=result,
    )

"""Recording the meeting: the `add-*` commands, `remove` and `edit`."""

from pathlib import Path
from collections.abc import Callable
from typing import Annotated, Any, Optional

from minutes.cli.declared import _err, command
from minutes.errors import UsageError
from minutes.cli.params import Arg, Opt
from minutes.cli.commands.common import (
    AmendOpt, AtOpt, AttachOpt, CaptionOpt, DispositionOpt, FileOpt, GuestOpt, InOpt, PointOpt, Pronoun, Result, Status, SummaryOpt,
    _attachments, _done, _due, _interactive, _path, _required, _text,
)
from minutes.cli.commands.roster import complete_names
from minutes.cli.commands.vote_options import (
    AbsentOpt, AbstainOpt, AcclamationOpt, AgainstOpt, AyeOpt, BallotOpt, ConsensusOpt, ExplainOpt, ForOpt,
    GeneralConsentOpt, NayOpt, NotVotingOpt, ThresholdOpt, UnanimousOpt, VoiceOpt, vote_options,
)

PersonArg = Arg(autocompletion=complete_names, show_default=False)


# --- adding --------------------------------------------------------------------------------


@command("add-attendee")
def add_attendee(
    name: Annotated[Optional[str], Arg(help="Name of the person (or group, with --group).", show_default=False)] = None,
    role: Annotated[Optional[str], Opt("--role", help="Title or role.")] = None,
    org: Annotated[Optional[str], Opt("--org", "--organization", help="Organization.")] = None,
    status: Annotated[Status, Opt("--status", help="Presence.")] = Status.present,
    pronoun: Annotated[Optional[Pronoun], Opt("--pronoun", help="Pronoun used in prose.")] = None,
    honorific: Annotated[Optional[str], Opt("--honorific", help="e.g. Comrade, Dr.")] = None,
    group: Annotated[bool, Opt("--group", help="NAME is a group, e.g. 'members of the Board'.")] = False,
    capacity: Annotated[Optional[str], Opt("--as", help="Attendance group, e.g. Directors, Staff, Observers.")] = None,
    arrived: Annotated[Optional[str], Opt("--arrived", help="Arrived late, at HH:MM.")] = None,
    left: Annotated[Optional[str], Opt("--left", help="Left early, at HH:MM.")] = None,
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Add a person (and to the roster, if new) or a group to the attendees.

    Example: minutes add-attendee "Li Jizheng" --role "Head of the Executive Committee" --status present --pronoun he
    Example: minutes add-attendee "Ana Weber" --as Directors --arrived 10:47
    """
    from minutes.model import values
    from minutes.records import ops

    values.time(arrived, "--arrived")
    values.time(left, "--left")
    path = _path(file)
    name = _required(name, "Name", "a NAME")
    named = ops.add_attendee(
        path, name, status=status.value, role=role, organization=org,
        pronoun=pronoun.value if pronoun else None, honorific=honorific, group=group, capacity=capacity,
        arrived=arrived, left=left, amend=amend,
    )
    _done(path, f"added attendee {named}" + (f" to {capacity}" if capacity else ""))


@command("add-person")
def add_person(
    name: Annotated[Optional[str], Arg(help="Name of the person.", show_default=False)] = None,
    role: Annotated[Optional[str], Opt("--role", help="Title or role.")] = None,
    org: Annotated[Optional[str], Opt("--org", "--organization", help="Organization.")] = None,
    pronoun: Annotated[Optional[Pronoun], Opt("--pronoun", help="Pronoun used in prose.")] = None,
    honorific: Annotated[Optional[str], Opt("--honorific", help="e.g. Comrade, Dr.")] = None,
    handle: Annotated[Optional[str], Opt("--handle", help="A handle they are known by, e.g. @jasnell.")] = None,
    alias: Annotated[list[str], Opt("--alias", help="Another spelling: a surname, a short name (repeatable).")] = [],
    email: Annotated[Optional[str], Opt("--email", help="E-mail address.")] = None,
    shared: Annotated[bool, Opt("--shared", help="Add to the folder's shared roster (people.yaml), for every session.")] = False,
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Add a person to the roster without attendance: the owner of a written report, someone spoken for.

    Example: minutes add-person "James Snell" --handle @jasnell --alias Snell
    Example: minutes add-person "Rosa Klein" --role Treasurer --shared
    """
    from minutes.records import ops

    path = _path(file)
    name = _required(name, "Name", "a NAME")
    pid, written = ops.add_person(
        path, name, role=role, organization=org, pronoun=pronoun.value if pronoun else None, honorific=honorific,
        handle=handle, aliases=alias, email=email, shared=shared, amend=amend,
    )
    _done(written, f"added person {name} ({pid})" + (" to the shared roster" if shared else ""))


@command("add-group")
def add_group(
    name: Annotated[Optional[str], Arg(help="Name of the attendance group, as --as gives it.", show_default=False)] = None,
    non_voting: Annotated[bool, Opt("--non-voting", help="Its members do not vote (staff, observers, guests).")] = False,
    always: Annotated[list[str], Opt("--always", help="A status listed even when empty, as 'None.' (repeatable): present, absent, ...")] = [],
    shared: Annotated[bool, Opt("--shared", help="Set it in the folder's shared roster (people.yaml), for every session.")] = False,
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Set how an attendance group is counted and listed: voting or not, statuses always shown.

    Example: minutes add-group "Executive officers" --non-voting --always present --always absent
    Example: minutes add-group Staff --non-voting --shared
    """
    from minutes.records import ops

    path = _path(file)
    name = _required(name, "Name", "a NAME")
    unknown = [s for s in always if s not in Status.__members__]
    if unknown:
        raise UsageError(f"--always: unknown status {unknown[0]!r}; use one of {', '.join(Status.__members__)}")
    written = ops.add_group(path, name, voting=not non_voting, always=always, shared=shared, amend=amend)
    _done(written, f"added group {name}" + (" (non-voting)" if non_voting else ""))


def _add(
    file: Optional[Path], item: dict, people: dict[str, Optional[str]], guest: bool, what: str, amend: Optional[str],
    within: Optional[str] = None, finish: Optional[Callable[[Any, dict], dict]] = None,
) -> dict:
    """Add the entry ``item`` (see records.ops.add_item), print where it went, and return it."""
    from minutes.records import ops
    from minutes.model import values

    values.time(item.get("at"), "--at")
    path = _path(file)
    where, entry = ops.add_item(path, item, people, guest, amend, within, finish)
    named = f" {entry['id']}" if entry.get("kind") == "action" and entry.get("id") else ""
    _done(path, f"added {what}{named} as {where}")
    return entry


@command("add-section")
def add_section(
    title: Annotated[Optional[str], Arg(help="Title of the section (inline Markdown: may hold a link).", show_default=False)] = None,
    label: Annotated[Optional[str], Opt("--label", help="Its label, e.g. 6A, 7.1 (default: its position).")] = None,
    within: InOpt = None,
    note: Annotated[Optional[str], Opt("--note", help="A note under its heading; '-' reads stdin.")] = None,
    presenter: Annotated[
        Optional[str], Opt("--presenter", autocompletion=complete_names, help="Who presents or sponsors it.")
    ] = None,
    consent: Annotated[bool, Opt("--consent", help="A consent agenda: its items are adopted by one vote on the section (add-vote ADDR).")] = False,
    goto: Annotated[bool, Opt("--goto", help="Make it the current section (as 'minutes goto ADDR').")] = False,
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Add a section to the agenda (inside the section --in, or the current one); print its address.

    Example: minutes add-section "Treasurer's report" --in 2 --label 2A
    Example: minutes add-section "Consent agenda" --label 6 --consent
    """
    from minutes.records import ops

    path = _path(file)
    title = _required(title, "Title", "a TITLE")
    where = ops.add_section(path, title, label=label, within=within, note=_text(note, "--note"), presenter=presenter,
                            consent=consent, current=goto, amend=amend)
    print(where)  # for scripts: s=$(minutes add-section ...)
    _done(path, f"added section {where}" + (", now the current section" if goto else ""))


@command("goto")
def goto(
    section: Annotated[str, Arg(help="Address of a section (e.g. 2A), 'next', or 'top' to leave sections.")],
    file: FileOpt = None,
) -> None:
    """Make a section current: later add-* commands without --in add to it.

    Example: minutes goto 2A; minutes goto next; minutes goto top
    """
    from minutes.records import ops

    path = _path(file)
    found = ops.goto(path, section)
    _done(path, "now at the top level (outside sections)" if found is None else f"now in section {found.address}")


@command("add-speech")
def add_speech(
    speaker: Annotated[Optional[str], PersonArg] = None,
    topic: Annotated[Optional[str], Opt("--topic", help="Topic or title of the speech.")] = None,
    summary: SummaryOpt = None,
    point: PointOpt = [],
    on_behalf_of: Annotated[
        Optional[str], Opt("--on-behalf-of", autocompletion=complete_names, help="Whose address was read out.")
    ] = None,
    role: Annotated[Optional[str], Opt("--role", help="Capacity in which they spoke.")] = None,
    at: AtOpt = None,
    attach: AttachOpt = [],
    caption: CaptionOpt = [],
    guest: GuestOpt = False,
    within: InOpt = None,
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Record a speech.

    Example: echo "Spoke about trade." | minutes add-speech "Luan Xinlong" --topic Trade --summary -
    """
    speaker = _required(speaker, "Speaker", "a SPEAKER")
    item = {
        "kind": "speech", "topic": topic, "summary": _text(summary, "--summary"), "points": point,
        "role": role, "at": at, "attachments": _attachments(attach, caption),
    }
    _add(file, item, {"speaker": speaker, "on_behalf_of": on_behalf_of}, guest, "speech", amend, within)


@command("add-report")
def add_report(
    presenter: Annotated[Optional[str], PersonArg] = None,
    title: Annotated[Optional[str], Opt("--title", help="Title of the report.")] = None,
    summary: SummaryOpt = None,
    point: PointOpt = [],
    at: AtOpt = None,
    attach: AttachOpt = [],
    caption: CaptionOpt = [],
    guest: GuestOpt = False,
    within: InOpt = None,
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Record a report presented to the meeting.

    Example: minutes add-report "Vera" --title "Negotiations on a truce in Korea" --attach slides.pdf
    """
    presenter = _required(presenter, "Presenter", "a PRESENTER")
    item = {
        "kind": "report", "title": _required(title, "Title", "--title"), "summary": _text(summary, "--summary"),
        "points": point, "at": at, "attachments": _attachments(attach, caption),
    }
    _add(file, item, {"presenter": presenter}, guest, "report", amend, within)


@command("add-resolution")
def add_resolution(
    title: Annotated[Optional[str], Arg(help="Short title of the resolution or motion.", show_default=False)] = None,
    text: Annotated[Optional[str], Opt("--text", help="Full text; '-' reads stdin.")] = None,
    moved_by: Annotated[Optional[str], Opt("--moved-by", autocompletion=complete_names, help="Mover.")] = None,
    seconded_by: Annotated[
        Optional[str], Opt("--seconded-by", autocompletion=complete_names, help="Seconder.")
    ] = None,
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
    result: Annotated[Optional[Result], Opt("--result", help="Outcome.")] = None,
    disposition: DispositionOpt = None,
    motion: Annotated[bool, Opt("--motion", help="Record it as a motion rather than a resolution.")] = False,
    at: AtOpt = None,
    guest: GuestOpt = False,
    within: InOpt = None,
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Record a resolution or motion with its vote, result and disposition (later votes: add-vote).

    Example: minutes add-resolution "Approve the budget" --moved-by Ana --seconded-by Ben --for 7 --against 1 --abstain 1 --result adopted
    Example: minutes add-resolution "Council Bill 117052" --aye Bagshaw,Harrell,Licata --nay Rasmussen --result adopted --disposition "Ordinance No. 184349"
    """
    from minutes.records import votes

    options = vote_options(locals())
    votes.method_of(options)  # conflicting options are refused before anything is read
    item = {
        "kind": "motion" if motion else "resolution", "title": _required(title, "Title", "a TITLE"),
        "text": _text(text, "--text"), "result": result.value if result else None,
        "disposition": disposition, "at": at,
    }

    def vote(draft: object, data: dict) -> dict:
        """Return the vote field, its names resolved against the roster of the file being changed."""
        from minutes.records.session_file import roster

        return {"vote": votes.vote_value(options, roster(data, _path(file)))}

    _add(file, item, {"moved_by": moved_by, "seconded_by": seconded_by}, guest, item["kind"], amend, within, vote)


@command("add-item")
def add_item(
    kind: Annotated[str, Arg(help="ceremony, announcement, discussion, procedure, break, note or decision.")],
    text: Annotated[Optional[str], Arg(help="What happened; '-' reads stdin.", show_default=False)] = None,
    at: AtOpt = None,
    attach: AttachOpt = [],
    caption: CaptionOpt = [],
    within: InOpt = None,
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Record a ceremony, announcement, discussion, a decision taken without a vote, or another item.

    Example: minutes add-item ceremony "The anthems were played."
    """
    from minutes.records import ops

    item = ops.text_item(kind, _required(_text(text, "TEXT"), "Text", "a TEXT"), at)
    item["attachments"] = _attachments(attach, caption)
    _add(file, item, {}, False, kind, amend, within)


@command("add-action")
def add_action(
    task: Annotated[Optional[str], Arg(help="What is to be done.", show_default=False)] = None,
    owner: Annotated[Optional[str], Opt("--owner", autocompletion=complete_names, help="Who does it: a person, or an attendance group the session names.")] = None,
    owner_group: Annotated[Optional[str], Opt("--owner-group", help='A group or body that does it, named nowhere else, e.g. "the Board".')] = None,
    due: Annotated[Optional[str], Opt("--due", help='Due date, YYYY-MM-DD, or a text such as "by Monday, if possible".')] = None,
    at: AtOpt = None,
    guest: GuestOpt = False,
    within: InOpt = None,
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Record an action item with an owner (a person, a group or a body) and a due date (or a soft due).

    Example: minutes add-action "Publish the presentation" --owner "Luan Xinlong" --due 2023-08-01
    Example: minutes add-action "Decide on the release date" --owner-group "the TSC" --due "by Monday, if possible"
    """
    if owner is not None and owner_group is not None:
        raise UsageError("--owner and --owner-group: give one owner, a person or a group")
    if owner_group is not None and not owner_group.strip():
        raise UsageError("--owner-group: give the name of the group or body")
    item = {
        "kind": "action", "task": _required(task, "Task", "a TASK"), "due": _due(due, "--due"),
        "owner_group": owner_group.strip() if owner_group else None, "at": at,
    }

    def owned(draft: Any, data: dict) -> dict:
        """Return the owner fields: a person's id, or the group or body the session names."""
        from minutes.records import people

        return people.owner(draft, data, owner, guest, _path(file))

    print(_add(file, item, {}, guest, "action item", amend, within, owned)["id"])  # for scripts: id=$(minutes add-action ...)


@command("remove")
def remove(
    item: Annotated[str, Arg(help="Address of the item or section, as the minutes and 'minutes show' print it (4, 2A.1), an action's id, or attendee.NAME.")],
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Remove one proceedings item, or a section with all it holds, or an attendee (who stays in the roster).

    Example: minutes remove 3; minutes remove 2A.1; minutes remove 20240312-2; minutes remove "attendee.Rich Bowen"
    """
    from minutes.records import ops

    path = _path(file)
    where, removed = ops.remove_item(path, item, amend)
    if "kind" not in removed:
        return _done(path, f"removed {where} ({removed.get('status')}; still in the roster)")
    held = len(removed.get("items") or [])
    extra = f", with the {held} entr{'ies' if held != 1 else 'y'} in it" if held else ""
    _done(path, f"removed {'section' if removed.get('kind') == 'section' else 'item'} {where} ({removed.get('kind')}{extra})")


@command("edit")
def edit(
    file: FileOpt = None,
    editor: Annotated[Optional[str], Opt("--editor", help="Editor command (default: $VISUAL, $EDITOR, vi).")] = None,
    amend: AmendOpt = None,
) -> None:
    """Open the session in your editor; the result is validated before it replaces the file.

    Example: EDITOR=nano minutes edit
    """
    from minutes.records import editor as editing

    path = _path(file)

    def again(problem: str) -> bool:
        if not _interactive():
            return False  # the one-line error names the kept copy
        _err(problem)
        import typer

        return typer.confirm("Edit again?", default=True)

    changed = editing.edit_in_editor(path, editor, again, amend)
    _done(path, "saved" if changed else "no changes")

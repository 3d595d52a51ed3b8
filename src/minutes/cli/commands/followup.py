"""Approval and follow-up: `approve`, `verify`, `actions`, `done`, `report`."""

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

from minutes.errors import UsageError
from minutes.cli.declared import command
from minutes.cli.params import Arg, Opt
from minutes.cli.commands.common import (
    AmendOpt, AtOpt, FileOpt, InOpt, JsonOpt, _current_or_none, _date, _done, _folder, _path, _required,
)

# --- approval and follow-up ----------------------------------------------------------------


@command("approve")
def approve(
    on: Annotated[Optional[str], Opt("--on", help="Date of approval (default: today).")] = None,
    by: Annotated[Optional[str], Opt("--by", help="Who approved them (a person or a body).")] = None,
    reseal: Annotated[bool, Opt("--reseal", help="Give minutes approved by minutes 0.1.0 a hash that covers the approval too.")] = False,
    file: FileOpt = None,
) -> None:
    """Mark the minutes approved; from then on they change only with --amend.

    Example: minutes approve --on 2024-04-09 --by "the Board"
    """
    from minutes.records import approval, ops

    path = _path(file)
    if reseal:
        if on or by:
            raise UsageError("--reseal keeps the approval as it is; leave out --on and --by")
        return print(f"resealed, hash {approval.reseal(path)}")
    approved = ops.approve(path, _date(on, "--on") if on else None, by)["approval"]
    print(f"approved on {approved['date']}, hash {approved['hash']}")


@command("verify")
def verify(
    files: Annotated[Optional[list[Path]], Arg(help="Session files (default: the current session).", show_default=False)] = None,
    hash_: Annotated[Optional[str], Opt("--hash", help="The hash printed on a paper copy.")] = None,
) -> None:
    """Recompute the content hash and compare it with the approved record (or a printed copy).

    Example: minutes verify 2024-03-12-regular-board-meeting.yaml --hash 3f2a9c01b7de
    """
    from minutes.records import approval

    ok = True
    for path in files or [_path(None)]:
        good, verdict = approval.verify(path, hash_)
        print(verdict, file=sys.stdout if good else sys.stderr)
        ok = ok and good
    if not ok:
        raise SystemExit(1)


class TableFormat(str, Enum):
    md = "md"
    docx = "docx"
    csv = "csv"
    json = "json"


@command("actions")
def actions_(
    folder: Annotated[Path, Arg(help="Folder of session files.")] = Path("."),
    open_: Annotated[bool, Opt("--open", help="Only open items.")] = False,
    owner: Annotated[Optional[str], Opt("--owner", help="Only the items of this person or owner group (the start of any word of the name: Ruby, board).")] = None,
    overdue: Annotated[bool, Opt("--overdue", help="Only open items past their due date (a soft due is never overdue).")] = False,
    json_: JsonOpt = False,
    fmt: Annotated[Optional[TableFormat], Opt("--format", help="Write md, docx, csv or json.")] = None,
    out: Annotated[Optional[Path], Opt("--out", help="File to write (default: stdout; required for docx).")] = None,
) -> None:
    """List action items across all sessions in a folder.

    Example: minutes actions minutes/ --open --overdue
    """
    from minutes.records import actions
    from minutes.records import ops
    from minutes.records import registers

    found = actions.select(
        actions.rows(actions.load_all(ops.session_files([_folder(folder)]))), open_only=open_, owner=owner,
        overdue=overdue,
    )
    as_json = json_ or fmt == TableFormat.json
    table = actions.table(found, every_key=as_json)  # JSON: every key of the row (see actions.ActionRow)
    if as_json or fmt is not None or out is not None:
        registers.emit(table, "json" if as_json else fmt.value if fmt else "md", out)
    else:
        registers.print_table(table)


@command("done")
def done(
    action_id: Annotated[str, Arg(help="Id of the action item (see 'minutes actions'), or its address in the current session.")],
    note: Annotated[Optional[str], Opt("--note", help="How it was done.")] = None,
    on: Annotated[Optional[str], Opt("--on", help="Date it was done, YYYY-MM-DD (default: today).")] = None,
    folder: Annotated[Path, Opt("--dir", help="Folder of session files.")] = Path("."),
    amend: AmendOpt = None,
) -> None:
    """Close an action item in the newest session that holds it.

    Example: minutes done 20240312-2 --on 2024-04-02 --note "Payment plans agreed with both households"
    """
    from minutes.records import actions
    from minutes.records import ops

    day = _date(on, "--on") if on else None
    path, closed = actions.close(ops.session_files([_folder(folder)]), action_id, note, day, amend=amend,
                                 session=_current_or_none())
    _done(path, f"closed action {closed}")


@command("review")
def review(
    action_id: Annotated[str, Arg(help="Id of an earlier meeting's action item (see 'minutes actions').")],
    status: Annotated[Optional[str], Opt("--status", help='Where it stands: "COMPLETE", "sorry, will do", any text.')] = None,
    done_: Annotated[bool, Opt("--done", help="It is done: `minutes actions` shows it done from this meeting on.")] = False,
    at: AtOpt = None,
    within: InOpt = None,
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Record, in the current session, where an earlier meeting's action item stands (its task with it), without
    copying it or changing the session that raised it.

    Example: minutes review 20240312-2 --status "COMPLETE" --done

    Example: minutes review 20240312-3 --status "sorry, will do"
    """
    from minutes.model import values
    from minutes.records import review as reviewing

    values.time(at, "--at")
    path = _path(file)
    found = reviewing.review(path, action_id, status, done=done_, at=at, within=within, amend=amend)
    _done(path, f"recorded the review of action {found.action} ({found.task}) as {found.address}"
          + ("; it is done from this meeting on" if done_ else ""))


class ReportName(str, Enum):
    resolutions = "resolutions"
    attendance = "attendance"
    speakers = "speakers"
    votes = "votes"


@command("report")
def report(
    name: Annotated[ReportName, Arg(help="resolutions, attendance, speakers or votes.")],
    folder: Annotated[Path, Arg(help="Folder of session files.")] = Path("."),
    from_: Annotated[Optional[str], Opt("--from", help="First date, YYYY-MM-DD.")] = None,
    to: Annotated[Optional[str], Opt("--to", help="Last date, YYYY-MM-DD.")] = None,
    fmt: Annotated[TableFormat, Opt("--format", help="md, docx, csv or json.")] = TableFormat.md,
    out: Annotated[Optional[Path], Opt("--out", help="File to write (default: stdout; required for docx).")] = None,
    person: Annotated[Optional[str], Opt("--person", help="report votes: only this member's votes (a name).")] = None,
) -> None:
    """Write a register across sessions: every resolution and decision, attendance, speakers, or votes by member.

    Example: minutes report votes minutes/ --person "Ana Weber" --format csv
    """
    from minutes.records import actions
    from minutes.records import ops
    from minutes.records import registers

    loaded = actions.load_all(ops.session_files([_folder(folder)]))
    start = _date(from_, "--from") if from_ else None
    end = _date(to, "--to") if to else None
    registers.emit(registers.report(name.value, loaded, start, end, person), fmt.value, out)

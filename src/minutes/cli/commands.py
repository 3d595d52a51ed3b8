"""The commands: each parses nothing itself, calls one library function, and prints.

Parameters are declared with `minutes.cli.params` (Typer's words, without importing Typer): `minutes.cli.app`
builds the Typer application from them, and `minutes.cli.main` runs the recording commands from the same
declarations without it. Heavy modules (pydantic, docx, jinja2, babel) are imported inside the
commands, so that `--help` and tab completion stay fast.
"""

import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional, get_args

from minutes.model import vocab
from minutes.errors import MinutesError, UsageError
from minutes.cli.params import Arg, Opt

COMMANDS: dict[str, Callable[..., None]] = {}
STATE = {"debug": False}


def _err(message: str) -> None:
    from minutes.errors import shown

    print(f"minutes: error: {shown(message)}", file=sys.stderr)  # a newline or U+202E in a name stays visible


def command(name: str) -> Callable:
    """Register a command under ``name``; `invoke` runs it."""

    def register(fn: Callable[..., None]) -> Callable[..., None]:
        COMMANDS[name] = fn
        return fn

    return register


def invoke(fn: Callable[..., None], kwargs: dict[str, Any]) -> None:
    """Run a command; a domain error becomes one line on stderr and ``SystemExit`` with its exit code."""
    try:
        fn(**kwargs)
    except KeyboardInterrupt:
        raise
    except BrokenPipeError:  # the reader (e.g. `head`) stopped reading: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0) from None
    except MinutesError as exc:
        if STATE["debug"]:
            raise
        _err(str(exc))
        raise SystemExit(exc.exit_code) from None
    except Exception as exc:
        if _from_typer(exc) or STATE["debug"]:  # a prompt's Abort, or a bug shown in full
            raise
        _err(f"internal error: {type(exc).__name__}: {exc} (run 'minutes --debug ...' for the traceback)")
        raise SystemExit(1) from None


def _from_typer(exc: BaseException) -> bool:
    """Return whether ``exc`` is one of Typer's own exits (from a prompt), which Typer reports itself."""
    typer = sys.modules.get("typer")
    return typer is not None and isinstance(exc, (typer.Exit, typer.Abort))


# --- completion (reads YAML only: no pydantic, no docx) ------------------------------------


def complete_names(ctx: Any, incomplete: str) -> list[str]:
    """Return the roster's names that ``incomplete`` begins, as the shell completing them reads them back."""
    from minutes.cli import completion

    file = ctx.params.get("file")  # the text given, during completion
    return completion.for_shell(os.environ, names_starting(Path(file) if file else None, incomplete))


def names_starting(file: Optional[Path], incomplete: str) -> list[str]:
    """Return the names ``incomplete`` begins (case and accents aside), else those it begins a word of; [] on errors."""
    try:
        from minutes.model import names
        from minutes.store import yamlio
        from minutes.store.current import find_session
        from minutes.store.loader import read_text

        path = find_session(file, _cwd())
        data = yamlio.load(read_text(path), path) or {}
        spelled = []
        for person in data.get("people") or []:
            name = person.get("name")
            spelled.extend(s for s in (name.values() if isinstance(name, dict) else [name]) if isinstance(s, str))
        typed = names.fold(incomplete)
        found = [s for s in spelled if names.fold(s).startswith(typed)]
        return found or [s for s in spelled if typed and any(w.startswith(typed) for w in names.words(s))]
    except Exception:  # completion must never fail loudly
        return []


# --- shared options ------------------------------------------------------------------------

FileOpt = Annotated[
    Optional[Path],
    Opt("--file", "-f", help="Session file (default: $MINUTES_FILE, then 'minutes use').", show_default=False),
]
AtOpt = Annotated[Optional[str], Opt("--at", help="Time of the item, HH:MM.")]
GuestOpt = Annotated[bool, Opt("--guest", help="Accept a name that is not in the roster; add them as a guest.")]
JsonOpt = Annotated[bool, Opt("--json", help="Print JSON for scripts.")]
AmendOpt = Annotated[
    Optional[str], Opt("--amend", help="Change approved minutes; the reason is recorded as an amendment.")
]
PersonArg = Arg(autocompletion=complete_names, show_default=False)
AttachOpt = Annotated[list[str], Opt("--attach", help="Attach a file (photo, slides); repeatable.")]
SummaryOpt = Annotated[Optional[str], Opt("--summary", help="Summary; '-' reads stdin.")]
PointOpt = Annotated[list[str], Opt("--point", help="A key point; repeatable.")]
CaptionOpt = Annotated[list[str], Opt("--caption", help="Caption of the attachment given in the same position.")]


def _attachments(files: list[str], captions: list[str]) -> list[dict]:
    """Return attachment entries, pairing each --attach with its --caption."""
    if len(captions) > len(files):
        raise UsageError("more --caption than --attach options")
    return [{"file": f, "caption": c} if c else {"file": f} for f, c in zip(files, captions + [""] * len(files))]


def _choices(name: str, values: Any) -> Any:
    """Return the values a field may take (a Literal of `minutes.model.vocab`) as the Enum Typer offers as choices."""
    return Enum(name, [(v, v) for v in get_args(values)], type=str, module=__name__)


Status = _choices("Status", vocab.Status)
Pronoun = _choices("Pronoun", vocab.Pronoun)
Result = _choices("Result", vocab.Result)


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _required(value: Optional[str], label: str, option: str) -> str:
    """Return ``value``, prompting for it on a terminal; a usage error otherwise."""
    if value is not None and value != "":
        return value
    if _interactive():
        import typer

        return typer.prompt(label)
    raise UsageError(f"missing {label.lower()}: pass {option}")


def _text(value: Optional[str], label: str) -> Optional[str]:
    """Return ``value``, reading stdin for ``-`` (long text piped or typed)."""
    if value != "-":
        return value
    data = sys.stdin.read()
    text = data.strip("\n")
    if not text.strip():
        raise UsageError(f"{label} from stdin is empty")
    return text


def _cwd() -> Path:
    """Return the working folder, or a one-line error if it was removed."""
    try:
        return Path.cwd()
    except FileNotFoundError:
        raise MinutesError("the current folder no longer exists; cd into a folder first") from None


def _path(file: Optional[Path]) -> Path:
    from minutes.store.current import find_session

    return find_session(file, _cwd())


def _folder(folder: Path) -> Path:
    """Return ``folder``, or a usage error if it is not one."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder")
    return folder


def _date(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not a date; use YYYY-MM-DD") from None


def _done(path: Path, what: str) -> None:
    print(f"{what} ({path.name})", file=sys.stderr)


# --- creating and choosing -----------------------------------------------------------------


@command("new")
def new(
    title: Annotated[Optional[str], Arg(help="Title of the session.", show_default=False)] = None,
    date: Annotated[Optional[str], Opt("--date", help="Date, YYYY-MM-DD.")] = None,
    place: Annotated[Optional[str], Opt("--place", help="online, hybrid, on-site, or the venue.")] = None,
    organization: Annotated[Optional[str], Opt("--organization", "--body", help="The body that meets.")] = None,
    occasion: Annotated[Optional[str], Opt("--occasion", help="The occasion of the meeting.")] = None,
    lang: Annotated[str, Opt("--lang", help="Language of the record.")] = "en",
    kind: Annotated[Optional[str], Opt("--kind", help="regular, special, annual, congress-day, ...")] = None,
    start: Annotated[Optional[str], Opt("--start", help="Start time, HH:MM.")] = None,
    timezone: Annotated[Optional[str], Opt("--timezone", help="IANA time zone, e.g. Europe/Berlin.")] = None,
    series: Annotated[Optional[str], Opt("--series", help="Series or event this session belongs to.")] = None,
    part: Annotated[Optional[int], Opt("--part", min=1, help="Which part of the series (e.g. day 2).")] = None,
    of: Annotated[Optional[int], Opt("--of", min=1, help="How many parts the series has.")] = None,
    carry_over: Annotated[
        bool, Opt("--carry-over", help="Copy the open action items of the previous session of the same body.")
    ] = False,
) -> None:
    """Create a session file named from the date and title, and make it current.

    Example: minutes new "Board meeting" --date 2024-03-12 --place "Room 4" --organization "Acme e.V."
    """
    from minutes.records import ops
    from minutes.model import values

    title = _required(title, "Title", "a TITLE")
    day = _date(_required(date, "Date (YYYY-MM-DD)", "--date"), "--date")
    values.time(start, "--start")
    values.lang(lang, "--lang")
    values.timezone(timezone, "--timezone")
    path = ops.new_session(
        _cwd(), title, day, place=place, organization=organization, occasion=occasion, lang=lang,
        kind=kind, start=start, timezone=timezone, series=series, part=part, of=of, carry_over=carry_over,
    )
    print(path.name)
    _done(path, "created and chosen as the current session")


@command("use")
def use(file: Annotated[Path, Arg(help="Session file to act on from now on.")]) -> None:
    """Choose the session that later commands in this folder act on.

    Example: minutes use 2024-03-12-board-meeting.yaml
    """
    from minutes.records import ops

    ops.use(file, _cwd())
    _done(file, "now the current session")


@command("set")
def set_(
    field: Annotated[str, Arg(help="Field, e.g. chair, adjourned, place.venue, press.headline.")],
    value: Annotated[str, Arg(help="New value ('-' reads stdin).")],
    lang: Annotated[Optional[str], Opt("--lang", help="Set only this language's text.")] = None,
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Change a session field.

    Example: minutes set chair "Li Jizheng"; minutes set adjourned 18:30; minutes set title "..." --lang zh
    """
    from minutes.records import ops

    path = _path(file)
    ops.set_field(path, field, _text(value, field) or "", lang, amend)
    _done(path, f"set {field}")


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
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Add a person (and to the roster, if new) or a group to the attendees.

    Example: minutes add-attendee "Li Jizheng" --role "Head of the Executive Committee" --status present --pronoun he
    """
    from minutes.records import ops

    path = _path(file)
    name = _required(name, "Name", "a NAME")
    ops.add_attendee(
        path, name, status=status.value, role=role, organization=org,
        pronoun=pronoun.value if pronoun else None, honorific=honorific, group=group, amend=amend,
    )
    _done(path, f"added attendee {name}")


def _add(
    file: Optional[Path], item: dict, people: dict[str, Optional[str]], guest: bool, what: str, amend: Optional[str]
) -> dict:
    from minutes.records import ops
    from minutes.model import values

    values.time(item.get("at"), "--at")
    path = _path(file)
    number, entry = ops.add_item(path, item, people, guest, amend)
    named = f" {entry['id']}" if entry.get("kind") == "action" and entry.get("id") else ""
    _done(path, f"added {what}{named} as item {number}")
    return entry


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
    _add(file, item, {"speaker": speaker, "on_behalf_of": on_behalf_of}, guest, "speech", amend)


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
    _add(file, item, {"presenter": presenter}, guest, "report", amend)


@command("add-resolution")
def add_resolution(
    title: Annotated[Optional[str], Arg(help="Short title of the resolution or motion.", show_default=False)] = None,
    text: Annotated[Optional[str], Opt("--text", help="Full text; '-' reads stdin.")] = None,
    moved_by: Annotated[Optional[str], Opt("--moved-by", autocompletion=complete_names, help="Mover.")] = None,
    seconded_by: Annotated[
        Optional[str], Opt("--seconded-by", autocompletion=complete_names, help="Seconder.")
    ] = None,
    for_: Annotated[Optional[int], Opt("--for", min=0, help="Votes for.")] = None,
    against: Annotated[Optional[int], Opt("--against", min=0, help="Votes against.")] = None,
    abstain: Annotated[Optional[int], Opt("--abstain", min=0, help="Abstentions.")] = None,
    acclamation: Annotated[bool, Opt("--acclamation", help="Adopted by acclamation, no count.")] = False,
    result: Annotated[Optional[Result], Opt("--result", help="Outcome.")] = None,
    motion: Annotated[bool, Opt("--motion", help="Record it as a motion rather than a resolution.")] = False,
    at: AtOpt = None,
    guest: GuestOpt = False,
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Record a resolution or motion with its vote and result.

    Example: minutes add-resolution "Approve the budget" --moved-by Ana --seconded-by Ben --for 7 --against 1 --abstain 1 --result adopted
    """
    from minutes.records import ops

    item = {
        "kind": "motion" if motion else "resolution", "title": _required(title, "Title", "a TITLE"),
        "text": _text(text, "--text"), "vote": ops.vote(for_, against, abstain, acclamation),
        "result": result.value if result else None, "at": at,
    }
    _add(file, item, {"moved_by": moved_by, "seconded_by": seconded_by}, guest, "resolution", amend)


@command("add-item")
def add_item(
    kind: Annotated[str, Arg(help="ceremony, announcement, discussion, procedure, break or note.")],
    text: Annotated[Optional[str], Arg(help="What happened; '-' reads stdin.", show_default=False)] = None,
    at: AtOpt = None,
    attach: AttachOpt = [],
    caption: CaptionOpt = [],
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Record a ceremony, announcement, discussion or other item.

    Example: minutes add-item ceremony "The anthems were played."
    """
    from minutes.records import ops

    item = ops.text_item(kind, _required(_text(text, "TEXT"), "Text", "a TEXT"), at)
    item["attachments"] = _attachments(attach, caption)
    _add(file, item, {}, False, kind, amend)


@command("add-action")
def add_action(
    task: Annotated[Optional[str], Arg(help="What is to be done.", show_default=False)] = None,
    owner: Annotated[Optional[str], Opt("--owner", autocompletion=complete_names, help="Who does it.")] = None,
    due: Annotated[Optional[str], Opt("--due", help="Due date, YYYY-MM-DD.")] = None,
    at: AtOpt = None,
    guest: GuestOpt = False,
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Record an action item with an owner and a due date.

    Example: minutes add-action "Publish the presentation" --owner "Luan Xinlong" --due 2023-08-01
    """
    item = {
        "kind": "action", "task": _required(task, "Task", "a TASK"),
        "due": _date(due, "--due") if due else None, "at": at,
    }
    print(_add(file, item, {"owner": owner}, guest, "action item", amend)["id"])  # for scripts: id=$(minutes add-action ...)


@command("remove")
def remove(
    item: Annotated[str, Arg(help="Number of the item, as the minutes and 'minutes show' print it, or an action's id.")],
    amend: AmendOpt = None,
    file: FileOpt = None,
) -> None:
    """Remove one proceedings item.

    Example: minutes remove 3; minutes remove 20240312-2
    """
    from minutes.records import ops

    path = _path(file)
    number, removed = ops.remove_item(path, item, amend)
    _done(path, f"removed item {number} ({removed.get('kind')})")


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


# --- rendering -----------------------------------------------------------------------------


class Kind(str, Enum):
    minutes = "minutes"
    release = "release"


@command("render")
def render(
    files: Annotated[
        Optional[list[Path]],
        Arg(help="Session files or folders (default: the current session).", show_default=False),
    ] = None,
    kind: Annotated[Kind, Opt("--kind", "-k", help="Formal minutes or a press release.")] = Kind.minutes,
    fmt: Annotated[str, Opt("--format", "-t", help="md, docx, json, pdf or popolo.")] = "md",
    lang: Annotated[Optional[str], Opt("--lang", "-l", help="Language: en, ru, zh, de (default: the session's).")] = None,
    out: Annotated[str, Opt("--out", "-o", help="Output folder, or - for stdout (one md or json result).")] = ".",
    template: Annotated[Optional[Path], Opt("--template", help="Your own Jinja2 template for this kind.")] = None,
    reference_doc: Annotated[
        Optional[Path], Opt("--reference-doc", help="A .docx whose styles the Word output uses.")
    ] = None,
    front_matter: Annotated[
        Optional[str], Opt("--front-matter", help="Markdown front matter: hugo, jekyll or pandoc.")
    ] = None,
    paper: Annotated[
        Optional[str], Opt("--paper", help="Word/PDF paper: a4 or letter (default: the reference's or language's).")
    ] = None,
    jobs: Annotated[int, Opt("--jobs", "-j", min=1, help="Render this many files at once.")] = 1,
    series: Annotated[
        Optional[str], Opt("--series", help="Compile every session of this series into one document.")
    ] = None,
) -> None:
    """Render minutes or a press release to Markdown, Word, JSON, PDF or Popolo JSON.

    Example: minutes render . --kind release --format docx --lang zh --out out --jobs 2
    """
    from minutes.records import batch

    options = batch.options(kind.value, fmt, lang, template, reference_doc, front_matter, paper)
    paths = batch.expand(files, _path(None) if not files and series is None else None)
    if series is not None or out == "-":
        rendered = batch.render_single(paths, options, series)
        target = batch.deliver(rendered, out)
        for warning in rendered.warnings:
            print(f"minutes: warning: {warning}", file=sys.stderr)
        if target is not None:
            print(target)
        return
    failures = _render_batch(batch, paths, options, Path(out), jobs)
    if failures:
        raise SystemExit(1)


def _render_batch(batch: Any, paths: list[Path], options: Any, out: Path, jobs: int) -> int:
    """Render many files with a progress bar on a terminal; print failures and a summary line."""
    import contextlib

    progress: Any = None
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress

        progress = Progress(console=Console(stderr=True), transient=True)
    with progress or contextlib.nullcontext():
        task = progress.add_task("Rendering", total=len(paths)) if progress else None

        def done(path: Path, rendered: Any, error: Optional[str]) -> None:
            if progress:
                progress.advance(task)
            if error:
                _err(error)
            else:
                for warning in rendered.warnings:
                    print(f"minutes: warning: {path.name}: {warning}", file=sys.stderr)
                print(out / rendered.name)

        failures = batch.run(paths, options, out, jobs, done)
    ok = len(paths) - failures
    print(f"rendered {ok} of {len(paths)} file(s) into {out}" + (f"; {failures} failed" if failures else ""), file=sys.stderr)
    return failures


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
    from minutes.records import approval
    from minutes.records import ops

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
    owner: Annotated[Optional[str], Opt("--owner", help="Only this owner's items (prefix).")] = None,
    overdue: Annotated[bool, Opt("--overdue", help="Only open items past their due date.")] = False,
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
    table = registers.Table(
        "Action items", ["id", "task", "owner", "due", "status", "date", "session"],
        [[getattr(r, c) for c in ("id", "task", "owner", "due", "status", "date", "session")] for r in found],
    )
    if json_ or fmt is not None or out is not None:
        registers.emit(table, "json" if json_ else (fmt.value if fmt else "md"), out)
    else:
        registers.print_table(table)


@command("done")
def done(
    action_id: Annotated[str, Arg(help="Id of the action item (see 'minutes actions').")],
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
    path = actions.close(ops.session_files([_folder(folder)]), action_id, note, day, amend=amend)
    _done(path, f"closed action {action_id}")


class ReportName(str, Enum):
    resolutions = "resolutions"
    attendance = "attendance"
    speakers = "speakers"


@command("report")
def report(
    name: Annotated[ReportName, Arg(help="resolutions, attendance or speakers.")],
    folder: Annotated[Path, Arg(help="Folder of session files.")] = Path("."),
    from_: Annotated[Optional[str], Opt("--from", help="First date, YYYY-MM-DD.")] = None,
    to: Annotated[Optional[str], Opt("--to", help="Last date, YYYY-MM-DD.")] = None,
    fmt: Annotated[TableFormat, Opt("--format", help="md, docx, csv or json.")] = TableFormat.md,
    out: Annotated[Optional[Path], Opt("--out", help="File to write (default: stdout; required for docx).")] = None,
) -> None:
    """Write a register across sessions: every resolution, attendance, or speakers.

    Example: minutes report attendance minutes/ --from 2024-01-01 --to 2024-12-31 --format csv
    """
    from minutes.records import actions
    from minutes.records import ops
    from minutes.records import registers

    loaded = actions.load_all(ops.session_files([_folder(folder)]))
    start = _date(from_, "--from") if from_ else None
    end = _date(to, "--to") if to else None
    registers.emit(registers.report(name.value, loaded, start, end), fmt.value, out)


# --- viewing and checking ------------------------------------------------------------------


@command("show")
def show(
    file: Annotated[Optional[Path], Arg(help="Session file (default: the current session).", show_default=False)] = None,
    json_: JsonOpt = False,
) -> None:
    """Print a session readably (or as JSON).

    Example: minutes show --json | jq .proceedings
    """
    from minutes.store import loader as sessions
    from minutes.cli import views

    path = _path(file)
    s = sessions.load(path)
    if json_:
        print(json.dumps(views.session_json(s), ensure_ascii=False, indent=2))
    else:
        views.print_session(s)


@command("list")
def list_(
    folder: Annotated[Path, Arg(help="Folder of session files.")] = Path("."),
    json_: JsonOpt = False,
) -> None:
    """List the sessions in a folder.

    Example: minutes list minutes/2024
    """
    from minutes.cli import views

    rows = views.list_rows(_folder(folder))
    if json_:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        views.print_list(rows)


@command("check")
def check(
    files: Annotated[Optional[list[Path]], Arg(help="Session files or folders (default: the current session).", show_default=False)] = None,
    strict: Annotated[bool, Opt("--strict", help="Fail on warnings too.")] = False,
    lang: Annotated[Optional[str], Opt("--lang", help="Also list every text with no translation in LANG.")] = None,
    json_: JsonOpt = False,
) -> None:
    """Check sessions for errors and for what proper minutes need.

    Example: minutes check --strict --lang ru *.yaml
    """
    from minutes.records import checks
    from minutes.records import ops

    paths = ops.session_files(files) if files else [_path(None)]
    if not paths:
        raise MinutesError(f"{', '.join(map(str, files or []))}: a folder with no session files (*.yaml) in it")
    report: dict[str, list] = {}
    bad = False
    for path, findings in zip(paths, checks.check_files(paths, lang)):
        report[str(path)] = [f.to_dict() for f in findings]
        bad = bad or checks.failed(findings, strict)
        if not json_:
            for f in findings:
                print(f"{f.level}: {f.message}", file=sys.stderr if f.level == "error" else sys.stdout)
    if json_:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        errors = sum(1 for fs in report.values() for f in fs if f["level"] == "error")
        warnings = sum(1 for fs in report.values() for f in fs if f["level"] == "warning")
        print(f"{len(paths)} file(s) checked: {errors} error(s), {warnings} warning(s)")
    if bad:
        raise SystemExit(1)


@command("schema")
def schema() -> None:
    """Print the JSON Schema of session files, for editors and validators.

    Example: minutes schema > session.schema.json
    """
    from minutes.model.schema import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))

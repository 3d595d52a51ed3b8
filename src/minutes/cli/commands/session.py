"""Creating and choosing a session, and changing its fields: `new`, `use`, `set`."""

from pathlib import Path
from typing import Annotated, Optional

from minutes.cli.declared import command
from minutes.cli.params import Arg, Opt
from minutes.cli.commands.common import AmendOpt, FileOpt, _cwd, _date, _done, _path, _required, _text
from minutes.errors import UsageError

# --- creating and choosing -----------------------------------------------------------------


@command("new")
def new(
    title: Annotated[Optional[str], Arg(help="Title of the session.", show_default=False)] = None,
    date: Annotated[Optional[str], Opt("--date", help="Date, YYYY-MM-DD.")] = None,
    place: Annotated[Optional[str], Opt("--place", help="online, hybrid, on-site, or the venue.")] = None,
    organization: Annotated[Optional[str], Opt("--organization", "--body", help="The body that meets (default: the "
                                               "folder's minutes.yaml).")] = None,
    occasion: Annotated[Optional[str], Opt("--occasion", help="The occasion of the meeting.")] = None,
    lang: Annotated[Optional[str], Opt("--lang", help="Language of the record (default: the folder's minutes.yaml, "
                                       "else en).")] = None,
    kind: Annotated[Optional[str], Opt("--kind", help="regular, special, annual, congress-day, ...")] = None,
    start: Annotated[Optional[str], Opt("--start", help="Start time, HH:MM.")] = None,
    timezone: Annotated[Optional[str], Opt("--timezone", help="IANA time zone, e.g. Europe/Berlin.")] = None,
    series: Annotated[Optional[str], Opt("--series", help="Series or event this session belongs to.")] = None,
    part: Annotated[Optional[int], Opt("--part", min=1, help="Which part of the series (e.g. day 2).")] = None,
    of: Annotated[Optional[int], Opt("--of", min=1, help="How many parts the series has.")] = None,
    carry_over: Annotated[
        bool, Opt("--carry-over", help="Copy the open action items of the previous session of the same body.")
    ] = False,
    agenda: Annotated[
        Optional[str], Opt("--agenda", help="Build the sections from a Markdown outline (a nested list); '-' reads stdin.")
    ] = None,
) -> None:
    """Create a session file named from the date and title, and make it current.

    Example: minutes new "Board meeting" --date 2024-03-12 --place "Room 4" --organization "Acme e.V."
    Example: minutes new "Council" --date 2025-03-14 --agenda agenda.md
    """
    from minutes.records import ops
    from minutes.model import values

    title = _required(title, "Title", "a TITLE")
    day = _date(_required(date, "Date (YYYY-MM-DD)", "--date"), "--date")
    values.time(start, "--start")
    lang = values.lang(lang, "--lang")  # en_GB → en-GB; none given: the folder's minutes.yaml, else en
    values.timezone(timezone, "--timezone")
    path = ops.new_session(
        _cwd(), title, day, place=place, organization=organization, occasion=occasion, lang=lang,
        kind=kind, start=start, timezone=timezone, series=series, part=part, of=of, carry_over=carry_over,
        agenda=agenda,
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
    from minutes.model import values
    from minutes.records import ops

    path = _path(file)
    ops.set_field(path, field, _text(value, field) or "", values.lang(lang, "--lang"), amend)
    _done(path, f"set {field}")


# --- recording live ------------------------------------------------------------------------


@command("record")
def record(
    file: Annotated[Optional[Path], Arg(help="Session file (default: $MINUTES_FILE, then 'minutes use').",
                                        show_default=False)] = None,
    clock: Annotated[bool, Opt("--clock", help="Give each entry the time now (the default on a terminal).")] = False,
    no_clock: Annotated[bool, Opt("--no-clock", help="Give entries no time unless a line says one (the default "
                                  "when reading lines from stdin).")] = False,
) -> None:
    """Take the minutes live in one prompt: commands without 'minutes', and short forms (see docs/record.md).

    Example: minutes record 2025-03-14-annual-general-meeting.yaml
    Example: minutes record meeting.yaml < lines.txt
    """
    import os
    import sys

    from minutes.cli.recorder import Recorder

    if clock and no_clock:
        raise UsageError("--clock and --no-clock: give one of them")
    path = _path(file)
    live = sys.stdin is not None and sys.stdin.isatty()
    recorder = Recorder(path, clock=clock or (live and not no_clock))
    recorder.data()  # a missing, unreadable or invalid file is refused before any line is read
    before = os.environ.get("MINUTES_FILE")
    os.environ["MINUTES_FILE"] = str(path)  # the commands typed act on this session
    try:
        if live:
            from minutes.cli import live as prompt

            prompt.run(recorder)
        else:
            ran = recorder.replay(sys.stdin)
            _done(path, f"recorded {ran} line{'s' if ran != 1 else ''}")
    finally:  # as it was, for a caller in the same process (a test, a script)
        if before is None:
            os.environ.pop("MINUTES_FILE", None)
        else:
            os.environ["MINUTES_FILE"] = before

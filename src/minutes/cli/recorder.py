"""One session being recorded with `minutes record`: each line run as the commands it stands for.

A `Recorder` reads a line (`minutes.cli.shorthand`), gives each entry the time by the clock, starts the meeting at
the first one, and runs each command line through the same reader and commands as ``minutes …`` would (the plain
reader, else the Typer application), so every change goes through the one locked, atomic write of
`minutes.records.session_file`. It keeps what each line wrote, for `undo`. The prompt (`minutes.cli.live`) and
the replay of lines from stdin (`replay`) both drive it; it knows nothing of the terminal.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import sys
import textwrap
from pathlib import Path
from typing import Any, Callable, NamedTuple, Optional, TextIO

from minutes import fastpaths
from minutes.cli import commands, plain, shorthand
from minutes.errors import MinutesError, UnknownName, UsageError, located
from minutes.cli.shorthand import TIME

REFUSED = {"record": "you are in it already", "new": "leave the prompt first (quit)",
           "use": "leave the prompt and run 'minutes record FILE'"}
QUIET = {"add-section", "add-action"}  # what they print on stdout is for scripts; the confirmation says it too


class Done(NamedTuple):
    """What one line did: the changes it wrote (for undo), what it said, the section current before it, and which
    of its writes set the meeting's start (kept by undo when another program wrote since)."""

    writes: list
    said: str
    section: Optional[str]
    started: tuple = ()


class Recorder:
    """A session file being recorded line by line, with the clock and the undo of this prompt's changes."""

    def __init__(self, path: Path, clock: bool = True, now: Optional[Callable[[], dt.datetime]] = None) -> None:
        self.path = path
        self.clock = clock
        self._now = now
        self.done: list[Done] = []
        self.said = ""  # the confirmation of the last change
        self.motion: Optional[str] = None  # the motion or resolution this prompt recorded last, for a bare `vote`
        self.guest = False
        self.read_text: Callable[[str], str] = self._no_text
        self._stamp: Any = object()  # not yet read
        self._data: dict = {}
        self._zone: Any = None

    # --- what the short forms ask of the session (shorthand.Context) ------------------------

    def now(self) -> str:
        """Return the time now in the session's time zone (else the machine's), HH:MM."""
        clock = self._now() if self._now is not None else dt.datetime.now(self.zone())
        return clock.strftime("%H:%M")

    def zone(self) -> Any:
        """Return the session's time zone (its own, else the folder's minutes.yaml), or None for the machine's."""
        if self._zone is None:
            from zoneinfo import ZoneInfo

            name = self.data().get("timezone")
            if not name:
                from minutes.store.settings import folder_settings

                try:
                    found = folder_settings(self.path)
                except MinutesError:
                    found = None
                name = getattr(found, "timezone", None) if found is not None else None
            try:
                self._zone = ZoneInfo(str(name)) if name else False
            except (ValueError, KeyError, OSError):
                self._zone = False
        return self._zone or None

    def attending(self, name: str) -> Optional[bool]:
        """Return whether ``name`` is an attendee (False: in the roster only; None: someone new, or a guest when
        asked); a name close to a known one raises, to ask whether that one was meant."""
        from minutes.model import address
        from minutes.records.session_file import roster

        data = self.data()
        try:
            address.attendee_index(data, name, roster(data, self.path))
            return True
        except UnknownName as exc:
            if self.guest or not exc.close:
                return None
            raise
        except MinutesError:
            return False

    def vote_target(self) -> str:
        """Return the address a bare ``vote`` is on: the motion this prompt recorded last, else a consent section."""
        if self.motion is not None:
            return self.motion
        section = self.section()
        if section is not None:
            from minutes.model import address

            found = address.at_address(self.data(), section)
            if found is not None and isinstance(found.entry, dict) and found.entry.get("consent"):
                return section
        raise UsageError("vote on what? record the motion first (motion TITLE), or give its address: vote 3 12-1-0")

    # --- the session as it is now --------------------------------------------------------------

    def data(self) -> dict:
        """Return the session's data, read again when the file changed (another program may write to it)."""
        from minutes.records.session_file import valid_data
        from minutes.store import loader

        stamp = _stamp(self.path)
        if stamp is None or stamp != self._stamp:  # None: no file to stat; reading it says why
            self._data = valid_data(self.path, loader.read_text(self.path))[0]
            self._stamp = stamp
        return self._data

    def section(self) -> Optional[str]:
        """Return the address of the current section (None: the top level)."""
        from minutes.records.ops import TOP
        from minutes.store.goto import current_section

        found = current_section(self.path)
        return None if found is None or found.casefold() in TOP else found

    # --- running a line ------------------------------------------------------------------------

    def enter(self, line: str, guest: bool = False) -> Optional[str]:
        """Run ``line``; return the prompt's own word it was (quit, help, clock …) or None; a one-line error raises."""
        self.guest = guest
        try:
            read = shorthand.read(line, self)
        finally:
            self.guest = False
        if read.special is not None:
            return self._special(read.special, read.rest)
        if not read.calls:
            return None
        from minutes.records.session_file import watching

        before = self.section()
        said: list[str] = []
        started: list = []
        with watching() as writes:
            try:
                for call in read.calls:
                    dated, when = self._dated(call, read.at, guest)
                    said.append(self._call(dated))
                    if when is not None:  # the entry is written: the meeting started then, if it had not
                        with watching() as start:
                            self._start(when)
                        started += start
            finally:
                if writes:
                    self.done.append(Done(list(writes), "; ".join(s for s in said if s), before, tuple(started)))
        self.said = "; ".join(s for s in said if s) or self.said
        return None

    def _dated(self, call: list[str], at: Optional[str], guest: bool) -> tuple[list[str], Optional[str]]:
        """Return ``call`` with the entry's time (the line's, else the clock's) and ``--guest`` where it takes them,
        and that time (None for a call that takes none)."""
        if call[0] in REFUSED:
            raise UsageError(f"'{call[0]}' does not run inside 'minutes record': {REFUSED[call[0]]}")
        named = plain.command(call)
        options = named[1].options if named is not None else {}
        extra: list[str] = []
        if guest and "--guest" in options and "--guest" not in call:
            extra.append("--guest")
        given = _option(call, "--at")
        when = None
        if "--at" in options:
            when = given or at or (self.now() if self.clock else None)
            if given is None and when is not None:
                extra += ["--at", when]
        return [*call, *extra], when if when is not None and TIME.fullmatch(when) else None

    def _start(self, when: str) -> None:
        """Set the session's start at the first entry given a time, when it has none."""
        if not self.data().get("start"):
            self._call(["set", "start", when])

    def _call(self, argv: list[str]) -> str:
        """Run one command line as ``minutes`` would; return its confirmation (the last line it wrote to stderr)."""
        told = _Told(sys.stderr)
        quiet = argv[0] in QUIET
        out, err = sys.stdout, sys.stderr
        sys.stderr = told  # type: ignore[assignment]
        if quiet:
            sys.stdout = io.StringIO()
        commands.STATE["raise"] = True
        commands.STATE["read_text"] = self.read_text
        try:
            parsed = plain.parse(argv) if fastpaths.enabled() else None  # MINUTES_FAST=0: Typer reads every line
            if parsed is not None:
                fn, kwargs, _ = parsed
                fn(**kwargs)
            else:
                _typer(argv)
        finally:
            sys.stdout, sys.stderr = out, err
            commands.STATE["raise"] = False
            commands.STATE["read_text"] = None
        said = told.last.rsplit(f" ({self.path.name})", 1)[0]
        if argv[0] in ("goto", "add-section"):
            self.motion = None
        if argv[0] == "add-resolution" and " as " in said:
            self.motion = said.rsplit(" as ", 1)[1]
        return said

    def undo(self) -> str:
        """Take back the changes of the last line that wrote to the file; return what was undone."""
        from minutes.records import undo
        from minutes.store.goto import choose_section

        if not self.done:
            raise UsageError("nothing to undo: this prompt has written nothing yet (or all of it was undone)")
        last = self.done[-1]
        outcomes = []
        for written in reversed(last.writes):
            try:
                outcomes.append(undo.undo(written))
            except MinutesError:
                if written not in last.started:
                    raise
                outcomes.append("the start stays: another program wrote to the file since")
        self.done.pop()
        if self.section() != last.section:
            choose_section(self.path, last.section)
        self.motion = None
        kept = [o for o in outcomes if o != "undone"]
        self.said = f"undone: {last.said or 'the last change'}" + (f" ({'; '.join(kept)})" if kept else "")
        return self.said

    def _special(self, word: str, rest: str) -> Optional[str]:
        if word == "undo":
            print(self.undo(), file=sys.stderr)
            return None
        if word == "clock":
            value = rest.casefold()
            if value not in ("on", "off", ""):
                raise UsageError("clock: say 'clock on' or 'clock off'")
            self.clock = self.clock if not value else value == "on"
            print(f"the clock is {'on: entries get the time now' if self.clock else 'off: entries get no time'}",
                  file=sys.stderr)
            return None
        if word == "help" and rest:
            self._call([rest.split()[0], "--help"])
            return None
        return word

    def _no_text(self, label: str) -> str:
        raise UsageError(f"{label}: give the text on the line")

    # --- lines from stdin ----------------------------------------------------------------------

    def replay(self, stream: TextIO, name: str = "<stdin>") -> int:
        """Run the lines of ``stream`` in order; stop at the first error, located by its line; return how many ran."""
        count = 0
        try:
            typed = stream.read()
        except UnicodeDecodeError as exc:
            raise MinutesError(f"{name}: not UTF-8 text (the byte 0x{exc.object[exc.start]:02x}); "
                               "nothing was recorded") from None
        for number, line, block in blocks(typed):
            undecodable = re.search("[\udc80-\udcff]", "\n".join([line, *block]))
            if undecodable:  # bytes that are not UTF-8, as a text stream keeps them (surrogateescape)
                raise MinutesError(located(name, number, f"not UTF-8 text (the byte "
                                                         f"0x{ord(undecodable.group()) - 0xDC00:02x})"))
            pending = [textwrap.dedent("\n".join(block)).strip("\n")] if block else []

            def text(label: str) -> str:
                if not pending:
                    raise UsageError(f"{label}: '-' takes the text from the indented lines below the line; "
                                     "there are none")
                return pending.pop()

            self.read_text = text
            try:
                word = self.enter(line)
                if pending:
                    raise UsageError("indented lines below a line that takes no long text (end it with ':' "
                                     "or give '-' for the text)")
            except MinutesError as exc:
                raise MinutesError(located(name, number, str(exc))) from None
            finally:
                self.read_text = self._no_text
            count += 1
            if word == "quit":
                break
            if word == "help":
                print(HELP, file=sys.stderr)
        return count


def blocks(text: str) -> list[tuple[int, str, list[str]]]:
    """Return each line of ``text`` with its number and the indented lines below it (a long text)."""
    found: list[tuple[int, str, list[str]]] = []
    lines = re.split(r"\r\n|\r|\n", text.removesuffix("\n"))  # not str.splitlines: U+001C or U+0085 ends no line
    lines = [] if lines == [""] else lines
    for number, line in enumerate(lines, 1):
        if found and (line[:1] in (" ", "\t") and line.strip() or not line.strip() and found[-1][2]):
            found[-1][2].append(line)
        else:
            found.append((number, line, []))
    for _, _, block in found:  # blank lines after a text belong to no one
        while block and not block[-1].strip():
            block.pop()
    return found


def _option(call: list[str], option: str) -> Optional[str]:
    """Return the value ``call`` gives ``option`` (``--at 10:05`` or ``--at=10:05``), if any."""
    for i, word in enumerate(call):
        if word == option and i + 1 < len(call):
            return call[i + 1]
        if word.startswith(option + "="):
            return word[len(option) + 1:]
    return None


def _stamp(path: Path) -> Any:
    """Return what tells that ``path`` changed: its identity, size and time of change."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class _Told(io.TextIOBase):
    """Standard error as a command writes to it, remembering the last line it wrote."""

    def __init__(self, to: TextIO) -> None:
        self.to = to
        self.last = ""

    def write(self, text: str) -> int:
        lines = [part for part in text.splitlines() if part.strip()]
        if lines:
            self.last = lines[-1]
        return self.to.write(text)

    def flush(self) -> None:
        self.to.flush()


class Reported(MinutesError):
    """A command line the Typer application refused, with its own message already shown."""


def _typer(argv: list[str]) -> None:
    """Run ``argv`` through the Typer application (help, mistakes, options the plain reader leaves), as `minutes` would."""
    from minutes.cli import app

    try:
        app.main(argv)
    except SystemExit as exc:
        if exc.code not in (0, None):
            raise Reported("the line was refused (see above)") from None


HELP = """\
Type a command as you would after 'minutes' (add-speech "Li Jizheng" --summary "…", goto 2A, set adjourned 18:30),
or a short form:
  li jiz: outlined the history          a speech by that person, with that summary (/ topic … / point …)
  report tom: Accounts for 2024         a report with that title (/ summary …)
  - Members asked about the quorum      a discussion item      note: …  decision: …  ceremony: …
  motion Adopt the bylaws / moved maria / seconded tom        (resolution … for a resolution)
  vote 12-1-0 adopted                   the vote on it (vote unanimous, vote consent, vote aye A, B / nay C adopted;
                                        / disposition …, / on the amendment, / explain NAME: …)
  action tom: send the accounts by 2025-03-31                 (action: … for no owner)
  section Any other business            a new section, made the current one
  next, goto 2A                         move through the agenda
  arrived NAME, left NAME, adjourn      times by the clock (or give HH:MM)
  10:05 li jiz: …                       a line's own time
  undo, show, agenda, help COMMAND, clock on|off, quit (or Ctrl-D)
A name is a roster name, a part of it, a handle or an alias (TAB completes it). A text left empty (li jiz:) opens
the editor; Ctrl-X Ctrl-E edits the line in it. See docs/record.md."""

"""The prompt of `minutes record` on a terminal: a prompt_toolkit session over a `Recorder`.

It shows the current section, the clock and the last change in a bottom toolbar, completes with TAB
(`minutes.cli.live_completion`), keeps the lines typed per session file, asks "did you mean …?" for an unknown
name, opens the editor for a long text, and gives a line that failed back for editing.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Optional

from minutes.cli.declared import _err
from minutes.cli.recorder import HELP, Recorder
from minutes.errors import MinutesError, UnknownName, UsageError, shown

HISTORY = "history"  # in the session folder's .minutes/: one file of typed lines per session file


def run(recorder: Recorder) -> int:
    """Hold the prompt open on ``recorder``'s session until quit or Ctrl-D; return how many lines changed the file."""
    from prompt_toolkit import PromptSession

    from minutes.cli.live_completion import completer

    recorder.read_text = lambda label: edit_text(label)
    session: Any = PromptSession(
        history=_history(recorder.path), completer=completer(recorder), complete_while_typing=False,
        bottom_toolbar=lambda: toolbar(recorder), refresh_interval=5, enable_open_in_editor=True,
        reserve_space_for_menu=6,
    )
    print(f"Recording {shown(recorder.path.name)}: type a command or a short form, 'help' for them, "
          "Ctrl-D or 'quit' to leave.", file=sys.stderr)
    default = ""
    while True:
        try:
            line = session.prompt(lambda: f"{recorder.section() or 'top'}> ", default=default)
        except KeyboardInterrupt:
            default = ""
            continue
        except EOFError:
            break
        default = ""
        outcome = _enter(session, recorder, line)
        if outcome == "quit":
            break
        if outcome == "help":
            print(HELP, file=sys.stderr)
        elif outcome is not None and outcome != "ok":
            default = outcome  # "retype": the line comes back to be mended
    print(f"{len(recorder.done)} change{'s' if len(recorder.done) != 1 else ''} recorded in "
          f"{shown(recorder.path.name)}.", file=sys.stderr)
    return len(recorder.done)


def _enter(session: Any, recorder: Recorder, line: str, guest: bool = False) -> Optional[str]:
    """Run ``line``; return the prompt's word (quit, help), "ok", or the line to mend after "retype"."""
    try:
        word = recorder.enter(line, guest)
        return word or "ok"
    except UnknownName as exc:
        _err(str(exc))
        return _did_you_mean(session, recorder, line, exc)
    except KeyboardInterrupt:
        _err("interrupted; what was written before stays written (Up brings the line back)")
    except MinutesError as exc:
        _err(f"{exc} (Up brings the line back)")
    return "ok"  # the line is in the history, not in the way of the next one


def _did_you_mean(session: Any, recorder: Recorder, line: str, exc: UnknownName) -> Optional[str]:
    """Ask which name was meant: take a suggestion, add the person as a guest, or retype the line."""
    choices = "  ".join(f"[{i}] {name}" for i, name in enumerate(exc.close, 1))
    ask = f"{choices}  [g] add {exc.query!r} as a guest  [Enter] retype: " if choices else \
        f"[g] add {exc.query!r} as a guest  [Enter] retype: "
    try:
        typed = _ask(ask)
        answer = typed.strip().casefold()
    except (KeyboardInterrupt, EOFError):
        return line
    if answer in ("g", "guest"):
        return _enter(session, recorder, line, guest=True)
    if answer in ("y", "yes") and exc.close:
        answer = "1"
    if answer.isdigit() and 1 <= int(answer) <= len(exc.close):
        return _enter(session, recorder, replace_name(line, exc.query, exc.close[int(answer) - 1]))
    if answer and answer not in ("r", "retype", "n", "no"):  # the next line typed on: run it (Up brings this one back)
        _err(f"{line!r} was not recorded (Up brings it back)")
        return _enter(session, recorder, typed)
    return line


def _ask(question: str) -> str:
    """Return the answer to ``question``, asked in a prompt of its own (the answers stay out of the lines' history)."""
    from prompt_toolkit import prompt

    return prompt(question)


def replace_name(line: str, typed: str, name: str) -> str:
    """Return ``line`` with the name ``typed`` replaced by ``name`` (quoted, in a command line, where it needs it)."""
    from minutes.cli import commands
    from minutes.cli.live_completion import quoted

    at = line.casefold().find(typed.casefold())
    if at < 0:
        return line
    words = line.split()
    command = bool(words) and (words[0] in commands.COMMANDS or words[0] == "minutes")
    inside = line[:at].count('"') % 2 == 1 or line[:at].count("'") % 2 == 1
    new = quoted(name) if command and not inside else name
    return line[:at] + new + line[at + len(typed):]


def toolbar(recorder: Recorder) -> str:
    """Return the bottom toolbar: the current section, the clock and the last change."""
    section = recorder.section()
    title = ""
    if section is not None:
        from minutes.model import address
        from minutes.records.ops import gist

        try:
            found = address.at_address(recorder.data(), section)
            title = " " + gist(found.entry) if found is not None else " (gone: goto ADDR)"
        except MinutesError:
            title = ""
    clock = recorder.now() + ("" if recorder.clock else " (clock off)")
    last = recorder.said or "nothing yet"
    return f" {section or 'top'}{title} │ {clock} │ last: {last} │ TAB completes, 'help' "


def edit_text(label: str) -> str:
    """Return a long text written in the editor ($VISUAL, $EDITOR, else vi); a usage error when left empty."""
    from minutes.records.editor import editor_command, run_editor

    command = editor_command()
    fd, name = tempfile.mkstemp(prefix="minutes-", suffix=".md")
    os.close(fd)
    try:
        failed = run_editor(command, Path(name))
        if failed is not None:
            raise UsageError(f"{label}: editor {command!r} failed ({failed}); nothing was recorded")
        text = Path(name).read_text(encoding="utf-8", errors="replace").strip("\n")
    finally:
        os.unlink(name)
    if not text.strip():
        raise UsageError(f"{label}: the text is empty; nothing was recorded")
    return text


def _history(path: Path) -> Any:
    """Return the history of the lines typed for this session file (in memory where no file can hold it)."""
    from prompt_toolkit.history import FileHistory, InMemoryHistory

    from minutes.store.current import STATE_DIR

    folder = path.parent / STATE_DIR / HISTORY
    try:
        if (path.parent / STATE_DIR).is_symlink() or folder.is_symlink():
            raise OSError("a symbolic link")
        folder.mkdir(parents=True, exist_ok=True)
        return FileHistory(str(folder / f"{path.name}.txt"))
    except OSError:
        return InMemoryHistory()



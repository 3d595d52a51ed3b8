"""`minutes edit`: a session edited in the user's editor, validated before it replaces the file.

An edit is never lost: when the edited text cannot be saved (bad YAML, a schema error, or the file
changed meanwhile) and the user does not edit again, the text is kept under ``.minutes/rejected/``
(where no command takes it for a session) and the one-line error names that copy, its line and column.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from minutes.records import approval
from minutes.store import loader as sessions
from minutes.store.current import STATE_DIR
from minutes.errors import MinutesError

REJECTED = "rejected"


def problems_of(text: str, path: Path) -> list[str]:
    """Return the located problems of the edited ``text`` for ``path``: YAML errors and schema errors alike."""
    try:
        found = sessions.validate(text, path)
    except MinutesError as exc:
        return [str(exc)]
    return found if isinstance(found, list) else []


def rescue_folder(path: Path) -> Path | None:
    """Return ``.minutes/rejected/`` beside ``path``, created if need be; None where it cannot be a real folder."""
    state = path.parent / STATE_DIR
    folder = state / REJECTED
    if state.is_symlink() or folder.is_symlink():
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def rescue(tmp: Path, path: Path, why: str) -> Path:
    """Move the edited text ``tmp`` to where no command reads it as a session; return its new place."""
    folder = rescue_folder(path)
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    if folder is None:  # keep it beside the file, as a hidden file no folder command lists
        kept = path.with_name(f".{path.stem}.{why}-{stamp}{path.suffix}")
    else:
        kept = folder / f"{path.stem}.{why}-{stamp}{path.suffix}"
    n = 2
    while os.path.lexists(kept):
        kept = kept.with_name(f"{path.stem}.{why}-{stamp}-{n}{path.suffix}")
        n += 1
    os.replace(tmp, kept)
    return kept


def relocated(problem: str, path: Path, kept: Path) -> str:
    """Return ``problem`` (located in ``path``) located in the kept copy ``kept`` instead."""
    shown = _shown(kept)
    if problem.startswith(f"{path}:"):
        return shown + problem[len(str(path)):]
    return f"{shown}: {problem}"


def _shown(kept: Path) -> str:
    """Return ``kept`` relative to the working folder where it is below it."""
    try:
        return os.path.relpath(kept)
    except ValueError:
        return str(kept)


def _temp_copy(path: Path, text: str) -> Path:
    """Return a private copy of ``text`` beside ``path`` for the editor; a one-line error if none can be made."""
    import tempfile

    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.stem}.edit-", suffix=path.suffix or ".yaml", dir=path.parent)
    except OSError as exc:
        raise MinutesError(f"{path.parent}: cannot write here ({exc.strerror}); {path.name} cannot be edited") from None
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    return Path(name)


def editor_command(editor: str | None = None) -> str:
    """Return the editor command to run: ``editor``, else $VISUAL, else $EDITOR, else vi."""
    return editor or os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"


def run_editor(command: str, file: Path) -> str | None:
    """Run the editor ``command`` on ``file`` and wait for it; return why it failed, or None."""
    import shlex
    import subprocess

    try:
        subprocess.run([*shlex.split(command), str(file)], check=True)
    except (OSError, ValueError, subprocess.CalledProcessError) as exc:
        return str(exc)
    return None


def edit_in_editor(
    path: Path, editor: str | None = None, retry: Callable[[str], bool] | None = None, amend: str | None = None
) -> bool:
    """Open the file in ``$EDITOR``; validate and save the result; return whether it changed."""
    from minutes.store import textedit as edit
    from minutes.records import session_file

    original = sessions.read_text(path)
    approval.guard(session_file.valid_data(path, original)[0], path, amend)
    command = editor_command(editor)
    tmp = _temp_copy(path, original)
    try:
        while True:
            failed = run_editor(command, tmp)
            if failed is not None:
                raise MinutesError(f"editor {command!r} failed ({failed}); {path} was not changed")
            edited = sessions.read_text(tmp)
            problems = problems_of(edited, path)
            if not problems:
                break
            if retry is None or not retry(problems[0]):
                kept = rescue(tmp, path, "rejected")
                more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
                raise MinutesError(f"{relocated(problems[0], path, kept)}{more}; {path} was not changed, "
                                   f"your edit is kept in {_shown(kept)}")
        if edited == original:
            return False

        def swap(draft: edit.Draft, _: dict) -> None:
            if draft.text != original:
                kept = rescue(tmp, path, "unsaved")
                raise MinutesError(f"{path} changed while you were editing; nothing was saved; "
                                   f"your edit is kept in {_shown(kept)}")
            draft.replace(edited)

        session_file.change(path, swap, amend, "edited by hand")
        return True
    finally:
        tmp.unlink(missing_ok=True)

"""What the commands share: their common options and the small steps each takes before calling the library."""

import datetime as dt
import re
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional, get_args

from minutes.model import vocab
from minutes.errors import MinutesError, UsageError
from minutes.cli.params import Opt

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
AttachOpt = Annotated[list[str], Opt("--attach", help="Attach a file (photo, slides); repeatable.")]
SummaryOpt = Annotated[Optional[str], Opt("--summary", help="Summary; '-' reads stdin.")]
PointOpt = Annotated[list[str], Opt("--point", help="A key point; repeatable.")]
CaptionOpt = Annotated[list[str], Opt("--caption", help="Caption of the attachment given in the same position.")]
DispositionOpt = Annotated[Optional[str], Opt(
    "--disposition", help='The body\'s own wording or number, e.g. "PASSED TO SECOND READING", "Ordinance No. 184349".')]


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
    from minutes.cli.declared import STATE

    if STATE["read_text"] is not None:  # inside `minutes record`: the editor, or the indented lines below
        data = STATE["read_text"](label)
    else:
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


def _current_or_none() -> Optional[Path]:
    """Return the current session, if one is chosen (for commands that also work without one)."""
    try:
        return _path(None)
    except UsageError:
        return None


InOpt = Annotated[
    Optional[str],
    Opt("--in", help="Address of the section to add to, e.g. 2A (default: the one chosen with 'minutes goto'; 'top' for none)."),
]


def _folder(folder: Path) -> Path:
    """Return ``folder``, or a usage error if it is not one."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder")
    return folder


def _date(value: str, option: str) -> dt.date:
    """Return ``value`` as a date YYYY-MM-DD, or a usage error naming ``option``."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not a date; use YYYY-MM-DD") from None


DATE_LIKE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")


def _due(value: Optional[str], option: str) -> Any:
    """Return a due date typed as YYYY-MM-DD, or a soft due as text ("by Monday, if possible"); what looks like a
    date but is none (2024-02-30, 03/01/2024) is a usage error."""
    if value is None:
        return None
    text = " ".join(value.split())
    if not text:
        raise UsageError(f"{option}: give a date, YYYY-MM-DD, or a text such as 'by Monday'")
    return _date(text, option) if DATE_LIKE.fullmatch(text) else text


def _done(path: Path, what: str) -> None:
    print(f"{what} ({path.name})", file=sys.stderr)


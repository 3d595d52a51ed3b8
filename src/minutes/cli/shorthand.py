"""The short forms of `minutes record`, read into the command lines they stand for (see docs/record.md).

`read` turns one line a secretary types (``li jiz: outlined the history``, ``vote 12-1-0 adopted``) into
the command lines of the same `minutes` commands (``add-speech "li jiz" --summary "outlined the history"``),
which `minutes.cli.recorder` runs as if typed; nothing here reads or writes a file. A line that is already a
command (with or without the word ``minutes``) is split as a shell would and kept as it is.
"""

from __future__ import annotations

import re
import shlex
from typing import NamedTuple, Protocol, get_args

from minutes.cli import commands
from minutes.errors import UsageError
from minutes.model.vocab import TEXT_KINDS, Result

RESULTS = set(get_args(Result)) | {"passed", "lost"}
RESULT_WORDS = {"passed": "carried", "lost": "failed"}
SPECIAL = ("undo", "quit", "exit", "help", "clock")
TIME = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d")
AT = re.compile(r"((?:[01]?\d|2[0-3]):[0-5]\d)\s+(\S.*)", re.S)
COUNTS = re.compile(r"(\d+)-(\d+)(?:-(\d+))?")
ADDRESS = re.compile(r"\d+[A-Za-z]*(?:\.\d+[A-Za-z]*)*|top")
MAX_NAME_WORDS = 5  # "NAME: text" is a speech only for a name this short ("The chair noted: …" is none)
SAID = re.compile(r"([^:\n]{1,80}?):(?:\s+(\S.*))?\s*", re.S)  # NAME: text (the first colon)
METHODS = {"unanimous": "--unanimous", "unanimously": "--unanimous", "consent": "--general-consent",
           "general consent": "--general-consent", "voice": "--voice", "acclamation": "--acclamation",
           "consensus": "--consensus", "ballot": "--ballot"}
BARE = {"--unanimous", "--general-consent", "--acclamation", "--consensus"}  # cannot fail: adopted unless said
ROLL = {"aye": "--aye", "ayes": "--aye", "yes": "--aye", "nay": "--nay", "nays": "--nay", "no": "--nay",
        "abstain": "--abstain", "abstaining": "--abstain", "abstentions": "--abstain", "absent": "--not-voting",
        "not voting": "--not-voting", "explain": "--explain"}


class Context(Protocol):
    """What a short form needs to know of the session: the time now, who attends, what a vote is on."""

    clock: bool  # whether a line without a time is at the time now (off: a replay of lines typed earlier)

    def now(self) -> str: ...  # HH:MM

    def attending(self, name: str) -> bool | None: ...  # None: someone new

    def vote_target(self) -> str: ...  # the address of the motion or section a bare `vote` is on


class Line(NamedTuple):
    """What one line asks for: the command lines to run in order (at the time it began with), or a word of the prompt."""

    calls: list[list[str]]
    at: str | None = None  # HH:MM the line began with: the entries' --at
    special: str | None = None  # undo, quit, help, clock
    rest: str = ""  # the special's words


def read(line: str, ctx: Context) -> Line:
    """Return the command lines the typed ``line`` stands for; a usage error for a line that is none."""
    text = line.strip()
    if not text or text.startswith("#"):
        return Line([])
    at = None
    timed = AT.fullmatch(text)
    if timed:
        at, text = timed.group(1), timed.group(2).strip()
    first, _, rest = text.partition(" ")
    word = first.casefold()
    if word.endswith(":") and word[:-1] in FORM_READERS:  # action: the task (no owner), vote: 3-0
        first, word = first[:-1], word[:-1]
        rest = ": " + rest if word in OWNED else rest
    if word in SPECIAL or word in ("?",):
        return Line([], None, "help" if word == "?" else "quit" if word == "exit" else word, rest.strip())
    if word == "minutes" or first in commands.COMMANDS and not _short_report(first, rest):
        words = _split(rest if word == "minutes" else text)
        return Line([words] if words else [], at)
    if text.startswith("- ") or text == "-":
        return Line([["add-item", "discussion", _or_stdin(text[1:])]], at)
    form = FORM_READERS.get(word)
    if form is not None:
        return Line(form(rest.strip(), ctx, at), at)
    said = SAID.fullmatch(text)
    if said:
        who, what = said.group(1).strip(), said.group(2)
        kind = who.casefold()
        if kind in TEXT_KINDS or kind == "decided":
            return Line([["add-item", "decision" if kind == "decided" else kind, _or_stdin(what)]], at)
        if len(who.split()) <= MAX_NAME_WORDS:
            return Line([_speech(who, what or "")], at)
    raise UsageError(f"{_quoted(first)} is not a command or a short form (a discussion begins with '- '); type "
                     "'help' for the short forms" + _close_word(word[:40]))


def _quoted(text: str) -> str:
    """Return ``text`` quoted for a message, cut after 40 characters (a 5 MB word makes no message)."""
    return repr(text if len(text) <= 40 else text[:40] + "…")


REGISTERS = ("resolutions", "attendance", "speakers", "votes")  # what the command `report` takes


def _short_report(first: str, rest: str) -> bool:
    """Return whether ``report …`` is the short form (``report tom: Title``) rather than the command of registers."""
    rest = rest.strip()
    return first == "report" and bool(rest) and rest.split(None, 1)[0].casefold() not in REGISTERS \
        and not rest.startswith("-")


def _split(text: str) -> list[str]:
    """Return the words of a command line, as a shell splits them; a usage error for an unclosed quote."""
    try:
        return shlex.split(text)
    except ValueError as exc:
        raise UsageError(f"cannot read the line: {exc}") from None


def _or_stdin(text: str | None) -> str:
    """Return ``text``, or ``-`` (read the long text: the editor, or the indented lines below) for none."""
    text = (text or "").strip()
    return text or "-"


def segments(text: str, keys: tuple[str, ...]) -> tuple[str, list[tuple[str, str]]]:
    """Return the head of ``text`` and its `` / KEY value`` parts, for the keys given (``/`` before other words is text)."""
    names = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    pattern = re.compile(r"(?:\A|\s+)/\s*(" + names + r")(?=\s|\Z)\s*", re.I)  # "/ as-is" is text; NAME: / topic …
    parts = pattern.split(text)
    head, found = parts[0].strip(), []
    for i in range(1, len(parts), 2):
        found.append((parts[i].casefold(), parts[i + 1].strip()))
    return head, found


SPEECH_KEYS = {"topic": "--topic", "point": "--point", "on behalf of": "--on-behalf-of", "for": "--on-behalf-of",
               "role": "--role", "as": "--role", "summary": "--summary"}


def _speech(who: str, what: str) -> list[str]:
    """Return ``add-speech`` for ``NAME: summary / topic … / point …``."""
    summary, parts = segments(what, tuple(SPEECH_KEYS))
    call = ["add-speech", who]
    extra = _options(parts, SPEECH_KEYS)
    if "--summary" not in extra:
        call += ["--summary", _or_stdin(summary)] if summary or not parts else []
    return call + extra


def _options(parts: list[tuple[str, str]], options: dict[str, str]) -> list[str]:
    """Return the options for ``/ KEY value`` parts: an empty value of a text is ``-`` (the long text)."""
    call: list[str] = []
    for key, value in parts:
        option = options[key]
        if option in FLAGS:
            call.append(option)
        else:
            call += [option, _or_stdin(value) if option in TEXTS else value]
    return call


FLAGS = {"--consent", "--motion"}
TEXTS = {"--summary", "--text", "--note"}
REPORT_KEYS = {"summary": "--summary", "point": "--point"}


def _report(rest: str, ctx: Context, at: str | None) -> list[list[str]]:
    """``report NAME: Title / summary …``: a report with that title."""
    said = SAID.fullmatch(rest)
    if not said or not said.group(2):
        raise UsageError("report: say who and the title: report NAME: Title of the report")
    title, parts = segments(said.group(2), tuple(REPORT_KEYS))
    return [["add-report", said.group(1).strip(), "--title", title, *_options(parts, REPORT_KEYS)]]


MOTION_KEYS = {"moved": "--moved-by", "moved by": "--moved-by", "by": "--moved-by", "seconded": "--seconded-by",
               "seconded by": "--seconded-by", "text": "--text", "disposition": "--disposition"}


def _motion(kind: str) -> object:
    def form(rest: str, ctx: Context, at: str | None) -> list[list[str]]:
        title, parts = segments(rest, tuple(MOTION_KEYS))
        if not title:
            raise UsageError(f"{kind}: give its title: {kind} Adopt the budget / moved NAME / seconded NAME")
        return [["add-resolution", title, *(["--motion"] if kind == "motion" else []), *_options(parts, MOTION_KEYS)]]

    return form


def _vote(rest: str, ctx: Context, at: str | None) -> list[list[str]]:
    """``vote [ADDR] 12-1-0|unanimous|consent|voice|aye NAMES / nay NAMES … [RESULT] [/ on …] [/ disposition …]``:
    a vote on the motion."""
    words = rest.split()
    target = None
    if words and ADDRESS.fullmatch(words[0]) and not COUNTS.fullmatch(words[0]):
        target, rest = words[0], rest.split(None, 1)[1] if len(words) > 1 else ""
    parts = [p.strip() for p in re.split(r"\s+/\s*", rest)]
    said = [p for p in parts if re.match(r"(?i)(disposition|on)\s", p)]
    rest = " / ".join(p for p in parts if p not in said)
    extra: list[str] = []
    for part in said:
        key, value = part.split(None, 1)
        extra += [f"--{key.casefold()}", value.strip()]
    result = None
    words = rest.split()
    if words and words[-1].casefold().strip(".") in RESULTS:
        result = words[-1].casefold().strip(".")
        rest = rest[: rest.rfind(words[-1])].rstrip(" ,/")
    call = _vote_options(rest)
    if result is None and call and call[0] in BARE:
        result = "adopted"
    if not call:
        raise UsageError("vote: say how it went: vote 12-1-0 adopted, vote unanimous, vote consent, "
                         "vote aye NAMES / nay NAMES adopted")
    result_word = RESULT_WORDS.get(result, result) if result else None
    return [["add-vote", target or ctx.vote_target(), *call, *(["--result", result_word] if result_word else []),
             *extra]]


def _vote_options(text: str) -> list[str]:
    """Return the vote options of ``12-1-0``, a method word, or roll-call parts ``aye NAMES / nay NAMES``."""
    call: list[str] = []
    for part in (p.strip() for p in re.split(r"\s*/\s*", text) if p.strip()):
        low = part.casefold()
        counts = COUNTS.fullmatch(low.split()[0])
        roll = next((k for k in sorted(ROLL, key=len, reverse=True) if low == k or low.startswith(k + " ")), None)
        if counts:
            call += ["--for", counts.group(1), "--against", counts.group(2)]
            call += ["--abstain", counts.group(3)] if counts.group(3) else []
            rest = low.split(None, 1)[1] if " " in low else ""
            call += [METHODS[rest]] if rest in METHODS else []
        elif low in METHODS:
            call.append(METHODS[low])
        elif low.split()[0] in ("unanimous", "unanimously") and len(low.split()) == 2 and low.split()[1].isdigit():
            call += ["--unanimous", "--for", low.split()[1]]  # unanimous 5: 5-0-0
        elif low.split()[0] in METHODS and COUNTS.fullmatch(low.split()[-1]):  # ballot 7-2-1
            call.append(METHODS[low.split()[0]])
            call += _vote_options(low.split()[-1])
        elif roll is not None:
            names = part[len(roll):].strip()
            if not names:
                raise UsageError(f"vote: {roll}: give the names, comma-separated")
            call += [ROLL[roll], names]
        else:
            raise UsageError(f"vote: cannot read {_quoted(part)}; write 12-1-0, unanimous, consent, voice, "
                             "or aye NAMES / nay NAMES / abstain NAMES")
    return call


OWNED = ("action",)  # forms whose name may be left out: "action: task"


def _action(rest: str, ctx: Context, at: str | None) -> list[list[str]]:
    """``action [NAME]: task [by YYYY-MM-DD] / due …``: an action item with that owner (none after ``action:``)."""
    said = SAID.fullmatch(rest) if not rest.startswith(":") else None
    owner, task = (said.group(1).strip(), said.group(2) or "") if said else (None, rest.lstrip(": "))
    task, parts = segments(task, ("due",))
    due = dict(parts).get("due")
    dated = re.fullmatch(r"(.*\S)\s+by\s+(\d{4}-\d{2}-\d{2})\.?", task, re.S)
    if dated and due is None:
        task, due = dated.group(1), dated.group(2)
    if not task.strip():
        raise UsageError("action: give the task: action NAME: send the accounts by 2025-03-31")
    return [["add-action", task.strip(), *(["--owner", owner] if owner else []), *(["--due", due] if due else [])]]


SECTION_KEYS = {"label": "--label", "note": "--note", "presenter": "--presenter", "consent": "--consent"}


def _section(rest: str, ctx: Context, at: str | None) -> list[list[str]]:
    """``section Title / label 6A / consent``: a new section of the agenda, made the current one."""
    title, parts = segments(rest, tuple(SECTION_KEYS))
    if not title:
        raise UsageError("section: give its title: section Any other business / label 9")
    return [["add-section", title, "--goto", *_options(parts, SECTION_KEYS)]]


def _next(rest: str, ctx: Context, at: str | None) -> list[list[str]]:
    """``next``: the next section of the agenda."""
    if rest:
        raise UsageError("next takes nothing after it; to go to a section, type: goto 2A")
    return [["goto", "next"]]


def _presence(field: str) -> object:
    def form(rest: str, ctx: Context, at: str | None) -> list[list[str]]:
        """``arrived NAME [HH:MM]``, ``left NAME [HH:MM]``: an attendee's arrival or departure (now, or then)."""
        name, when = _name_and_time(rest, at)
        if not name:
            raise UsageError(f"{field}: give the name: {field} Ana Weber [HH:MM]")
        when = when or _clock(ctx, f"{field} {name}")
        attending = ctx.attending(name)
        if attending:
            return [["set", f"attendee.{name}.{field}", when]]
        if field == "left":
            raise UsageError(f"left: {name!r} is not an attendee; add them first (arrived NAME)")
        return [["add-attendee", name, f"--{field}", when]]

    return form


def _name_and_time(rest: str, at: str | None) -> tuple[str, str | None]:
    """Return the name and the time of ``NAME [HH:MM]`` (the line's own time, else None: now)."""
    words = rest.split()
    if words and TIME.fullmatch(words[-1]):
        return " ".join(words[:-1]), words[-1]
    return rest.strip(), at


def _clock(ctx: Context, line: str) -> str:
    """Return the time now for ``line`` given no time; a usage error when the clock is off."""
    if not ctx.clock:
        raise UsageError(f"{line}: give the time, e.g. {line} 10:05 (the clock is off; 'clock on' turns it on)")
    return ctx.now()


def _session_time(field: str, word: str) -> object:
    def form(rest: str, ctx: Context, at: str | None) -> list[list[str]]:
        """``adjourn [HH:MM]``, ``start [HH:MM]``: the time the meeting adjourned or began (now, or then)."""
        when = rest.strip() or at or _clock(ctx, word)
        if not TIME.fullmatch(when):
            raise UsageError(f"{field}: give a time, HH:MM, or nothing for now")
        return [["set", field, when]]

    return form


FORM_READERS = {
    "motion": _motion("motion"), "resolution": _motion("resolution"), "vote": _vote, "report": _report,
    "action": _action, "section": _section, "next": _next, "arrived": _presence("arrived"),
    "left": _presence("left"), "adjourn": _session_time("adjourned", "adjourn"),
    "start": _session_time("start", "start"),
}
# Words that begin a short form; with the commands and the specials, what the first word of a line may be.
FORMS = tuple(FORM_READERS)


def _close_word(word: str) -> str:
    """Return "; did you mean …?" for a word close to a command or a short form."""
    import difflib

    close = difflib.get_close_matches(word, [*commands.COMMANDS, *FORMS, *SPECIAL], n=2, cutoff=0.75)
    return f"; did you mean {' or '.join(close)}?" if close else ""

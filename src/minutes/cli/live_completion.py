"""What TAB offers in `minutes record`: commands and short forms, names, section addresses, fields and options.

`candidates` answers for the text before the cursor from the session the recorder holds (roster names, handles and
aliases, quoted where a command line needs it; addresses with what each holds); `LineCompleter` hands the answer to
prompt_toolkit.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, NamedTuple

from minutes.cli import commands, plain, shells, shorthand
from minutes.cli.recorder import Recorder

TIMED = re.compile(r"\s*(?:[01]?\d|2[0-3]):[0-5]\d\s+")  # a line's own time before the line
NAME_FORMS = ("report", "action", "arrived", "left")  # short forms whose first words are a name
NAME_KEYS = re.compile(r"/\s*(?:moved(?: by)?|seconded(?: by)?|by|for|on behalf of)\s+([^/]*)\Z", re.I)
VOTE_WORDS = ("unanimous", "consent", "voice", "acclamation", "consensus", "ballot", "aye ", "nay ", "abstain ",
              "adopted", "carried", "rejected", "failed")
ADDRESS_SLOTS = {"within", "section", "ref", "item"}  # the parameters that take an address
SECTION_ONLY = {"within", "section"}
SET_FIELDS = ("chair", "secretary", "start", "end", "adjourned", "title", "place", "place.venue", "place.platform",
              "occasion", "kind", "number", "quorum.required", "quorum.present", "previous_minutes", "tags",
              "category", "press.headline", "press.subheadline", "press.lead", "press.dateline.city",
              "timezone", "lang", "organization")
ATTENDEE_FIELDS = ("status", "arrived", "left", "role", "as", "note")
ITEM_FIELDS = ("summary", "title", "text", "topic", "result", "disposition", "at", "task", "due", "owner",
               "moved_by", "seconded_by", "status", "label", "note", "presenter")


class Candidate(NamedTuple):
    """One completion: the text that replaces the word being completed, how far back it reaches, and a hint."""

    text: str
    start: int  # negative: how many characters before the cursor it replaces
    meta: str = ""


def candidates(recorder: Recorder, before: str) -> list[Candidate]:
    """Return what completes the line ``before`` the cursor."""
    timed = TIMED.match(before)
    if timed:
        before = before[timed.end():]  # 10:05 li jiz: … — the line's own time, then the line (a command too)
    words, quote = shells._split(before)
    ends_word = before[-1:].isspace() and not quote
    incomplete = "" if ends_word or not words else words[-1]
    done = words if ends_word else words[:-1]
    if not done:
        return _first_word(recorder, before.lstrip())
    first = done[0]
    if first == "minutes":
        done = done[1:]
        if not done:
            return _matching([*commands.COMMANDS], incomplete)
        first = done[0]
    if first in commands.COMMANDS and not _report_form(first, before.lstrip().partition(" ")[2]):
        return _command(recorder, done, incomplete, quote)
    if first.casefold() not in (*shorthand.FORMS, *shorthand.SPECIAL) and ":" not in before:
        return _first_word(recorder, before.lstrip())  # a name of several words, before its colon
    return _short(recorder, before, first.casefold())


def _report_form(first: str, rest: str) -> bool:
    """Return whether ``report …`` being typed is the short form (a name) rather than the command of registers."""
    word = rest.split(None, 1)[0].casefold() if rest.strip() else ""
    return first == "report" and bool(word) and not word.startswith("-") and \
        not any(r.startswith(word) for r in shorthand.REGISTERS)


def _first_word(recorder: Recorder, typed: str) -> list[Candidate]:
    """Return the commands, short forms and names (as a speech, ``Name: ``) that the first word begins."""
    found = _matching([*commands.COMMANDS, *shorthand.FORMS, "undo", "show", "agenda", "help", "quit"], typed)
    names = [Candidate(n + ": ", -len(typed), "speech") for n in names_for(recorder, typed)]
    return found + names if typed else found


def _matching(words: Iterable[str], typed: str, meta: str = "") -> list[Candidate]:
    low = typed.casefold()
    return [Candidate(w, -len(typed), meta) for w in dict.fromkeys(words) if w.casefold().startswith(low)]


def names_for(recorder: Recorder, typed: str) -> list[str]:
    """Return the roster's spellings ``typed`` begins (case and accents aside), else those it begins a word of."""
    from minutes.cli.commands.roster import names_among
    from minutes.records.session_file import roster

    try:
        people = roster(recorder.data(), recorder.path)
    except Exception:  # completion must never fail loudly
        return []
    return names_among(people, typed.strip())


def _command(recorder: Recorder, done: list[str], incomplete: str, quote: str) -> list[Candidate]:
    """Return the option names, names, addresses, fields or choices that complete a command line's word."""
    named = plain.command(done)
    if named is None:
        return []
    _, found, _, rest = named
    start = -len(incomplete) - (1 if quote else 0)
    if incomplete.startswith("-"):
        return _matching(sorted(found.options), incomplete)
    target = found.options.get(rest[-1]) if rest else None
    if target is None or target.kind == "flag":
        try:
            _, positional = plain.read_options(found, rest)
        except ValueError:
            return []
        if len(positional) >= len(found.arguments):
            return []
        target = found.arguments[len(positional)]
    complete = target.decl.kwargs.get("autocompletion")
    if complete is commands.complete_names:
        return [Candidate(quoted(n), start, "name") for n in names_for(recorder, incomplete)]
    if target.name in ADDRESS_SLOTS:
        return [Candidate(a, start, gist) for a, gist in addresses(recorder, target.name in SECTION_ONLY)
                if a.casefold().startswith(incomplete.casefold())]
    if done[0] == "set" and target.name == "field":
        return [Candidate(f, start) for f in fields(recorder, incomplete)]
    if isinstance(target.kind, type):
        return _matching([m.value for m in target.kind], incomplete)
    return []


def quoted(name: str) -> str:
    """Return ``name`` as one word of a command line: in double quotes when it holds a space or a quote."""
    return name if re.fullmatch(r"[\w@.,'-]+", name) and "'" not in name else '"' + shells._DOUBLE_QUOTED.sub(r"\\\1", name) + '"'


def _short(recorder: Recorder, before: str, form: str) -> list[Candidate]:
    """Return the names (or vote words) a short form takes at the cursor."""
    keyed = NAME_KEYS.search(before)
    if keyed is not None:
        typed = keyed.group(1).lstrip()
        return [Candidate(n, -len(typed), "name") for n in names_for(recorder, typed)]
    rest = before.lstrip().partition(" ")[2]
    if form in NAME_FORMS and ":" not in rest:
        typed = rest.lstrip()
        tail = ": " if form in ("report", "action") else ""
        return [Candidate(n + tail, -len(typed), "name") for n in names_for(recorder, typed)]
    if form == "vote":
        part = re.split(r"\s*/\s*", rest)[-1]
        roll = re.match(r"(?i)(aye|ayes|nay|nays|abstain|absent)\s+(.*)\Z", part)
        if roll:
            typed = roll.group(2).rsplit(",", 1)[-1].lstrip()
            return [Candidate(n, -len(typed), "name") for n in names_for(recorder, typed)]
        word = part.rsplit(" ", 1)[-1] if part else ""
        return _matching(VOTE_WORDS, word)
    return []


def addresses(recorder: Recorder, sections_only: bool) -> list[tuple[str, str]]:
    """Return the addresses of the session's entries (or sections) with the first words of each."""
    from minutes.model import address
    from minutes.records.ops import gist

    try:
        found = address.entries(recorder.data())
    except Exception:
        return []
    chosen = [e for e in found if not sections_only or address.is_section(e.entry)]
    return [(e.address, gist(e.entry) if isinstance(e.entry, dict) else "") for e in chosen] + \
        ([("top", "outside the sections"), ("next", "the next section")] if sections_only else [])


def fields(recorder: Recorder, typed: str) -> list[str]:
    """Return the fields of ``set`` that ``typed`` begins: the session's, an attendee's, an entry's (ADDR.FIELD)."""
    head, dot, _ = typed.rpartition(".")
    if not dot:
        return [f for f in SET_FIELDS if f.startswith(typed)] + \
            [f"{a}." for a, _ in addresses(recorder, False) if a.casefold().startswith(typed.casefold())] + \
            [w for w in ("attendee.", "person.", "group.") if w.startswith(typed)]
    if head.startswith("attendee.") and head.count(".") == 1:
        return [f"{head}.{f}" for f in ATTENDEE_FIELDS if f"{head}.{f}".startswith(typed)]
    if any(a == head for a, _ in addresses(recorder, False)):
        return [f"{head}.{f}" for f in ITEM_FIELDS if f"{head}.{f}".startswith(typed)]
    return [f for f in SET_FIELDS if f.startswith(typed)]


def completer(recorder: Recorder) -> Any:
    """Return the prompt_toolkit completer of a recorder's prompt."""
    from prompt_toolkit.completion import Completer, Completion

    class LineCompleter(Completer):
        def get_completions(self, document: Any, complete_event: Any) -> Iterable[Any]:
            try:
                found = candidates(recorder, document.text_before_cursor)
            except Exception:  # completion must never fail loudly: TAB then offers nothing
                found = []
            for one in found:
                yield Completion(one.text, start_position=one.start, display_meta=one.meta)

    return LineCompleter()

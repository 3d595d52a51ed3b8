"""Files read with located errors: a file's text, its stamp, and the line of each error pydantic finds in it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from minutes.store import readfile
from minutes.store import yamlio
from minutes.model.address import shown
from minutes.errors import MinutesError, located
from minutes.model.vocab import KINDS, LANG, PERSON_ID, TIME_RE

# What a pattern means, in words (a pattern with "(?:" is not a time).
_FORMS = {
    TIME_RE.pattern: "a time HH:MM, e.g. 18:30",
    LANG: "a language code, e.g. en, zh or pt-BR",
    PERSON_ID: "an id without spaces or slashes, e.g. li-jizheng",
}


def read_text(path: Path) -> str:
    """Return the text of a session file, or raise a one-line error."""
    try:
        raw = readfile.read(path, yamlio.MAX_BYTES)  # a FIFO or a device is refused, never waited on
    except FileNotFoundError:
        raise MinutesError(located(path, None, "no such file")) from None
    except IsADirectoryError:
        raise MinutesError(located(path, None, "is a folder, not a session file")) from None
    except OSError as exc:
        raise MinutesError(located(path, None, f"cannot read: {exc.strerror}")) from None
    return yamlio.decode(raw, path)


SHOWN = 20  # errors located and reported one by one; the rest are counted


class Errors(list):
    """The located errors of a file (the first ``SHOWN``, then a line counting the rest), and ``total``."""

    total: int = 0


def report(exc: Any, where: Locator, path: Path | str, data: Any = None) -> Errors:
    """Return the first ``SHOWN`` errors of ``exc`` located by ``where``, and a line counting the rest."""
    found = exc.errors(include_url=False, include_context=True, include_input=True)
    errors = Errors(_describe(err, where, path, data) for err in found[:SHOWN])
    if len(found) > SHOWN:
        errors.append(located(path, None, f"... and {len(found) - SHOWN:,} more errors"))
    errors.total = len(found)
    return errors


def stamp(path: Path) -> tuple[int, int] | None:
    """Return the file's modification time and size, or None when there is no such file."""
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise MinutesError(located(path, None, f"cannot read: {exc.strerror}")) from None
    return st.st_mtime_ns, st.st_size


def _describe(err: Any, where: Locator, path: Path | str, data: Any = None) -> str:
    """Return one pydantic error as a located line in words."""
    loc = list(err["loc"])
    line = where.line(loc)
    field = shown(_visible(loc), data)
    msg = err["msg"]
    if err["type"] == "value_error" and msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]  # pydantic's prefix to a validator's own words
    if msg.startswith("two entries have the address") and isinstance(data, dict):
        from minutes.model.address import duplicates

        twice = duplicates(data)
        if twice:  # name the second entry and its line, not the top of the file
            loc = list(twice[0][1])
            line, field = where.line(loc), shown(loc, data)
    if err["type"] == "missing":
        msg = "required field is missing"
    elif err["type"] == "extra_forbidden":
        msg = "unknown field"
    elif err["type"] == "union_tag_invalid":
        kinds = ", ".join((*KINDS, "section"))
        msg = f"unknown kind {err['input'].get('kind')!r}; use one of {kinds}" if isinstance(err.get("input"), dict) else msg
    elif err["type"] == "string_pattern_mismatch":
        pattern = err["ctx"]["pattern"]
        form = _FORMS.get(pattern, f"of the form {pattern}")
        msg = f"must be {form} (got {err.get('input')!r})"
    elif err["type"].startswith("literal_error"):
        msg = f"{msg} (got {err.get('input')!r})"
    return located(path, line, f"{field}: {msg}" if field else msg)


def _visible(loc: list) -> list:
    """Drop the union and validator names pydantic adds to a location."""
    out: list = []
    for i, part in enumerate(loc):
        if isinstance(part, str) and ("[" in part or part.startswith("function-")):
            continue
        if isinstance(part, str) and part in _TAGS and (part not in KINDS or i and isinstance(loc[i - 1], int)):
            continue  # a kind's tag follows an entry's index; a field may share its name (a review's "action")
        if part == "date" and out[-1:] == ["due"]:  # the date side of "a date or a text"
            continue
        out.append(part)
    return out


_TAGS = {
    *KINDS, "section", "str", "dict[str,str]", "Vote",
}


def locate(text: str, loc: list) -> int | None:
    """Return the 1-based line of the node at ``loc`` (or its nearest parent) in ``text``."""
    global _LAST
    if _LAST is None or _LAST.text is not text:  # `check` locates many findings in one text: compose it once
        _LAST = Locator(text)
    return _LAST.line(loc)


class Locator:
    """Lines of the nodes of one text, composed once; each mapping's keys indexed when first walked."""

    def __init__(self, text: str, root: Any = None) -> None:
        self.text = text
        try:
            self.root = root if root is not None else yamlio.compose(text)
        except MinutesError:
            self.root = None
        self.keys: dict[int, dict[str, Any]] = {}

    def line(self, loc: list) -> int | None:
        """Return the 1-based line of the node at ``loc``, or of its nearest parent."""
        node = best = self.root
        if node is None:
            return None
        for part in loc:
            if isinstance(node.value, list) and node.value and isinstance(node.value[0], tuple):
                match = self._mapping(node).get(str(part))
                if match is None:
                    continue
                node = match
            elif isinstance(node.value, list) and isinstance(part, int):
                if part >= len(node.value):
                    break
                node = node.value[part]
            else:
                continue
            best = node
        return best.start_mark.line + 1

    def _mapping(self, node: Any) -> dict[str, Any]:
        """Return the value nodes of the mapping ``node`` by key (the first of a repeated key, as before)."""
        found = self.keys.get(id(node))
        if found is None:
            found = {}
            for key, value in node.value:
                found.setdefault(getattr(key, "value", None), value)
            self.keys[id(node)] = found
        return found


_LAST: Locator | None = None

"""Read a session file into a validated model, with located errors."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutes import yamlio
from minutes.address import shown
from minutes.errors import MinutesError, located
from minutes.vocab import KINDS, LANG, PERSON_ID, TIME_RE

if TYPE_CHECKING:
    from minutes.model import Session

# What a pattern means, in words (a pattern with "(?:" is not a time).
_FORMS = {
    TIME_RE.pattern: "a time HH:MM, e.g. 18:30",
    LANG: "a language code, e.g. en, zh or pt-BR",
    PERSON_ID: "an id without spaces or slashes, e.g. li-jizheng",
}


def read_text(path: Path) -> str:
    """Return the text of a session file, or raise a one-line error."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise MinutesError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise MinutesError(f"{path}: is a folder, not a session file") from None
    except OSError as exc:
        raise MinutesError(f"{path}: cannot read: {exc.strerror}") from None
    return yamlio.decode(raw, path)


_UNREAD = object()


def parse(text: str, path: Path | str = "<string>", data: Any = _UNREAD) -> Session:
    """Return the validated session in ``text`` (already loaded as ``data``), or raise the first error located."""
    errors = validate(text, path, data)
    if not isinstance(errors, list):
        return errors
    more = f" (and {len(errors) - 1} more; run 'minutes check')" if len(errors) > 1 else ""
    raise MinutesError(errors[0] + more)


def validate(text: str, path: Path | str = "<string>", data: Any = _UNREAD) -> Session | list[str]:
    """Return the session in ``text`` (already loaded as ``data``), or the list of its located errors."""
    from pydantic import ValidationError

    from minutes.model import Session  # imported here: quick appends and completion never need the model

    if data is _UNREAD:
        data = yamlio.load(text, path)
    if data is None:
        return [located(path, 1, "file is empty; start one with 'minutes new'")]
    if not isinstance(data, dict):
        return [located(path, 1, "a session file must be a mapping of fields (title:, date:, ...)")]
    try:
        return Session.model_validate(data)
    except ValidationError as exc:
        return [_describe(err, text, path) for err in exc.errors()]


def load(path: Path) -> Session:
    """Return the validated session stored at ``path`` (large files through the parse cache)."""
    from minutes import cache

    text = read_text(path)
    data, lists = cache.read(path, text)
    session = parse(text, path, data)
    cache.write(path, text, data, lists)
    return session


def _describe(err: Any, text: str, path: Path | str) -> str:
    loc = [part for part in err["loc"]]
    line = locate(text, loc)
    field = shown(_visible(loc))
    msg = err["msg"]
    if err["type"] == "missing":
        msg = "required field is missing"
    elif err["type"] == "extra_forbidden":
        msg = "unknown field"
    elif err["type"] == "union_tag_invalid":
        kinds = ", ".join(KINDS)
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
    out = []
    for part in loc:
        if isinstance(part, str) and ("[" in part or part in _TAGS or part.startswith("function-")):
            continue
        out.append(part)
    return out


_TAGS = {
    "ceremony", "announcement", "discussion", "procedure", "break", "note", "speech", "report",
    "resolution", "motion", "action", "str", "dict[str,str]", "Counts", "literal['acclamation','unanimous']",
}


def locate(text: str, loc: list) -> int | None:
    """Return the 1-based line of the node at ``loc`` (or its nearest parent) in ``text``."""
    try:
        node = yamlio.compose(text)
    except MinutesError:
        return None
    best = node
    for part in loc:
        if node is None:
            break
        if isinstance(node.value, list) and node.value and isinstance(node.value[0], tuple):
            match = next((v for k, v in node.value if getattr(k, "value", None) == str(part)), None)
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
    return best.start_mark.line + 1 if best is not None else None

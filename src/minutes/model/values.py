"""Values typed on the command line, checked before they reach a file: a bad one is a usage error naming its option."""

from __future__ import annotations

import re

from minutes.errors import UsageError
from minutes.model.vocab import TIME_RE, is_lang, is_timezone, normal_lang

_LOCATION = re.compile(r"^:\d+(?::\d+)?: ")


def time(value: str | None, option: str) -> str | None:
    """Return ``value`` if it is a time HH:MM (the whole of it), else a usage error naming ``option``."""
    if value is None or TIME_RE.fullmatch(value):
        return value
    raise UsageError(f"{option}: {value!r} is not a time; use HH:MM, e.g. 18:30")


def lang(value: str | None, option: str) -> str | None:
    """Return ``value`` as a language code in its hyphen form (en_GB → en-GB), else a usage error naming ``option``."""
    if value is None:
        return None
    if is_lang(value):
        return normal_lang(value)
    raise UsageError(f"{option}: {value!r} is not a language code; use e.g. en, de, en-GB or pt_BR")


def timezone(value: str | None, option: str) -> str | None:
    """Return ``value`` if it is an IANA time zone, else a usage error naming ``option``."""
    if value is None or is_timezone(value):
        return value
    raise UsageError(f"{option}: unknown time zone {value!r}; use an IANA name, e.g. Europe/Berlin")


def refused(problem: str, path: object, what: str, value: str) -> UsageError:
    """Return the usage error for a typed ``value`` of ``what`` that made the file invalid (``problem``, located)."""
    text = problem.removeprefix(str(path))
    text = _LOCATION.sub("", text, count=1)
    return UsageError(f"{what}: {value!r} is not valid here: {text}")

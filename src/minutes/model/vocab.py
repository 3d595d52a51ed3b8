"""The values a session's fields may take, with no pydantic: shared by the model and the quick checks."""

from __future__ import annotations

import re
from typing import Literal

SCHEMA_VERSION = 2

# Whole-value patterns: pydantic reads "$" as the end of the text, Python's re as "before a final newline"
# too, so Python code checks a value with ``fullmatch``, never ``match`` or ``search``.
# A language code, with a region or script in either spelling (en-GB, en_GB, zh-Hant-TW): ``normal_lang`` hyphens it.
LANG = r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$"
PERSON_ID = r"^[^\s/\\]{1,80}$"
TIME_RE = re.compile(r"^(?:[01]?\d|2[0-3]):[0-5]\d$")

Status = Literal["present", "online", "absent", "excused", "guest"]
IN_ROOM = ("present", "online")  # the statuses of a member taking part (voting, if their group votes)
ATTENDED = (*IN_ROOM, "guest")  # the statuses of someone who was there: guests and observers too
Pronoun = Literal["he", "she", "they", "it"]
Result = Literal[
    "adopted", "rejected", "carried", "failed", "deferred", "withdrawn", "tabled", "referred", "postponed", "no-action",
]
PASSED = ("adopted", "carried")  # the results that say a vote passed
FAILED = ("rejected", "failed")  # the results that say it failed
# How a body decided. Methods without counts may be written as the vote itself (``vote: general-consent``).
VoteMethod = Literal["counted", "roll-call", "unanimous", "general-consent", "consensus", "voice", "acclamation", "ballot"]
BARE_METHODS = ("acclamation", "unanimous", "general-consent", "consensus", "voice")
THRESHOLD_RE = re.compile(r"^(?:majority|two-thirds|three-quarters|unanimous|[1-9]\d{0,2}/[1-9]\d{0,2})$")
PlaceMode = Literal["on-site", "online", "hybrid"]
ActionStatus = Literal["open", "done", "cancelled"]
TEXT_KINDS = ("ceremony", "announcement", "discussion", "procedure", "break", "note", "decision")
KINDS = (*TEXT_KINDS, "speech", "report", "resolution", "motion", "action", "review")

# Schema version 2: which texts are Markdown. Block fields of a proceedings entry (and the press
# boilerplate) are CommonMark with GFM tables; inline fields take inline Markdown only (emphasis, links,
# code); every other text (names, roles, places, the session's title) is printed as typed. In a file of
# schema version 1 every text is printed as typed (``minutes migrate`` escapes them for version 2).
BLOCK_FIELDS = ("text", "summary", "points", "note")
INLINE_FIELDS = ("title", "topic", "task")
PRESS_BLOCK_FIELDS = ("boilerplate",)


def clock_minutes(at: str) -> int:
    """Return a time HH:MM (or H:MM, as TIME_RE allows) as minutes after midnight."""
    hours, minutes = at.split(":")
    return int(hours) * 60 + int(minutes)


def is_lang(value: str) -> bool:
    """Return whether ``value`` is, as a whole, a language code such as en, zh or pt-BR."""
    return re.fullmatch(LANG, value) is not None


def normal_lang(value: str) -> str:
    """Return a language code in its hyphen form, each part cased as BCP 47 writes it: en_gb → en-GB, zh_hant → zh-Hant."""
    head, *rest = value.replace("_", "-").split("-")
    parts = [head.lower()]
    for part in rest:
        parts.append(part.upper() if len(part) == 2 else part.title() if len(part) == 4 and part.isalpha() else part)
    return "-".join(parts)


def is_timezone(value: str) -> bool:
    """Return whether ``value`` names an IANA time zone, e.g. Europe/Berlin."""
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


# --- a folder's settings (model/settings.py): what store and records need without the model ---

SETTINGS_FILE = "minutes.yaml"
PROFILES = ("formal", "council", "notes", "coverage")


def is_roster_file(value: object) -> bool:
    """Return whether ``value`` may name a shared roster: a plain .yaml file name beside minutes.yaml."""
    return (isinstance(value, str) and bool(value) and "/" not in value and "\\" not in value
            and not value.startswith(".") and value.endswith((".yaml", ".yml")) and value.lower() != SETTINGS_FILE)

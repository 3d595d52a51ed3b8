"""Times as each language writes them: "3:06 p.m.", "10:30am Pacific", "18:07 Uhr", "下午3:06", and the time zone
by its name ("Pacific Time"), from the style's ``clock`` (12 or 24) and ``time_form`` (``ap`` or ``compact``).

- English, 12-hour, ``ap`` (AP and UN style): "3:06 p.m.", "3 p.m." (no ":00"), "noon", "midnight"; a span
  "3:06–4:12 p.m." (the a.m./p.m. said once when both ends share it), "11 a.m.–noon".
- English, 12-hour, ``compact`` (notes-style minutes): "10:30am", "3pm", "12pm" (no "noon"); "10–11:30am".
- Chinese, 12-hour: Babel's "下午3:06"; a span "下午3:06至4:12".
- Any language, 24-hour, and German and Russian always (they do not write a 12-hour clock): the locale's own
  hours and minutes, "15:06" ("09:30", as the locale pads it). German adds "Uhr" where it writes it: the
  catalogs' sentences ("um {time} Uhr") and the Time line ("18:07–19:30 Uhr", the phrase ``{times}`` in
  context ``clock``); an item's time in brackets stays bare ("(18:07)").
- The zone: Babel's generic metazone name in the language ("Pacific Time", "Mitteleuropäische Zeit"); where the
  language has no such name (a city or region only, or a Russian region without "время") its offset
  ("UTC+8"); UTC as "UTC". The compact English form puts the zone after the time: "10:30am Pacific"
  (a North American zone by its region: "Pacific", "Eastern"), "10:30am Central European Time".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_skeleton, get_timezone_name

from minutes.model.vocab import clock_minutes

TWELVE = ("en", "zh")  # the languages that write a 12-hour clock when the settings ask (clock: 12)
UTC_ZONES = ("UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Etc/Zulu", "Universal", "Zulu")
DASH = "–"


def parsed(at: str) -> dt.time:
    """Return the time of an ``HH:MM`` (or ``H:MM``) value."""
    minutes = clock_minutes(at)
    return dt.time(minutes // 60, minutes % 60)


def english(at: str, form: str, half: bool = True) -> str:
    """Return an English 12-hour time: "3:06 p.m." (``ap``) or "3:06pm" (``compact``); ``half=False`` leaves off
    the a.m./p.m. (the first end of a span that shares it)."""
    t = parsed(at)
    if form != "compact" and t.minute == 0 and t.hour in (0, 12):
        return "noon" if t.hour == 12 else "midnight"
    hour = f"{t.hour % 12 or 12}" + (f":{t.minute:02}" if t.minute else "")
    if not half:
        return hour
    suffix = ("am" if t.hour < 12 else "pm") if form == "compact" else ("a.m." if t.hour < 12 else "p.m.")
    return hour + suffix if form == "compact" else f"{hour} {suffix}"


class Clock:
    """The times of one session in one language and style."""

    def __init__(self, cat: Any, style: dict[str, Any], zone: str | None, day: dt.date):
        self.cat = cat
        self.locale: Locale = cat.locale
        self.language = self.locale.language
        self.twelve = style.get("clock", 24) == 12 and self.language in TWELVE
        self.form = style.get("time_form", "ap")
        self.zone_id = zone or ""
        self.day = day

    def time(self, at: str | None) -> str:
        """Return one time as the language writes it on its own: "3:06 p.m.", "15:06", "下午3:06" ("" for none)."""
        if not at:
            return ""
        if self.twelve and self.language == "en":
            return english(at, self.form)
        return _babel(at, "hm" if self.twelve else "Hm", self.locale)

    def span(self, start: str | None, end: str | None) -> str:
        """Return the time from ``start`` to ``end`` (either may be missing): "3:06–4:12 p.m.", "15:06–16:12"."""
        if not (start and end):
            return self.time(start or end)
        if self.twelve and self.language == "en":
            shared = (parsed(start).hour < 12) == (parsed(end).hour < 12) and english(start, self.form)[0].isdigit()
            return english(start, self.form, half=not shared) + DASH + english(end, self.form)
        if self.twelve:  # Chinese: "下午3:06至4:12", the period said once when both ends share it
            first, last = self.time(start), self.time(end)
            period = re.match(r"\D*", first).group()  # type: ignore[union-attr]
            return first + "至" + (last.removeprefix(period) if period and last.startswith(period) else last)
        return self.time(start) + DASH + self.time(end)

    def zone(self, at: str | None = None) -> dict[str, str]:
        """Return the session's time zone: its IANA ``id``, its ``name`` in the language and its ``short`` form."""
        if not self.zone_id:
            return {"id": "", "name": "", "short": ""}
        when = dt.datetime.combine(self.day, parsed(at) if at else dt.time(12), ZoneInfo(self.zone_id))
        name = _zone_name(self.zone_id, when, str(self.locale))
        short = name
        if self.language == "en":
            abbreviation = get_timezone_name(when, width="short", zone_variant="generic", locale=self.locale)
            if len(abbreviation) == 2 and abbreviation.isupper() and name.endswith(" Time"):
                short = name.removesuffix(" Time")  # "10:30am Pacific", as Americans write it
        return {"id": self.zone_id, "name": name, "short": short}

    def session(self, s: Any) -> dict[str, str]:
        """Return the times of the session the templates print: start, end, the span, the zone, the Time line."""
        times = self.span(s.start, s.end or s.adjourned)  # a meeting without an end time ended when it adjourned
        zone = self.zone(s.start)
        if times:
            times = self.cat.pgettext("clock", "{times}", times=times)  # German: "18:07–19:30 Uhr"
        if not (times and zone["name"]):
            line = times
        elif self.form == "compact" and self.language == "en":
            line = f"{times} {zone['short']}"
        else:
            line = self.cat.paren(times, zone["name"])
        return {
            "start": self.time(s.start), "end": self.time(s.end), "times": times, "adjourned": self.time(s.adjourned),
            "timezone": zone["name"], "timezone_id": zone["id"], "timezone_short": zone["short"], "time_line": line,
        }


@functools.lru_cache(maxsize=1024)
def _babel(at: str, skeleton: str, locale: Locale) -> str:
    """Return ``at`` formatted with a Babel skeleton (``Hm`` or ``hm``) in ``locale``."""
    return format_skeleton(skeleton, parsed(at), locale=locale)


@functools.lru_cache(maxsize=256)
def _zone_name(zone: str, when: dt.datetime, locale: str) -> str:
    """Return the name people read for ``zone`` at ``when``: its generic name, else its offset ("UTC+8")."""
    if zone in UTC_ZONES:
        return "UTC"
    name = get_timezone_name(when, width="long", zone_variant="generic", locale=locale)
    fallback = "(" in name or "（" in name or (locale.startswith("ru") and "врем" not in name)
    return utc_offset(when) if fallback else name


def utc_offset(when: dt.datetime) -> str:
    """Return the offset from UTC at ``when`` as people write it: "UTC+1", "UTC−5", "UTC+5:30"."""
    minutes = int((when.utcoffset() or dt.timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02}" if rest else "")

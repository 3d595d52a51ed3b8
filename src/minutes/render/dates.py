"""The session's dates as the style writes them: with or without the weekday (``style.weekday``) and the year
(``style.year``), in each language and region ("Tuesday, March 4, 2025", "4 March 2025", "4. März", "3月4日").

The forms the templates see (``s.``): ``dates`` (the Date line: weekday and year as the style says; a span of
days never has a weekday: "July 22–23, 2023"), ``dates_short`` and ``date`` (never a weekday, the year as the
style says), and the fixed forms ``date_full`` (weekday and year), ``date_short`` ("July 23") and ``date_iso``.
The defaults keep what the shipped templates always printed: the minutes' Date line with the weekday and the
year, the news release's "July 23" without the year.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from babel import Locale
from babel.dates import format_date, format_skeleton, match_skeleton

_SHORT_WEEKDAY = re.compile(r"(?:E{1,3}|c{1,3})\.?")


@functools.lru_cache(maxsize=1024)
def weekday_month_day(value: dt.date, locale: Locale) -> str:
    """Return "Tuesday, March 4" (the weekday written out, no year), in ``locale``'s order."""
    skeletons = locale.datetime_skeletons
    pattern = str(skeletons[match_skeleton("MMMMEd", skeletons) or "MMMMEd"].pattern)
    return format_date(value, _SHORT_WEEKDAY.sub("EEEE", pattern), locale=locale)


def one_day(cat: Any, value: dt.date, weekday: bool, year: bool) -> str:
    """Return one date with or without the weekday and the year."""
    if year:
        return cat.date(value, "full" if weekday else "long")
    return weekday_month_day(value, cat.locale) if weekday else cat.date(value, "month_day")


def span(b: Any, first: dt.date, last: dt.date, year: bool) -> str:
    """Return the days from ``first`` to ``last``: "July 22–23" or, with the year, "July 22–23, 2023"."""
    short = b.cat.date_interval(first, last, "month_day")
    if not year:
        return short
    if first.year == last.year:
        return b._("{dates}, {year}", "dates", dates=short, year=b.cat.year(first))
    return b.cat.date_interval(first, last)


def session_dates(b: Any) -> dict[str, str]:
    """Return the date forms of the session (or of the days of a compiled series) the style asks for."""
    weekday, year = b.style.get("weekday", True), b.style.get("year", True)
    first = b.s.date
    last = max((part.date for _, part in b.days.values()), default=first)
    out = {
        "date": one_day(b.cat, first, False, year), "date_full": b.date(first, "full"),
        "date_short": b.date(first, "month_day"), "date_iso": first.isoformat(), "last_date_iso": last.isoformat(),
    }
    if last == first:
        out.update(dates=one_day(b.cat, first, weekday, year), dates_short=out["date"])
    else:
        out.update(dates=span(b, first, last, year), dates_short=span(b, first, last, year))
    return out


def press_date(b: Any, day: dt.date) -> str:
    """Return the date of the release (the dateline's day): the year as the style says, no weekday."""
    return one_day(b.cat, day, False, b.style.get("year", True))

"""Today's date, which scripts and tests may fix with SOURCE_DATE_EPOCH for reproducible files."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    """Return today's date, or the UTC date of ``$SOURCE_DATE_EPOCH`` when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()

"""The user's cache folder for minutes, and how an entry is written there (never an error)."""

import contextlib
import os
from pathlib import Path


def root() -> Path:
    """Return the user's cache folder for minutes."""
    explicit = os.environ.get("MINUTES_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "minutes"


def save(target: Path, payload: str | bytes) -> None:
    """Write ``payload`` (text or bytes) to ``target`` atomically, removing temp files of killed writers; never an error."""
    from minutes.store import atomic as store
    from minutes.errors import MinutesError

    with contextlib.suppress(OSError, MinutesError):
        target.parent.mkdir(parents=True, exist_ok=True)
        for leftover in store.leftover_temps(target):
            leftover.unlink(missing_ok=True)
        data = payload if isinstance(payload, bytes) else payload.encode("utf-8", "surrogatepass")
        store.write_bytes_atomic(target, data, sync_folder=False)

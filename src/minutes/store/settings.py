"""A folder's settings file (``minutes.yaml`` beside its sessions): read as strictly as a session, kept per file stamp.

Every session in the folder inherits what it holds (``model.settings.merged`` lays a session's own
``settings:`` over it); ``store.loader`` attaches it to each session it loads. The file is optional.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from minutes.errors import MinutesError, located
from minutes.model.vocab import SETTINGS_FILE, is_roster_file
from minutes.store import yamlio
from minutes.store.located import Locator, read_text, report, stamp

if TYPE_CHECKING:
    from minutes.model.settings import FolderSettings

NOT_SETTINGS = "the folder's settings must be a mapping of fields (minutes:, release:, paper:, languages:, ...)"
# Fields only a session has: a file holding them is a session someone named minutes.yaml.
SESSION_FIELDS = ("title", "date", "proceedings", "attendees", "schema_version")


def settings_path(session: Path | str) -> Path:
    """Return where the settings file of the session file ``session``'s folder lives (it may not exist)."""
    return Path(session).parent / SETTINGS_FILE


def is_settings_file(path: Path | str) -> bool:
    """Return whether ``path`` is named as a folder's settings file (any case: MINUTES.YAML too)."""
    return Path(path).name.lower() == SETTINGS_FILE


def renamed_session(path: Path | str, line: int | None = None) -> str:
    """Return the one-line error for a session stored under the settings file's name."""
    return located(path, line, f"this name is the folder's settings file, not a session: rename the session file "
                               "(e.g. 2025-03-04-board-meeting.yaml)")


def folder_settings(session: Path | str) -> FolderSettings | None:
    """Return the validated settings of ``session``'s folder, or None without a settings file; errors name its line."""
    path = settings_path(session)
    found = stamp(path)
    return None if found is None else _read(path, found)


@functools.lru_cache(maxsize=8)
def _read(path: Path, found: tuple[int, int]) -> FolderSettings:
    """Return the settings in the file at ``path`` (read again when its stamp ``found`` changes)."""
    return settings_text(read_text(path), path)


def settings_text(text: str, path: Path | str) -> FolderSettings:
    """Return ``text`` validated as a folder's settings file, or raise its first error, located."""
    from pydantic import ValidationError

    from minutes.model.settings import FolderSettings

    loaded, node = yamlio.load_with_node(text, path)
    if loaded is None:
        return FolderSettings()
    if not isinstance(loaded, dict):
        raise MinutesError(located(path, 1, NOT_SETTINGS))
    if any(field in loaded for field in SESSION_FIELDS):
        raise MinutesError(renamed_session(path, 1))
    try:
        return FolderSettings.model_validate(loaded)
    except ValidationError as exc:
        raise MinutesError(report(exc, Locator(text, node), path, loaded)[0]) from None


def roster_name(session: Path | str, default: str) -> str:
    """Return the file name of the shared roster that the settings beside ``session`` name (``default`` without)."""
    path = settings_path(session)
    found = stamp(path)
    return default if found is None else _roster(path, found, default)


@functools.lru_cache(maxsize=8)
def _roster(path: Path, found: tuple[int, int], default: str) -> str:
    """Return the roster file the settings file at ``path`` names, read as strict YAML without the model (so that an
    append stays light); a bad name is reported as the model reports it."""
    data = yamlio.load(read_text(path), path)
    name = data.get("roster", default) if isinstance(data, dict) else default
    if not is_roster_file(name):
        _read(path, found)  # raises the located error
    return name


def check_file(path: Path) -> None:
    """Raise the first located error of the settings file at ``path`` (`minutes check minutes.yaml`)."""
    settings_text(read_text(path), path)


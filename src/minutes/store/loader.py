"""Read a session file into a validated model, with located errors."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutes.store import yamlio
from minutes.store import settings as folder
from minutes.errors import MinutesError, located
from minutes.store.located import SHOWN, Errors, Locator, locate, read_text, report, stamp  # noqa: F401 - this API

if TYPE_CHECKING:
    from minutes.model.schema import Roster, Session

_UNREAD = object()


def parse(text: str, path: Path | str = "<string>", data: Any = _UNREAD) -> Session:
    """Return the validated session in ``text`` (already loaded as ``data``), or raise the first error located."""
    errors = validate(text, path, data)
    if not isinstance(errors, list):
        return errors
    total = getattr(errors, "total", len(errors))
    more = f" (and {total - 1:,} more; run 'minutes check')" if total > 1 else ""
    raise MinutesError(errors[0] + more)


def validate(text: str, path: Path | str = "<string>", data: Any = _UNREAD) -> Session | list[str]:
    """Return the session in ``text`` (already loaded as ``data``), or the list of its located errors."""
    from pydantic import ValidationError

    from minutes.model.schema import Session  # imported here: quick appends and completion never need the model

    node = None
    if data is _UNREAD:
        data, node = yamlio.load_with_node(text, path)
    if data is None:
        return [located(path, 1, "file is empty; start one with 'minutes new'")]
    if not isinstance(data, dict):
        return [located(path, 1, "a session file must be a mapping of fields (title:, date:, ...)")]
    try:
        return Session.model_validate(data)
    except ValidationError as exc:
        return report(exc, Locator(text, node), path, data)


def load(path: Path) -> Session:
    """Return the validated session stored at ``path`` (large files through the parse cache), knowing its folder's
    shared roster and settings."""
    from minutes.store import cache

    if folder.is_settings_file(path):
        raise MinutesError(folder.renamed_session(path))
    text = read_text(path)
    data, lists = cache.read(path, text)
    session = parse(text, path, data)
    cache.write(path, text, data, lists)
    return with_roster(session, path)


# --- the roster a folder shares (people.yaml; written by minutes.store.roster) --------------

ROSTER_FILE = "people.yaml"
NOT_A_ROSTER = "a shared roster must be a mapping of people: [...] (and groups: [...])"


def roster_path(session: Path | str) -> Path:
    """Return where the shared roster of the session file ``session`` lives (it may not exist): the file the folder's
    minutes.yaml names (``roster:``), else people.yaml."""
    return Path(session).parent / folder.roster_name(session, ROSTER_FILE)


def folder_file(path: Path | str) -> str | None:
    """Return what the file at ``path`` is to its folder when it is no session: "settings" (minutes.yaml), "roster"
    (the shared roster it names, else people.yaml), or None."""
    if folder.is_settings_file(path):
        return "settings"
    try:
        roster = folder.roster_name(path, ROSTER_FILE)
    except MinutesError:  # a bad minutes.yaml: its own error is reported where a session needs it
        roster = ROSTER_FILE
    return "roster" if Path(path).name.lower() == roster.lower() else None


def check_folder_file(path: Path, what: str) -> None:
    """Raise the first located error of the folder's settings file or shared roster at ``path`` (``what``: which)."""
    if what == "settings":
        folder.check_file(path)
    else:
        shared_text(read_text(path), path)


def shared_data(session: Path | str) -> dict[str, Any]:
    """Return the shared roster of ``session``'s folder as plain data ({} without one); errors name its line."""
    path = roster_path(session)
    found = stamp(path)
    return {} if found is None else _read(path, found)[0]


def shared_model(session: Path | str) -> Roster | None:
    """Return the validated shared roster of ``session``'s folder, or None without one."""
    path = roster_path(session)
    found = stamp(path)
    return None if found is None else _read(path, found)[1]


@functools.lru_cache(maxsize=8)
def _read(path: Path, stamp: tuple[int, int]) -> tuple[dict[str, Any], Roster]:
    """Return the data and the model of the roster file at ``path`` (read again when ``stamp`` changes)."""
    return shared_text(read_text(path), path)


def shared_text(text: str, path: Path) -> tuple[dict[str, Any], Roster]:
    """Return the data and the model of ``text`` as a shared roster, or raise its first error, located."""
    from pydantic import ValidationError

    from minutes.model.schema import Roster

    loaded, node = yamlio.load_with_node(text, path)
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise MinutesError(located(path, 1, NOT_A_ROSTER))
    try:
        return loaded, Roster.model_validate(loaded)
    except ValidationError as exc:
        raise MinutesError(report(exc, Locator(text, node), path, loaded)[0]) from None


def with_roster(session: Session, path: Path | str) -> Session:
    """Return ``session`` knowing the shared roster and the settings of its folder (its own people, groups and
    settings win)."""
    session._folder = folder.folder_settings(path)
    session._shared = shared_model(path)
    return session

"""`minutes settings`: the settings a session works with, each with where it came from; and the folder's defaults."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutes.model.vocab import SETTINGS_FILE

if TYPE_CHECKING:
    from minutes.model.schema import Session
    from minutes.model.settings import FolderSettings

FOLDER_ONLY = ("organization", "lang", "languages", "timezone", "roster")
# What a session copies from its folder's settings when `minutes new` creates it (the rest it inherits at load time).
NEW_FIELDS = ("organization", "lang", "timezone")


def _set(settings: Any, dotted: str) -> bool:
    """Return whether the field ``dotted`` (``minutes.style``) was set in ``settings`` (a model, or None)."""
    node = settings
    for part in dotted.split("."):
        if node is None or part not in node.model_fields_set:
            return False
        node = getattr(node, part)
    return True


def _plain(value: Any) -> Any:
    """Return ``value`` as plain data (settings models as dicts without their unset fields)."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "model_dump"):
        return value.model_dump(exclude_none=True, mode="json")
    return value


def explain(session: Session, source: Path | str) -> list[dict[str, Any]]:
    """Return each setting ``session`` (read from ``source``) works with: its name, value and where it came from (the
    session's ``settings:``, the folder's minutes.yaml, or the style's default)."""
    from minutes.render.styles import profile_name, resolve
    from minutes.writers.docx_styles import paper_for

    own, folder, effective = session.settings, session._folder, session.effective_settings()
    values: dict[str, Any] = {}
    for kind in ("minutes", "release"):
        style = resolve(kind, None, effective)
        values[f"{kind}.style"] = style["name"]
        values.update({f"{kind}.{k}": v for k, v in style.items()
                       if k in type(getattr(effective, kind)).model_fields and k != "style"})
    minutes, release = resolve("minutes", None, effective), resolve("release", None, effective)
    values.update({
        "paper": effective.paper or paper_for(session.lang), "clock": minutes["clock"],
        **{f"dates.{k}": minutes[k] if minutes[k] == release[k] else {"minutes": minutes[k], "release": release[k]}
           for k in ("weekday", "year")},
        "signatures": _plain(effective.signatures) if effective.signatures is not None else "chair and secretary",
        "profile": profile_name(effective),
    })
    values.update({name: _plain(getattr(effective, name)) for name in FOLDER_ONLY})
    rows = []
    for name, value in values.items():
        where = (str(source) if _set(own, name) else str(Path(source).parent / SETTINGS_FILE) if _set(folder, name)
                 else "default")
        rows.append({"setting": name, "value": value, "from": where})
    return rows


def new_fields(folder: Path) -> dict[str, Any]:
    """Return what a new session in ``folder`` takes from the folder's minutes.yaml: organization, lang, timezone."""
    from minutes.store.settings import folder_settings

    settings: FolderSettings | None = folder_settings(folder / SETTINGS_FILE)
    if settings is None:
        return {}
    return {name: getattr(settings, name) for name in NEW_FIELDS if getattr(settings, name) is not None}

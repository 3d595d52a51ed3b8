"""The styles of minutes and releases: each a template plus settings, resolved from the command, session and folder."""

from __future__ import annotations

from typing import Any

from minutes.errors import UsageError
from minutes.model.settings import HEADER_FIELDS, MINUTES_STYLES, RELEASE_STYLES, FolderSettings

# What each style holds unless the folder's or the session's settings say otherwise.
MINUTES_DEFAULTS: dict[str, dict[str, Any]] = {
    "formal": {"header": list(HEADER_FIELDS), "agenda": True, "vote_form": "spelled", "signatures": "signatures",
               "hash": True, "draft": True},
    "council": {"header": ["date", "time", "place", "chair", "secretary", "quorum"], "agenda": False,
                "vote_form": "compact", "signatures": "attestation", "hash": False, "draft": False},
    "notes": {"header": ["date", "time", "place"], "agenda": False, "vote_form": "compact", "signatures": "none",
              "hash": False, "draft": False},
}
RELEASE_DEFAULTS: dict[str, dict[str, Any]] = {
    "news": {"hosted": True, "attended": True, "presided": True, "guests": True, "attribution": "role",
             "full_text": False, "statements": False, "times": False},
    "coverage": {"hosted": False, "attended": False, "presided": True, "guests": False, "attribution": "organization",
                 "full_text": True, "statements": True, "times": True},
}
# The template file of each style; a copy of that name in a folder's templates/ (or --template) replaces it.
TEMPLATES = {
    ("minutes", "formal"): "minutes.md.j2", ("minutes", "council"): "minutes.council.md.j2",
    ("minutes", "notes"): "minutes.notes.md.j2",
    ("release", "news"): "release.md.j2", ("release", "coverage"): "release.coverage.md.j2",
    ("agenda", None): "agenda.md.j2",
}
STYLES = {"minutes": MINUTES_STYLES, "release": RELEASE_STYLES, "agenda": ()}
# How English writes a 12-hour time (``clock: 12``; render/clock.py): "3:06 p.m." (``ap``, AP and UN style) in
# every style but the notes, which write "10:30am Pacific" (``compact``), as a project's Markdown notes do.
TIME_FORMS = {"notes": "compact"}
# The year in a date of a release: the news style leaves it to the dateline, coverage writes it.
YEAR_IN_RELEASE = {"news": False, "coverage": True}


def check_style(kind: str, style: str | None) -> None:
    """Raise a UsageError when ``style`` is not a style of ``kind``."""
    if style is None:
        return
    known = STYLES.get(kind, ())
    if style not in known:
        if not known:
            raise UsageError(f"--style: the {kind} has no styles (styles are for minutes and releases)")
        raise UsageError(f"--style: unknown {kind} style {style!r}; use one of {', '.join(known)}")


def style_name(kind: str, chosen: str | None, settings: FolderSettings) -> str | None:
    """Return the style to render ``kind`` in: the one chosen on the command line, else the settings', else the first."""
    if kind == "minutes":
        return chosen or settings.minutes.style or "formal"
    if kind == "release":
        return chosen or settings.release.style or "news"
    return None


def resolve(kind: str, chosen: str | None, settings: FolderSettings) -> dict[str, Any]:
    """Return the style the template sees: its name, its template file and every setting, defaults filled in."""
    name = style_name(kind, chosen, settings)
    out: dict[str, Any] = {"name": name or "", "kind": kind, "template": TEMPLATES[(kind, name)]}
    if kind == "minutes":
        out.update(MINUTES_DEFAULTS[name or "formal"])
        out.update(settings.minutes.model_dump(exclude_none=True, exclude={"style"}))
    elif kind == "release":
        out.update(RELEASE_DEFAULTS[name or "news"])
        out.update(settings.release.model_dump(exclude_none=True, exclude={"style"}))
    out["clock"] = settings.clock or 24
    out["time_form"] = TIME_FORMS.get(name or "", "ap")
    weekday, year = settings.dates.weekday, settings.dates.year
    out["weekday"] = weekday if weekday is not None else kind != "release"
    out["year"] = year if year is not None else (YEAR_IN_RELEASE.get(name or "", True) if kind == "release" else True)
    return out


def profile_name(settings: FolderSettings) -> str:
    """Return the check profile: the settings' own, else the one that follows the style (coverage for a press office)."""
    if settings.profile:
        return settings.profile
    if settings.minutes.style:
        return settings.minutes.style
    return "coverage" if settings.release.style == "coverage" else "formal"

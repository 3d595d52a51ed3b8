"""`minutes check`: what is wrong or missing in a session, as located findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutes.model import address, names
from minutes.store import loader as sessions
from minutes.errors import MinutesError, UsageError, located
from minutes.model.vocab import PROFILES
from minutes.model.vocab import clock_minutes
from minutes.records.vote_checks import named as _named, vote_findings

if TYPE_CHECKING:
    from minutes.model.schema import Session

ABSENT_OK = ("on_behalf_of", "owner", "presenter")  # people an item names who need not be in the room


@dataclass(frozen=True)
class Finding:
    """One problem: an error fails the check, a warning only with --strict."""

    level: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """Return the finding for --json."""
        return {"level": self.level, "message": self.message}


@dataclass(frozen=True)
class Checked:
    """The findings of one file, and the check profile they were made with (None: not a session, or not valid)."""

    profile: str | None
    findings: list[Finding]


def check_profile(profile: str | None) -> None:
    """Raise a UsageError naming --profile when ``profile`` is not a check profile."""
    if profile is not None and profile not in PROFILES:
        raise UsageError(f"--profile: unknown profile {profile!r}; use one of {', '.join(PROFILES)}")


def check_files(paths: list[Path], lang: str | None = None, profile: str | None = None) -> list[Checked]:
    """Return the findings for each file with ``profile`` (default: each session's own), unchanged files from the
    folder index (without --lang)."""
    check_profile(profile)
    if lang is not None:
        return [_checked(path, examine(path, lang, profile)) for path in paths]
    from minutes.store import index

    def compute(path: Path) -> dict[str, Any]:
        findings, attached, used = examine(path, None, profile)
        return {"findings": [f.to_dict() for f in findings], "attached": attached, "profile": used}

    # The attached files are looked at on every run: they change without the session file changing.
    return [
        Checked(entry["profile"], [Finding(**f) for f in entry["findings"]] + missing_attachments(path, entry["attached"]))
        for path, entry in zip(paths, index.cached(paths, f"checks:{profile or ''}", compute))
    ]


def _checked(path: Path, examined: tuple[list[Finding], list[list], str | None]) -> Checked:
    """Return what ``examine`` found in ``path``, its missing attachments added."""
    findings, attached, used = examined
    return Checked(used, findings + missing_attachments(path, attached))


def check_file(path: Path, lang: str | None = None, profile: str | None = None) -> list[Finding]:
    """Return the findings for the session file at ``path`` (and its missing ``lang`` texts) with ``profile``."""
    return _checked(path, examine(path, lang, profile)).findings


def examine(path: Path, lang: str | None = None,
            profile: str | None = None) -> tuple[list[Finding], list[list], str | None]:
    """Return the findings that depend on the file alone, its attached files (see ``attachments.references``) and
    the check profile used (``profile``, else the one its settings or style give)."""
    from minutes.render.attachments import references
    from minutes.render.styles import profile_name

    try:
        shared = sessions.folder_file(path)
        if shared is not None:  # a folder's settings or shared roster, checked as one
            sessions.check_folder_file(path, shared)
            return [], [], None
        text = sessions.read_text(path)
        result = sessions.validate(text, path)
    except MinutesError as exc:
        return [Finding("error", str(exc))], [], None
    if isinstance(result, list):
        return [Finding("error", message) for message in result], [], None

    try:
        sessions.with_roster(result, path)
    except MinutesError as exc:
        return [Finding("error", str(exc))], [], None
    used = profile or profile_name(result.effective_settings())
    findings = check_session(result, text, path, used)
    return findings + (missing_translations(result, text, path, lang) if lang else []), references(result), used


def missing_attachments(path: Path, attached: list[list]) -> list[Finding]:
    """Return a warning, at its line, for every attached file that is missing or outside the session's folder."""
    from minutes.render.attachments import resolve

    out: list[Finding] = []
    text = None
    for file, where, j, at in attached:
        try:
            resolve(path.parent, file)
        except ValueError as exc:
            if text is None:
                try:
                    text = sessions.read_text(path)
                except MinutesError:
                    text = ""
            line = sessions.locate(text, [*where, "attachments", j, "file"]) if text else None
            out.append(Finding("warning", located(path, line, f"item {at}: attachment {file}: {exc}")))
    return out


def check_session(s: Session, text: str, path: Path | str, profile: str = "formal") -> list[Finding]:
    """Return the findings for a valid session: references, names, votes and the elements ``profile`` expects."""
    from minutes.model.schema import pick

    out: list[Finding] = []

    def at(loc: list, level: str, message: str) -> None:
        out.append(Finding(level, located(path, sessions.locate(text, loc), message)))

    roster = {p.id for p in s.roster()}
    attending = {a.person for a in s.attendees if a.person}
    for i, a in enumerate(s.attendees):
        if a.person and a.person not in roster:
            at(["attendees", i, "person"], "error", f"attendee {a.person!r} is not in people")
    for field in ("chair", "secretary"):
        pid = getattr(s, field)
        if pid and pid not in roster:
            at([field], "error", f"{field} {pid!r} is not in people")
        away = next((a.status for a in s.attendees if a.person == pid and a.status in ("absent", "excused")), None)
        if pid and away:
            at([field], "warning", f"{field} {pid!r} is listed as {away}")
        elif pid in roster and pid not in attending:
            at([field], "warning", f"{field} {pid!r} is not listed as an attendee")
    for i, a in enumerate(s.attendees):
        if a.arrived and a.left and clock_minutes(a.left) < clock_minutes(a.arrived):
            at(["attendees", i, "left"], "warning", f"attendee {a.person or a.group!r} left at {a.left}, before arriving at {a.arrived}")
    for e in address.entries(s):
        for field in ("speaker", "presenter", "on_behalf_of", "owner", "moved_by", "seconded_by"):
            pid = getattr(e.entry, field, None)
            if pid is None:
                continue
            loc = [*e.path, field]
            if pid not in roster:
                at(loc, "error", f"{_named(e)}: {field.replace('_', ' ')} {pid!r} is not in people")
            elif pid not in attending and field not in ABSENT_OK:  # a written report's author need not attend
                at(loc, "warning", f"{_named(e)}: {field.replace('_', ' ')} {pid!r} is not listed as an attendee")
    shared = {q.id: pick(q.name, s.lang, s.lang) for q in s.shared_people()}
    for i, p in enumerate(s.people):
        mine, theirs = pick(p.name, s.lang, s.lang), shared.get(p.id)
        if theirs is not None and theirs != mine:
            at(["people", i, "id"], "warning", f"person id {p.id!r} is {mine!r} here but {theirs!r} in the shared "
               "roster (people.yaml): one id, two people?")
    spelled = [pick(p.name, s.lang, s.lang) for p in s.roster()]
    for a, b in names.near_duplicates(spelled):
        at(["people"], "warning", f"near-duplicate names {a!r} and {b!r}: one person, two spellings?")
    out.extend(Finding(level, message) for level, message in vote_findings(s, text, path))
    out.extend(_duplicate_action_ids(s, text, path))
    out.extend(missing_findings(s, path, profile))
    return out


# What each check profile expects a record to hold, with the command that adds it.
MISSING = {
    "chair": "no presiding officer (minutes set chair NAME)",
    "secretary": "no secretary (minutes set secretary NAME)",
    "adjourned": "no adjournment time (minutes set adjourned HH:MM)",
    "previous_minutes": "approval of the previous minutes is not recorded (minutes set previous_minutes approved)",
    "press.headline": "no headline for the release (minutes set press.headline TEXT)",
}
PROFILE_FIELDS = {
    "formal": ("chair", "secretary", "adjourned", "previous_minutes"),
    "council": ("chair", "secretary", "adjourned"),  # a council approves its minutes as an agenda item
    "notes": (),
    "coverage": ("chair", "press.headline"),
}


def missing_findings(s: Session, path: Path | str, profile: str = "formal") -> list[Finding]:
    """Return a warning for every field the check ``profile`` expects that ``s`` does not hold."""
    out = []
    for field in PROFILE_FIELDS[profile]:
        holder, _, name = field.rpartition(".")
        if getattr(getattr(s, holder) if holder else s, name) is None:
            out.append(Finding("warning", located(path, None, MISSING[field])))
    return out


def _duplicate_action_ids(s: Session, text: str, path: Path | str) -> list[Finding]:
    """Return an error for every action whose id an earlier action of the session already has."""
    first: dict[str, str] = {}
    out = []
    for e in address.entries(s):
        action_id = getattr(e.entry, "id", None) if getattr(e.entry, "kind", None) == "action" else None
        if not action_id:
            continue
        if action_id in first:
            line = sessions.locate(text, [*e.path, "id"])
            out.append(Finding("error", located(path, line, f"item {e.address}: action id {action_id!r} is already used by item {first[action_id]}")))
        else:
            first[action_id] = e.address
    return out


def missing_translations(s: Session, text: str, path: Path | str, lang: str) -> list[Finding]:
    """Return a warning for every text field that has no value in ``lang`` (it falls back)."""
    out = []
    for loc, value in _texts(s, []):
        if isinstance(value, dict) and lang in value:
            continue
        if isinstance(value, str) and lang == s.lang:
            continue
        field = ".".join(str(p) for p in loc)
        message = f"{field}: no {lang} text (falls back to {s.lang if isinstance(value, str) else next(iter(value))})"
        out.append(Finding("warning", located(path, sessions.locate(text, loc), message)))
    return out


def _texts(node: object, loc: list) -> list[tuple[list, object]]:
    """Return (location, value) for every translatable text in a model, in file order."""
    from pydantic import BaseModel

    found: list[tuple[list, object]] = []
    if isinstance(node, BaseModel):
        for name, info in type(node).model_fields.items():
            value = getattr(node, name)
            key = info.alias or name
            if value in (None, [], {}):
                continue
            if _is_text(info.annotation) and isinstance(value, (str, dict)):
                found.append((loc + [key], value))
            elif isinstance(value, list) and value and isinstance(value[0], (str, dict)) and _is_text(info.annotation):
                found.extend((loc + [key, i], v) for i, v in enumerate(value))
            else:
                found.extend(_texts(value, loc + [key]))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(_texts(value, loc + [i]))
    return found


def _is_text(annotation: object) -> bool:
    text = repr(annotation)
    return "dict[" in text and "str" in text


def failed(findings: list[Finding], strict: bool) -> bool:
    """Return whether ``findings`` fail the check."""
    return any(f.level == "error" or strict for f in findings)

"""`minutes check`: what is wrong or missing in a session, as located findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from minutes.model import address, names
from minutes.store import loader as sessions
from minutes.errors import MinutesError, located
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


def check_files(paths: list[Path], lang: str | None = None) -> list[list[Finding]]:
    """Return the findings for each file (unchanged files from the folder index, without --lang)."""
    if lang is not None:
        return [check_file(path, lang) for path in paths]
    from minutes.store import index

    def compute(path: Path) -> dict[str, list]:
        findings, attached = examine(path)
        return {"findings": [f.to_dict() for f in findings], "attached": attached}

    # The attached files are looked at on every run: they change without the session file changing.
    return [
        [Finding(**f) for f in entry["findings"]] + missing_attachments(path, entry["attached"])
        for path, entry in zip(paths, index.cached(paths, "checks", compute))
    ]


def check_file(path: Path, lang: str | None = None) -> list[Finding]:
    """Return the findings for the session file at ``path`` (and its missing ``lang`` texts)."""
    findings, attached = examine(path, lang)
    return findings + missing_attachments(path, attached)


def examine(path: Path, lang: str | None = None) -> tuple[list[Finding], list[list]]:
    """Return the findings that depend on the file alone, and its attached files (see ``attachments.references``)."""
    from minutes.render.attachments import references

    try:
        text = sessions.read_text(path)
        if path.name == sessions.ROSTER_FILE:  # a folder's shared roster, checked as one
            sessions.shared_text(text, path)
            return [], []
        result = sessions.validate(text, path)
    except MinutesError as exc:
        return [Finding("error", str(exc))], []
    if isinstance(result, list):
        return [Finding("error", message) for message in result], []

    try:
        sessions.with_roster(result, path)
    except MinutesError as exc:
        return [Finding("error", str(exc))], []
    findings = check_session(result, text, path)
    return findings + (missing_translations(result, text, path, lang) if lang else []), references(result)


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


def check_session(s: Session, text: str, path: Path | str) -> list[Finding]:
    """Return the findings for a valid session: references, names, votes and missing elements."""
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
    missing = {
        "chair": "no presiding officer (minutes set chair NAME)",
        "secretary": "no secretary (minutes set secretary NAME)",
        "adjourned": "no adjournment time (minutes set adjourned HH:MM)",
        "previous_minutes": "approval of the previous minutes is not recorded (minutes set previous_minutes approved)",
    }
    for field, message in missing.items():
        if getattr(s, field) is None:
            out.append(Finding("warning", located(path, None, message)))
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

"""Every field of the session format is shown somewhere, or documented as metadata no document prints.

The test walks the JSON Schema (`minutes schema`): for each field of each part of a session, it finds
that field in a session where every field is set, changes its value to another valid one, and renders
the minutes and the press release again (Markdown, with Hugo front matter). If the output does not
change, the field is not shown, and it must be listed in docs/format.md under "Fields that no
document prints".
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from minutes.store import loader as sessions
from minutes.model.schema import json_schema
from minutes.records.publish import render_session
from minutes.render.pipeline import RenderOptions

ROOT = Path(__file__).resolve().parent.parent
TIME = re.compile(r"^\d{2}:\d{2}$")

BASE: dict[str, Any] = {
    "schema_version": 1,
    "title": {"en": "Annual Meeting", "de": "Jahresversammlung"},
    "series": {"name": "Assembly Week", "part": 2, "of": 3},
    "kind": "annual",
    "number": "12th",
    "organization": "Riverside Tenants' Association",
    "date": dt.date(2024, 5, 14),
    "start": "18:00",
    "end": "20:30",
    "timezone": "Europe/Berlin",
    "place": {"mode": "hybrid", "venue": "Community Hall", "platform": "Jitsi", "city": "Leipzig",
              "country": "Germany"},
    "occasion": "the association's tenth year",
    "chair": "ana",
    "secretary": "ben",
    "quorum": {"required": 5, "present": True},
    "previous_minutes": "approved",
    "adjourned": "20:25",
    "lang": "en",
    "tags": ["tenants", "housing"],
    "category": "meetings",
    "people": [
        {"id": "ana", "name": "Ana Weber", "honorific": "Dr.", "role": "Chair of the Board",
         "organization": "Riverside Tenants' Association", "pronoun": "she", "email": "ana@example.org",
         "handle": "@anaw", "aliases": ["Weber"]},
        {"id": "ben", "name": "Ben Okafor", "role": "Secretary", "pronoun": "he"},
        {"id": "cai", "name": "Cai Lin", "role": "Treasurer", "pronoun": "they"},
        {"id": "dee", "name": "Dee Park", "pronoun": "she"},
    ],
    "groups": [{"name": "Staff", "voting": False, "always": ["absent"]}],
    "attendees": [
        {"person": "ana", "status": "present", "as": "Board", "arrived": "18:10"},
        {"person": "ben", "status": "online", "role": "Acting Secretary", "note": "joined by phone", "as": "Staff"},
        {"person": "cai", "status": "present", "as": "Board", "left": "20:00"},
        {"person": "dee", "status": "present"},
        {"group": "residents of block C", "status": "guest"},
    ],
    "proceedings": [
        {"kind": "ceremony", "at": "18:02", "text": "The chair welcomed everyone.", "note": "A minute of silence.", "pulled": False,
         "attachments": [{"file": "photos/hall.jpg", "caption": "The hall"}]},
        {"kind": "speech", "at": "18:10", "speaker": "cai", "on_behalf_of": "ana", "role": "Guest of honour",
         "topic": "Ten years of the association", "summary": "spoke about the first rent strike.",
         "points": ["The rents rose by a third.", "The repairs were won in court."], "note": "Read from notes.",
         "pulled": False,
         "attachments": [{"file": "slides/history.pdf", "caption": "The history"}]},
        {"kind": "speech", "speaker": "ben", "role": "Keeper of the archive", "topic": "The archive",
         "summary": "spoke about the minutes books."},
        {"kind": "report", "at": "18:40", "presenter": "cai", "title": "Accounts for 2023",
         "summary": "presented the accounts.", "points": ["Income rose.", "Costs fell."], "note": "Audited.", "pulled": False,
         "attachments": [{"file": "accounts.png", "caption": "The accounts"}]},
        {"kind": "resolution", "at": "19:05", "title": "Adopt the budget", "text": "RESOLVED that the budget is adopted.",
         "moved_by": "ana", "seconded_by": "ben",
         "vote": {"method": "counted", "on": "the amendment", "for": 3, "against": 1, "abstain": 0, "absent": 1,
                  "threshold": "two-thirds", "result": "adopted"},
         "votes": [{"on": "the main question", "ayes": ["ana"], "nays": ["ben"], "abstentions": ["cai"],
                    "not_voting": ["dee"], "explanations": [{"person": "ben", "text": "the reserve is too small."}]}],
         "result": "adopted", "disposition": "Minute 2024/12", "pulled": False, "note": "After a long debate.", "attachments": [{"file": "budget.png", "caption": "Budget"}]},
        {"kind": "action", "id": "20240514-1", "at": "19:30", "task": "File the accounts", "owner": "cai", "owner_group": "the Board", "pulled": False,
         "due": dt.date(2024, 6, 1), "status": "done", "done_on": dt.date(2024, 5, 30),
         "carried_over_from": dt.date(2024, 4, 9), "note": "With the court.",
         "attachments": [{"file": "form.png", "caption": "The form"}]},
        {"kind": "section", "label": "7A", "title": "Any other business", "presenter": "ben",
         "note": "Raised at the end.", "consent": True, "vote": "general-consent", "result": "adopted",
         "disposition": "Noted by the board", "items": [
             {"kind": "note", "text": "Nothing further was raised."},
             {"kind": "review", "action": "20240514-1", "status": "COMPLETE", "at": "20:10", "note": "Checked.",
              "task": "Check the receipt", "done": True,
              "attachments": [{"file": "receipt.png", "caption": "The receipt"}], "pulled": False}]},
    ],
    "press": {
        "headline": "Tenants celebrate ten years", "subheadline": "The annual meeting adopted a budget",
        "dateline": {"city": "Leipzig", "date": dt.date(2024, 5, 15), "agency": "RTA"},
        "release": "For immediate release", "boilerplate": "The association represents 400 households.",
        "contact": {"name": "Ben Okafor", "email": "press@example.org", "phone": "+49 341 000000"},
        "translations": ["en", "de"],
        "lead": "Riverside's tenants marked ten years of their association on Tuesday.",
        "label": "Press release", "symbol": "RTA/2024/7",
    },
    "settings": {
        "minutes": {"style": "formal", "header": ["event", "date", "time", "place", "occasion", "chair", "secretary",
                                                 "quorum", "previous_minutes", "status"],
                    "agenda": True, "vote_form": "spelled", "signatures": "signatures", "hash": True, "draft": True},
        "release": {"style": "news", "hosted": True, "attended": True, "presided": True, "guests": True,
                    "attribution": "role", "full_text": True, "statements": True, "times": True},
        "paper": "a4", "clock": 24, "dates": {"weekday": True, "year": False},
        "signatures": [{"person": "ana", "capacity": "Chair of the Board"},
                       {"name": "Eva Roth", "capacity": "Auditor", "by": "Secretary of the Board"}],
        "profile": "formal",
    },
    "approval": {"status": "approved", "date": dt.date(2024, 6, 11), "by": "ana", "hash": "0123456789ab"},
    "amendments": [{"date": dt.date(2024, 6, 20), "reason": "A figure was misread", "change": "set item.4.text"}],
}

# Fields the value of which never changes any document, by design (see docs/format.md).
UNREFERENCED = {("Person", "id")}  # an id is how the other fields refer to the person


def documented_metadata() -> set[tuple[str, str]]:
    """Return the (part, field) pairs that docs/format.md lists as printed by no document."""
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    section = text.split("## Fields that no document prints", 1)[1].split("\n## ", 1)[0]
    return {tuple(m.split(".", 1)) for m in re.findall(r"^- `([A-Za-z]+\.[a-z_]+)`", section, re.MULTILINE)}


def schema_fields(schema: dict) -> set[tuple[str, str]]:
    """Return every (part, field) pair the JSON Schema defines; the session itself is the part `Session`."""
    pairs = {("Session", name) for name in schema["properties"]}
    for part, definition in schema["$defs"].items():
        pairs |= {(part, name) for name in definition.get("properties", {})}
    return pairs


def _ref(node: dict) -> str | None:
    """Return the name of the part a schema node refers to, if it refers to one."""
    if "$ref" in node:
        return node["$ref"].rsplit("/", 1)[-1]
    for option in node.get("anyOf", []) + node.get("oneOf", []):
        if "$ref" in option:
            return option["$ref"].rsplit("/", 1)[-1]
    return None


def part_of(schema: dict, node: dict, value: Any) -> str | None:
    """Return the part (a $defs name) that ``value``, found where ``node`` describes, is an instance of."""
    if isinstance(node.get("discriminator"), dict) and isinstance(value, dict):
        return node["discriminator"]["mapping"][value["kind"]].rsplit("/", 1)[-1]
    return _ref(node) if isinstance(value, dict) else None


def leaves(schema: dict, data: dict, part: str, node: dict, path: list) -> list[tuple[str, str, list]]:
    """Return (part, field, path in the data) for every field set in ``data``, an instance of ``part``."""
    found = []
    properties = node["properties"]
    for key, value in data.items():
        found.append((part, key, path + [key]))
        prop = properties[key]
        items = prop.get("items") or next((o.get("items") for o in prop.get("anyOf", []) if "items" in o), None)
        if isinstance(value, list) and items is not None:
            for i, entry in enumerate(value):
                sub = part_of(schema, items, entry)
                if sub:
                    found += leaves(schema, entry, sub, schema["$defs"][sub], path + [key, i])
        else:
            sub = part_of(schema, prop, value)
            if sub and sub in schema["$defs"] and "properties" in schema["$defs"][sub]:
                found += leaves(schema, value, sub, schema["$defs"][sub], path + [key])
    return found


def _choices(node: dict) -> list:
    """Return the values an enumerated field allows."""
    out = list(node.get("enum", [])) + ([node["const"]] if "const" in node else [])
    for option in node.get("anyOf", []) + node.get("oneOf", []):
        out += option.get("enum", [])
        if "const" in option:
            out.append(option["const"])
    return out


def changed(value: Any, node: dict, ids: list[str], key: str) -> Any:
    """Return another valid value for a field that holds ``value``."""
    choices = _choices(node)
    if choices and not isinstance(value, (dict, list)):  # one allowed value names the part: nothing to change
        return next((c for c in choices if c != value and c is not None), None)
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    if isinstance(value, str) and value in ids and key != "id":
        return next(i for i in ids if i != value)
    if isinstance(value, str) and TIME.match(value):
        return f"{value[:3]}{int(value[3:]) + 1:02d}"
    if key == "lang":
        return "de"
    if key == "timezone":
        return "Asia/Shanghai"
    if key == "threshold":
        return "three-quarters" if value != "three-quarters" else "two-thirds"
    if key == "translations":
        return value + ["zh"]
    items = node.get("items") or next((o["items"] for o in node.get("anyOf", []) if "items" in o), {})
    listed = _choices(items) if isinstance(value, list) else []
    if listed:  # a list of allowed values (a group's statuses, the heading's lines): one more of them, or one less
        missing = [c for c in listed if c not in value]
        return value + missing[:1] if missing else value[1:]
    if isinstance(value, str):
        return value + " Zq"
    translated = any("patternProperties" in option for option in node.get("anyOf", []))
    if isinstance(value, dict) and translated:
        return {k: v + " Zq" for k, v in value.items()}
    if isinstance(value, list) and value and isinstance(value[0], str):
        return [value[0] + " Zq", *value[1:]]
    return None  # a part of its own: its fields are changed one by one


# What is rendered of a session: the minutes and the release in the styles its settings choose, and the release
# in the coverage style; the news release once more without the written lead, whose place the generated
# opening sentences take (the event, its place and platform, the host, who attended).
VIEWS = (("minutes", None), ("release", None), ("release", "coverage"))


def rendered(data: dict) -> str:
    """Return the minutes and the press releases of the session ``data``, as Markdown with front matter."""
    unled = copy.deepcopy(data)
    unled["press"].pop("lead", None)
    out = []
    for version, views in ((data, VIEWS), (unled, (("release", None),))):
        s = sessions.parse(_yaml(version))
        for kind, style in views:
            options = RenderOptions(kind=kind, front_matter="hugo", style=style)
            out.append(render_session(s, None, options).data.decode())
    # The content hash in the footer follows every field: it shows that something changed, not what.
    return re.sub(r"\b[0-9a-f]{12}\b", "HASH", "\n".join(out))


def _yaml(data: dict) -> str:
    from minutes.store import yamlio

    return yamlio.dump(data)


def _set(data: dict, path: list, value: Any) -> dict:
    copied = copy.deepcopy(data)
    target = copied
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return copied


def _node(schema: dict, part: str, key: str) -> dict:
    definition = schema if part == "Session" else schema["$defs"][part]
    return definition["properties"][key]


SCHEMA = json_schema()
LEAVES = leaves(SCHEMA, BASE, "Session", SCHEMA, [])


def test_the_rich_session_sets_every_field_of_the_format():
    set_fields = {(part, key) for part, key, _ in LEAVES}
    missing = schema_fields(SCHEMA) - set_fields
    assert not missing, f"set these fields in BASE (a new field of the format?): {sorted(missing)}"


def test_the_documented_metadata_are_fields_of_the_format():
    assert documented_metadata() <= schema_fields(SCHEMA)


PAIRS = sorted({(part, key) for part, key, _ in LEAVES})


def _value(path: list) -> Any:
    value = BASE
    for step in path:
        value = value[step]
    return value


@pytest.mark.parametrize("part, key", PAIRS, ids=[f"{part}.{key}" for part, key in PAIRS])
def test_each_field_is_shown_or_documented_as_metadata(part: str, key: str):
    ids = [p["id"] for p in BASE["people"]]
    paths = [path for p, k, path in LEAVES if (p, k) == (part, key)]
    changes = [(path, changed(_value(path), _node(SCHEMA, part, key), ids, key)) for path in paths]
    changes = [(path, new) for path, new in changes if new is not None]
    if not changes or (part, key) in UNREFERENCED:
        return  # a part of its own (its fields are changed one by one), a fixed value, or an id others refer to
    base = rendered(BASE)
    # A field is shown if changing it changes a document in at least one place it is set (a roster role
    # is hidden where the attendee has a role of their own for the sitting, and shown elsewhere).
    shown = any(rendered(_set(BASE, path, new)) != base for path, new in changes)
    assert shown or (part, key) in documented_metadata(), (
        f"{part}.{key} changes no document: print it, or list it in docs/format.md under "
        "'Fields that no document prints'"
    )
    assert not (shown and (part, key) in documented_metadata()), f"{part}.{key} is shown: drop it from that list"

"""The quick append checks: never looser than the model, and used by the secretary's commands."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from minutes.store import cache
from minutes.store import textedit as edit
from minutes.model import quick
from minutes.model.schema import Action, Attendee, Person, Report, Resolution, Review, Session, Speech, TextItem

pytestmark = pytest.mark.fast_path  # these tests are about the fast path itself

BASE = {
    "title": "Board meeting",
    "date": "2024-03-12",
    "people": [{"id": "ana", "name": "Ana Weber"}],
    "attendees": [{"person": "ana"}],
    "proceedings": [],
}
ITEM_MODELS = {"speech": Speech, "report": Report, "resolution": Resolution, "motion": Resolution, "action": Action,
               "note": TextItem, "ceremony": TextItem, "decision": TextItem, "review": Review}
SAMPLES = [
    "x", "", " ", "18:30", "8:05", "24:00", "18:60", "2024-03-12", "2024-02-30", "2024-3-12", "20240312",
    "adopted", "rejected", "open", "done", "present", "guest", "he", "acclamation", "unanimous", "ana", "a b", "a/b",
    "general-consent", "ballot", "no-action", "two-thirds", "2/3", "0/3", "majority\n", "by Monday",
    {"method": "roll-call"}, {"method": "unanimous", "for": 15}, {"threshold": "two-thirds"}, {"threshold": "2/0"},
    {"ayes": ["ana"]}, {"result": "carried"}, [{"for": 2}, "voice"], ["ballot"],
    0, 1, -1, True, None, 1.5, [], ["a"], [1], ["a", None], {}, {"en": "x"}, {"for": 3}, {"for": -1}, {"for": True},
    {"for": 1, "against": 2, "abstain": 0}, {"for": 1, "x": 1}, [{"file": "a.png"}], [{"file": "a.png", "caption": "c"}],
    [{"file": "a.png", "x": 1}], [{"caption": "c"}], [{"file": 3}],
]


def _valid(key: str, entry: dict) -> bool:
    data = {**BASE, key: [*BASE[key], entry]}
    try:
        Session.model_validate(data)
    except ValidationError:
        return False
    return True


def _base_entry(key: str, kind: str | None) -> dict:
    if key == "people":
        return {"id": "vera", "name": "Vera"}
    if key == "attendees":
        return {"group": "members"}
    required = {"speech": {"speaker": "ana"}, "report": {"presenter": "ana", "title": "T"}, "action": {"task": "T"},
                "resolution": {"title": "T"}, "motion": {"title": "T"}, "review": {"action": "A1"}}
    return {"kind": kind, **required.get(kind, {"text": "T"})}


CASES = [("proceedings", kind) for kind in ITEM_MODELS] + [("people", None), ("attendees", None)]


def _fields(key: str, kind: str | None) -> list[str]:
    model = {"people": Person, "attendees": Attendee}.get(key) or ITEM_MODELS[kind]
    return [f.alias or name for name, f in model.model_fields.items()]


@pytest.mark.parametrize(("key", "kind"), CASES)
def test_quick_checks_are_never_looser_than_the_model(key, kind):
    base = _base_entry(key, kind)
    accepted = 0
    for field, value in itertools.product([*_fields(key, kind), "unknown"], SAMPLES):
        entry = {**base, field: value}
        if quick.entry_ok({**BASE, key: [*BASE[key], entry]}, key, entry):
            assert _valid(key, entry), (key, entry)
            accepted += 1
    for field in base:  # a required field left out
        entry = {k: v for k, v in base.items() if k != field}
        assert not quick.entry_ok({**BASE, key: [*BASE[key], entry]}, key, entry) or _valid(key, entry)
    assert accepted > 20  # the plain forms pass the quick way


@pytest.mark.parametrize(("key", "kind"), CASES)
def test_quick_checks_know_every_field_of_the_model(key, kind):
    checks, required = quick.PERSON if key == "people" else quick.ATTENDEE if key == "attendees" else quick.ITEMS[kind]
    model = {"people": Person, "attendees": Attendee}.get(key) or ITEM_MODELS[kind]
    assert set(checks) == set(_fields(key, kind))
    assert required == {f.alias or name for name, f in model.model_fields.items() if f.is_required()}


def test_choices_come_from_the_model_vocabulary():
    assert quick.entry_ok(BASE, "attendees", {"person": "ana", "status": "online"})
    assert not quick.entry_ok(BASE, "attendees", {"person": "ana", "status": "on-line"})
    assert not quick.entry_ok(BASE, "attendees", {"person": "ana", "group": "members"})


def test_a_duplicate_person_id_is_not_quick():
    data = {**BASE, "people": [*BASE["people"], {"id": "ana", "name": "Another Ana"}]}
    assert not quick.entry_ok(data, "people", {"id": "ana", "name": "Another Ana"})
    assert not _valid("people", {"id": "ana", "name": "Another Ana"})


def test_any_change_but_an_append_makes_nothing_certain():
    text = "title: T\ndate: 2024-03-12\nproceedings:\n- kind: note\n  text: a\n"
    draft = edit.Draft(text, *cache.parse(text))
    draft.append("proceedings", {"kind": "note", "text": "b"})
    assert quick.keeps_valid(draft.data, draft.appended)
    draft.set(["title"], "U")
    draft.data, draft.lists = cache.parse(draft.text)  # even once its data is read again
    draft.append("proceedings", {"kind": "note", "text": "c"})
    assert not quick.keeps_valid(draft.data, draft.appended)


def _run(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """Run minutes in a fresh process; report on stderr whether pydantic was imported."""
    code = (
        "import sys\n"
        f"sys.argv = ['minutes', *{list(args)!r}]\n"
        "from minutes.cli import app as cli\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        "print('PYDANTIC=' + str('pydantic' in sys.modules), file=sys.stderr)\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=folder, env=os.environ.copy())


def test_an_add_to_a_session_that_validated_before_builds_no_model(cli, board):
    first = _run(cli.folder, "add-speech", "Ana", "--summary", "First.")
    assert "added speech" in first.stderr
    second = _run(cli.folder, "add-speech", "Ana", "--summary", "Second.", "--at", "18:30", "--point", "p")
    assert "added speech" in second.stderr and "PYDANTIC=False" in second.stderr
    assert "Second." in board.read_text(encoding="utf-8")


def test_a_hand_edit_since_the_last_command_is_validated_in_full(cli, board):
    _run(cli.folder, "add-speech", "Ana", "--summary", "First.")
    broken = board.read_text(encoding="utf-8").replace("date: ", "date: not-a-date # ", 1)
    board.write_text(broken, encoding="utf-8")
    out = _run(cli.folder, "add-speech", "Ana", "--summary", "Second.")
    assert "date" in out.stderr and "PYDANTIC=True" in out.stderr
    assert board.read_text(encoding="utf-8") == broken


def test_a_quick_add_writes_what_a_full_one_writes(cli, board, tmp_path, monkeypatch):
    copy = board.with_name("copy.yaml")
    copy.write_bytes(board.read_bytes())
    cold = tmp_path / "cold-cache"
    args = ("add-speech", "Ana", "--summary", "Same.", "--point", "one", "--at", "9:05")
    _run(cli.folder, *args, "-f", board.name)  # certifies the file, then quick
    _run(cli.folder, *args, "-f", board.name)
    monkeypatch.setenv("MINUTES_CACHE_DIR", str(cold))
    for _ in range(2):
        for entry in cold.rglob("*.json"):
            entry.unlink()
        assert "PYDANTIC=True" in _run(cli.folder, *args, "-f", copy.name).stderr
    assert copy.read_bytes() == board.read_bytes()

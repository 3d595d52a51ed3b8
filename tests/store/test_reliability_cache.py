"""The parse cache (in the user's cache folder) can make minutes faster, never wrong.

A cache entry lives in the session's folder, so it travels with the folder: in a zip, a synced
folder or a git repository. Whoever can write the folder can plant one, keyed by the digest of any
text they like. These tests check that such an entry can neither vouch for tampered minutes nor make
a write produce a file that does not parse.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer.main
import typer.testing
from typer.testing import CliRunner

from minutes.store import cache
from minutes.store import textedit as edit
from minutes.store import yamlio
from minutes.cli.app import app

pytestmark = pytest.mark.fast_path  # these tests are about the fast path itself

COMMAND = typer.main.get_command(app)

HEAD = """\
# A large session: over the size from which minutes caches its parse.
schema_version: 1
title: Board meeting
date: 2024-03-12
people:
- id: ana
  name: Ana Lima
- id: ben
  name: Ben Okafor
attendees:
- person: ana
  status: present
- person: ben
  status: present
proceedings:
- kind: resolution
  title: Approve the budget
  vote:
    for: 2
    against: 0
    abstain: 0
  result: adopted
"""


@pytest.fixture
def big(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    speeches = "".join(
        f"- kind: speech\n  speaker: ana\n  summary: Point {i} of the long discussion about the budget.\n"
        for i in range(400)
    )
    path = tmp_path / "2024-03-12-board.yaml"
    path.write_text(HEAD + speeches, encoding="utf-8")
    assert path.stat().st_size > cache.MIN_BYTES
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(typer.testing, "_get_command", lambda _: COMMAND)
    return path


def run(*args: str):
    result = CliRunner().invoke(app, list(args), catch_exceptions=True, prog_name="minutes")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def plant(path: Path, text: str, data: dict, lists: dict) -> None:
    """Write a cache entry for ``text`` that holds ``data`` and ``lists``, as anyone could."""
    entry = cache.entry_path(path)
    entry.parent.mkdir(parents=True, exist_ok=True)
    header = {"format": cache.FORMAT, "code": cache.code_digest(), "digest": cache.digest(text)}
    entry.write_text(json.dumps(header) + "\n" + json.dumps({"data": data, "lists": lists}) + "\n", encoding="utf-8")


def test_verify_does_not_trust_a_cache_entry_planted_for_tampered_minutes(big: Path):
    assert run("approve", "-f", str(big), "--on", "2024-04-09", "--by", "the Board").exit_code == 0
    approved = big.read_text(encoding="utf-8")
    assert run("verify", str(big)).exit_code == 0

    tampered = approved.replace("    for: 2\n", "    for: 9\n", 1)  # someone changes the vote by hand
    assert tampered != approved
    big.write_text(tampered, encoding="utf-8")
    node = yamlio.load_with_node(tampered)[1]
    plant(big, tampered, yamlio.load(approved), edit.block_lists(tampered, node))  # ... and plants the old data

    result = run("verify", str(big))
    assert result.exit_code == 1, f"verify vouched for tampered minutes: {result.stdout}{result.stderr}"
    assert "does NOT match" in result.stdout + result.stderr


def test_nothing_shipped_inside_a_session_folder_decides_what_show_and_render_print(big: Path, tmp_path: Path):
    """Either the cache lives outside the session's folder, or what is planted there is not believed."""
    text = big.read_text(encoding="utf-8")
    entry = cache.entry_path(big)
    if big.parent not in entry.parents:
        return  # the cache is the user's own, not something a folder can carry
    tampered = text.replace("    for: 2\n", "    for: 9\n", 1)
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / big.name).write_text(tampered, encoding="utf-8")  # the same file, with no cache beside it
    big.write_text(tampered, encoding="utf-8")
    plant(big, tampered, yamlio.load(text), edit.block_lists(tampered, yamlio.load_with_node(tampered)[1]))
    for copy in (big, clean / big.name):
        out = copy.parent / "out"
        out.mkdir()
        assert run("render", str(copy), "--format", "md", "--out", str(out)).exit_code == 0
    assert run("show", str(big), "--json").stdout == run("show", str(clean / big.name), "--json").stdout, (
        "show printed the planted data, not the file"
    )
    planted_render = {p.name: p.read_bytes() for p in (big.parent / "out").iterdir()}
    clean_render = {p.name: p.read_bytes() for p in (clean / "out").iterdir()}
    assert planted_render == clean_render, "render printed the planted data, not the file"


def test_a_cache_entry_with_wrong_offsets_never_makes_an_add_write_a_broken_file(big: Path):
    assert run("add-speech", "Ana", "--summary", "first", "-f", str(big)).exit_code == 0
    text = big.read_text(encoding="utf-8")
    data, lists = cache.parse(text, big)
    column, at = lists["proceedings"]
    middle = text.index("summary: Point 7 of") + 10  # inside a line of another item
    plant(big, text, data, {**lists, "proceedings": (column, middle)})

    result = run("add-speech", "Ana", "--summary", "second", "-f", str(big))
    after = big.read_text(encoding="utf-8")
    try:
        loaded = yamlio.load(after)
    except Exception as exc:  # noqa: BLE001 - any failure to read it back is the finding
        pytest.fail(f"the add wrote a file that does not parse: {exc}")
    if result.exit_code == 0:
        summaries = [item.get("summary") for item in loaded["proceedings"]]
        assert summaries[-2:] == ["first", "second"]
        assert "Point 7 of the long discussion about the budget." in summaries
    else:
        assert after == text


def test_a_poisoned_entry_claiming_a_draft_does_not_let_an_add_change_approved_minutes(big: Path):
    assert run("approve", "-f", str(big), "--on", "2024-04-09", "--by", "the Board").exit_code == 0
    text = big.read_text(encoding="utf-8")
    data, lists = cache.parse(text, big)
    forged = {key: value for key, value in data.items() if key not in ("approval", "amendments")}  # "a draft"
    plant(big, text, forged, lists)

    for args in (("add-speech", "Ana", "--summary", "x"), ("add-item", "note", "x"), ("set", "adjourned", "21:00")):
        result = run(*args, "-f", str(big))
        assert result.exit_code == 1, f"{args}: the forged entry unlocked approved minutes"
        assert "approved" in result.stderr and "--amend" in result.stderr
    assert big.read_text(encoding="utf-8") == text
    assert run("add-speech", "Ana", "--summary", "x", "-f", str(big), "--amend", "A late speech").exit_code == 0
    assert run("verify", str(big)).exit_code == 0


def test_an_entry_whose_approval_is_the_texts_is_still_used(big: Path):
    """The check that keeps a forged entry out must not keep the honest ones out: adds stay fast."""
    assert run("add-speech", "Ana", "--summary", "first", "-f", str(big)).exit_code == 0
    text = big.read_text(encoding="utf-8")
    data, lists = cache.parse(text, big)
    marked = {**data, "title": "Read from the cache"}  # a mark that only the entry carries
    plant(big, text, marked, lists)
    assert cache.lookup(big, text)[0]["title"] == "Read from the cache"
    approved = text + "approval:\n  status: approved\n  hash: 0123456789ab\n"
    plant(big, approved, {**marked, "approval": {"status": "approved", "hash": "0123456789ab"}}, lists)
    assert cache.lookup(big, approved)[0]["title"] == "Read from the cache"


APPROVED = {"status": "approved", "date": "2024-04-09", "hash": "0123456789ab"}
TRICKY = {
    "block": "title: x\napproval:\n  status: approved\n  date: 2024-04-09\n  hash: 0123456789ab\n",
    "crlf": "title: x\r\napproval:\r\n  status: approved\r\n  date: 2024-04-09\r\n  hash: 0123456789ab\r\n",
    "flow value": "title: x\napproval: {status: approved, date: 2024-04-09, hash: 0123456789ab}\n",
    "flow value over lines": "title: x\napproval: {status: approved,\ndate: 2024-04-09, hash: 0123456789ab}\n",
    "flow document": "{title: x, approval: {status: approved, date: 2024-04-09, hash: 0123456789ab}}\n",
    "quoted key": "title: x\n\"approval\":\n  status: approved\n  date: 2024-04-09\n  hash: 0123456789ab\n",
    "escaped key": "title: x\n\"\\x61pproval\":\n  status: approved\n  date: 2024-04-09\n  hash: 0123456789ab\n",
    "after a line separator": "title: x\u2028approval:\n  status: approved\n  date: 2024-04-09\n  hash: 0123456789ab\n",
    "after a document start": "---\napproval:\n  status: approved\n  date: 2024-04-09\n  hash: 0123456789ab\n",
    "escaped status": "title: x\napproval:\n  status: \"\\x61pproved\"\n  date: 2024-04-09\n  hash: 0123456789ab\n",
    "a comment and a fake in a quoted title": (
        "title: \"x\napproval: {status: draft}\"\n# note\napproval:\n  status: approved\n  date: 2024-04-09\n"
        "  hash: 0123456789ab\n"
    ),
}


@pytest.mark.parametrize("name", TRICKY)
def test_no_layout_of_the_text_lets_an_entry_hide_its_approval(name: str):
    text = TRICKY[name]
    data = yamlio.load(text)
    assert data["approval"] == APPROVED, "the case must really be approved minutes"
    for forged in ({"title": "x"}, {"title": "x", "approval": {"status": "draft"}}, {**data, "approval": {**APPROVED, "status": "draft"}}):
        with pytest.raises(ValueError):
            cache.vouches(text, forged)


@pytest.mark.parametrize("name", ["block", "crlf", "flow value", "escaped status"])
def test_an_entry_that_agrees_with_a_plain_text_is_vouched_for(name: str):
    text = TRICKY[name]
    cache.vouches(text, yamlio.load(text))

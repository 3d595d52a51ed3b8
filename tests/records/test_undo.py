"""Taking back a change this process wrote (records.undo, session_file.watching/restore), with and without others' writes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import minutes
from minutes.errors import MinutesError
from minutes.records import fields, ops, undo
from minutes.records.session_file import Write, restore, watching

SESSION = """\
# Board meeting, kept by hand and by minutes
schema_version: 2
title: Board meeting   # the title as the board calls it
date: 2025-03-14
lang: en
people:
- id: ana-weber
  name: Ana Weber
- id: tom-berg
  name: Tom Berg
attendees:
- person: ana-weber
  status: present
- person: tom-berg
  status: present
proceedings:
- kind: note
  text: The chair opened the meeting.   # a hand note
- kind: section
  label: '2'
  title: Reports
  items:
  - kind: discussion
    text: Members asked about the roof.
"""


@pytest.fixture
def session(cli) -> Path:
    """Return a session file with comments and hand layout, chosen as the current one."""
    path = cli.folder / "2025-03-14-board-meeting.yaml"
    path.write_text(SESSION, encoding="utf-8")
    cli("use", path.name)
    return path


def mine(fn, *args, **kwargs) -> Write:
    """Run one change as this prompt would, and return the one write it made."""
    with watching() as writes:
        fn(*args, **kwargs)
    assert len(writes) == 1, writes
    return writes[0]


def note(path: Path, text: str, within: str | None = "top") -> None:
    ops.add_item(path, ops.text_item("note", text), within=within)


def texts(path: Path) -> list[str]:
    found = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["proceedings"]:
        found += [i.get("text") for i in entry.get("items", [])] if entry["kind"] == "section" else [entry.get("text")]
    return found


def refused(written: Write) -> str:
    """Return the one-line error undo gives, checking the file is left as it was."""
    before = written.path.read_bytes()
    with pytest.raises(MinutesError) as caught:
        undo.undo(written)
    assert written.path.read_bytes() == before
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{written.path}: ")
    return message


# --- watching ------------------------------------------------------------------------------------------


def test_watching_collects_each_write_with_the_text_before_and_after(session):
    before = session.read_text(encoding="utf-8")
    with watching() as writes:
        note(session, "one")
        fields.set_field(session, "chair", "Ana Weber")
    assert [w.path for w in writes] == [session, session]
    assert writes[0].before == before and writes[1].after == session.read_text(encoding="utf-8")
    assert writes[0].after == writes[1].before
    assert writes[0].what == "added note: one"


def test_watching_collects_nothing_outside_its_block_nor_a_change_to_the_same_text(session):
    with watching() as writes:
        pass
    note(session, "outside")
    with watching() as unchanged:
        fields.set_field(session, "title", "Board meeting")  # as it is
    assert writes == [] and unchanged == []


def test_watching_blocks_nest_and_each_sees_the_writes_within_it(session):
    with watching() as outer:
        note(session, "one")
        with watching() as inner:
            note(session, "two")
    assert len(outer) == 2 and len(inner) == 1 and inner[0] == outer[1]


# --- nobody wrote since: the exact text back -----------------------------------------------------


@pytest.mark.parametrize("change", [
    lambda p: note(p, "added by me"),
    lambda p: note(p, "added in the section", within="2"),
    lambda p: fields.set_field(p, "title", "Another title"),
    lambda p: fields.remove_item(p, "1"),
    lambda p: ops.add_section(p, "Any other business", label="3"),
])
def test_undo_puts_back_the_exact_text_comments_and_hand_layout_kept(session, change):
    before = session.read_bytes()
    written = mine(change, session)
    assert session.read_bytes() != before
    assert undo.undo(written) == "undone"
    assert session.read_bytes() == before


def test_undo_puts_back_a_hand_edit_made_before_the_write(session):
    edited = SESSION.replace("# a hand note", "# edited by hand, kept")
    session.write_text(edited, encoding="utf-8")
    written = mine(note, session, "mine")
    undo.undo(written)
    assert session.read_text(encoding="utf-8") == edited


def test_undo_of_several_writes_latest_first_gives_back_the_first_text(session):
    before = session.read_bytes()
    with watching() as writes:
        note(session, "one")
        fields.set_field(session, "start", "19:00")
        note(session, "two", within="2")
    for written in reversed(writes):
        assert undo.undo(written) == "undone"
    assert session.read_bytes() == before


def test_restore_refuses_a_file_changed_since_and_leaves_it(session):
    written = mine(note, session, "mine")
    note(session, "theirs")
    changed = session.read_bytes()
    with pytest.raises(MinutesError, match="changed since"):
        restore(written)
    assert session.read_bytes() == changed


# --- another process wrote since -----------------------------------------------------------------------


def test_an_added_entry_is_removed_alone_and_another_addition_kept(cli, session):
    written = mine(note, session, "mine")
    cli("add-item", "discussion", "theirs", "--in", "top")
    outcome = undo.undo(written)
    assert outcome == "removed 3 (another program wrote to the file since; its change is kept)"
    assert texts(session) == ["The chair opened the meeting.", "Members asked about the roof.", "theirs"]
    text = session.read_text(encoding="utf-8")
    assert "# a hand note" in text and "# the title as the board calls it" in text


def test_an_added_entry_is_removed_alone_and_another_field_change_kept(cli, session):
    written = mine(note, session, "mine", within="2")
    cli("set", "chair", "Tom Berg")
    undo.undo(written)
    assert yaml.safe_load(session.read_text(encoding="utf-8"))["chair"] == "tom-berg"
    assert texts(session) == ["The chair opened the meeting.", "Members asked about the roof."]


def test_an_added_entry_is_removed_alone_and_a_hand_edit_since_kept(session):
    written = mine(note, session, "mine")
    session.write_text(session.read_text(encoding="utf-8").replace("# a hand note", "# a comment added later"),
                       encoding="utf-8")
    undo.undo(written)
    text = session.read_text(encoding="utf-8")
    assert "# a comment added later" in text and "mine" not in text


def test_another_real_process_writing_in_between(cli, session):
    written = mine(note, session, "mine")
    env = {**os.environ, "PYTHONPATH": str(Path(minutes.__file__).parent.parent)}
    done = subprocess.run([sys.executable, "-m", "minutes", "add-speech", "Tom Berg", "--summary", "theirs", "-f",
                           str(session)], capture_output=True, cwd=cli.folder, env=env, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    undo.undo(written)
    d = yaml.safe_load(session.read_text(encoding="utf-8"))
    assert d["proceedings"][-1] == {"kind": "speech", "speaker": "tom-berg", "summary": "theirs"}
    assert "mine" not in texts(session)


def test_a_set_changed_over_since_is_refused_and_the_file_unchanged(cli, session):
    written = mine(fields.set_field, session, "title", "My title")
    cli("add-item", "note", "theirs")
    message = refused(written)
    assert "another program wrote to it since; nothing was undone" in message
    assert yaml.safe_load(session.read_text(encoding="utf-8"))["title"] == "My title"


def test_a_removal_is_refused_once_someone_wrote(cli, session):
    written = mine(fields.remove_item, session, "1")
    cli("set", "chair", "Ana Weber")
    assert "nothing was undone" in refused(written)
    assert "The chair opened the meeting." not in texts(session)


def test_an_entry_edited_since_is_not_removed(cli, session):
    written = mine(note, session, "mine")
    cli("set", "item.3.text", "mine, corrected by a colleague")
    message = refused(written)
    assert "the entry 3 is no longer there as written; nothing was undone" in message
    assert texts(session)[-1] == "mine, corrected by a colleague"


def test_an_entry_removed_since_is_not_searched_for_elsewhere(cli, session):
    written = mine(note, session, "mine")
    cli("remove", "3")
    cli("add-item", "note", "mine", "--in", "2")  # the same text, in another list
    assert "no longer there as written" in refused(written)
    assert texts(session)[-1] == "mine"


def test_an_entry_written_twice_since_is_not_guessed(cli, session):
    written = mine(note, session, "same words")
    cli("add-item", "note", "same words", "--in", "top")
    assert "nothing was undone" in refused(written)
    assert texts(session).count("same words") == 2


def test_a_section_someone_added_to_since_is_not_removed_with_their_item(cli, session):
    written = mine(ops.add_section, session, "Any other business", label="3")
    cli("add-item", "note", "theirs", "--in", "3")
    assert "nothing was undone" in refused(written)
    assert texts(session)[-1] == "theirs"


def test_an_item_added_to_a_section_is_found_though_the_section_grew(cli, session):
    written = mine(note, session, "mine", within="2")
    cli("add-item", "note", "theirs", "--in", "2")
    assert undo.undo(written).startswith("removed 2.2 ")
    assert texts(session)[-2:] == ["Members asked about the roof.", "theirs"]


# --- what an addition is ------------------------------------------------------------------------------


def test_added_entry_is_the_one_entry_an_addition_wrote(session):
    found = undo.added_entry(mine(note, session, "mine", within="2"))
    assert found is not None and found.address == "2.2" and found.entry == {"kind": "note", "text": "mine"}
    section = undo.added_entry(mine(ops.add_section, session, "Any other business", label="3"))
    assert section is not None and section.address == "3"


@pytest.mark.parametrize("change", [
    lambda p: fields.set_field(p, "title", "Another"),
    lambda p: fields.set_field(p, "item.1.text", "Edited."),
    lambda p: fields.remove_item(p, "1"),
    lambda p: fields.set_field(p, "chair", "Ana Weber"),
])
def test_added_entry_is_none_for_any_other_change(session, change):
    assert undo.added_entry(mine(change, session)) is None

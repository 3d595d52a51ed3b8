"""`minutes record` at a real terminal (a pseudo-terminal): completion, did you mean, undo, next, the editor and
the clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from record_terminal import TIME, Terminal, board, data, minutes, template  # noqa: F401 (fixtures)




def test_tab_completes_a_quoted_name_and_a_name_as_a_speech(board: Path) -> None:
    with Terminal(board.parent, board.name) as term:
        assert term.keys("add-speech li\t", '"Li Jizheng"') == '1> add-speech "Li Jizheng"'
        term.enter(" --summary x", "added speech as 1.1")
        assert term.keys("jiz\t", "Li Jizheng:") == "1> Li Jizheng:"
        term.enter("welcomed everyone", "added speech as 1.2")
        assert term.keys("li ji\t", "Li Jizheng:") == "1> Li Jizheng:"  # a name of two words, as it is typed
        term.enter("thanked the staff", "added speech as 1.3")
        assert term.keys("report mar\t", "Maria Lopez:") == "1> report Maria Lopez:"
        term.enter("Accounts for 2024", "added report as 1.4")
        assert term.quit() == 0
    items = data(board)["proceedings"][0]["items"]
    assert [(i["speaker"], i["summary"]) for i in items[:3]] == [
        ("li-jizheng", "x"), ("li-jizheng", "welcomed everyone"), ("li-jizheng", "thanked the staff")]
    report = items[3]
    assert (report["kind"], report["presenter"], report["title"]) == ("report", "maria-lopez", "Accounts for 2024")


def test_a_misspelt_name_is_taken_from_the_suggestion_added_as_a_guest_or_given_back(board: Path) -> None:
    with Terminal(board.parent, board.name) as term:
        before = board.read_bytes()
        shown = term.ask("Li Jizhen: opened the meeting", "retype:")
        assert "did you mean 'Li Jizheng'?" in shown
        assert term.screen.line().startswith("[1] Li Jizheng  [g] add 'Li Jizhen' as a guest")
        term.enter("", holding="Li Jizhen: opened the meeting")  # Enter alone: the line comes back, nothing written
        assert board.read_bytes() == before
        term.clear()  # Ctrl-U: the line given back is gone
        term.ask("Li Jizhen: spoke first", "retype:")
        term.enter("1", "added speech as 1.1")
        term.ask("Li Jizhen: is a visitor", "retype:")
        term.enter("g", "added speech as 1.2")
        assert term.quit() == 0
    d = data(board)
    items = d["proceedings"][0]["items"]
    assert [(i["speaker"], i["summary"]) for i in items] == [
        ("li-jizheng", "spoke first"), ("li-jizhen", "is a visitor")]
    assert {"id": "li-jizhen", "name": "Li Jizhen"} in d["people"]
    assert {"person": "li-jizhen", "status": "guest"} in d["attendees"]
    typed = (board.parent / ".minutes" / "history" / f"{board.name}.txt").read_text(encoding="utf-8")
    assert [line for line in typed.splitlines() if line.startswith("+")] == [  # the answers are no lines to recall
        "+Li Jizhen: opened the meeting", "+Li Jizhen: spoke first", "+Li Jizhen: is a visitor", "+quit"]


def test_undo_takes_back_this_prompts_last_entry_then_the_one_before(board: Path) -> None:
    minutes(board.parent, "add-item", "note", "Prepared before the meeting")
    before = board.read_text(encoding="utf-8")
    with Terminal(board.parent, board.name) as term:
        term.enter("tom: reported on the budget", "added speech as 1.2")
        term.enter("li: asked about the reserve", "added speech as 1.3")
        assert "undone: added speech as 1.3" in term.enter("undo", "undone")
        assert [i.get("summary") for i in data(board)["proceedings"][0]["items"]] == [None, "reported on the budget"]
        assert "undone: added speech as 1.2" in term.enter("undo", "undone")
        assert board.read_text(encoding="utf-8") == before  # the start the first line set is taken back too
        assert "nothing to undo" in term.enter("undo", "nothing to undo")
        assert term.quit() == 0
    assert data(board)["proceedings"][0]["items"] == [{"kind": "note", "text": "Prepared before the meeting"}]


def test_next_moves_to_the_next_section_where_the_next_entry_lands(board: Path) -> None:
    with Terminal(board.parent, board.name) as term:
        term.enter("tom: opened", "added speech as 1.1", then="1")
        assert "now in section 2" in term.enter("next", "now in section 2", then="2")
        term.enter("maria: presented the accounts", "added speech as 2.1", then="2")
        assert term.quit() == 0
    sections = data(board)["proceedings"]
    assert [i["summary"] for i in sections[0]["items"]] == ["opened"]
    assert sections[1]["items"][0]["speaker"] == "maria-lopez"
    assert sections[1]["items"][0]["summary"] == "presented the accounts"


def test_an_empty_text_opens_the_editor_and_its_paragraphs_are_the_summary(board: Path, tmp_path: Path) -> None:
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\necho "$1" > "$(dirname "$0")/edited"\n'
                      "printf 'Thanked the volunteers.\\n\\nAsked for help with the accounts.\\n' > \"$1\"\n")
    editor.chmod(0o755)
    with Terminal(board.parent, board.name, EDITOR=str(editor)) as term:
        term.enter("tom:", "added speech as 1.1")
        assert term.quit() == 0
    item = data(board)["proceedings"][0]["items"][0]
    assert item["speaker"] == "tom-baker"
    assert item["summary"] == "Thanked the volunteers.\n\nAsked for help with the accounts."
    edited = Path((tmp_path / "edited").read_text().strip())
    assert edited.suffix == ".md" and not edited.exists()  # the editor's file is removed afterwards


def test_the_clock_dates_entries_starts_the_meeting_and_adjourns_it(board: Path) -> None:
    with Terminal(board.parent, board.name) as term:
        shown = term.enter("tom: opened the meeting", "added speech as 1.1")
        assert "set start" in shown
        term.enter("10:05 li: spoke at five past ten", "added speech as 1.2")
        term.enter("adjourn", "set adjourned")
        assert term.quit() == 0
    d = data(board)
    first, second = d["proceedings"][0]["items"]
    assert TIME.fullmatch(first["at"]) and d["start"] == first["at"]
    assert second["at"] == "10:05"
    assert TIME.fullmatch(d["adjourned"])

"""Sections of the agenda: add-section, --in, goto, and set/remove/done by address."""

from __future__ import annotations

import yaml

from minutes.model import address


def _session(cli) -> dict:
    return yaml.safe_load(next(cli.folder.glob("*.yaml")).read_text())


def _agenda(cli) -> None:
    cli("new", "Annual meeting", "--date", "2025-03-14")
    cli("add-attendee", "Maria Lopez", "--role", "Chair")
    cli("add-attendee", "Tom Becker", "--role", "Treasurer")
    for args in (["Call to order"], ["Reports"], ["Treasurer's report", "--in", "2", "--label", "2A"],
                 ["Resolutions"], ["Unfinished business"]):
        cli("add-section", *args)


def test_add_section_prints_its_address_and_nests_with_in(cli):
    cli("new", "Annual meeting", "--date", "2025-03-14")
    assert cli("add-section", "Call to order").stdout.strip() == "1"
    assert cli("add-section", "Reports").stdout.strip() == "2"
    assert cli("add-section", "Treasurer's report", "--in", "2", "--label", "2A").stdout.strip() == "2A"
    assert cli("add-section", "Auditor", "--in", "2").stdout.strip() == "2.2"  # its position, after its parent's label
    data = _session(cli)
    assert [e.address for e in address.entries(data)] == ["1", "2", "2A", "2.2"]
    assert data["proceedings"][1]["items"][0] == {"kind": "section", "label": "2A", "title": "Treasurer's report"}


def test_goto_makes_later_additions_land_in_the_section_and_says_where(cli):
    _agenda(cli)
    cli("goto", "2A")
    result = cli("add-speech", "Tom Becker", "--summary", "Presented the accounts.")
    assert "added speech as 2A.1" in result.stderr
    cli("add-action", "Send the accounts", "--owner", "Tom Becker")
    data = _session(cli)
    found = address.find(data, "2A.2")
    assert found.entry["kind"] == "action" and found.path == ("proceedings", 1, "items", 0, "items", 1)
    assert "added discussion as 4.1" in cli("add-item", "discussion", "Dues.", "--in", "4").stderr
    assert "added note as 2A.3" in cli("add-item", "note", "Still in 2A.").stderr  # --in does not move goto
    cli("goto", "top")
    assert "added note as 5" in cli("add-item", "note", "At the top level.").stderr


def test_goto_next_walks_the_agenda_in_order_and_stops_at_the_end(cli):
    _agenda(cli)
    seen = []
    cli("goto", "1")
    for _ in range(4):
        seen.append(cli("goto", "next").stderr.split("section ")[1].split(" ")[0])
    assert seen == ["2", "2A", "3", "4"]
    result = cli("goto", "next", code=2)
    assert "4 is the last section" in result.stderr
    assert "5" not in result.stdout


def test_goto_refuses_an_item_and_an_unknown_address(cli):
    _agenda(cli)
    cli("add-item", "procedure", "Opened.", "--in", "1")
    assert "1.1 is an item, not a section" in cli("goto", "1.1", code=2).stderr
    assert "there is no section 9" in cli("goto", "9", code=2).stderr
    assert "--in: there is no section 7B" in cli("add-item", "note", "x", "--in", "7B", code=2).stderr


def test_a_current_section_that_is_gone_is_said_and_nothing_is_added(cli):
    _agenda(cli)
    cli("goto", "4")
    cli("remove", "4")
    before = next(cli.folder.glob("*.yaml")).read_bytes()
    result = cli("add-item", "note", "Lost?", code=2)
    assert "the current section '4' is gone" in result.stderr
    assert next(cli.folder.glob("*.yaml")).read_bytes() == before


def test_a_label_that_repeats_an_address_is_refused_and_the_file_kept(cli):
    _agenda(cli)
    before = next(cli.folder.glob("*.yaml")).read_bytes()
    result = cli("add-section", "Another", "--label", "2a", code=2)
    assert "2A" in result.stderr or "2a" in result.stderr
    assert next(cli.folder.glob("*.yaml")).read_bytes() == before


def test_set_remove_and_done_take_addresses(cli):
    _agenda(cli)
    cli("add-resolution", "Adopt the budget", "--for", "5", "--result", "adopted", "--in", "2A")
    cli("set", "2A.1.result", "rejected")
    assert address.find(_session(cli), "2A.1").entry["result"] == "rejected"
    cli("set", "2A.title", "Treasurer's annual report")
    assert address.find(_session(cli), "2A").entry["title"] == "Treasurer's annual report"
    cli("add-action", "Publish the budget", "--in", "2A")
    cli("done", "2A.2")
    assert address.find(_session(cli), "2A.2").entry["status"] == "done"
    assert "removed item 2A.1 (resolution)" in cli("remove", "2A.1").stderr
    assert [e.address for e in address.entries(_session(cli))][:4] == ["1", "2", "2A", "2A.1"]
    assert "removed section 2 (section, with the 1 entry in it)" in cli("remove", "2").stderr


def test_set_item_n_keeps_working_for_top_level_items(cli):
    cli("new", "Board", "--date", "2025-01-01")
    cli("add-item", "note", "First.")
    cli("add-item", "note", "Second.")
    cli("set", "item.2.text", "Changed.")
    cli("set", "1.text", "Also changed.")
    assert [i["text"] for i in _session(cli)["proceedings"]] == ["Also changed.", "Changed."]


def test_comments_inside_a_section_survive_an_addition_to_it(cli):
    _agenda(cli)
    path = next(cli.folder.glob("*.yaml"))
    text = path.read_text().replace("  title: Reports\n", "  title: Reports  # kept\n  # a comment in section 2\n")
    path.write_text(text)
    cli("add-item", "note", "Added.", "--in", "2")
    after = path.read_text()
    assert "# kept" in after and "# a comment in section 2" in after
    assert address.find(yaml.safe_load(after), "2.2").entry["text"] == "Added."


def test_show_lists_sections_and_items_with_their_addresses(cli):
    _agenda(cli)
    cli("add-report", "Tom Becker", "--title", "Accounts", "--in", "2A")
    out = cli("show").stdout
    lines = [line.strip() for line in out.splitlines()]
    assert "2A. section: Treasurer's report" in lines
    assert "2A.1. report: Tom Becker: “Accounts”" in lines
    assert "4. section: Unfinished business (no business yet)" in lines


def test_adding_into_a_section_of_a_file_with_an_unusual_line_break_is_checked_like_any_append(cli):
    _agenda(cli)
    path = next(cli.folder.glob("*.yaml"))
    path.write_text(path.read_text().replace("  title: Reports\n", "  title: Reports\n  note: \"one\u2028two\"\n"))
    before = path.read_bytes()
    cli("add-item", "note", "Added.", "--in", "2")  # it reads back as the old data plus the note: allowed
    data = yaml.safe_load(path.read_text())
    assert address.find(data, "2.2").entry == {"kind": "note", "text": "Added."}
    assert address.find(data, "2").entry["note"] == yaml.safe_load(before)["proceedings"][1]["note"]

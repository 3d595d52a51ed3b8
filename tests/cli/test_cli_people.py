"""`add-person`, `add-group`, attendance groups, arrivals and departures, handles and the folder's people.yaml."""

from __future__ import annotations

import os
import time

import yaml


def data(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_add_attendee_takes_a_group_an_arrival_and_a_departure(cli, board):
    cli("add-attendee", "Hana Ito", "--as", "Observers", "--arrived", "19:20", "--left", "20:05", "--status", "guest")
    entry = data(board)["attendees"][-1]
    assert entry == {"person": "hana-ito", "status": "guest", "as": "Observers", "arrived": "19:20", "left": "20:05"}


def test_a_bad_time_names_its_option_and_changes_nothing(cli, board):
    before = board.read_bytes()
    result = cli("add-attendee", "Hana Ito", "--arrived", "25:00", code=2)
    assert "--arrived: '25:00' is not a time" in result.stderr
    result = cli("set", "attendee.Ana Weber.left", "soon", code=2)
    assert "attendee.Ana Weber.left" in result.stderr and "Traceback" not in result.stderr
    assert board.read_bytes() == before


def test_set_reaches_an_attendee_by_name_and_a_group_by_name(cli, board):
    cli("set", "attendee.Ana Weber.left", "20:10")
    assert next(a for a in data(board)["attendees"] if a["person"] == "ana-weber")["left"] == "20:10"
    cli("add-group", "Staff", "--non-voting", "--always", "absent")
    assert data(board)["groups"] == [{"name": "Staff", "voting": False, "always": ["absent"]}]
    cli("set", "group.staff.voting", "true")
    assert data(board)["groups"][0]["voting"] is True
    result = cli("set", "group.Guests.voting", "false", code=2)
    assert "no group 'Guests' has settings" in result.stderr and "add-group" in result.stderr


def test_add_group_refuses_a_repeat_and_an_unknown_status(cli, board):
    cli("add-group", "Staff")
    before = board.read_bytes()
    assert "already has settings" in cli("add-group", "Staff", code=2).stderr
    assert "--always: unknown status 'gone'" in cli("add-group", "Observers", "--always", "gone", code=2).stderr
    assert board.read_bytes() == before


def test_add_person_adds_to_the_roster_only_and_is_found_by_handle_and_alias(cli, board):
    cli("add-person", "James Snell", "--handle", "@jasnell", "--alias", "Jim", "--role", "Release lead")
    d = data(board)
    assert {"id": "james-snell", "name": "James Snell", "role": "Release lead", "handle": "@jasnell",
            "aliases": ["Jim"]} in d["people"]
    assert "james-snell" not in {a.get("person") for a in d["attendees"]}
    cli("add-report", "@jasnell", "--title", "Release notes")
    cli("add-speech", "jim", "--guest", "--summary", "spoke.")
    assert [i.get("presenter") or i.get("speaker") for i in data(board)["proceedings"][-2:]] == ["james-snell"] * 2
    assert "already in the roster" in cli("add-person", "James Snell", code=2).stderr


def test_a_report_by_someone_not_in_the_room_is_not_a_warning(cli, board):
    cli("add-person", "Olga Petrova", "--role", "Auditor")
    cli("add-report", "Olga Petrova", "--title", "Audit", "--summary", "The books are in order.")
    assert "Olga" not in cli("check", "--strict", code=None).stdout
    cli("add-speech", "Olga Petrova", "--summary", "spoke.")
    assert "speaker 'olga-petrova' is not listed as an attendee" in cli("check", code=None).stdout


def test_the_shared_roster_is_known_to_every_session_of_the_folder(cli, board):
    cli("add-person", "Rosa Klein", "--role", "Treasurer", "--shared")
    shared = cli.folder / "people.yaml"
    assert data(shared)["people"] == [{"id": "rosa-klein", "name": "Rosa Klein", "role": "Treasurer"}]
    cli("add-attendee", "Rosa Klein", "--as", "Directors")
    d = data(board)
    assert "rosa-klein" not in {p["id"] for p in d["people"]}  # known from people.yaml, not copied
    cli("add-speech", "Klein", "--summary", "presented the budget.")  # found by surname in the shared roster
    md = cli("render", "--out", "-").stdout
    assert "- Rosa Klein, Treasurer" in md and "**Speaker:** Rosa Klein, Treasurer" in md
    assert cli("check", code=None).stdout.count("rosa-klein") == 0


def test_a_change_to_people_yaml_reaches_the_next_check_of_the_folder(cli, board):
    cli("add-person", "Rosa Klein", "--shared")
    cli("add-speech", "Rosa Klein", "--summary", "spoke.")
    result = cli("check", ".", code=None)
    first = result.stdout + result.stderr
    assert "speaker 'rosa-klein' is not listed as an attendee" in first
    shared = cli.folder / "people.yaml"
    time.sleep(0.01)
    shared.write_text(shared.read_text(encoding="utf-8").replace("rosa-klein", "rosa"), encoding="utf-8")
    old = time.time() - 10  # past the index's racy window, as if saved long ago
    os.utime(shared, (old, old))
    result = cli("check", ".", code=None)
    second = result.stdout + result.stderr
    assert "speaker 'rosa-klein' is not in people" in second


def test_a_clash_between_a_session_id_and_a_shared_one_is_a_warning(cli, board):
    cli("add-person", "Ana Weber-Lund", "--shared")
    shared = cli.folder / "people.yaml"
    shared.write_text(shared.read_text(encoding="utf-8").replace("ana-weber-lund", "ana-weber"), encoding="utf-8")
    out = cli("check", code=None).stdout
    assert "person id 'ana-weber' is 'Ana Weber' here but 'Ana Weber-Lund' in the shared roster" in out


def test_a_bad_people_yaml_is_a_located_error_and_folders_leave_it_out(cli, board):
    (cli.folder / "people.yaml").write_text("people:\n- id: x\n  name: X\n  colour: blue\n", encoding="utf-8")
    result = cli("render", "--out", "-", code=1)
    assert "people.yaml:4: person 1, colour: unknown field" in result.stderr and "Traceback" not in result.stderr
    checked = cli("check", "people.yaml", code=1)
    assert "people.yaml:4: person 1, colour: unknown field" in checked.stdout + checked.stderr
    (cli.folder / "people.yaml").write_text("people:\n- id: x\n  name: X\n", encoding="utf-8")
    out = cli("check", ".", code=None).stdout
    assert "1 file(s) checked" in out  # the session; the roster is not read as one
    assert "rendered 1 of 1" in cli("render", ".", "--out", "out").stderr


def test_render_handles_prints_the_handle_beside_the_name(cli, board):
    cli("add-person", "James Snell", "--handle", "@jasnell")
    cli("add-report", "@jasnell", "--title", "Release notes")
    assert "**Presenter:** James Snell (@jasnell)" in cli("render", "--out", "-", "--handles").stdout
    assert "(@jasnell)" not in cli("render", "--out", "-").stdout


def test_the_shared_roster_keeps_its_comments_and_takes_concurrent_additions(cli, board):
    import subprocess
    import sys

    from installed import minutes_env

    shared = cli.folder / "people.yaml"
    shared.write_text("# Our board, kept by the secretary.\npeople:\n- id: ana-weber\n  name: Ana Weber  # chair\n",
                      encoding="utf-8")
    names = [f"Member {chr(65 + i)}" for i in range(6)]
    procs = [subprocess.Popen([sys.executable, "-m", "minutes", "add-person", n, "--shared", "-f", str(board)],
                              cwd=cli.folder, env=minutes_env(), stderr=subprocess.PIPE, text=True) for n in names]
    assert all(p.wait(timeout=120) == 0 for p in procs), [p.stderr.read() for p in procs]
    text = shared.read_text(encoding="utf-8")
    assert text.startswith("# Our board, kept by the secretary.\n") and "name: Ana Weber  # chair\n" in text
    assert sorted(p["name"] for p in data(shared)["people"]) == sorted(["Ana Weber", *names])
    assert not [p.name for p in cli.folder.iterdir() if p.name.startswith(".people")]  # no temporary file left


def test_approved_minutes_still_verify_beside_a_shared_roster(cli, board):
    cli("approve", "--on", "2024-04-09", "--by", "the Board")
    cli("add-person", "Rosa Klein", "--shared")  # the roster is the folder's, not part of the sealed record
    assert "matches the approved record" in cli("verify").stdout


def test_add_attendee_finds_a_known_person_as_other_commands_do_and_keeps_the_sitting_role(cli, board):
    cli("add-person", "Rich Bowen", "--role", "Director", "--shared")
    result = cli("add-attendee", "Bowen", "--as", "Directors", "--role", "Acting chair")
    assert "added attendee Rich Bowen (rich-bowen) to Directors" in result.stderr
    d = data(board)
    assert "bowen" not in {p["id"] for p in d["people"]}  # no second person made from the surname
    assert d["attendees"][-1] == {"person": "rich-bowen", "status": "present", "role": "Acting chair", "as": "Directors"}
    assert "- Rich Bowen, Acting chair" in cli("render", "--out", "-").stdout
    cli("add-person", "Rich Roe")
    before = board.read_bytes()
    assert "ambiguous" in cli("add-attendee", "Rich", code=1).stderr  # as every command refuses an ambiguous name
    assert board.read_bytes() == before


def test_set_refuses_an_unknown_person_with_the_remedy_that_fits_set(cli, board):
    result = cli("set", "chair", "Nobody Here", code=1)  # as add-speech refuses an unknown name
    assert "unknown chair 'Nobody Here'" in result.stderr and "minutes add-person" in result.stderr
    assert "--guest" not in result.stderr


def test_add_group_shared_goes_into_people_yaml_for_every_session(cli, board):
    cli("add-group", "Staff", "--non-voting", "--shared")
    assert data(cli.folder / "people.yaml")["groups"] == [{"name": "Staff", "voting": False}]
    assert "already in the shared roster's groups" in cli("add-group", "Staff", "--shared", code=2).stderr
    cli("add-attendee", "Hana Ito", "--as", "Staff")
    assert "### Staff (1)" in cli("render", "--out", "-").stdout  # a non-voting group, all present: its name alone


def test_remove_takes_an_attendee_who_stays_in_the_roster(cli, board):
    cli("remove", "attendee.Ana Weber")
    d = data(board)
    assert "ana-weber" not in {a.get("person") for a in d["attendees"]}
    assert "ana-weber" in {p["id"] for p in d["people"]}
    assert "not listed as an attendee" in cli("check", code=None).stdout  # she chaired and spoke


def test_check_warns_of_an_absent_chair_and_a_departure_before_the_arrival(cli, board):
    cli("set", "attendee.Ana Weber.status", "excused")
    cli("add-attendee", "Jerry Craig", "--arrived", "9:20", "--left", "9:10")
    out = cli("check", code=None).stdout
    assert "chair 'ana-weber' is listed as excused" in out
    assert "attendee 'jerry-craig' left at 9:10, before arriving at 9:20" in out


def test_an_unknown_attendee_for_set_or_remove_names_the_command_to_use(cli, board):
    before = board.read_bytes()
    for args in (("set", "attendee.Nobody Here.left", "11:00"), ("remove", "attendee.Nobody Here")):
        message = cli(*args, code=1).stderr
        assert "unknown attendee 'Nobody Here' (add them with 'minutes add-attendee')" in message
        assert "--guest" not in message  # neither command takes it
    assert board.read_bytes() == before

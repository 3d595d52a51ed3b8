import json



def test_check_passes_a_complete_session(cli, board):
    result = cli("check")
    assert "0 error(s), 0 warning(s)" in result.stdout


def test_check_warns_about_what_proper_minutes_need_and_strict_fails(cli, congress):
    result = cli("check")
    assert "no secretary" in result.stdout and "previous minutes" in result.stdout
    cli("check", "--strict", code=1)


def test_check_reports_speakers_who_are_not_attendees(cli, board):
    text = board.read_text().replace("- person: emil-novak\n  status: present\n", "")
    board.write_text(text)
    result = cli("check", code=0)  # warnings only: the counted votes now exceed the attendance too
    assert "voting attendees listed" in result.stdout
    assert "seconded by 'emil-novak' is not listed as an attendee" in result.stdout


def test_check_reports_vote_counts_above_the_attendance_with_a_line(cli, board):
    text = board.read_text().replace("for: 4", "for: 40")
    board.write_text(text)
    result = cli("check", code=0)  # a warning: the secretary may not have listed every member present
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "for: 40" in l)
    assert f"{board.name}:{line}: item 5: 41 votes cast but only 5 voting attendees listed" in result.stdout + result.stderr
    cli("check", "--strict", code=1)


def test_check_reports_near_duplicate_names(cli, congress):
    cli("add-speech", "Li Jizhen", "--guest")
    assert "near-duplicate names 'Li Jizheng' and 'Li Jizhen'" in cli("check").stdout


def test_check_reports_schema_errors_with_file_and_line(cli, board):
    board.write_text(board.read_text().replace("result: rejected", "result: maybe"))
    result = cli("check", code=1)
    assert f"{board.name}:" in result.stderr and "result" in result.stderr


def test_check_reports_references_to_unknown_people(cli, board):
    board.write_text(board.read_text().replace("owner: chen-li", "owner: chen-lee"))
    assert "owner 'chen-lee' is not in people" in cli("check", code=1).stderr


def test_check_many_files_and_json(cli, board, congress):
    data = json.loads(cli("check", str(board), str(congress), "--json").stdout)
    assert data[str(board)] == {"profile": "formal", "findings": []}
    assert {f["level"] for f in data[str(congress)]["findings"]} == {"warning"}

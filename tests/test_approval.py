import yaml

from minutes import approval, session


def data(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_approve_records_date_body_and_hash_and_the_hash_verifies(cli, board):
    out = cli("approve", "--on", "2024-04-09", "--by", "the Board").stdout
    d = data(board)["approval"]
    assert d["status"] == "approved" and str(d["date"]) == "2024-04-09" and d["by"] == "the Board"
    assert d["hash"] in out and len(d["hash"]) == 12
    assert "matches the approved record" in cli("verify").stdout


def test_approve_by_a_person_resolves_the_name(cli, board):
    cli("approve", "--by", "ana")
    assert data(board)["approval"]["by"] == "ana-weber"


def test_approved_minutes_refuse_every_change_without_amend(cli, board):
    cli("approve")
    before = board.read_bytes()
    for args in (("add-item", "note", "x"), ("set", "adjourned", "21:00"), ("remove", "1"),
                 ("add-speech", "Ana", "--summary", "x"), ("add-attendee", "New Person"),
                 ("add-action", "x", "--owner", "Ana"), ("add-resolution", "x", "--acclamation"),
                 ("add-report", "Ana", "--title", "x"), ("edit", "--editor", "true"), ("approve",)):
        result = cli(*args, code=1)
        assert "approved" in result.stderr, args
    assert board.read_bytes() == before


def test_an_amendment_is_recorded_and_the_hash_follows_it(cli, board):
    cli("approve", "--on", "2024-04-09")
    old_hash = data(board)["approval"]["hash"]
    cli("set", "adjourned", "20:45", "--amend", "The clock was wrong")
    d = data(board)
    assert d["adjourned"] == "20:45"
    (amendment,) = d["amendments"]
    assert amendment["reason"] == "The clock was wrong" and "set adjourned to '20:45'" in amendment["change"]
    assert d["approval"]["hash"] != old_hash
    assert "matches" in cli("verify").stdout


def test_a_hand_edit_after_approval_fails_verification(cli, board):
    cli("approve")
    board.write_text(board.read_text().replace("82,400", "92,400"))
    result = cli("verify", code=1)
    assert "does NOT match" in result.stderr


def test_verify_against_a_printed_hash(cli, board):
    printed = approval.content_hash(session.load(board))
    assert "matches the printed hash" in cli("verify", "--hash", printed).stdout
    assert "does NOT match the printed hash" in cli("verify", "--hash", "000000000000", code=1).stderr


def test_the_hash_ignores_layout_and_comments_but_not_content(board):
    before = approval.content_hash(session.load(board))
    board.write_text("# a comment\n" + board.read_text())
    assert approval.content_hash(session.load(board)) == before
    board.write_text(board.read_text().replace("Roof replacement", "Roof repair"))
    assert approval.content_hash(session.load(board)) != before


def test_source_date_epoch_fixes_today_for_reproducible_records(cli, board, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1712620800")  # 2024-04-09 UTC
    cli("approve")
    cli("add-item", "note", "x", "--amend", "typo")
    d = data(board)
    assert str(d["approval"]["date"]) == "2024-04-09" and str(d["amendments"][0]["date"]) == "2024-04-09"

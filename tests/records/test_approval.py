import datetime as dt

import yaml

from minutes.records import approval
from minutes.store import loader as session


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


# --- the approval block is inside the hash (issue 12, item 14) ----------------------------------


def hand_edit(path, old, new):
    """Change the file as someone with a text editor would."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def approved_board(cli, board):
    """Approve the board minutes and return the hash printed by approve."""
    out = cli("approve", "--on", "2024-04-09", "--by", "the Board").stdout
    printed = data(board)["approval"]["hash"]
    assert printed in out
    return printed


def hash_of_0_1_0(s):
    """Return the hash minutes 0.1.0 recorded: everything but the approval block."""
    import hashlib
    import json

    dump = s.model_dump(mode="json", by_alias=True, exclude={"approval"})
    text = json.dumps(dump, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def test_a_changed_approval_date_fails_verify(cli, board):
    approved_board(cli, board)
    hand_edit(board, "date: 2024-04-09", "date: 2024-05-14")
    result = cli("verify", code=1)
    assert "does NOT match" in result.stderr and result.stderr.count("\n") == 1


def test_a_changed_approver_fails_verify(cli, board):
    approved_board(cli, board)
    hand_edit(board, "by: the Board", "by: the Chair alone")
    assert "does NOT match" in cli("verify", code=1).stderr


def test_a_draft_with_a_hash_fails_verify_and_refuses_changes(cli, board):
    approved_board(cli, board)
    hand_edit(board, "status: approved", "status: draft")
    before = board.read_bytes()
    result = cli("verify", code=1)
    assert "marked draft, but it carries a hash of an approval" in result.stderr
    assert "changed by hand" in result.stderr and result.stderr.count("\n") == 1
    for amend in ((), ("--amend", "a reason")):  # the lock is not lifted, and no reason launders it
        assert "changed by hand" in cli("add-item", "note", "x", *amend, code=1).stderr
    assert "changed by hand" in cli("approve", code=1).stderr
    assert board.read_bytes() == before


def test_a_draft_with_amendments_but_no_hash_fails_verify(cli, board):
    approved_board(cli, board)
    cli("set", "adjourned", "20:45", "--amend", "The clock was wrong")
    d = data(board)["approval"]
    hand_edit(board, f"  hash: {d['hash']}\n", "")
    hand_edit(board, "status: approved", "status: draft")
    assert "marked draft, but it carries amendments of an approval" in cli("verify", code=1).stderr
    assert "changed by hand" in cli("add-item", "note", "x", code=1).stderr


def test_approved_minutes_without_a_hash_fail_verify(cli, board):
    approved_board(cli, board)
    hand_edit(board, f"  hash: {data(board)['approval']['hash']}\n", "")
    result = cli("verify", code=1)
    assert "marked approved, but it carries no hash" in result.stderr


def test_a_removed_amendment_fails_verify(cli, board):
    approved_board(cli, board)
    cli("set", "adjourned", "20:45", "--amend", "The clock was wrong")
    text = board.read_text(encoding="utf-8")
    board.write_text(text[: text.index("amendments:")], encoding="utf-8")
    assert "does NOT match" in cli("verify", code=1).stderr


def test_the_printed_hash_covers_the_approval(cli, board):
    printed = approved_board(cli, board)
    hand_edit(board, "date: 2024-04-09", "date: 2024-05-14")  # the date changed, the hash recomputed
    s = session.load(board)
    hand_edit(board, printed, approval.content_hash(s))
    assert "matches the approved record" in cli("verify").stdout  # the file's own hash vouches for itself ...
    assert "does NOT match the printed hash" in cli("verify", "--hash", printed, code=1).stderr  # ... the paper does not


def test_removing_the_whole_approval_fails_against_the_printed_hash(cli, board):
    printed = approved_board(cli, board)
    text = board.read_text(encoding="utf-8")
    board.write_text(text[: text.index("approval:")], encoding="utf-8")  # back to a plain draft
    assert "not approved yet" in cli("verify").stdout
    assert "does NOT match the printed hash" in cli("verify", "--hash", printed, code=1).stderr


def test_an_amendment_cannot_set_approved_minutes_back_to_draft(cli, board):
    approved_board(cli, board)
    before = board.read_bytes()
    result = cli("set", "approval.status", "draft", "--amend", "undo", code=1)
    assert "stay approved" in result.stderr
    assert board.read_bytes() == before


def test_an_honest_workflow_verifies_at_every_step(cli, board, tmp_path):
    draft_hash = approval.content_hash(session.load(board))
    assert "matches the printed hash" in cli("verify", "--hash", draft_hash).stdout  # a printed draft
    printed = approved_board(cli, board)
    assert printed != draft_hash  # the approval is part of what was printed
    out = tmp_path / "out"
    cli("render", "--format", "md", "--out", str(out))
    (rendered,) = out.glob("*.md")
    assert printed in rendered.read_text(encoding="utf-8")
    assert "matches the approved record" in cli("verify").stdout
    assert "matches the printed hash" in cli("verify", "--hash", printed.upper()).stdout
    cli("set", "approval.by", "ana", "--amend", "The chair signed for the Board")
    cli("add-item", "note", "Correction", "--amend", "A figure was misread")
    amended = data(board)["approval"]["hash"]
    assert amended != printed and len(data(board)["amendments"]) == 2
    assert "matches the approved record" in cli("verify").stdout
    assert "matches the printed hash" in cli("verify", "--hash", amended).stdout
    assert "does NOT match the printed hash" in cli("verify", "--hash", printed, code=1).stderr  # the paper is out of date


def test_a_hash_of_minutes_0_1_0_is_explained_and_resealed(cli, board):
    approved_board(cli, board)
    old = hash_of_0_1_0(session.load(board))
    hand_edit(board, f"hash: {data(board)['approval']['hash']}", f"hash: {old}")  # as 0.1.0 wrote it
    result = cli("verify", code=1)
    assert "minutes 0.1.0" in result.stderr and "approve --reseal" in result.stderr
    assert result.stderr.count("\n") == 1
    assert "minutes 0.1.0" in cli("verify", "--hash", old).stdout  # a paper copy printed by 0.1.0 still matches
    new = cli("approve", "--reseal").stdout.split()[-1]
    assert data(board)["approval"] == {"status": "approved", "date": dt.date(2024, 4, 9), "by": "the Board", "hash": new}
    assert data(board).get("amendments") is None  # resealing changes no content: no amendment
    assert "matches the approved record" in cli("verify").stdout
    assert new in cli("approve", "--reseal").stdout  # again: nothing to do


def test_a_changed_file_with_a_hash_of_minutes_0_1_0_is_not_resealed(cli, board):
    approved_board(cli, board)
    old = hash_of_0_1_0(session.load(board))
    hand_edit(board, f"hash: {data(board)['approval']['hash']}", f"hash: {old}")
    hand_edit(board, "82,400", "92,400")
    assert "does NOT match" in cli("verify", code=1).stderr
    before = board.read_bytes()
    assert "cannot be resealed" in cli("approve", "--reseal", code=1).stderr
    assert board.read_bytes() == before


def test_reseal_refuses_a_draft_and_new_approval_details(cli, board):
    assert "not approved yet" in cli("approve", "--reseal", code=1).stderr
    assert "--reseal" in cli("approve", "--reseal", "--on", "2024-04-09", code=2).stderr

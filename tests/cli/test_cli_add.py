import pytest
import yaml


def data(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_add_attendee_adds_the_person_to_roster_and_attendees(cli, board):
    cli("add-attendee", "Hana Ito", "--role", "Observer", "--org", "City", "--status", "guest", "--pronoun", "she")
    d = data(board)
    assert {"id": "hana-ito", "name": "Hana Ito", "role": "Observer", "organization": "City", "pronoun": "she"} in d["people"]
    assert {"person": "hana-ito", "status": "guest"} in d["attendees"]


def test_add_attendee_of_a_group(cli, board):
    cli("add-attendee", "members of the cooperative", "--group", "--status", "present")
    assert {"group": "members of the cooperative", "status": "present"} in data(board)["attendees"]


def test_add_attendee_twice_is_refused_and_changes_nothing(cli, board):
    before = board.read_bytes()
    result = cli("add-attendee", "Ana Weber", code=2)
    assert "already an attendee; change their entry with 'minutes set attendee.Ana Weber.status" in result.stderr
    assert board.read_bytes() == before


def test_add_speech_resolves_a_prefix_and_on_behalf_of(cli, congress):
    cli("add-speech", "luan", "--on-behalf-of", "Alexander Mostov", "--topic", "Greetings", "--at", "10:15")
    item = data(congress)["proceedings"][-1]
    assert item == {
        "kind": "speech", "at": "10:15", "speaker": "luan-xinlong", "on_behalf_of": "alexander-mostov", "topic": "Greetings",
    }


def test_add_speech_reads_the_summary_from_stdin(cli, congress):
    cli("add-speech", "Vera", "--summary", "-", input="First line.\nSecond line.\n")
    assert data(congress)["proceedings"][-1]["summary"] == "First line.\nSecond line."


def test_add_speech_with_an_unknown_name_suggests_and_changes_nothing(cli, congress):
    before = congress.read_bytes()
    result = cli("add-speech", "Li Jizhen", "--summary", "x", code=1)
    assert "did you mean 'Li Jizheng'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert congress.read_bytes() == before


def test_add_speech_with_guest_adds_the_guest(cli, congress):
    cli("add-speech", "Kim Chol", "--guest", "--topic", "Greetings")
    d = data(congress)
    assert {"id": "kim-chol", "name": "Kim Chol"} in d["people"]
    assert {"person": "kim-chol", "status": "guest"} in d["attendees"]
    assert d["proceedings"][-1]["speaker"] == "kim-chol"


def test_add_speech_without_a_speaker_off_a_terminal_is_a_usage_error(cli, congress):
    before = congress.read_bytes()
    result = cli("add-speech", code=2)
    assert "missing speaker" in result.stderr
    assert congress.read_bytes() == before


def test_add_speech_with_a_bad_time_is_refused(cli, congress):
    before = congress.read_bytes()
    result = cli("add-speech", "Vera", "--at", "25:99", code=2)
    assert "--at: '25:99' is not a time" in result.stderr
    assert congress.read_bytes() == before


@pytest.mark.parametrize("at", ["25:00", "12:30\n", "12:30 ", "noon", "1230"])
def test_a_bad_time_typed_is_a_usage_error_naming_the_option_for_every_add(cli, board, at):
    before = board.read_bytes()
    for args in (["add-speech", "Ana"], ["add-report", "Ana", "--title", "T"], ["add-resolution", "T"],
                 ["add-item", "note", "x"], ["add-action", "T", "--owner", "Ana"]):
        result = cli(*args, "--at", at, code=2)
        assert result.stderr.startswith("minutes: error: --at: ") and result.stderr.count("\n") == 1
    assert board.read_bytes() == before


def test_a_bad_value_set_is_a_usage_error_naming_the_field_not_a_line_of_the_file(cli, board):
    before = board.read_bytes()
    for field, value in (("adjourned", "99:00"), ("item.3.result", "maybe"), ("quorum.required", "many")):
        result = cli("set", field, value, code=2)
        assert result.stderr.startswith(f"minutes: error: {field}: {value!r}"), result.stderr
        assert board.name not in result.stderr
    assert board.read_bytes() == before


def test_add_action_prints_the_new_id_for_scripts_and_says_it(cli, board):
    result = cli("add-action", "Call the roofer", "--owner", "Georg")
    assert result.stdout.strip() == "20240312-4"
    assert "added action item 20240312-4 as 12" in result.stderr


def test_a_point_keeps_the_text_as_typed(cli, board):
    cli("add-speech", "Ana", "--summary", "spoke on the app.", "--point", "iPhone app", "--point", "eBay shop")
    out = cli("render", "--out", "-").stdout
    assert "- iPhone app" in out and "- eBay shop" in out


def test_add_report_with_attachment_and_points(cli, congress):
    cli("add-report", "Vera", "--title", "On truce talks", "--point", "one", "--point", "two",
        "--attach", "photos/presentation.png", "--caption", "Slide 1")
    item = data(congress)["proceedings"][-1]
    assert item["presenter"] == "vera" and item["points"] == ["one", "two"]
    assert item["attachments"] == [{"file": "photos/presentation.png", "caption": "Slide 1"}]


def test_add_resolution_with_counts_and_mover(cli, board):
    cli("add-resolution", "Budget", "--moved-by", "Ben", "--seconded-by", "emil", "--for", "3", "--against", "1",
        "--abstain", "1", "--result", "adopted")
    item = data(board)["proceedings"][-1]
    assert item == {
        "kind": "resolution", "title": "Budget", "moved_by": "ben-okafor", "seconded_by": "emil-novak",
        "vote": {"for": 3, "against": 1, "abstain": 1}, "result": "adopted",
    }


def test_add_resolution_by_acclamation_and_as_motion(cli, board):
    cli("add-resolution", "Thanks", "--acclamation", "--motion")
    assert data(board)["proceedings"][-1] == {"kind": "motion", "title": "Thanks", "vote": "acclamation"}


def test_add_resolution_refuses_counts_with_acclamation_and_negative_counts(cli, board):
    before = board.read_bytes()
    assert "not both" in cli("add-resolution", "X", "--acclamation", "--for", "2", code=2).stderr
    cli("add-resolution", "X", "--for", "-2", code=2)
    assert board.read_bytes() == before


def test_add_item_records_each_text_kind(cli, board):
    for kind in ("ceremony", "announcement", "discussion", "procedure", "break", "note"):
        cli("add-item", kind, f"{kind} text")
    kinds = [i["kind"] for i in data(board)["proceedings"][-6:]]
    assert kinds == ["ceremony", "announcement", "discussion", "procedure", "break", "note"]


def test_add_item_refuses_an_unknown_kind(cli, board):
    result = cli("add-item", "dance", "x", code=2)
    assert "unknown item kind 'dance'" in result.stderr


def test_add_action_gets_a_stable_id_owner_and_due_date(cli, board):
    cli("add-action", "Call the roofer", "--owner", "Georg", "--due", "2024-04-01")
    item = data(board)["proceedings"][-1]
    assert item["id"] == "20240312-4"
    assert item["owner"] == "georg-brandt" and str(item["due"]) == "2024-04-01"


def test_adding_keeps_hand_comments_and_formatting(cli, congress):
    text = congress.read_text(encoding="utf-8")
    text = text.replace("- kind: discussion\n", "# a note the secretary typed by hand\n- kind: discussion\n")
    text = text.replace("chair: li-jizheng\n", "chair: li-jizheng   # confirmed\n")
    congress.write_text(text, encoding="utf-8")
    cli("add-item", "discussion", "x")
    cli("set", "adjourned", "19:00")
    new = congress.read_text(encoding="utf-8")
    assert "# a note the secretary typed by hand\n- kind: discussion\n" in new
    assert "chair: li-jizheng   # confirmed\n" in new
    restored = new.replace("adjourned: '19:00'", "adjourned: '18:30'").replace("- kind: discussion\n  text: x\n", "", 1)
    assert restored == text  # the only differences are the added item and the changed value


def test_a_control_character_typed_is_refused_naming_the_file_and_the_field(cli, board):
    before = board.read_bytes()
    for args, field in (
        (["add-speech", "Ana", "--summary", "a\x01b"], "the new proceedings entry's summary:"),
        (["add-speech", "Ana", "--point", "ok", "--point", "a\x07b"], "the new proceedings entry's points.2:"),
        (["add-item", "note", "a\x1bb"], "the new proceedings entry's text:"),
        (["set", "title", "a\x01b"], "the new value of title:"),
    ):
        error = cli(*args, code=1).stderr
        assert error.count("\n") == 1 and f"{board.name}: {field} character U+00" in error, error
    assert board.read_bytes() == before

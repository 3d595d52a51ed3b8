import datetime as dt

import yaml


def data(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_set_chair_resolves_the_name(cli, board):
    cli("set", "chair", "emil")
    assert data(board)["chair"] == "emil-novak"


def test_set_adjourned_keeps_the_time_as_text(cli, board):
    cli("set", "adjourned", "18:30")
    assert data(board)["adjourned"] == "18:30"


def test_set_types_follow_the_field(cli, board):
    cli("set", "quorum.required", "5")
    cli("set", "quorum.present", "false")
    cli("set", "press.dateline.date", "2024-03-20")
    cli("set", "category", "No")
    d = data(board)
    assert d["quorum"] == {"required": 5, "present": False}
    assert d["press"]["dateline"]["date"] == dt.date(2024, 3, 20)
    assert d["category"] == "No"


def test_set_a_translation_keeps_the_other_languages(cli, board):
    before = data(board)["title"]
    cli("set", "title", "Ordentliche Sitzung des Vorstands", "--lang", "de")
    cli("set", "title", "定期理事会", "--lang", "zh")
    assert data(board)["title"] == {**before, "de": "Ordentliche Sitzung des Vorstands", "zh": "定期理事会"}
    assert data(board)["title"]["en"] == "Regular Board Meeting"


def test_set_tags_splits_on_commas(cli, board):
    cli("set", "tags", "a, b ,c")
    assert data(board)["tags"] == ["a", "b", "c"]


def test_set_a_bad_value_is_refused_and_changes_nothing(cli, board):
    before = board.read_bytes()
    assert "must be a time" in cli("set", "adjourned", "half past six", code=2).stderr
    assert "unknown field" in cli("set", "colour", "red", code=2).stderr
    assert "unknown chair 'Nobody'" in cli("set", "chair", "Nobody", code=1).stderr
    assert "add-*" in cli("set", "proceedings", "x", code=2).stderr
    assert board.read_bytes() == before


def test_set_reaches_items_people_and_attendees_by_number_or_name(cli, congress):
    honorific = data(congress)["people"][2]["honorific"]
    cli("set", "item.4.summary", "欢迎所有与会者", "--lang", "zh")
    cli("set", "person.vera.honorific", "тов.", "--lang", "ru")
    cli("set", "item.12.owner", "Vera")
    cli("set", "attendee.3.status", "online")
    d = data(congress)
    assert d["proceedings"][3]["summary"]["zh"] == "欢迎所有与会者"
    assert d["people"][2]["honorific"] == {**honorific, "ru": "тов."} and honorific["en"] == "Comrade"
    assert d["proceedings"][11]["owner"] == "vera"
    assert d["attendees"][2]["status"] == "online"


def test_set_into_a_missing_item_is_a_usage_error(cli, congress):
    before = congress.read_bytes()
    assert "there is no item 99" in cli("set", "item.99.text", "x", code=2).stderr
    assert "say which field" in cli("set", "item.3", "x", code=2).stderr
    assert congress.read_bytes() == before


def test_set_reaches_numbered_entries_inside_an_item(cli, board):
    before = data(board)["proceedings"][2]["points"]
    cli("set", "item.3.points.2", "Zwei Haushalte zahlen zu spät.", "--lang", "de")
    points = data(board)["proceedings"][2]["points"]
    assert points[1] == {**before[1], "de": "Zwei Haushalte zahlen zu spät."}
    assert points[0] == before[0]
    cli("set", "item.3.points.1", "One text for all")
    assert data(board)["proceedings"][2]["points"][0] == "One text for all"
    assert "there is no item 9" in cli("set", "item.3.points.9", "x", code=1).stderr


def test_a_control_character_set_into_an_item_names_it_as_users_count(cli, board):
    before = board.read_bytes()
    result = cli("set", "item.1.note", "a\x07b", code=1)
    assert "the new value of item 1, note" in result.stderr and "proceedings.0" not in result.stderr
    assert board.read_bytes() == before

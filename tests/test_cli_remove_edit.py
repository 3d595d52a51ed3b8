import sys

import yaml


def items(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))["proceedings"]


def test_remove_deletes_item_n(cli, board):
    before = items(board)
    result = cli("remove", "2")
    assert "removed item 2 (procedure)" in result.stderr
    assert items(board) == before[:1] + before[2:]


def test_remove_an_item_that_does_not_exist_is_a_usage_error(cli, board):
    before = board.read_bytes()
    assert "no item 99" in cli("remove", "99", code=2).stderr
    assert board.read_bytes() == before


def editor(tmp_path, code):
    script = tmp_path / "fake_editor.py"
    script.write_text(f"import sys\npath = sys.argv[1]\n{code}\n")
    return f"{sys.executable} {script}"


def test_edit_saves_a_valid_result(cli, board, tmp_path):
    command = editor(tmp_path, "t = open(path).read().replace('Regular Board Meeting', 'Special Board Meeting')\n"
                     "open(path, 'w').write(t)")
    cli("edit", "--editor", command)
    assert "Special Board Meeting" in board.read_text()


def test_edit_refuses_an_invalid_result_and_keeps_it_aside(cli, board, tmp_path):
    before = board.read_bytes()
    command = editor(tmp_path, "open(path, 'a').write('colour: red\\n')")
    result = cli("edit", "--editor", command, code=1)
    assert "colour: unknown field" in result.stderr and "your edit is saved in" in result.stderr
    assert board.read_bytes() == before
    assert list(cli.folder.glob("*rejected*"))


def test_edit_with_a_failing_editor_changes_nothing(cli, board, tmp_path):
    before = board.read_bytes()
    cli("edit", "--editor", editor(tmp_path, "sys.exit(3)"), code=1)
    assert board.read_bytes() == before

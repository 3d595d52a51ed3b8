import re
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


def rescued(folder):
    """Return the edits kept aside under .minutes/rejected/."""
    return sorted((folder / ".minutes" / "rejected").glob("*"))


def test_edit_refuses_a_schema_error_and_keeps_the_edit_where_no_command_reads_it(cli, board, tmp_path):
    before = board.read_bytes()
    command = editor(tmp_path, "open(path, 'a').write('colour: red\\n')")
    result = cli("edit", "--editor", command, code=1)
    (kept,) = rescued(cli.folder)
    assert "colour: unknown field" in result.stderr and "your edit is kept in" in result.stderr
    assert board.read_bytes() == before
    assert "colour: red" in kept.read_text()
    line = len(before.decode().splitlines()) + 1
    assert f"{kept.name}:{line}" in result.stderr  # the error points into the kept copy
    assert not list(cli.folder.glob("*rejected*"))  # nothing new among the sessions
    assert "1 file(s) checked" in cli("check", ".").stdout
    assert len(cli("list", ".").stdout.strip().splitlines()) == 2  # the header and the one session


def test_edit_keeps_an_edit_with_a_yaml_syntax_error_and_names_its_line_and_column(cli, board, tmp_path):
    before = board.read_bytes()
    command = editor(tmp_path, "open(path, 'a').write('broken: [unclosed\\n')")
    result = cli("edit", "--editor", command, code=1)
    (kept,) = rescued(cli.folder)
    assert "broken: [unclosed" in kept.read_text()
    assert re.search(rf"{re.escape(kept.name)}:\d+:\d+: ", result.stderr), result.stderr
    assert board.read_bytes() == before
    assert len(result.stderr.strip().splitlines()) == 1


def test_edit_offers_to_edit_again_after_a_yaml_syntax_error(board, tmp_path, monkeypatch):
    from minutes.records import editor as editing

    monkeypatch.chdir(board.parent)
    script = tmp_path / "ed.py"
    # The first edit breaks the YAML; the second, on the broken text, mends it and changes the title.
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "t = p.read_text()\n"
        "if 'broken' in t:\n"
        "    p.write_text(t.replace('broken: [\\n', '').replace('Regular Board', 'Special Board'))\n"
        "else:\n"
        "    p.write_text(t + 'broken: [\\n')\n"
    )
    asked = []
    changed = editing.edit_in_editor(board, f"{sys.executable} {script}", lambda problem: asked.append(problem) or True)
    assert changed and len(asked) == 1 and board.name in asked[0]
    assert "Special Board" in board.read_text() and "broken" not in board.read_text()
    assert not rescued(board.parent)


def test_edit_in_a_folder_where_nothing_can_be_written_is_one_line_and_changes_nothing(cli, board, tmp_path, monkeypatch):
    import errno
    import tempfile

    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    before = board.read_bytes()
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = cli("edit", "--editor", editor(tmp_path, "open(path, 'a').write('x')"), code=1)
    assert result.stderr.count("\n") == 1 and "cannot be edited" in result.stderr and "Read-only" in result.stderr
    assert board.read_bytes() == before


def test_edit_with_a_failing_editor_changes_nothing(cli, board, tmp_path):
    before = board.read_bytes()
    cli("edit", "--editor", editor(tmp_path, "sys.exit(3)"), code=1)
    assert board.read_bytes() == before

"""The folder index gives the same rows and findings as reading every file, and notices changes."""

import json
import os
import shutil
import time
from pathlib import Path

from minutes.store import index
from conftest import BOARD, CONGRESS

import pytest
pytestmark = pytest.mark.fast_path  # these tests are about the fast path itself


def age(path, seconds=10):
    """Make the file look last modified ``seconds`` ago, as files in a folder usually are."""
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_list_reuses_rows_of_unchanged_files_and_rereads_changed_ones(cli, monkeypatch):
    for example in (CONGRESS, BOARD):
        shutil.copy(example, cli.folder)
        age(cli.folder / example.name)
    first = json.loads(cli("list", "--json").stdout)
    assert index._target(cli.folder).is_file()
    assert not (cli.folder / ".minutes").exists()  # nothing is written beside the sessions
    calls = []
    real = index.cached

    def spy(paths, kind, compute):
        return real(paths, kind, lambda p: calls.append(p.name) or compute(p))

    monkeypatch.setattr(index, "cached", spy)
    assert json.loads(cli("list", "--json").stdout) == first
    assert calls == []  # nothing re-read
    board = cli.folder / BOARD.name
    board.write_text(board.read_text().replace("Regular Board Meeting", "Special Board Meeting"))
    rows = json.loads(cli("list", "--json").stdout)
    assert calls == [BOARD.name]
    assert rows[1]["title"] == "Special Board Meeting"


def test_a_file_rewritten_with_the_same_size_and_mtime_is_still_noticed(cli):
    shutil.copy(BOARD, cli.folder)
    cli("list", "--json")
    path = cli.folder / BOARD.name
    stat = path.stat()
    path.write_text(path.read_text().replace("Regular", "Rugular"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    assert json.loads(cli("list", "--json").stdout)[0]["title"] == "Rugular Board Meeting"


def test_check_uses_the_index_and_reports_the_same_findings(cli):
    shutil.copy(CONGRESS, cli.folder)
    age(cli.folder / CONGRESS.name)
    first = json.loads(cli("check", ".", "--json").stdout)
    second = json.loads(cli("check", ".", "--json").stdout)
    assert first == second
    (checked,) = second.values()
    assert any("no secretary" in f["message"] for f in checked["findings"])


def test_an_unwritable_index_is_not_an_error(cli):
    shutil.copy(BOARD, cli.folder)
    (private_cache := Path(os.environ["MINUTES_CACHE_DIR"])).rmdir()
    private_cache.write_text("not a folder")
    assert json.loads(cli("list", "--json").stdout)[0]["items"] == 11


def test_a_second_list_answers_from_the_index_without_loading_the_sessions(cli, monkeypatch):
    from minutes.store import loader

    shutil.copy(BOARD, cli.folder)
    age(cli.folder / BOARD.name)
    first = json.loads(cli("list", "--json").stdout)

    def refuse(*args, **kwargs):
        raise AssertionError("a session was loaded")

    with monkeypatch.context() as patched:
        patched.setattr(loader, "load", refuse)
        assert json.loads(cli("list", "--json").stdout) == first  # from the index alone
    board = cli.folder / BOARD.name
    board.write_text(board.read_text().replace("Regular Board Meeting", "Special Board Meeting"))
    assert json.loads(cli("list", "--json").stdout)[0]["title"] == "Special Board Meeting"  # the changed file is reloaded


def test_an_index_made_by_other_code_is_not_used(cli, monkeypatch):
    from minutes.store import cache

    shutil.copy(BOARD, cli.folder)
    age(cli.folder / BOARD.name)
    cli("list", "--json")
    calls = []
    monkeypatch.setattr(cache, "code_digest", lambda: "another version of the model")
    assert index.cached([cli.folder / BOARD.name], "list", lambda p: calls.append(p) or "recomputed") == ["recomputed"]
    assert calls == [cli.folder / BOARD.name]


def test_a_result_is_reused_only_for_the_path_spelled_as_it_was(cli):
    shutil.copy(BOARD, cli.folder)
    age(cli.folder / BOARD.name)
    path = cli.folder / BOARD.name
    assert index.cached([path], "list", str) == [str(path)]
    assert index.cached([Path(BOARD.name)], "list", str) == [BOARD.name]  # as `check .` and `check FILE` name it

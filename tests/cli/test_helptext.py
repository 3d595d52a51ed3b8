"""`minutes --help` from the cache (minutes.cli.helptext) is Typer's own text, kept until what it depends on changes."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from minutes.cli import helptext


def _show(capsys: pytest.CaptureFixture) -> str:
    helptext.show(["--help"])
    return capsys.readouterr().out


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "help").glob("*.txt"))


def test_the_help_is_typers_and_is_kept(private_cache: Path, capsys, monkeypatch) -> None:
    code, typer_text = helptext.typer_help(["--help"])
    assert code == 0 and "add-speech" in typer_text and typer_text.startswith("Usage: minutes ")
    assert _show(capsys) == typer_text
    [entry] = _entries(private_cache)
    assert entry.read_text(encoding="utf-8") == f"{helptext.key()}\n{typer_text}"

    def no_typer(argv: list[str]) -> tuple[int, str]:
        raise AssertionError("the kept help was not used")

    monkeypatch.setattr(helptext, "typer_help", no_typer)
    assert _show(capsys) == typer_text


def test_an_entry_for_other_circumstances_is_written_anew(private_cache: Path, capsys) -> None:
    _show(capsys)
    [entry] = _entries(private_cache)
    entry.write_text("['some other version']\nStale help\n", encoding="utf-8")
    assert "Stale help" not in _show(capsys)
    assert entry.read_text(encoding="utf-8").startswith(f"{helptext.key()}\n")
    entry.write_bytes(b"\xff\xfe not text")
    assert _show(capsys).startswith("Usage: minutes ")


def test_the_width_and_the_package_are_part_of_the_key(private_cache: Path, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    narrow = helptext.key()
    monkeypatch.setenv("COLUMNS", "120")
    assert helptext.key() != narrow
    wide = helptext.key()
    monkeypatch.setattr(helptext, "HERE", Path(helptext.__file__).parent.parent)  # other command modules
    assert helptext.key() != wide


def test_a_cache_that_cannot_be_written_still_prints_the_help(tmp_path: Path, capsys, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("MINUTES_CACHE_DIR", str(blocker / "cache"))
    assert _show(capsys).startswith("Usage: minutes ")


def test_the_second_help_imports_no_typer(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from minutes.cli import main as front\n"
        "front.main(['--help'])\n"
        "print('TYPER=' + str('typer' in sys.modules), file=sys.stderr)\n"
    )
    env = {**os.environ, "MINUTES_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "80"}
    first, second = (subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
                     for _ in range(2))
    assert first.stdout == second.stdout and "Commands:" in first.stdout
    assert "TYPER=True" in first.stderr and "TYPER=False" in second.stderr

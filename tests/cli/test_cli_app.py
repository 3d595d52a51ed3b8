import subprocess
import sys


import pytest
import typer.main

from minutes import __version__
from minutes.cli.app import app


def test_version(cli):
    assert cli("--version").stdout.strip() == f"minutes {__version__}"


def test_every_command_has_help_with_an_example(cli):
    group = typer.main.get_command(app)
    assert hasattr(group, "commands")
    assert len(group.commands) >= 15
    for name, command in group.commands.items():
        assert command.help and "Example:" in command.help, name
        assert cli(name, "--help").exit_code == 0


def test_an_unknown_option_is_a_usage_error(cli):
    assert cli("show", "--colour", code=2).exit_code == 2


def test_a_bug_is_one_line_without_debug_and_a_traceback_with_it(cli, board, monkeypatch):
    from minutes.store import loader as session

    def boom(*a, **k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(session, "load", boom)
    result = cli("show", code=1)
    assert result.stderr.strip().startswith("minutes: error: internal error: RuntimeError: kaboom")
    result = cli.runner.invoke(app, ["--debug", "show"])
    assert isinstance(result.exception, RuntimeError)


def test_python_dash_m_minutes_runs():
    out = subprocess.run([sys.executable, "-m", "minutes", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("minutes ")


def test_help_and_completion_do_not_import_heavy_libraries():
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from minutes.cli.app import app\n"
        "CliRunner().invoke(app, ['--help'])\n"
        "heavy = [m for m in ('docx', 'lxml', 'jinja2', 'babel', 'markdown_it', 'pydantic') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_completion_offers_the_known_names(cli, congress):
    import os

    env = {**os.environ, "_MINUTES_COMPLETE": "complete_bash", "COMP_WORDS": "minutes add-speech Lu", "COMP_CWORD": "2"}
    out = subprocess.run(
        [sys.executable, "-m", "minutes"], capture_output=True, text=True, env=env, cwd=cli.folder
    )
    assert "Luan\\ Xinlong" in out.stdout  # escaped, so that bash puts it back as one word


@pytest.mark.fast_path
def test_completing_a_name_imports_neither_typer_nor_pydantic_nor_the_writers(cli, congress):
    import os

    code = (
        "import sys, runpy\n"
        "sys.argv = ['minutes']\n"
        "try:\n"
        "    runpy.run_module('minutes', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('typer', 'pydantic', 'docx', 'lxml', 'jinja2', 'babel', 'markdown_it') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy), file=sys.stderr)\n"
    )
    env = {**os.environ, "_MINUTES_COMPLETE": "complete_bash", "COMP_WORDS": "minutes add-speech Lu", "COMP_CWORD": "2"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=cli.folder)
    assert "Luan\\ Xinlong" in out.stdout  # escaped, so that bash puts it back as one word
    assert "HEAVY=\n" in out.stderr, out.stderr


def test_the_command_line_names_the_one_command_to_build():
    from minutes.cli.app import named_command

    assert named_command(["add-speech", "Ana", "--summary", "x"], {}) == "add-speech"
    assert named_command(["--debug", "show"], {}) == "show"
    assert named_command(["--help"], {}) is None
    assert named_command(["ad"], {}) is None  # a typo: every command is built, for the suggestions
    assert named_command([], {}) is None
    complete = {"_MINUTES_COMPLETE": "complete_bash"}
    assert named_command([], {**complete, "COMP_WORDS": "minutes add-speech Lu"}) == "add-speech"
    assert named_command([], {**complete, "COMP_WORDS": "minutes add-sp"}) is None  # completing the command itself
    assert named_command([], {**complete, "_TYPER_COMPLETE_ARGS": "minutes show --fi"}) == "show"
    assert named_command([], {**complete, "COMP_WORDS": "minutes 'unclosed"}) is None


def _minutes(folder, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, "-m", "minutes", *args], capture_output=True, text=True, cwd=folder,
                          env={**os.environ, **(env or {})})


def test_a_process_that_builds_one_command_still_helps_and_completes(cli, board):
    assert "Record a speech." in _minutes(cli.folder, "add-speech", "--help").stdout
    listing = _minutes(cli.folder, "--help").stdout
    assert "add-speech" in listing and "render" in listing
    typo = _minutes(cli.folder, "add-speach", "Ana")
    assert typo.returncode == 2 and "add-speech" in typo.stderr
    words = {"_MINUTES_COMPLETE": "complete_bash", "COMP_CWORD": "1", "COMP_WORDS": "minutes add-sp"}
    assert "add-speech" in _minutes(cli.folder, env=words).stdout
    words = {"_MINUTES_COMPLETE": "complete_bash", "COMP_CWORD": "2", "COMP_WORDS": "minutes add-speech An"}
    assert "Ana\\ Weber" in _minutes(cli.folder, env=words).stdout
    assert _minutes(cli.folder, "--debug", "add-speech", "Ana", "--summary", "Hi.").returncode == 0

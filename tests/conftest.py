"""Shared fixtures: temporary folders with sessions, and a CliRunner bound to them."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from minutes.cli import main as front

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CONGRESS = next((EXAMPLES / "congress").glob("*-day-2.yaml"))
CONGRESS_DAY1 = next((EXAMPLES / "congress").glob("*-day-1.yaml"))
BOARD = next((EXAMPLES / "board").glob("*.yaml"))


def invoke_front(runner: CliRunner, args: Sequence[str], input: str | None = None, env: dict | None = None) -> Result:
    """Run ``minutes ARGS`` as the installed command does (`minutes.cli.main.main`), captured as CliRunner captures."""
    with runner.isolation(input=input, env=env) as (stdout, stderr, output):
        code, exception = 0, None
        try:
            front.main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            exception = exc if code else None
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        return Result(runner, stdout.getvalue(), stderr.getvalue(), output.getvalue(), None, code, exception)


class Cli:
    """Run minutes commands in one folder, as a user would: through the installed command's front door."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder = folder
        self.runner = CliRunner()
        monkeypatch.chdir(folder)
        monkeypatch.delenv("MINUTES_FILE", raising=False)

    def __call__(self, *args: str, input: str | None = None, code: int | None = 0):
        result = invoke_front(self.runner, args, input=input)
        if code is not None:
            assert result.exit_code == code, (args, result.exit_code, result.stdout, result.stderr)
        return result


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Return a runner for minutes commands in an empty temporary folder."""
    return Cli(tmp_path, monkeypatch)


@pytest.fixture
def congress(cli: Cli) -> Path:
    """Return a copy of the congress example, chosen as the current session."""
    target = cli.folder / CONGRESS.name
    shutil.copy(CONGRESS, target)
    shutil.copytree(CONGRESS.parent / "photos", cli.folder / "photos")
    cli("use", target.name)
    return target


@pytest.fixture
def board(cli: Cli) -> Path:
    """Return a copy of the board example, chosen as the current session."""
    target = cli.folder / BOARD.name
    shutil.copy(BOARD, target)
    cli("use", target.name)
    return target


@pytest.fixture
def no_session_chosen_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """Put MINUTES_FILE back as it was after the test, whatever a command in the test's process did to it."""
    monkeypatch.setenv("MINUTES_FILE", "")
    monkeypatch.delenv("MINUTES_FILE")


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Give every test its own cache folder, so no test reads another's entries or the user's."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("MINUTES_CACHE_DIR", str(folder))
    return folder


def pytest_configure(config: pytest.Config) -> None:
    """Declare the fast_path marker."""
    config.addinivalue_line(
        "markers", "fast_path: the test is about a fast path itself, so it runs with the fast paths on, "
        "even in the suite's MINUTES_FAST=0 pass (every other test then takes the simple paths)",
    )


@pytest.fixture(autouse=True)
def fast_paths_for_their_own_tests(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Turn the fast paths on for a test marked fast_path, whatever MINUTES_FAST says."""
    if request.node.get_closest_marker("fast_path"):
        monkeypatch.setenv("MINUTES_FAST", "1")

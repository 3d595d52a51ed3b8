"""The bundled examples are what their scripts of minutes commands record."""

import json
import shutil
import subprocess
import sys

import pytest

import yaml_language_server
from installed import minutes_env
from minutes.store import yamlio
from conftest import EXAMPLES


SCRIPTS = sorted(EXAMPLES.glob("*/record*.sh"))
SESSIONS = sorted(p for p in EXAMPLES.glob("*/*.yaml") if p.name not in ("people.yaml", "minutes.yaml"))  # sessions, not rosters or settings
# What `minutes new` leaves in .minutes/ that a team commits; the examples ship it as a user's folder would.
SHIPPED_STATE = (".minutes/session.schema.json", ".minutes/settings.schema.json", ".minutes/.gitignore")


@pytest.mark.parametrize("script", SCRIPTS, ids=[f"{s.parent.name}/{s.name}" for s in SCRIPTS])
def test_the_script_records_exactly_the_example_files(script, tmp_path):
    env = minutes_env()
    result = subprocess.run(["bash", str(script)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    recorded = sorted(tmp_path.glob("*.yaml"))
    assert recorded
    for path in recorded:
        bundled = script.parent / path.name
        assert bundled.is_file(), f"{script.name} records {path.name}, which examples/{script.parent.name} lacks"
        assert yamlio.load(path.read_text(encoding="utf-8")) == yamlio.load(bundled.read_text(encoding="utf-8"))
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert bundled.read_text(encoding="utf-8").splitlines()[0] == first  # the schema modeline
        check = subprocess.run([sys.executable, "-m", "minutes", "check", str(bundled)], capture_output=True, text=True, env=env)
        assert check.returncode == 0, check.stderr
    for name in SHIPPED_STATE:
        left = (tmp_path / name).read_text(encoding="utf-8")
        assert (script.parent / name).read_text(encoding="utf-8") == left, f"examples/{script.parent.name}/{name}"


def test_every_bundled_session_is_recorded_by_a_script():
    bundled = {p for p in EXAMPLES.glob("*/*.yaml") if p.name != "minutes.yaml"}  # sessions and rosters
    assert len(bundled) >= 3
    for path in bundled:
        assert any(path.name in s.read_text() or s.parent == path.parent for s in SCRIPTS), path


def test_the_board_example_passes_a_strict_check(tmp_path):
    (bundled,) = (EXAMPLES / "board").glob("*.yaml")
    shutil.copy(bundled, tmp_path)
    result = subprocess.run([sys.executable, "-m", "minutes", "check", "--strict", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def printed_schema() -> dict:
    """Return what `minutes schema` prints, read as JSON."""
    result = subprocess.run(
        [sys.executable, "-m", "minutes", "schema"], capture_output=True, text=True, env=minutes_env(), check=True
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize("session", SESSIONS, ids=[f"{p.parent.name}/{p.name}" for p in SESSIONS])
def test_the_modeline_of_each_example_resolves_to_the_schema_minutes_prints(session, printed_schema):
    assert yaml_language_server.schema_path(session).is_file()
    fix = f"minutes schema > examples/{session.parent.name}/.minutes/session.schema.json"
    assert yaml_language_server.schema(session) == printed_schema, f"the shipped schema is stale: {fix}"

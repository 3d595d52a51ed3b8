"""The bundled examples are what their scripts of minutes commands record."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutes import yamlio
from conftest import EXAMPLES


SCRIPTS = sorted(EXAMPLES.glob("*/record*.sh"))


@pytest.mark.parametrize("script", SCRIPTS, ids=[f"{s.parent.name}/{s.name}" for s in SCRIPTS])
def test_the_script_records_exactly_the_example_files(script, tmp_path):
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("MINUTES_FILE", None)
    result = subprocess.run(["bash", str(script)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    recorded = sorted(tmp_path.glob("*.yaml"))
    assert recorded
    for path in recorded:
        bundled = script.parent / path.name
        assert bundled.is_file(), f"{script.name} records {path.name}, which examples/{script.parent.name} lacks"
        assert yamlio.load(path.read_text(encoding="utf-8")) == yamlio.load(bundled.read_text(encoding="utf-8"))
        check = subprocess.run([sys.executable, "-m", "minutes", "check", str(bundled)], capture_output=True, text=True, env=env)
        assert check.returncode == 0, check.stderr


def test_every_bundled_session_is_recorded_by_a_script():
    bundled = {p for p in EXAMPLES.glob("*/*.yaml")}
    assert len(bundled) >= 3
    for path in bundled:
        assert any(path.name in s.read_text() or s.parent == path.parent for s in SCRIPTS), path


def test_the_board_example_passes_a_strict_check(tmp_path):
    (bundled,) = (EXAMPLES / "board").glob("*.yaml")
    shutil.copy(bundled, tmp_path)
    result = subprocess.run([sys.executable, "-m", "minutes", "check", "--strict", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

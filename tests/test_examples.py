"""The bundled examples are what their scripts of minutes commands record."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutes import yamlio
from conftest import EXAMPLES


@pytest.mark.parametrize("example", ["congress", "board"])
def test_the_script_records_exactly_the_example_file(example, tmp_path):
    folder = EXAMPLES / example
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("MINUTES_FILE", None)
    result = subprocess.run(
        ["bash", str(folder / "record.sh")], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    (recorded,) = tmp_path.glob("*.yaml")
    (bundled,) = folder.glob("*.yaml")
    assert recorded.name == bundled.name
    assert yamlio.load(recorded.read_text(encoding="utf-8")) == yamlio.load(bundled.read_text(encoding="utf-8"))
    check = subprocess.run(
        [sys.executable, "-m", "minutes", "check", str(bundled)], capture_output=True, text=True, env=env
    )
    assert check.returncode == 0, check.stderr


def test_the_board_example_passes_a_strict_check(tmp_path):
    (bundled,) = (EXAMPLES / "board").glob("*.yaml")
    shutil.copy(bundled, tmp_path)
    result = subprocess.run([sys.executable, "-m", "minutes", "check", "--strict", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

"""`minutes.records.checks` imports the model only where a check needs it, so a warm command that loads it stays light."""

from __future__ import annotations

import os
import subprocess
import sys


def test_importing_the_checks_imports_no_pydantic():
    code = "import sys\nimport minutes.records.checks\nprint('pydantic' in sys.modules, 'minutes.model.schema' in sys.modules)\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy())
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]


def test_a_check_still_finds_near_duplicate_names(cli, board):
    from minutes.records import checks

    cli("add-attendee", "Ana Webber")
    messages = [f.message for f in checks.check_file(board)]
    assert any("near-duplicate names" in m for m in messages), messages

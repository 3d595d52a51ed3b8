"""The installed `minutes` command, as a shell script calls it, running this checkout's code."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import minutes


def minutes_env() -> dict[str, str]:
    """Return an environment where `minutes` is the venv's command and imports this checkout's package."""
    source = str(Path(minutes.__file__).resolve().parent.parent)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (source, os.environ.get("PYTHONPATH")) if p)
    env.pop("MINUTES_FILE", None)
    return env

"""Figures the reliability tests measure, collected for docs/reliability.md."""

from __future__ import annotations

import json
import os


def record(name: str, **figures: object) -> None:
    """Append measured figures to $MINUTES_RELIABILITY_FIGURES (JSON lines), for docs/reliability.md."""
    target = os.environ.get("MINUTES_RELIABILITY_FIGURES")
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"test": name, **figures}) + "\n")

"""minutes: record meetings in plain YAML and render minutes and press releases."""

__version__ = "0.1.0"

from minutes.store import startup  # noqa: E402,F401 - before any module imports PyYAML

"""minutes: record meetings in plain YAML and render minutes and press releases."""

__version__ = "0.1.0"

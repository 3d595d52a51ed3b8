"""The one switch for every fast path: ``MINUTES_FAST=0`` turns them all off, anything else leaves them on.

The fast paths (each gives the same output as the slow way; tests/test_fastpaths.py compares both):
the plain command-line reader and name completion without Typer (``minutes.cli.main``);
appends that skip the pydantic model (``minutes.model.quick``); the parse cache (``minutes.store.cache``)
and the folder index (``minutes.store.index``); the shipped templates kept compiled (``minutes.render.compiled``);
the fast Markdown reader (``minutes.markdown.fast``, and ``markdown.text.ends_in_paragraph``'s short cut).
"""

import os


def enabled() -> bool:
    """Return whether the fast paths are on (read from the environment on every call)."""
    return os.environ.get("MINUTES_FAST") != "0"

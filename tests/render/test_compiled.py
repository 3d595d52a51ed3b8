"""Compiled templates kept in the cache folder: used for the very source they were compiled from, never an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes.render import templating
from minutes.render.i18n import catalog

pytestmark = pytest.mark.fast_path


def _render(template: Path) -> str:
    """Return what ``template`` makes of a small view, in a fresh environment (as a new process would)."""
    templating._environment.cache_clear()
    return templating.render("minutes", {"who": "Ana *Weber*"}, catalog("en"), template=template)


def _kept(cache: Path) -> list[Path]:
    return sorted((cache / "templates").glob("*.code"))


def test_a_template_is_compiled_once_and_its_kept_code_gives_the_same_text(tmp_path, private_cache, monkeypatch):
    template = tmp_path / "mine.md.j2"
    template.write_text("# {{ who }}\n", encoding="utf-8")
    first = _render(template)
    kept = _kept(private_cache)
    assert len(kept) == 1
    compiled = []
    monkeypatch.setattr(templating.Environment, "compile", lambda *a, **k: compiled.append(a) or pytest.fail("compiled"))
    assert _render(template) == first == "# Ana \\*Weber\\*\n"
    assert not compiled


def test_an_edited_template_is_compiled_again_and_never_served_stale(tmp_path, private_cache):
    template = tmp_path / "mine.md.j2"
    template.write_text("# {{ who }}\n", encoding="utf-8")
    _render(template)
    template.write_text("## {{ who }} spoke\n", encoding="utf-8")
    assert _render(template) == "## Ana \\*Weber\\* spoke\n"


@pytest.mark.parametrize("garbage", [b"", b"minutes compiled template 1\nnot the checksum\n", b"\x00" * 64])
def test_a_damaged_cache_file_is_compiled_over_without_an_error(tmp_path, private_cache, garbage):
    template = tmp_path / "mine.md.j2"
    template.write_text("# {{ who }}\n", encoding="utf-8")
    _render(template)
    (kept,) = _kept(private_cache)
    kept.write_bytes(garbage)
    assert _render(template) == "# Ana \\*Weber\\*\n"
    assert kept.read_bytes().startswith(b"minutes compiled template 1\n")  # written again, whole


def test_a_cache_folder_that_cannot_be_written_is_no_error(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("MINUTES_CACHE_DIR", str(blocked))
    template = tmp_path / "mine.md.j2"
    template.write_text("# {{ who }}\n", encoding="utf-8")
    assert _render(template) == "# Ana \\*Weber\\*\n"


def test_without_the_fast_paths_nothing_is_kept(tmp_path, private_cache, monkeypatch):
    monkeypatch.setenv("MINUTES_FAST", "0")
    template = tmp_path / "mine.md.j2"
    template.write_text("# {{ who }}\n", encoding="utf-8")
    assert _render(template) == "# Ana \\*Weber\\*\n"
    assert not _kept(private_cache)

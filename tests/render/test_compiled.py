"""The shipped templates compiled once and kept beside them: used for the very source they came from, never an error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from minutes.render import compiled, context, resources, templating
from minutes.render.i18n import catalog
from minutes.store import loader

pytestmark = pytest.mark.fast_path

BOARD = Path(__file__).resolve().parents[2] / "examples" / "board" / "2024-03-12-regular-board-meeting.yaml"


@pytest.fixture
def shipped(tmp_path, monkeypatch) -> Path:
    """Return a copy of the shipped templates, used as the shipped ones."""
    folder = tmp_path / "templates"
    shutil.copytree(resources.templates_dir(), folder, ignore=shutil.ignore_patterns(compiled.FOLDER))
    monkeypatch.setattr(compiled, "templates_dir", lambda: folder)
    monkeypatch.setattr(templating, "templates_dir", lambda: folder)
    return folder


def _render(kind: str = "agenda", template: Path | None = None) -> str:
    """Return the board example rendered by ``kind``'s template in a fresh environment (as a new process would)."""
    templating._environment.cache_clear()
    session = loader.load(BOARD)
    cat = catalog("en")
    return templating.render(kind, context.build(session, cat), cat, template=template)


def _kept(folder: Path) -> list[Path]:
    return sorted((folder / compiled.FOLDER).glob("*.jinja"))


def test_a_shipped_template_is_compiled_once_and_its_kept_code_gives_the_same_text(shipped, monkeypatch):
    first = _render()
    assert len(_kept(shipped)) == 1
    monkeypatch.setattr(templating.Environment, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert _render() == first
    assert "Regular Board Meeting" in first


def test_an_edited_template_is_compiled_again_and_never_served_stale(shipped):
    before = _render()
    source = shipped / "agenda.md.j2"
    source.write_text(source.read_text(encoding="utf-8") + "\nEdited at the end.\n", encoding="utf-8")
    after = _render()
    assert after.endswith("Edited at the end.\n") and not before.endswith("Edited at the end.\n")


@pytest.mark.parametrize("garbage", [b"", b"minutes compiled template 1\nnot the checksum\n", b"\x00" * 64])
def test_a_damaged_file_is_compiled_over_without_an_error(shipped, garbage):
    first = _render()
    (kept,) = _kept(shipped)
    kept.write_bytes(garbage)
    assert _render() == first
    assert kept.read_bytes().startswith(b"minutes compiled template 1\n")  # written again, whole


def test_a_folder_that_cannot_be_written_is_no_error(shipped):
    (shipped / compiled.FOLDER).write_text("a file where the folder would be", encoding="utf-8")
    first = _render()
    assert _render() == first


def test_a_users_own_template_and_the_cache_folder_keep_no_code(shipped, tmp_path, private_cache):
    mine = tmp_path / "mine.md.j2"
    mine.write_text("# {{ session.title }}\n", encoding="utf-8")
    assert _render(template=mine) == "# Regular Board Meeting\n"
    assert not _kept(shipped)
    assert not [p for p in private_cache.rglob("*") if p.is_file() and "templates" in p.parts]


def test_without_the_fast_paths_nothing_is_kept(shipped, monkeypatch):
    monkeypatch.setenv("MINUTES_FAST", "0")
    with_cache_off = _render()
    assert not _kept(shipped)
    monkeypatch.delenv("MINUTES_FAST")
    assert _render() == with_cache_off

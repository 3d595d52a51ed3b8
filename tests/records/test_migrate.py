"""`minutes migrate`: every example and golden session renders the same after it, comments kept, run twice alike."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from render_fixtures import CONGRESS, EXAMPLES, KINDS, LANGS

from minutes.errors import MinutesError
from minutes.model.digest import content_hash
from minutes.render import styles
from minutes.records import migrate
from minutes.records.publish import render_file
from minutes.render.pipeline import RenderOptions
from minutes.store.loader import load

ROOT = Path(__file__).resolve().parents[2]


def _documents(path: Path) -> dict[tuple[str, str, str], str]:
    """Return every rendering of ``path`` (minutes and release, Markdown and JSON, four languages), its hash blanked."""
    session = load(path)
    seal = content_hash(session)
    sealed = styles.resolve("minutes", None, session.effective_settings())["hash"]  # council and notes print no hash
    out = {}
    for kind in KINDS:
        for lang in LANGS:
            for fmt in ("md", "json"):
                text = render_file(path, RenderOptions(kind=kind, fmt=fmt, lang=lang)).data.decode()
                assert seal in text or fmt == "json" or kind == "release" or not sealed
                out[kind, lang, fmt] = text.replace(seal, "HASH")
    return out


def _sessions(tmp_path: Path) -> list[Path]:
    """Return copies of every example folder's sessions (and the congress fixture as a version 1 file)."""
    copies = []
    for folder in sorted({p.parent for p in EXAMPLES}):
        shutil.copytree(folder, tmp_path / folder.name)
        copies += sorted(p for p in (tmp_path / folder.name).glob("*.yaml")
                         if p.name not in ("people.yaml", "minutes.yaml"))
    for copy in copies:  # the examples as they were before they were migrated: version 1, sealed as such
        _as_version_1(copy)
    fixture = tmp_path / "fixture" / "congress.yaml"
    fixture.parent.mkdir()
    fixture.write_text(yaml.safe_dump({"schema_version": 1, **CONGRESS}, allow_unicode=True, sort_keys=False),
                       encoding="utf-8")
    tricky = tmp_path / "fixture" / "tricky.yaml"
    tricky.write_text(yaml.safe_dump(TRICKY, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return [*copies, fixture, tricky]


def _as_version_1(path: Path) -> None:
    """Turn a migrated example back into the version 1 file it was (its texts needed no escaping), resealed."""
    from minutes.model.digest import content_hash
    from minutes.store.loader import parse

    text = path.read_text(encoding="utf-8").replace("\nschema_version: 2\n", "\nschema_version: 1\n", 1)
    session = parse(text, path)
    if session.approval.hash:
        text = text.replace(f"hash: {session.approval.hash}", f"hash: {content_hash(session)}")
    path.write_text(text, encoding="utf-8")
    assert load(path).schema_version == 1


_ODD = ("*stars* and _under_scores_ [brackets](x) `ticks` <b>tags</b> &amp; | pipes | # hash\n"
        "1. not a list\n- nor this\n> nor a quote\n\n<!-- style: Title -->\nsee https://example.org/a_b?c=1 ##")
TRICKY = {
    "schema_version": 1, "title": "Odd *texts*", "date": "2024-03-12", "lang": "en",
    "people": [{"id": "ana", "name": "Ana Weber", "pronoun": "she"}],
    "attendees": [{"person": "ana"}],
    "proceedings": [
        {"kind": "discussion", "text": _ODD, "note": "a *note*\nover two lines"},
        {"kind": "report", "presenter": "ana", "title": "1. Costs_2024 [draft]", "summary": "said *that* " + _ODD,
         "points": ["noted *x*\nand y", "- a dash", "asked about https://example.org/q"]},
        {"kind": "speech", "speaker": "ana", "topic": "# topics <i>", "summary": "Opened with | a pipe."},
        {"kind": "resolution", "title": {"en": "Adopt [it]", "de": "Annahme *x*"}, "text": _ODD, "result": "adopted"},
        {"kind": "action", "task": "Send `the` list | now", "owner": "ana"},
    ],
    "press": {"boilerplate": _ODD},
}


def test_every_example_and_golden_session_renders_the_same_after_migration(tmp_path):
    paths = _sessions(tmp_path)
    assert len(paths) == len(EXAMPLES) + 2
    for path in paths:
        before = _documents(path)
        assert migrate.migrate(path) is True
        assert load(path).schema_version == 2
        after = _documents(path)
        changed = [key for key in before if before[key] != after[key]]
        assert not changed, f"{path.name}: {changed[:3]} render differently after migration"


def test_migration_escapes_what_markdown_would_read_and_leaves_the_rest(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(
        "# the board's record\n"
        "schema_version: 1\n"
        "title: Board  # a comment after a value\n"
        "date: 2024-03-12\n"
        "lang: en\n"
        "proceedings:\n"
        "  # the first item\n"
        "  - kind: discussion\n"
        "    text: \"Costs *rose* by 5 [sic]\\nsee below\"\n"
        "  - kind: resolution\n"
        "    title: {en: \"1. Budget <b>\", de: Haushalt}\n"
        "    text: plain words\n"
        "    result: adopted\n", encoding="utf-8")
    assert migrate.migrate(path) is True
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# the board's record\nschema_version: 2\n")
    assert "title: Board  # a comment after a value\n" in text and "  # the first item\n" in text
    assert "text: plain words\n" in text and "de: Haushalt" in text  # texts with nothing to escape are left alone
    s = load(path)
    assert s.proceedings[0].text == "Costs \\*rose\\* by 5 \\[sic\\]\\\nsee below"
    assert s.proceedings[1].title == {"en": "1\\. Budget \\<b>", "de": "Haushalt"}
    assert migrate.migrate(path) is False and path.read_text(encoding="utf-8") == text  # idempotent


def test_the_command_migrates_each_file_and_says_so(tmp_path):
    old, new, bad = tmp_path / "old.yaml", tmp_path / "new.yaml", tmp_path / "bad.yaml"
    old.write_text("schema_version: 1\ntitle: A\ndate: 2024-03-12\nlang: en\n", encoding="utf-8")
    new.write_text("schema_version: 2\ntitle: B\ndate: 2024-03-12\nlang: en\n", encoding="utf-8")
    bad.write_text("schema_version: 1\ntitle: C\ndate: not a date\n", encoding="utf-8")
    run = lambda *files: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "minutes", "migrate", *map(str, files)], capture_output=True, text=True, cwd=tmp_path)
    done = run(old, new)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"{old}: migrated to schema version 2"]
    assert "already version 2" in done.stderr and new.read_text(encoding="utf-8").startswith("schema_version: 2\ntitle: B")
    before = bad.read_bytes()
    failed = run(bad)
    assert failed.returncode == 1 and "bad.yaml" in failed.stderr and len(failed.stderr.strip().splitlines()) == 1
    assert bad.read_bytes() == before


def test_approved_minutes_keep_a_seal_that_matches(tmp_path):
    from minutes.records.approval import verify

    source = next(p for p in EXAMPLES if load(p).approval.status == "approved")
    path = tmp_path / source.name
    shutil.copy(source, path)
    assert verify(path)[0]
    migrate.migrate(path)
    assert load(path).schema_version == 2 and verify(path)[0]
    path.write_text(path.read_text(encoding="utf-8").replace("schema_version: 2", "schema_version: 1"), encoding="utf-8")
    with pytest.raises(MinutesError, match="changed since it was approved"):
        migrate.migrate(path)

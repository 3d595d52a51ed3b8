"""Paths: hostile titles, absolute paths and symlinks never make minutes write outside its folder.

`new` writes only in the working folder; `render` (as soon as the command exists; it joins these
tests automatically) writes only in --out and embeds no file from outside the session's folder.
Each test builds a sandbox with a `work` folder (where minutes runs) and an `outside` folder holding
a victim file, and checks that everything outside `work` (and `out`) is exactly as it was.
"""

from __future__ import annotations

import hashlib
import os
import re
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
import typer.main
import typer.testing
import yaml
from typer.testing import CliRunner

from minutes import store
from minutes.cli import app

COMMAND = typer.main.get_command(app)
HAS_RENDER = "render" in COMMAND.commands  # type: ignore[attr-defined]
NAME_MAX = 255
TEMP_SUFFIX = len(".tmp-") + 8 + 1  # mkstemp adds 8 random characters; the temp name starts with "."

HOSTILE_TITLES = [
    "../../etc/passwd",
    "/etc/passwd",
    "..",
    ".",
    "../",
    "~/.bashrc",
    "a/../../b",
    "..\\..\\Windows\\System32\\config",
    "\\\\server\\share\\x",
    "$(touch pwned)",
    "`touch pwned`",
    "-rf",
    "*",
    "name\nwith newline",
    ".minutes/current",
    ".hidden",
    "CON",
    "nul:",
]


class Sandbox:
    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = root
        self.work = root / "work"
        self.outside = root / "outside"
        self.out = root / "out"
        for folder in (self.work, self.outside, self.out):
            folder.mkdir()
        self.victim = self.outside / "victim.txt"
        self.victim.write_text("do not touch\n")
        monkeypatch.chdir(self.work)
        monkeypatch.delenv("MINUTES_FILE", raising=False)
        monkeypatch.setattr(typer.testing, "_get_command", lambda _: COMMAND)

    def snapshot(self, *skip: Path) -> dict[str, str]:
        """Return every path under the sandbox (but not under ``skip``) with a digest of its content."""
        seen = {}
        for path in sorted(self.root.rglob("*")):
            if any(path == s or s in path.parents for s in skip):
                continue
            if path.is_symlink():
                seen[str(path)] = "-> " + os.readlink(path)
            elif path.is_file():
                seen[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                seen[str(path)] = "dir"
        return seen

    def run(self, *args: str):
        result = CliRunner().invoke(app, list(args), catch_exceptions=True, prog_name="minutes")
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert "Traceback" not in result.output + result.stderr
        return result


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    return Sandbox(tmp_path, monkeypatch)


def writers() -> list[str]:
    """The commands that create files: `new` always, `render` once it exists."""
    return ["new", *(["render"] if HAS_RENDER else [])]


def _render(sandbox: Sandbox, session: Path, fmt: str = "md"):
    return sandbox.run("render", str(session), "--out", str(sandbox.out), "--format", fmt)


def _session_with_title(sandbox: Sandbox, title: str) -> Path:
    result = sandbox.run("new", "--date", "2024-03-12", "--", title)
    assert result.exit_code == 0, result.stderr
    (created,) = [p for p in sandbox.work.iterdir() if p.suffix == ".yaml"]
    return created


@pytest.mark.parametrize("writer", writers())
@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_a_hostile_title_never_makes_a_command_write_outside_its_folder(sandbox: Sandbox, title: str, writer: str):
    before = sandbox.snapshot(sandbox.work, sandbox.out)
    session = _session_with_title(sandbox, title)
    assert session.parent == sandbox.work
    assert re.fullmatch(r"2024-03-12-[\w-]+\.yaml", session.name), session.name
    assert yaml.safe_load(session.read_text(encoding="utf-8"))["title"] == title
    if writer == "render":
        result = _render(sandbox, session)
        assert result.exit_code == 0, result.stderr
        made = list(sandbox.out.iterdir())
        assert made and all(p.parent == sandbox.out and not p.name.startswith(".") for p in made)
    assert sandbox.snapshot(sandbox.work, sandbox.out) == before
    assert not (sandbox.root / "pwned").exists() and not (sandbox.work / "pwned").exists()


@pytest.mark.parametrize(
    "title",
    ["第" * 300, "🎉" * 200, "a" * 1000, "Zweite Sitzung des Ausschusses für Angelegenheiten " * 20, "é" * 300],
    ids=["cjk", "emoji", "ascii", "german", "accents"],
)
def test_a_very_long_title_makes_a_file_name_that_fits_with_its_lock_and_temp_files(sandbox: Sandbox, title: str):
    session = _session_with_title(sandbox, title)
    assert len(session.name.encode()) + TEMP_SUFFIX <= NAME_MAX, len(session.name.encode())
    assert len(store.lock_path(session).name.encode()) <= NAME_MAX
    result = sandbox.run("add-item", "note", "still writable", "-f", str(session))
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("target", ["victim.txt", "does-not-exist.txt"])
def test_new_refuses_a_symlink_planted_at_its_file_name(sandbox: Sandbox, target: str):
    planted = sandbox.work / "2024-03-12-board.yaml"
    planted.symlink_to(sandbox.outside / target)
    before = sandbox.snapshot(sandbox.work / ".minutes")
    result = sandbox.run("new", "Board", "--date", "2024-03-12")
    assert result.exit_code == 1
    assert "already exists" in result.stderr
    assert sandbox.snapshot(sandbox.work / ".minutes") == before
    assert planted.is_symlink() and not (sandbox.outside / "does-not-exist.txt").exists()


@pytest.mark.parametrize("command", ["new", "add-speech"])
def test_a_symlink_planted_at_the_lock_file_is_never_followed(sandbox: Sandbox, command: str):
    if command == "add-speech":
        session = _session_with_title(sandbox, "Board")
        assert sandbox.run("add-attendee", "Ana Lima", "-f", str(session)).exit_code == 0
        store.lock_path(session).unlink()
        args = ["add-speech", "Ana", "--summary", "x", "-f", str(session)]
    else:
        session = sandbox.work / "2024-03-12-board.yaml"
        args = ["new", "Board", "--date", "2024-03-12"]
    store.lock_path(session).parent.mkdir(parents=True, exist_ok=True)
    store.lock_path(session).symlink_to(sandbox.victim)
    before = sandbox.snapshot(sandbox.work)
    result = sandbox.run(*args)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "symbolic link" in lines[0], lines
    assert sandbox.victim.read_text() == "do not touch\n"
    assert sandbox.snapshot(sandbox.work) == before


def test_new_never_writes_through_a_symlinked_state_folder(sandbox: Sandbox):
    elsewhere = sandbox.outside / "state"
    elsewhere.mkdir()
    (sandbox.work / ".minutes").symlink_to(elsewhere)
    before = sandbox.snapshot(sandbox.work)
    result = sandbox.run("new", "Board", "--date", "2024-03-12")
    assert result.exit_code in (0, 1)
    assert list(elsewhere.iterdir()) == [], "minutes wrote into the folder the .minutes link points to"
    assert sandbox.snapshot(sandbox.work) == before


def test_a_symlinked_session_file_is_written_through_and_stays_a_link(sandbox: Sandbox):
    shared = sandbox.outside / "2024-03-12-board.yaml"
    real = _session_with_title(sandbox, "Board")
    assert sandbox.run("add-attendee", "Ana Lima", "-f", str(real)).exit_code == 0
    real.rename(shared)
    store.lock_path(real).unlink()
    link = sandbox.work / "board.yaml"
    link.symlink_to(shared)
    result = sandbox.run("add-speech", "Ana", "--summary", "through the link", "-f", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and link.resolve() == shared
    assert "through the link" in shared.read_text(encoding="utf-8")
    assert not store.leftover_temps(shared) and not store.leftover_temps(link)
    assert store.lock_path(shared).exists()  # the target is what is locked


def _png(marker: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"tEXt", b"Comment\x00" + marker)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")
    )


def test_an_attachment_outside_the_session_folder_is_never_embedded(sandbox: Sandbox):
    marker = b"SECRET-MARKER-7f3a"
    secret = sandbox.outside / "secret.png"
    secret.write_bytes(_png(marker))
    (sandbox.work / "inside-link.png").symlink_to(secret)
    session = _session_with_title(sandbox, "Board")
    assert sandbox.run("add-attendee", "Ana Lima", "-f", str(session)).exit_code == 0
    before = sandbox.snapshot(sandbox.work, sandbox.out)
    for path in ("../outside/secret.png", str(secret), "inside-link.png", "../../../../../../etc/passwd"):
        result = sandbox.run("add-speech", "Ana", "--summary", "x", "--attach", path, "-f", str(session))
        assert result.exit_code in (0, 1), result.stderr
    assert sandbox.snapshot(sandbox.work, sandbox.out) == before  # adding reads and copies nothing
    if HAS_RENDER:
        for fmt in ("md", "docx", "json"):
            result = _render(sandbox, session, fmt)
            assert result.exit_code in (0, 1), result.stderr
        for made in sandbox.out.iterdir():
            data = made.read_bytes()
            parts = [data]
            if zipfile.is_zipfile(made):
                with zipfile.ZipFile(made) as docx:
                    parts += [docx.read(name) for name in docx.namelist()]
            assert not any(marker in part for part in parts), f"{made.name} embeds a file from outside"
            assert not any(b"root:x:0:0" in part for part in parts), f"{made.name} embeds /etc/passwd"
        assert sandbox.snapshot(sandbox.work, sandbox.out) == before


@pytest.mark.parametrize("writer", writers())
def test_a_symlink_at_an_output_name_is_replaced_not_written_through(sandbox: Sandbox, writer: str):
    """The output goes where it belongs; a planted link is replaced, its target is left alone."""
    if writer == "new":  # `new` refuses instead; see test_new_refuses_a_symlink_planted_at_its_file_name
        planted = sandbox.work / "2024-03-12-board.yaml"
        planted.symlink_to(sandbox.victim)
        assert sandbox.run("new", "Board", "--date", "2024-03-12").exit_code == 1
    else:
        session = _session_with_title(sandbox, "Board")
        assert _render(sandbox, session).exit_code == 0
        (made,) = list(sandbox.out.iterdir())
        made.unlink()
        made.symlink_to(sandbox.victim)
        assert _render(sandbox, session).exit_code in (0, 1)
    assert sandbox.victim.read_text() == "do not touch\n"

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
import stat
import subprocess
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
import typer.main
import typer.testing
import yaml
from typer.testing import CliRunner

from minutes.store import atomic as store
from minutes.cli.app import app

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


# --- lock files out of sight, long names, shared folders ---------------------------------------------------


def test_lock_files_live_in_the_state_folder_not_beside_the_sessions(tmp_path: Path):
    path = tmp_path / "2024-03-12-board.yaml"
    path.write_text("a: 1\n")
    store.update(path, lambda text: text + "b: 2\n", lambda p: p.read_text())
    assert sorted(p.name for p in tmp_path.iterdir()) == [".minutes", path.name]
    assert [p.name for p in (tmp_path / ".minutes" / "locks").iterdir()] == [f"{path.name}.lock"]


@pytest.mark.parametrize("planted", ["state-link", "locks-link", "state-file"])
def test_a_state_folder_that_is_a_symlink_or_a_file_is_not_used_for_locks(tmp_path: Path, planted: str):
    """Never through a symlink: the lock then goes next to the file, as `.NAME.lock`."""
    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    work.mkdir()
    elsewhere.mkdir()
    if planted == "state-link":
        (work / ".minutes").symlink_to(elsewhere)
    elif planted == "locks-link":
        (work / ".minutes").mkdir()
        (work / ".minutes" / "locks").symlink_to(elsewhere)
    else:
        (work / ".minutes").write_text("not a folder")
    path = work / "s.yaml"
    path.write_text("a: 1\n")
    store.update(path, lambda text: text + "b: 2\n", lambda p: p.read_text())
    assert path.read_text() == "a: 1\nb: 2\n"
    assert list(elsewhere.iterdir()) == []
    assert store.lock_path(path) == work / ".s.yaml.lock" and store.lock_path(path).is_file()


@pytest.mark.parametrize("length", [240, 245, 250, 255])
def test_a_file_with_a_name_of_up_to_255_bytes_can_be_written(tmp_path: Path, length: int):
    """The temp name `.NAME.tmp-XXXXXXXX` and the lock name `NAME.lock` are shortened with a hash to fit."""
    path = tmp_path / ("é" * ((length - 5) // 2) + "x" * ((length - 5) % 2) + ".yaml")
    assert len(path.name.encode()) == length
    path.write_text("a: 1\n")
    store.update(path, lambda text: text + "b: 2\n", lambda p: p.read_text())
    store.update(path, lambda text: text + "c: 3\n", lambda p: p.read_text())
    assert path.read_text() == "a: 1\nb: 2\nc: 3\n"
    lock = store.lock_path(path)
    assert lock.exists() and len(lock.name.encode()) <= NAME_MAX
    assert not store.leftover_temps(path)
    other = path.with_name("é" * ((length - 5) // 2) + "y" * ((length - 5) % 2 or 1) + ".yaml")
    if len(other.name.encode()) <= NAME_MAX and other.name != path.name:
        assert store.lock_path(other) != lock  # two long names never share a lock


def test_a_name_too_long_for_the_file_system_gets_one_line(cli):
    result = cli("add-speech", "Ana", "--summary", "x", "-f", "a" * 300 + ".yaml", code=1)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("minutes: error: ") and "name too long" in lines[0].lower(), lines


SPARE_GID = 4242


def test_a_write_keeps_the_files_group_and_mode(tmp_path: Path):
    """The atomic replace makes a new file: it gets the old one's group and mode, not the writer's."""
    if os.geteuid() != 0:
        pytest.skip("giving a file another group needs root")  # pragma: no cover - the suite runs as root
    path = tmp_path / "s.yaml"
    path.write_text("a: 1\n")
    os.chown(path, -1, SPARE_GID)
    path.chmod(0o660)
    store.update(path, lambda text: text + "b: 2\n", lambda p: p.read_text())
    after = path.stat()
    assert (after.st_gid, stat.S_IMODE(after.st_mode)) == (SPARE_GID, 0o660)
    assert path.read_text() == "a: 1\nb: 2\n"


def test_lock_folders_and_files_are_usable_by_everyone_who_may_write_in_a_shared_folder(tmp_path: Path):
    """A group-shared folder (setgid, group-writable): the lock folders get its mode and group, and the
    lock file is group-writable, so the first writer does not lock the others out."""
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chown(shared, -1, SPARE_GID)
    shared.chmod(0o2775)
    path = shared / "s.yaml"
    path.write_text("a: 1\n")
    old = os.umask(0o022)
    try:
        store.update(path, lambda text: text + "b: 2\n", lambda p: p.read_text())
    finally:
        os.umask(old)
    for folder in (shared / ".minutes", shared / ".minutes" / "locks"):
        st = folder.stat()
        assert (st.st_gid, stat.S_IMODE(st.st_mode)) == (SPARE_GID, 0o2775), folder
    lock = store.lock_path(path).stat()
    assert lock.st_gid == SPARE_GID and stat.S_IMODE(lock.st_mode) == 0o664


def test_a_lock_file_another_user_made_read_only_does_not_lock_the_others_out(tmp_path: Path):
    """flock needs no write access: a lock file we may only read still serves as the lock."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="minutes-shared-", dir="/tmp"))  # reachable by another user
    request_cleanup = lambda: shutil.rmtree(folder, ignore_errors=True)  # noqa: E731
    folder.chmod(0o777)
    path = folder / "s.yaml"
    path.write_text("a: 1\n")
    path.chmod(0o666)
    lock = store.lock_path(path)
    lock.parent.mkdir(parents=True)
    lock.parent.parent.chmod(0o777)
    lock.parent.chmod(0o777)
    lock.write_text("")
    lock.chmod(0o644)  # made by the first writer, root, with the old default mode
    script = (
        "import os, sys; from pathlib import Path; from minutes.store import atomic as store, yamlio; "
        "os.setgroups([]); os.setgid(65534); os.setuid(65534); p = Path(sys.argv[1]); "
        "store.update(p, lambda t: t + 'b: 2\\n', lambda q: q.read_text())"
    )
    if os.geteuid() != 0:
        pytest.skip("becoming another user needs root")  # pragma: no cover - the suite runs as root
    assert os.stat(lock).st_uid != 65534
    result = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        assert result.returncode == 0, result.stderr
        assert path.read_text() == "a: 1\nb: 2\n"
    finally:
        request_cleanup()


# --- .minutes/current, file names with control characters, upper-case .YAML ------------------------

SESSION = (Path(__file__).parents[1] / "bad" / "ok-plain.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("points_to", ["ABSOLUTE", "../outside/s.yaml", "sub/../../outside/s.yaml", "link/s.yaml"])
def test_a_current_marker_pointing_outside_the_folder_is_refused_with_one_line(cli, points_to: str):
    outside = cli.folder.parent / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "s.yaml").write_text(SESSION, encoding="utf-8")
    (cli.folder / "link").symlink_to(outside)
    (cli.folder / ".minutes").mkdir()
    name = str(outside / "s.yaml") if points_to == "ABSOLUTE" else points_to
    (cli.folder / ".minutes" / "current").write_text(name + "\n", encoding="utf-8")
    before = (outside / "s.yaml").read_bytes()
    for args in (["show"], ["add-speech", "Ana", "--summary", "x"]):
        result = cli(*args, code=1)
        (line,) = result.stderr.splitlines()
        assert line.startswith("minutes: error: ") and ".minutes/current: points outside this folder" in line
    assert (outside / "s.yaml").read_bytes() == before


def test_a_current_marker_inside_the_folder_still_works(cli):
    (cli.folder / "sub").mkdir()
    (cli.folder / "sub" / "s.yaml").write_text(SESSION, encoding="utf-8")
    cli("use", "sub/s.yaml")
    assert "Board meeting" in cli("show").stdout


def test_a_fifo_at_the_current_marker_is_refused_not_waited_on(cli):
    (cli.folder / ".minutes").mkdir()
    os.mkfifo(cli.folder / ".minutes" / "current")
    result = cli("show", code=1)
    assert "current: is a FIFO, not a regular file" in result.stderr


def test_control_and_bidi_characters_in_file_names_are_shown_escaped(cli):
    good, evil = "a\nb.yaml", "evil\u202elmay.yaml"
    (cli.folder / good).write_text(SESSION, encoding="utf-8")
    (cli.folder / evil).write_text(SESSION.replace("title: Board meeting", "title: Board\x07meeting"), encoding="utf-8")
    listed = cli("list", ".").stdout
    assert "a\\nb.yaml" in listed and "evil\\u202elmay.yaml" in listed
    assert "\u202e" not in listed and len(listed.splitlines()) == 3  # a header and one line per file
    checked = cli("check", ".", code=1)
    assert "error: evil\\u202elmay.yaml:3: character U+0007" in checked.stderr
    assert "\u202e" not in checked.stdout + checked.stderr and "warning: a\\nb.yaml: " in checked.stdout
    shown = cli("show", evil, code=1).stderr
    assert shown == "minutes: error: evil\\u202elmay.yaml:3: character U+0007 is not allowed (control or special character)\n"


def test_names_are_shown_escaped_but_emoji_and_other_scripts_stay_as_they_are():
    from minutes.errors import shown

    assert shown("会议 👩🏽\u200d💻 مجلس.yaml") == "会议 👩🏽\u200d💻 مجلس.yaml"
    assert shown("a\tb\x1b\x85\u2028\u200f\udcff.yaml") == "a\\tb\\x1b\\x85\\u2028\\u200f\\xff.yaml"


def test_upper_case_yaml_files_are_sessions_too(cli):
    (cli.folder / "A.YAML").write_text(SESSION, encoding="utf-8")
    (cli.folder / "b.Yml").write_text(SESSION.replace("Board meeting", "Second meeting"), encoding="utf-8")
    (cli.folder / "notes.txt").write_text("not a session", encoding="utf-8")
    listed = cli("list", ".").stdout
    assert "A.YAML" in listed and "b.Yml" in listed and "notes.txt" not in listed
    assert "2 file(s) checked" in cli("check", ".").stdout

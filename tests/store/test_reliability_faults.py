"""Faults: a full disk, a read-only folder, a missing folder, a file replaced by a folder.

Each must end in exit 1 and a one-line message, leave the original byte-identical, leave no temp file,
and release the lock so that the next command works.

How the faults are made:
- Full disk: in-process, `os.write`, `os.fsync` or `tempfile.mkstemp` of the temp file raise ENOSPC
  (after writing half the data, for the partial write); and in a real `minutes` process, a file-size
  limit (RLIMIT_FSIZE) makes the kernel refuse the write part-way with EFBIG.
- Read-only folder: the tests run as root, and chmod does not stop root. So a real `minutes` process
  imports everything as root, then drops to uid/gid 65534 (nobody) before it runs the command, in a
  folder owned by root with mode 0755. Run as another user, the folder is made 0555 instead. Either
  way, the kernel refuses the write; nothing is simulated. A read-only file system (EROFS) is also
  injected in-process.
"""

from __future__ import annotations

import errno
import os
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer.main
import typer.testing
from typer.testing import CliRunner

from minutes.store import atomic as store
from minutes.cli.app import app

COMMAND = typer.main.get_command(app)
BIN = Path(sys.executable).with_name("minutes")

SESSION = """\
# A session for fault tests; this comment must survive.
schema_version: 1
title: Faults
date: 2024-03-12
people:
- id: ana
  name: Ana Lima
attendees:
- person: ana
  status: present
proceedings:
- kind: ceremony
  text: The meeting opened.
"""

# Every command that writes a session, as run against FILE.
WRITES = {
    "add-speech": ["add-speech", "Ana", "--summary", "lost?", "-f", "FILE"],
    "add-item": ["add-item", "discussion", "lost?", "-f", "FILE"],
    "add-attendee": ["add-attendee", "Ben Okafor", "-f", "FILE"],
    "set": ["set", "adjourned", "18:30", "-f", "FILE"],
    "remove": ["remove", "1", "-f", "FILE"],
}


class Folder:
    """A folder holding one session file, and a way to run minutes in it."""

    def __init__(self, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.path = path
        self.file = path / "2024-03-12-faults.yaml"
        self.file.write_text(SESSION, encoding="utf-8")
        self.original = self.file.read_bytes()
        self.mode = self.file.stat().st_mode
        monkeypatch.chdir(path)
        monkeypatch.delenv("MINUTES_FILE", raising=False)
        monkeypatch.setattr(typer.testing, "_get_command", lambda _: COMMAND)

    def run(self, args: list[str]):
        argv = [str(self.file) if a == "FILE" else a for a in args]
        result = CliRunner().invoke(app, argv, catch_exceptions=True, prog_name="minutes")
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        return result

    def assert_refused_cleanly(self, result, *reasons: str) -> str:
        """Exit 1, one line naming the file and the reason, original intact, no temp, lock free."""
        assert result.exit_code == 1, (result.stdout, result.stderr)
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, lines
        line = lines[0]
        assert line.startswith("minutes: error: ")
        assert "internal error" not in line and "Traceback" not in result.stderr
        assert any(reason.lower() in line.lower() for reason in reasons), line
        assert self.file.read_bytes() == self.original
        assert self.file.stat().st_mode == self.mode
        assert not store.leftover_temps(self.file), store.leftover_temps(self.file)
        with store.locked(self.file, timeout=0):  # the failed writer released the lock
            pass
        return line

    def assert_next_write_works(self) -> None:
        result = self.run(["add-item", "note", "after the fault", "-f", "FILE"])
        assert result.exit_code == 0, result.stderr
        assert "after the fault" in self.file.read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Folder:
    return Folder(tmp_path, monkeypatch)


def _is_temp(fd: int) -> bool:
    try:
        return ".tmp-" in os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return False


def _enospc() -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


# --- full disk -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", WRITES)
def test_a_full_disk_while_writing_leaves_the_file_byte_identical(folder: Folder, monkeypatch, command: str):
    real_write = os.write
    calls = []

    def write(fd: int, data) -> int:
        if _is_temp(fd):
            calls.append(len(data))
            if len(calls) == 1:  # the disk fills part-way: half the data goes to the temp file
                return real_write(fd, bytes(data[: max(1, len(data) // 2)]))
            raise _enospc()
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)
    result = folder.run(WRITES[command])
    folder.assert_refused_cleanly(result, "No space left on device")
    assert len(calls) == 2, "the fault was never reached"
    monkeypatch.undo()
    folder.assert_next_write_works()


@pytest.mark.parametrize(
    ("where", "fault"),
    [
        ("fsync", errno.ENOSPC),  # delayed allocation: the disk is found full only at fsync
        ("fsync", errno.EIO),
        ("mkstemp", errno.ENOSPC),  # no inode left for the temp file
        ("mkstemp", errno.EDQUOT),
        ("replace", errno.EIO),
        ("replace", errno.EXDEV),
    ],
)
def test_a_write_that_fails_at_any_step_leaves_the_file_byte_identical(folder: Folder, monkeypatch, where, fault):
    hit = []

    def fail(*args, **kwargs):
        hit.append(args)
        raise OSError(fault, os.strerror(fault))

    if where == "fsync":
        real_fsync = os.fsync
        monkeypatch.setattr(os, "fsync", lambda fd: fail(fd) if _is_temp(fd) else real_fsync(fd))
    elif where == "mkstemp":
        monkeypatch.setattr(store.tempfile, "mkstemp", fail)
    else:  # the rename: a plain one, or the swap of the two names where the system has it
        monkeypatch.setattr(os, "replace", fail)
        monkeypatch.setattr(store, "_exchange", fail)
    result = folder.run(WRITES["add-speech"])
    folder.assert_refused_cleanly(result, os.strerror(fault))
    assert hit
    monkeypatch.undo()
    folder.assert_next_write_works()


def test_a_full_disk_that_cannot_even_record_the_lock_holder_does_not_stop_a_write(folder: Folder, monkeypatch):
    """The pid in the lock file only serves messages: failing to write it must not fail the command."""
    real_pwrite = os.pwrite

    def pwrite(fd: int, data: bytes, offset: int) -> int:
        if os.readlink(f"/proc/self/fd/{fd}").endswith(".lock"):
            raise _enospc()
        return real_pwrite(fd, data, offset)

    monkeypatch.setattr(os, "pwrite", pwrite)
    result = folder.run(WRITES["add-speech"])
    assert result.exit_code == 0, result.stderr
    assert "lost?" in folder.file.read_text(encoding="utf-8")


def test_a_file_size_limit_hit_by_a_real_minutes_process_leaves_the_file_byte_identical(folder: Folder):
    """The kernel itself refuses the write part-way (EFBIG), in a real `minutes` process."""
    limit = len(folder.original) + 16  # the new file is longer: its write crosses the limit

    def limit_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run(
        [str(BIN), "add-speech", "Ana", "--summary", "x" * 200, "-f", str(folder.file)],
        capture_output=True, text=True, preexec_fn=limit_size, timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"minutes: error: {folder.file}: cannot write: File too large; the file was not changed"
    ]
    assert folder.file.read_bytes() == folder.original
    assert not store.leftover_temps(folder.file)
    folder.assert_next_write_works()


# --- read-only folder --------------------------------------------------------------------------------------

AS_OTHER_USER = textwrap.dedent(
    """
    import importlib, os, pkgutil, sys
    import typer.main
    import minutes
    from minutes.cli.app import app
    for module in pkgutil.walk_packages(minutes.__path__, "minutes."):
        if module.name != "minutes.__main__":
            try:
                importlib.import_module(module.name)
            except ImportError:
                pass
    command = typer.main.get_command(app)
    if os.geteuid() == 0:  # root ignores permissions: become nobody before running the command
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)
    os.chdir(sys.argv[1])
    try:
        command.main(args=sys.argv[2:], prog_name="minutes")
    except SystemExit as exc:
        raise SystemExit(exc.code)
    """
)


@pytest.fixture
def readonly_folder() -> Iterator[Path]:
    """A folder the command cannot write to (see the module docstring for how)."""
    path = Path(tempfile.mkdtemp(prefix="minutes-readonly-", dir="/tmp"))
    try:
        (path / "2024-03-12-faults.yaml").write_text(SESSION, encoding="utf-8")
        (path / "2024-03-12-faults.yaml").chmod(0o644)
        path.chmod(0o755 if os.geteuid() == 0 else 0o555)
        yield path
    finally:
        path.chmod(0o755)
        shutil.rmtree(path)


def _run_without_write_access(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", AS_OTHER_USER, str(folder), *args], capture_output=True, text=True, timeout=60,
    )


def test_the_folder_really_is_read_only_for_the_command(readonly_folder: Path):
    """Guard: without this, the tests below could pass for the wrong reason."""
    probe = _run_without_write_access(readonly_folder, "new", "Probe", "--date", "2024-03-13")
    assert probe.returncode == 1, probe.stderr
    assert "Permission denied" in probe.stderr
    assert sorted(p.name for p in readonly_folder.iterdir()) == ["2024-03-12-faults.yaml"]


@pytest.mark.parametrize("command", WRITES)
def test_a_read_only_folder_refuses_every_write_with_one_line(readonly_folder: Path, command: str):
    target = readonly_folder / "2024-03-12-faults.yaml"
    before = target.read_bytes()
    args = [a if a != "FILE" else target.name for a in WRITES[command]]
    result = _run_without_write_access(readonly_folder, *args)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("minutes: error: "), lines
    assert "Permission denied" in lines[0] and target.name in lines[0]
    assert target.read_bytes() == before
    assert sorted(p.name for p in readonly_folder.iterdir()) == [target.name]


def test_a_read_only_folder_with_a_writable_lock_file_still_refuses_to_write(readonly_folder: Path):
    """The lock can be taken, so the refusal comes from the temp file: the write itself."""
    target = readonly_folder / "2024-03-12-faults.yaml"
    lock = store.lock_path(target)
    readonly_folder.chmod(0o755)
    lock.parent.mkdir(parents=True)
    lock.touch()
    lock.chmod(0o666)
    readonly_folder.chmod(0o755 if os.geteuid() == 0 else 0o555)
    before = target.read_bytes()
    result = _run_without_write_access(readonly_folder, "add-speech", "Ana", "--summary", "x", "-f", target.name)
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"minutes: error: {target.name}: cannot write: Permission denied; the file was not changed"
    ]
    assert target.read_bytes() == before
    assert sorted(p.name for p in readonly_folder.iterdir()) == [".minutes", target.name]
    assert list(lock.parent.iterdir()) == [lock]


def test_a_read_only_file_system_refuses_a_write_with_one_line(folder: Folder, monkeypatch):
    def erofs(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(store.tempfile, "mkstemp", erofs)
    folder.assert_refused_cleanly(folder.run(WRITES["add-speech"]), "Read-only file system")


# --- missing folder ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [*WRITES, "show", "check"])
def test_a_session_in_a_folder_that_does_not_exist_gives_one_line(folder: Folder, command: str):
    ghost = folder.path / "gone" / "2024-03-12-faults.yaml"
    args = {"show": ["show", str(ghost)], "check": ["check", str(ghost)]}.get(command) or [
        str(ghost) if a == "FILE" else a for a in WRITES[command]
    ]
    result = folder.run(args)
    assert result.exit_code == 1, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "internal error" not in lines[0], lines
    assert "no such" in lines[0].lower()
    assert not (folder.path / "gone").exists()


def test_a_folder_removed_while_a_writer_holds_the_lock_gives_one_line(folder: Folder, monkeypatch):
    from minutes.store import loader as sessions

    real_read = sessions.read_text

    def read_then_remove_folder(path: Path) -> str:
        text = real_read(path)
        moved = folder.path.parent / (folder.path.name + "-moved")
        folder.path.rename(moved)  # someone moves the folder away under the writer
        monkeypatch.setattr(folder, "moved", moved, raising=False)
        return text

    monkeypatch.setattr(sessions, "read_text", read_then_remove_folder)
    result = folder.run(WRITES["add-speech"])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "internal error" not in lines[0], lines
    assert "no such folder" in lines[0]
    moved_file = folder.moved / folder.file.name
    assert moved_file.read_bytes() == folder.original
    assert not store.leftover_temps(moved_file)


def test_new_in_a_working_folder_that_was_removed_gives_one_line(tmp_path: Path, monkeypatch):
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    monkeypatch.setattr(typer.testing, "_get_command", lambda _: COMMAND)
    result = CliRunner().invoke(app, ["new", "Board", "--date", "2024-03-12"], catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("minutes: error: "), lines
    assert "internal error" not in lines[0]


# --- file replaced by a folder ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [*WRITES, "show", "check", "use"])
def test_a_session_file_replaced_by_a_folder_gives_one_line_and_the_folder_is_untouched(folder: Folder, command):
    folder.file.unlink()
    folder.file.mkdir()
    (folder.file / "inside.txt").write_text("keep me")
    args = {"show": ["show", "FILE"], "check": ["check", "FILE"], "use": ["use", "FILE"]}.get(command) or WRITES[command]
    result = folder.run(args)
    assert result.exit_code == 1, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    lines = [line for line in lines if line.startswith(("minutes: error:", "error:"))]
    assert len(lines) == 1 and "internal error" not in lines[0], result.stderr
    assert "folder" in lines[0] and folder.file.name in lines[0]
    assert folder.file.is_dir() and (folder.file / "inside.txt").read_text() == "keep me"
    assert [p.name for p in folder.file.iterdir()] == ["inside.txt"]
    assert not store.leftover_temps(folder.file)


def test_a_file_replaced_by_a_folder_during_the_write_is_left_alone(folder: Folder, monkeypatch):
    from minutes.store import loader as sessions

    real_read = sessions.read_text

    def read_then_swap(path: Path) -> str:
        text = real_read(path)
        path.unlink()  # someone replaces the file by a folder while the writer works
        path.mkdir()
        (path / "inside.txt").write_text("keep me")
        return text

    monkeypatch.setattr(sessions, "read_text", read_then_swap)
    result = folder.run(WRITES["add-speech"])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "internal error" not in lines[0], lines
    assert folder.file.name in lines[0]
    assert [p.name for p in folder.file.iterdir()] == ["inside.txt"]
    assert not store.leftover_temps(folder.file)


def test_a_write_keeps_the_file_mode(folder: Folder):
    folder.file.chmod(0o600)
    assert folder.run(WRITES["add-speech"]).exit_code == 0
    assert stat.S_IMODE(folder.file.stat().st_mode) == 0o600


# --- appends that would write a file no command can read ---------------------------------------------------

BAD_DIR = Path(__file__).parents[1] / "bad"
PLAIN = (BAD_DIR / "ok-plain.yaml").read_text(encoding="utf-8")
# A line break to YAML (and to str.splitlines) that str.split("\n") does not see, in the places an append
# cares about: in a comment, after the list's last line, before a key that follows the list, inside text.
BREAKS = {"cr": "\r", "nel": "\x85", "ls": "\u2028", "ps": "\u2029"}
SHAPES = {
    "in-a-comment": lambda b: PLAIN.replace("# Base session", f"# Base{b}# session"),
    "after-the-last-item": lambda b: PLAIN + f"# the end{b}",
    "before-a-key-after-the-list": lambda b: PLAIN.replace("  due: 2024-04-01\n", f"  due: 2024-04-01{b}tags: [x]\n"),
    "before-an-item-of-the-list": lambda b: PLAIN.replace("  due: 2024-04-01\n", f"  due: 2024-04-01{b}- kind: note{b}  text: n\n"),
    "in-a-quoted-text": lambda b: PLAIN.replace("summary: Opened the meeting.", f'summary: "Opened{b}the meeting."'),
}
APPENDS = {  # command line: what the file holds after it
    ("add-speech", "Ana", "--summary", "appended speech"): "appended speech",
    ("add-item", "note", "appended note", "--at", "12:30"): "appended note",
    ("add-attendee", "Zoe Appended"): "Zoe Appended",
    ("add-action", "appended task", "--owner", "Ben", "--due", "2024-05-01"): "appended task",
}
BAD_APPENDS = [
    ("add-item", "note", "x", "--at", "12:30\n"),  # `$` matches before a final newline in Python's re
    ("add-speech", "Ana", "--summary", "x", "--at", "9:60"),
]


def _shapes() -> dict[str, bytes]:
    files = {p.name: p.read_bytes() for p in sorted(BAD_DIR.glob("ok-*.yaml"))}
    for shape, make in SHAPES.items():
        for name, brk in BREAKS.items():
            files[f"{shape}-{name}.yaml"] = make(brk).encode("utf-8")
    return files


@pytest.mark.parametrize("name", list(_shapes()))
def test_an_add_to_any_valid_file_leaves_a_file_check_accepts_or_changes_nothing(cli, name: str):
    """Every valid shape of the corpus, and the same session with each line break YAML knows besides LF:
    a successful add leaves a file that `check` accepts and that holds what was added; a refused one
    leaves the file byte-identical, with one error line."""
    path = cli.folder / "2024-03-12-shape.yaml"
    for args in [*APPENDS, *BAD_APPENDS]:
        path.write_bytes(_shapes()[name])
        before = path.read_bytes()
        result = cli(*args, "-f", path.name, code=None)
        assert "Traceback" not in result.output + result.stderr, (args, result.stderr)
        if result.exit_code == 0:
            assert args not in BAD_APPENDS, f"{args} was accepted"
            check = cli("check", path.name, code=None)
            assert check.exit_code == 0, (args, check.stdout, check.stderr)
            assert APPENDS[args] in path.read_text(encoding="utf-8")
        else:
            assert result.exit_code in (1, 2), (args, result.exit_code, result.stderr)
            assert path.read_bytes() == before, args
            lines = [line for line in result.stderr.splitlines() if line.strip()]
            assert len(lines) == 1 and lines[0].startswith("minutes: error: "), (args, lines)
        assert not store.leftover_temps(path)


def test_an_append_in_a_file_with_a_line_break_yaml_sees_and_editors_do_not_is_refused_in_one_line(cli):
    path = cli.folder / "2024-03-12-shape.yaml"
    path.write_text(SHAPES["before-a-key-after-the-list"]("\u2028"), encoding="utf-8")
    before = path.read_bytes()
    result = cli("add-speech", "Ana", "--summary", "x", "-f", path.name, code=1)
    assert result.stderr.strip() == (
        f"minutes: error: {path.name}:{PLAIN.splitlines().index('  due: 2024-04-01') + 1}: the file holds U+2028, a line break to YAML but not to most editors, "
        "so minutes cannot add to it safely; replace it with a plain line break and try again"
    )
    assert path.read_bytes() == before


def test_an_add_that_would_take_the_file_past_the_64_mb_read_cap_is_refused(cli):
    from minutes.store import yamlio

    path = cli.folder / "2024-03-12-big.yaml"
    padding = "# " + "x" * 1000 + "\n"
    text = PLAIN + padding * ((yamlio.MAX_BYTES - len(PLAIN) - 100) // len(padding))
    text += "#" * (yamlio.MAX_BYTES - 10 - len(text)) + "\n"
    path.write_text(text, encoding="utf-8")
    assert yamlio.MAX_BYTES - 20 < path.stat().st_size <= yamlio.MAX_BYTES
    before = path.read_bytes()
    result = cli("add-speech", "Ana", "--summary", "one too many", "-f", path.name, code=1)
    assert result.stderr.strip() == (
        f"minutes: error: {path.name}: the change would make the file larger than 64 MB, more than minutes "
        "reads; the file was not changed"
    )
    assert path.read_bytes() == before and not store.leftover_temps(path)
    assert cli("check", path.name, code=None).exit_code == 0


# --- remove keeps the comments of the other items ------------------------------------------------------------

COMMENTED = """\
proceedings:
# above 1
- kind: note
  text: one
  # inside 1, at its end
# above 2

# above 2, after a blank line
- kind: note
  # inside 2
  text: two

# above 3
- kind: note
  text: three  # on the line of 3
# after the list
lang: en
"""


@pytest.mark.parametrize(
    "index, gone",
    [
        (0, ["# above 1", "text: one", "# inside 1, at its end"]),
        (1, ["# above 2", "# above 2, after a blank line", "# inside 2", "text: two"]),
        (2, ["# above 3", "text: three", "# on the line of 3"]),
    ],
    ids=["first", "middle", "last"],
)
def test_remove_takes_the_comments_above_and_inside_its_item_and_keeps_every_other(index: int, gone: list[str]):
    """A comment belongs to the item below it; one indented into an item belongs to that item."""
    from minutes.store import textedit as edit

    after = edit.remove(COMMENTED, "proceedings", index)
    kept = [line for line in COMMENTED.splitlines() if not any(g in line for g in gone) and line.strip() != "- kind: note"]
    assert [line for line in after.splitlines() if line.strip() != "- kind: note"] == [
        line for line in kept if line.strip() or line in after.splitlines()
    ]
    for comment in ("# above 1", "# inside 1", "# above 2", "# inside 2", "# above 3", "# after the list"):
        assert (comment in after) == all(comment not in g for g in gone), comment
    assert after.count("- kind: note") == 2

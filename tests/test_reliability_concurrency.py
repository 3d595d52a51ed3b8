"""Concurrent writers: every add is kept exactly once, waiters say whom they wait for, stale locks are explained.

The 500-add test runs 20 worker processes at once; each runs `minutes add-speech` 25 times, every time
in a new process of its own (forked from a worker that has imported minutes once, so that 500 Python
start-ups do not dominate the run; each forked process runs the same click command that the installed
`minutes` script runs, takes the lock itself and exits). Set MINUTES_RELIABILITY_EXEC=1 to exec the
installed `minutes` script for each of the 500 adds instead (slower: about 0.4 s of CPU each).
The tests that watch the lock from outside run the installed `minutes` script itself.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

import pytest
import yaml

from minutes import session as sessions
from minutes import store
from figures import record  # noqa: E402

BIN = Path(sys.executable).with_name("minutes")
SESSION = """\
# yaml-language-server: $schema=.minutes/session.schema.json
# A session that many writers add to at once; this comment must survive them all.
schema_version: 1
title: Concurrency
date: 2024-03-12
chair: ana
secretary: ana
adjourned: 18:30
previous_minutes: approved
people:
- id: ana
  name: Ana Lima
  pronoun: she
attendees:
- person: ana
  status: present
proceedings:
- kind: ceremony
  text: The meeting opened.
"""

WORKER = textwrap.dedent(
    """
    import json, os, subprocess, sys, time
    session, wid, count, go, mode, minutes_bin = sys.argv[1:7]
    wid, count = int(wid), int(count)
    import importlib, pkgutil
    import typer.main
    import minutes
    from minutes.cli import app
    command = typer.main.get_command(app)
    # Import what the commands import lazily, and warm pydantic, before forking: each forked add then
    # costs what the add itself costs, not a Python start-up.
    for module in pkgutil.iter_modules(minutes.__path__):
        if module.name == "__main__":
            continue
        try:
            importlib.import_module(f"minutes.{module.name}")
        except ImportError:
            pass
    from minutes import session as _sessions
    from pathlib import Path as _Path
    _sessions.load(_Path(session))
    import gc
    gc.freeze()  # keep the forked processes from copying the parent's heap when they collect garbage

    def one(args):
        # A process of its own, like one `minutes ...` run; returns the exit code.
        if mode == "exec":
            return subprocess.run([minutes_bin, *args]).returncode
        pid = os.fork()
        if pid == 0:
            try:
                command.main(args=args, prog_name="minutes")
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            except BaseException:
                code = 99
            sys.stdout.flush(); sys.stderr.flush()
            os._exit(code)
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])

    print("ready", flush=True)
    deadline = time.monotonic() + 120
    while not os.path.exists(go):
        if time.monotonic() > deadline:
            sys.exit("never told to go")
        time.sleep(0.001)
    codes = [one(["add-speech", "Ana", "--summary", f"w{wid:02d}-n{i:02d}", "-f", session]) for i in range(count)]
    print(json.dumps(codes), flush=True)
    """
)


def summaries(path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [item.get("summary") for item in data["proceedings"] if item["kind"] == "speech"]


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = tmp_path / "2024-03-12-concurrency.yaml"
    path.write_text(SESSION, encoding="utf-8")
    return path


def test_twenty_processes_adding_25_speeches_each_keep_all_500_exactly_once(session_file: Path, tmp_path: Path):
    workers, each = 20, 25
    mode = "exec" if os.environ.get("MINUTES_RELIABILITY_EXEC") else "fork"
    go = tmp_path / "go"
    procs = []
    started = time.monotonic()
    for wid in range(workers):
        err = open(tmp_path / f"worker-{wid}.err", "w")
        procs.append(
            (
                subprocess.Popen(
                    [sys.executable, "-c", WORKER, str(session_file), str(wid), str(each), str(go), mode, str(BIN)],
                    stdout=subprocess.PIPE, stderr=err, text=True,
                ),
                err,
            )
        )
    for proc, _ in procs:  # all have imported minutes: start them together, so that they contend
        assert proc.stdout.readline().strip() == "ready"
    go.touch()
    codes = []
    try:
        for proc, err in procs:
            out, _ = proc.communicate(timeout=240)
            err.close()
            assert proc.returncode == 0, (tmp_path / f"worker-{procs.index((proc, err))}.err").read_text()
            codes.extend(json.loads(out.strip().splitlines()[-1]))
    finally:
        for proc, _ in procs:
            if proc.poll() is None:
                proc.kill()
    elapsed = time.monotonic() - started
    stderr = "".join((tmp_path / f"worker-{w}.err").read_text() for w in range(workers))

    assert codes == [0] * (workers * each), Counter(codes)
    expected = {f"w{w:02d}-n{i:02d}" for w in range(workers) for i in range(each)}
    found = summaries(session_file)
    assert len(found) == len(expected) == 500
    assert set(found) == expected, (expected - set(found), set(found) - expected)
    for w in range(workers):  # each worker's adds landed in the order it made them
        mine = [s for s in found if s.startswith(f"w{w:02d}-")]
        assert mine == sorted(mine)
    text = session_file.read_text(encoding="utf-8")
    assert text.startswith(SESSION.split("people:")[0])  # the comments and the header are untouched
    assert len(sessions.load(session_file).proceedings) == 501
    assert "Traceback" not in stderr and "error" not in stderr.lower(), stderr[:2000]
    assert not store.leftover_temps(session_file)
    check = subprocess.run([str(BIN), "check", "--strict", str(session_file)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    record(
        "concurrency", adds=500, kept=len(set(found)), duplicates=len(found) - len(set(found)), mode=mode,
        seconds=round(elapsed, 1), waiting_notices=stderr.count("minutes: waiting for"),
    )


def _wait_for(predicate, timeout: float = 20.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def test_a_writer_that_waits_for_the_lock_says_so_and_whom_it_waits_for(session_file: Path, tmp_path: Path):
    err_path = tmp_path / "waiter.err"
    with store.locked(session_file):
        with open(err_path, "w") as err:
            proc = subprocess.Popen(
                [str(BIN), "add-speech", "Ana", "--summary", "patient", "-f", str(session_file)],
                stdout=subprocess.DEVNULL, stderr=err, env={**os.environ, "MINUTES_LOCK_TIMEOUT": "60"},
            )
        try:
            _wait_for(lambda: "waiting for" in err_path.read_text(), what="the waiting notice")
            notice = err_path.read_text().strip().splitlines()
            assert notice == [f"minutes: waiting for {session_file.name}, locked by pid {os.getpid()}"]
            assert proc.poll() is None, "the waiter gave up while the lock was held"
            assert "patient" not in session_file.read_text()
        except BaseException:
            proc.kill()
            raise
    assert proc.wait(timeout=30) == 0, err_path.read_text()
    assert summaries(session_file) == ["patient"]


def test_a_writer_that_cannot_get_the_lock_in_time_gives_up_with_one_line_and_changes_nothing(
    session_file: Path,
):
    before = session_file.read_bytes()
    with store.locked(session_file):
        started = time.monotonic()
        result = subprocess.run(
            [str(BIN), "add-speech", "Ana", "--summary", "impatient", "-f", str(session_file)],
            capture_output=True, text=True, env={**os.environ, "MINUTES_LOCK_TIMEOUT": "1.5"}, timeout=60,
        )
        waited = time.monotonic() - started
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("minutes: error:")]
    assert errors == [f"minutes: error: {session_file}: still locked by pid {os.getpid()} after 1.5 s; "
                      "try again (or set MINUTES_LOCK_TIMEOUT)"]
    assert 1.5 <= waited < 30
    assert session_file.read_bytes() == before


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from minutes import store
    with store.locked(Path(sys.argv[1])):
        print("locked", flush=True)
        time.sleep(600)
    """
)


def test_a_lock_left_by_a_killed_writer_is_explained_and_not_waited_on(session_file: Path):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(session_file)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        dead = holder.pid
        assert store.lock_path(session_file).read_text().strip() == str(dead)
        os.kill(dead, signal.SIGKILL)
        holder.wait(timeout=10)
    finally:
        if holder.poll() is None:
            holder.kill()
    started = time.monotonic()
    result = subprocess.run(
        [str(BIN), "add-speech", "Ana", "--summary", "after the crash", "-f", str(session_file)],
        capture_output=True, text=True, env={**os.environ, "MINUTES_LOCK_TIMEOUT": "60"}, timeout=60,
    )
    took = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert f"a previous writer (pid {dead}) was killed while writing {session_file.name}" in result.stderr
    assert "waiting" not in result.stderr
    assert took < 10, f"took {took:.1f} s: it waited on a dead writer's lock"
    assert summaries(session_file) == ["after the crash"]
    assert store.lock_path(session_file).read_text() == ""  # released cleanly this time
    record("stale-lock", detected=True, seconds=round(took, 2))


@pytest.mark.parametrize("content", ["", "not a pid\n", "99999999\n", f"{2**70}\n", "\x00\xff garbage"])
def test_a_lock_file_with_junk_in_it_does_not_stop_a_writer(session_file: Path, content: str, capsys):
    lock = store.lock_path(session_file)
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_bytes(content.encode("latin-1"))
    store.update(session_file, lambda text: text + "# touched\n", lambda p: p.read_text(encoding="utf-8"))
    assert session_file.read_text(encoding="utf-8").endswith("# touched\n")
    assert store.lock_path(session_file).read_bytes() == b""
    assert "Traceback" not in capsys.readouterr().err


def test_the_lock_is_released_even_when_the_change_fails(session_file: Path):
    def boom(text: str) -> str:
        raise RuntimeError("a bug in a change")

    with pytest.raises(RuntimeError):
        store.update(session_file, boom, lambda p: p.read_text(encoding="utf-8"))
    with store.locked(session_file, timeout=0):  # would raise "still locked" if it were held
        pass


def test_an_invalid_lock_timeout_is_a_usage_error(session_file: Path):
    result = subprocess.run(
        [str(BIN), "add-speech", "Ana", "--summary", "x", "-f", str(session_file)],
        capture_output=True, text=True, env={**os.environ, "MINUTES_LOCK_TIMEOUT": "soon"}, timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "minutes: error: MINUTES_LOCK_TIMEOUT='soon': give a number of seconds, e.g. 30"
    ]
    assert session_file.read_text(encoding="utf-8") == SESSION


def test_readers_never_see_a_half_written_file_while_writers_run(session_file: Path, tmp_path: Path):
    """`show` runs without the lock; the rename makes every read see a whole file."""
    go = tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(session_file), str(w), "15", str(go), "fork", str(BIN)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        for w in range(3)
    ]
    for proc in writers:
        assert proc.stdout.readline().strip() == "ready"
    go.touch()
    reads = 0
    try:
        while any(p.poll() is None for p in writers):
            text = session_file.read_text(encoding="utf-8")
            sessions.parse(text, session_file)  # raises on a torn file
            assert text.startswith(SESSION.split("proceedings:")[0])
            reads += 1
    finally:
        for proc in writers:
            proc.communicate(timeout=120)
    assert reads > 10
    assert len(summaries(session_file)) == 45
    record("readers-during-writes", reads=reads, torn=0)


def test_an_edit_that_races_a_concurrent_add_loses_neither(session_file: Path, tmp_path: Path):
    """`minutes edit` refuses to overwrite an add made while the editor was open, and keeps the edit."""
    (tmp_path / "bin").mkdir()
    editor = tmp_path / "bin" / "editor.sh"
    editor.write_text(
        "#!/bin/sh\n"
        f'"{BIN}" add-speech Ana --summary "added during the edit" -f "{session_file}" >/dev/null 2>&1\n'
        'echo "# my careful hand edit" >> "$1"\n'
    )
    editor.chmod(0o755)
    result = subprocess.run(
        [str(BIN), "edit", "--editor", str(editor), "-f", str(session_file)],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("minutes: error:")]
    assert len(errors) == 1 and "changed while you were editing" in errors[0], result.stderr
    text = session_file.read_text(encoding="utf-8")
    assert "added during the edit" in text and "# my careful hand edit" not in text
    kept = [p for p in session_file.parent.iterdir()
            if p != session_file and p.is_file() and "# my careful hand edit" in p.read_text(errors="replace")]
    assert kept, "the hand edit was thrown away"
    assert kept[0].name in errors[0], "the message does not say where the edit was kept"

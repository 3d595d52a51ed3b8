"""Writers killed with SIGKILL: the file always parses, keeps every add that completed, and no temp file survives.

One driver process imports minutes once, then for each round forks a writer that runs
`minutes add-speech` in a loop and logs each add that completed, and SIGKILLs it: after a random
delay, at a random moment while it holds the lock, or the moment its temp file appears. After each
kill it saves the file and runs one more add (the "next run"), which must succeed, remove any temp
file the killed writer left and explain the lock it left. The test then checks every round.
A second test kills a writer at each step of a write, deterministically.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from minutes.store import loader as sessions
from minutes.store import atomic as store
from figures import record  # noqa: E402

ROUNDS = 102  # 34 of each kind of moment

SESSION = """\
# A session that writers are killed while adding to; this comment must survive.
schema_version: 1
title: Crashes
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

LARGE = "".join(
    f"- kind: speech\n  speaker: ana\n  summary: Earlier point {i} of a long meeting, recorded in full.\n"
    for i in range(300)
)

PRELUDE = textwrap.dedent(
    """
    import gc, importlib, json, os, pkgutil, random, signal, sys, time
    from pathlib import Path
    import typer.main
    import minutes
    from minutes.cli.app import app
    from minutes.store import loader as sessions
    from minutes.store import atomic as store
    command = typer.main.get_command(app)
    for module in pkgutil.iter_modules(minutes.__path__):
        if module.name != "__main__":
            try:
                importlib.import_module(f"minutes.{module.name}")
            except ImportError:
                pass

    def run(args):
        # Run one minutes command in this process; return its exit code.
        try:
            command.main(args=args, prog_name="minutes")
        except SystemExit as exc:
            return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        return 0

    def redirect(fd_target, path):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(fd, fd_target)
        os.close(fd)
    """
)

DRIVER = PRELUDE + textwrap.dedent(
    """
    session, outdir, rounds, seed = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    path = Path(session)
    sessions.load(path)  # warm pydantic before forking
    gc.freeze()
    rng = random.Random(seed)
    lock = store.lock_path(path)

    def adder(round_no, log):
        redirect(1, os.devnull)
        redirect(2, os.devnull)
        logfd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        i = 0
        while True:
            summary = f"r{round_no:03d}-n{i:03d}"
            os.write(logfd, f"try {summary}\\n".encode())
            code = run(["add-speech", "Ana", "--summary", summary, "-f", session])
            os.write(logfd, f"{'done' if code == 0 else 'fail'} {summary}\\n".encode())
            if code != 0:
                os._exit(3)
            i += 1

    def holds_lock(pid):
        try:
            return lock.read_text().strip() == str(pid)
        except OSError:
            return False

    def wait_until(predicate, limit):
        end = time.monotonic() + limit
        while time.monotonic() < end:
            if predicate():
                return True
        return False

    modes = ["random", "locked", "writing"]
    for r in range(rounds):
        mode = modes[r % 3]
        log = outdir / f"round-{r:03d}.log"
        pid = os.fork()
        if pid == 0:
            adder(r, log)
        moment = "random"
        if mode == "random":
            time.sleep(rng.uniform(0.0, 0.25))
        elif mode == "locked":
            if wait_until(lambda: holds_lock(pid), 10):
                time.sleep(rng.uniform(0.0, 0.02))
                moment = "holding the lock"
        else:
            if wait_until(lambda: store.leftover_temps(path), 3):
                moment = "temp file on disk"
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        snapshot = outdir / f"round-{r:03d}.yaml"
        snapshot.write_bytes(path.read_bytes())
        temps = [p.name for p in store.leftover_temps(path)]
        lock_pid = lock.read_text().strip() if lock.exists() else ""
        nxt = os.fork()
        if nxt == 0:
            redirect(1, os.devnull)
            redirect(2, str(outdir / f"round-{r:03d}.next.err"))
            os._exit(run(["add-speech", "Ana", "--summary", f"r{r:03d}-next", "-f", session]))
        _, next_status = os.waitpid(nxt, 0)
        print(json.dumps({
            "round": r, "mode": mode, "moment": moment, "pid": pid,
            "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
            "exit": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            "temps_after_kill": temps, "lock_pid_after_kill": lock_pid,
            "next_code": os.waitstatus_to_exitcode(next_status),
            "temps_after_next": [p.name for p in store.leftover_temps(path)],
            # any temp file at all, the parse cache's too
            "stray_after_next": sorted(
                str(p) for folder in (path.parent, Path(os.environ["MINUTES_CACHE_DIR"])) for p in folder.rglob("*tmp-*")
            ),
        }), flush=True)
    """
)


def speech_summaries(text: str) -> list[str]:
    data = yaml.safe_load(text)
    return [item["summary"] for item in data["proceedings"] if item["kind"] == "speech"]


def test_a_writer_killed_at_random_moments_over_100_times_loses_nothing(tmp_path: Path):
    path = tmp_path / "2024-03-12-crashes.yaml"
    path.write_text(SESSION, encoding="utf-8")
    out = tmp_path / "rounds"
    out.mkdir()
    driver = subprocess.run(
        [sys.executable, "-c", DRIVER, str(path), str(out), str(ROUNDS), "20240312"],
        capture_output=True, text=True, timeout=300,
    )
    assert driver.returncode == 0, driver.stderr[-3000:]
    rounds = [json.loads(line) for line in driver.stdout.splitlines()]
    assert len(rounds) == ROUNDS

    completed: list[str] = []  # every add that reported success, up to this round
    tried: set[str] = set()  # every add that was started, up to this round
    for r in rounds:
        n = r["round"]
        where = f"round {n} ({r['mode']}, killed when: {r['moment']})"
        assert r["signal"] == signal.SIGKILL, f"{where}: the writer was not killed but exited {r['exit']}"
        log = (out / f"round-{n:03d}.log").read_text().splitlines()
        assert not [line for line in log if line.startswith("fail")], f"{where}: an add failed: {log}"
        tried |= {line.split()[1] for line in log if line.startswith("try")}
        completed += [line.split()[1] for line in log if line.startswith("done")]

        text = (out / f"round-{n:03d}.yaml").read_text(encoding="utf-8")
        sessions.parse(text, f"round {n}")  # parses and validates, or raises with the line
        assert text.startswith(SESSION.split("people:")[0]), f"{where}: the header or its comment changed"
        found = speech_summaries(text)
        assert len(found) == len(set(found)), f"{where}: an add was written twice"
        missing = [s for s in completed if s not in found]
        assert not missing, f"{where}: completed adds lost: {missing}"
        # An add killed after its rename but before it could report may be there; nothing else may.
        assert set(found) <= tried | set(completed), f"{where}: adds that never ran: {set(found) - tried}"
        # The next run succeeds, cleans up, and explains the lock the killed writer left.
        assert r["next_code"] == 0, (out / f"round-{n:03d}.next.err").read_text()
        assert r["temps_after_next"] == [], f"{where}: temp files survived the next run"
        assert r["stray_after_next"] == [], f"{where}: temp files left elsewhere: {r['stray_after_next']}"
        err = (out / f"round-{n:03d}.next.err").read_text()
        if r["lock_pid_after_kill"] == str(r["pid"]):
            assert f"a previous writer (pid {r['pid']}) was killed" in err, f"{where}: stale lock not explained"
        assert "Traceback" not in err and "error" not in err, err
        completed.append(f"r{n:03d}-next")

    final = path.read_text(encoding="utf-8")
    assert set(completed) <= set(speech_summaries(final))
    check = subprocess.run([Path(sys.executable).with_name("minutes"), "check", str(path)], capture_output=True)
    assert check.returncode == 0, check.stderr
    moments = [r["moment"] for r in rounds]
    record(
        "crashes", kills=len(rounds), survived=len(rounds), completed_adds=len(completed),
        killed_holding_lock=sum(r["lock_pid_after_kill"] == str(r["pid"]) for r in rounds),
        temps_left_by_kills=sum(bool(r["temps_after_kill"]) for r in rounds),
        killed_while_temp_on_disk=moments.count("temp file on disk"),
    )


# --- killing a writer at each step of a write, exactly --------------------------------------------------

STEP = PRELUDE + textwrap.dedent(
    """
    session, step = sys.argv[1], sys.argv[2]
    real = {"write": os.write, "fsync": os.fsync, "replace": os.replace, "mkstemp": store.tempfile.mkstemp,
            "exchange": store._exchange}

    def is_temp(fd):
        return ".tmp-" in os.readlink(f"/proc/self/fd/{fd}")

    def die():
        os.kill(os.getpid(), signal.SIGKILL)

    if step == "before the temp file":
        store.tempfile.mkstemp = lambda *a, **k: die()
    elif step == "half-way through writing the temp file":
        def write(fd, data):
            if is_temp(fd):
                real["write"](fd, bytes(data[: len(data) // 2]))
                die()
            return real["write"](fd, data)
        os.write = write
    elif step == "before the fsync":
        os.fsync = lambda fd: die() if is_temp(fd) else real["fsync"](fd)
    elif step == "before the rename":  # a plain rename, or the swap of the two names where the system has it
        os.replace = lambda a, b: die()
        store._exchange = lambda a, b: die()
    elif step == "after the rename":
        def replace(a, b):
            real["replace"](a, b)
            die()
        os.replace = replace
        def exchange(a, b):
            if real["exchange"](a, b):
                die()  # the new file in place, the old one at the temporary name: the next write removes it
            return False
        store._exchange = exchange
    elif step == "while writing the parse cache of a large file":
        os.replace = lambda a, b: die() if str(b).startswith(os.environ["MINUTES_CACHE_DIR"]) else real["replace"](a, b)
    else:
        raise SystemExit(f"unknown step {step}")
    sys.exit(run(["add-speech", "Ana", "--summary", "the add being written", "-f", session]))
    """
)


@pytest.mark.parametrize(
    ("step", "written"),
    [
        ("before the temp file", False),
        ("half-way through writing the temp file", False),
        ("before the fsync", False),
        ("before the rename", False),
        ("after the rename", True),
        ("while writing the parse cache of a large file", True),
    ],
)
@pytest.mark.fast_path
def test_a_writer_killed_at_any_step_of_a_write_leaves_the_old_or_the_new_file_whole(
    tmp_path: Path, step: str, written: bool
):
    path = tmp_path / "2024-03-12-crashes.yaml"
    big = "large" in step  # from 16 KB on, minutes also caches its parse of the file
    path.write_text(SESSION + (LARGE if big else ""), encoding="utf-8")
    writer = subprocess.Popen([sys.executable, "-c", STEP, str(path), step], stderr=subprocess.PIPE, text=True)
    _, stderr = writer.communicate(timeout=60)
    assert writer.returncode == -signal.SIGKILL, stderr
    text = path.read_text(encoding="utf-8")
    sessions.parse(text, path)
    if written:
        assert speech_summaries(text)[-1:] == ["the add being written"]
    else:
        assert text == SESSION
    temps_left = store.leftover_temps(path)
    if step in ("half-way through writing the temp file", "before the fsync", "before the rename"):
        assert len(temps_left) == 1, "the kill should have left the temp file behind"
    # Killed while holding the lock; the parse cache is written after the lock is released.
    assert store.lock_path(path).read_text().strip() == ("" if big else str(writer.pid))

    nxt = subprocess.run(
        [Path(sys.executable).with_name("minutes"), "add-speech", "Ana", "--summary", "next", "-f", str(path)],
        capture_output=True, text=True, timeout=60,
    )
    assert nxt.returncode == 0, nxt.stderr
    assert (f"a previous writer (pid {writer.pid}) was killed while writing" in nxt.stderr) != big
    assert not store.leftover_temps(path)
    stray = [*tmp_path.rglob("*tmp-*"), *Path(os.environ["MINUTES_CACHE_DIR"]).rglob("*tmp-*")]
    assert not stray, f"temp files left: {stray}"
    after = [s for s in speech_summaries(path.read_text(encoding="utf-8")) if not s.startswith("Earlier point")]
    assert after == (["the add being written", "next"] if written else ["next"])

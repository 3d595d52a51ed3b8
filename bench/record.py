"""The row of issue 18: in `minutes record`, from Enter to the file written, beside the whole-command add-speech.

    python bench/record.py              # 40 lines, as in bench/run.py's full pass
    python bench/record.py --quick      # 15 lines, as in bench/run.py --quick
    python bench/record.py --profile    # where the time of a line goes, the Recorder run in this process

The real `minutes record FILE` runs in a pseudo-terminal on a 1,000-item session; each speech line is typed,
then Enter is sent and the session file is watched (its inode, size and time of change, every 0.2 ms) until
the prompt's write replaces it. The baseline is `minutes add-speech … -f FILE`, a whole process, on the same
file: half of its runs before the prompt's lines, half after.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import MINUTES, PY, Row, compile_package, fmt_time, measured_env, report, run  # noqa: E402
from sessions import PEOPLE, write_session  # noqa: E402

ITEMS = 1000
TARGET = 0.030
POLL = 0.0002  # seconds between two looks at the file
CONFIRMED = re.compile(r"added speech as \d+")


def stamp(path: Path) -> tuple[int, int, int]:
    """Return what tells that ``path`` was written: its time of change, size and inode."""
    st = os.stat(path)
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def written(path: Path, before: tuple[int, int, int], limit: float = 30.0) -> float:
    """Return the moment (perf_counter) ``path`` no longer has the stamp ``before``, looking every POLL seconds."""
    end = time.perf_counter() + limit
    while True:
        try:
            if stamp(path) != before:
                return time.perf_counter()
        except FileNotFoundError:  # never between the rename's two names, but do not die of it
            pass
        if time.perf_counter() > end:
            raise SystemExit(f"record bench: {path.name} was not written within {limit:.0f} s of Enter")
        time.sleep(POLL)


def speech(n: int) -> str:
    """Return the ``n``-th line typed: a speech by a roster name, in turns."""
    return f"{PEOPLE[n % len(PEOPLE)][1]}: said something {n}"


def enter_to_written(path: Path, cwd: Path, env: dict, lines: int) -> list[float]:
    """Return, for each of ``lines`` speeches typed at a live `minutes record` prompt, the time from Enter to the
    file written; each line waits for the confirmation of the one before."""
    import pexpect

    child = pexpect.spawn(PY, [*MINUTES[1:], "record", str(path)], cwd=str(cwd), encoding="utf-8",
                          env={**env, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}, dimensions=(24, 160),
                          timeout=60)
    child.delaybeforesend = None  # pexpect sleeps 50 ms before every send unless told not to
    times = []
    try:
        child.expect("top>")
        for n in range(lines):
            line = speech(n)
            child.send(line)
            child.expect_exact(line)  # the prompt has read and shown the line: only Enter is left
            before = stamp(path)
            start = time.perf_counter()
            child.send("\r")
            times.append(written(path, before) - start)
            if f"summary: said something {n}\n" not in path.read_bytes()[-300:].decode(errors="replace"):
                raise SystemExit(f"record bench: the file changed after Enter but does not end in line {n}")
            child.expect(CONFIRMED)
            child.expect("top>")
        child.sendeof()
        child.expect(rf"{lines} changes recorded")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    if child.exitstatus not in (0, None):
        raise SystemExit(f"record bench: minutes record exited with {child.exitstatus}")
    return times


def records(cwd: Path, env: dict) -> bool:
    """Return whether the tree under test has `minutes record` (trees before issue 18 do not)."""
    probe = [*MINUTES, "record", "--help"]
    return subprocess.run(probe, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0


def rows(tmp: Path, env: dict, lines: int, notes: list[str]) -> list[Row]:
    """Return the row "Enter to the file written" of `minutes record` on a 1,000-item session, beside the
    whole-command add-speech on the same file (``lines`` of each); add its p90 and first line to ``notes``."""
    if not records(tmp, env):
        notes.append("This tree has no `minutes record`: the row of issue 18 was not measured.")
        return []
    folder = tmp / "record"
    path = write_session(folder, ITEMS)
    add = [*MINUTES, "add-speech", "Ana Weber", "--summary", "x", "-f", str(path)]
    run(add, folder, env)  # as after `minutes new`: the text is known to be valid
    first_half = [run(add, folder, env) for _ in range(lines // 2)]
    live = enter_to_written(path, folder, env, lines)
    adds = first_half + [run(add, folder, env) for _ in range(lines - lines // 2)]
    t, t_add = statistics.median(live), statistics.median(adds)
    p90 = statistics.quantiles(live, n=10)[-1]
    notes.append(f"minutes record, {lines} speeches typed on a {ITEMS:,}-item session: Enter to the file written "
                 f"median {fmt_time(t)}, p90 {fmt_time(p90)}, fastest {fmt_time(min(live))}, slowest "
                 f"{fmt_time(max(live))}, first line {fmt_time(live[0])}; add-speech p90 "
                 f"{fmt_time(statistics.quantiles(adds, n=10)[-1])}.")
    return [Row(f"record: Enter to the file written, {ITEMS:,} items", t, f"≤ {TARGET * 1000:.0f} ms", t <= TARGET,
                f"add-speech, whole command {fmt_time(t_add)}", f"{t / t_add:.2f}×")]


def profile(lines: int, top: int = 25) -> None:
    """Print the time of ``lines`` speeches entered into a Recorder in this process, and cProfile's top costs."""
    import cProfile
    import io
    import pstats
    import shutil

    tmp = Path(tempfile.mkdtemp(prefix="minutes-bench-record-"))
    os.environ.update(MINUTES_CACHE_DIR=str(tmp / "cache"), MINUTES_LOCK_TIMEOUT="60")
    try:
        path = write_session(tmp, ITEMS)
        os.environ["MINUTES_FILE"] = str(path)  # as `minutes record` sets it
        from minutes.cli.recorder import Recorder

        recorder = Recorder(path, clock=True)
        err, sys.stderr = sys.stderr, io.StringIO()
        try:
            recorder.enter(speech(0))  # the first line validates the file and imports the commands
            times = []
            for n in range(1, lines + 1):
                start = time.perf_counter()
                recorder.enter(speech(n))
                times.append(time.perf_counter() - start)
            profiler = cProfile.Profile()
            profiler.enable()
            for n in range(lines + 1, 2 * lines + 1):
                recorder.enter(speech(n))
            profiler.disable()
        finally:
            sys.stderr = err
        print(f"Recorder.enter in process, {lines} speeches on {ITEMS:,} items: median "
              f"{statistics.median(times) * 1000:.1f} ms, min {min(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(top)
        stats.sort_stats("tottime").print_stats(top)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="15 lines instead of 40")
    parser.add_argument("--src", type=Path, help="the source tree whose minutes the measured processes run")
    parser.add_argument("--profile", action="store_true", help="profile the Recorder in this process instead")
    args = parser.parse_args()
    lines = 15 if args.quick else 40
    if args.profile:
        profile(lines)
        return
    import shutil

    tmp = Path(tempfile.mkdtemp(prefix="minutes-bench-record-"))
    env = {**measured_env(args.src), "MINUTES_LOCK_TIMEOUT": "60", "MINUTES_CACHE_DIR": str(tmp / "cache")}
    compile_package(args.src)
    notes: list[str] = []
    try:
        found = rows(tmp, env, lines, notes)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report(found, args.quick)
    for note in notes:
        print(note)


if __name__ == "__main__":
    main()

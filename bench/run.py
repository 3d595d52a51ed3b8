"""Benchmarks of whole `minutes` processes, each beside a baseline measured in the same run.

    python bench/run.py            # the full pass (a few minutes)
    python bench/run.py --quick    # a short pass: fewer runs, smaller batches
    python bench/run.py --src OTHER/src --json    # the processes run another tree's code; rows as JSON

Every scenario runs whole processes several times and reports the median wall time, the target,
and the ratio to its baseline. Peak memory is the largest resident set of any process measured.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from sessions import write_folder, write_sectioned, write_session  # noqa: E402

PY = sys.executable
MINUTES = [PY, "-m", "minutes"]
PEAK = {"rss_mb": 0.0, "where": ""}


def run(cmd: list[str], cwd: Path, env: dict | None = None, stdin: bytes | None = None) -> float:
    """Run one process to the end; return its wall time, recording its peak memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    if stdin is not None:
        proc.stdin.write(stdin)
        proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    if proc.returncode != 0:
        raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n{err}")
    rss = usage.ru_maxrss / 1024
    if cmd[:len(MINUTES)] == MINUTES and rss > PEAK["rss_mb"]:  # ours, not the baselines
        PEAK.update(rss_mb=rss, where=" ".join(cmd[2:5]))
    return wall


def interleaved(rounds: int, cases: dict) -> dict:
    """Return the median time of each case, measured in turns (one of each per round) so that drift hits all alike."""
    values: dict = {key: [] for key in cases}
    for _ in range(rounds):
        for key, fn in cases.items():
            values[key].append(fn())
    return {key: statistics.median(v) for key, v in values.items()}


def median(times: int, fn: Callable[[], float], setup: Callable[[], None] | None = None) -> float:
    """Return the median of ``times`` measurements of ``fn`` (``setup`` runs untimed before each)."""
    values = []
    for _ in range(times):
        if setup:
            setup()
        values.append(fn())
    return statistics.median(values)


@dataclass
class Row:
    scenario: str
    figure: float
    target: str
    ok: bool
    baseline: str = "—"
    ratio: str = "—"


def fmt_time(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def measured_env(src: Path | None) -> dict:
    """Return the environment of the measured processes: this one's, importing ``src``'s minutes, else the one this
    process imports (a relative PYTHONPATH made absolute, since the processes run in the bench's own folders)."""
    env = {**os.environ}
    if src is not None:
        env["PYTHONPATH"] = str(src.resolve())
    elif env.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.pathsep.join(str(Path(p).resolve()) for p in env["PYTHONPATH"].split(os.pathsep) if p)
    return env


def compile_package(src: Path | None = None) -> None:
    """Write the bytecode of the minutes package (in ``src``, else the one imported), as `pip install` does."""
    import compileall

    if src is None:
        import minutes

    compileall.compile_dir(src / "minutes" if src else Path(minutes.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short pass")
    parser.add_argument("--src", type=Path, help="the source tree whose minutes the measured processes run")
    parser.add_argument("--json", action="store_true", help="print the rows and notes as JSON, not a table")
    args = parser.parse_args()
    runs = 5 if args.quick else 11
    big_runs = 3 if args.quick else 5
    batch = 200 if args.quick else 1000
    folder_size = 2000 if args.quick else 10_000
    rows: list[Row] = []
    notes: list[str] = []
    tmp = Path(tempfile.mkdtemp(prefix="minutes-bench-"))
    env = {**measured_env(args.src), "MINUTES_LOCK_TIMEOUT": "60", "MINUTES_CACHE_DIR": str(tmp / "cache")}
    compile_package(args.src)
    try:
        small = write_session(tmp / "small", 20)
        add_small = [*MINUTES, "add-speech", "Ana Weber", "--summary", "x", "-f", str(small)]
        comp = {**env, "_MINUTES_COMPLETE": "complete_bash", "COMP_WORDS": "minutes add-speech An", "COMP_CWORD": "2",
                "MINUTES_FILE": str(small)}
        run(add_small, tmp, env)  # as after `minutes new` or any earlier command: the text is known to be valid
        t = interleaved(runs, {
            "base": lambda: run([PY, "-c", "pass"], tmp),
            "add": lambda: run(add_small, tmp, env),
            "help": lambda: run([*MINUTES, "--help"], tmp, env),
            "completion": lambda: run(MINUTES, tmp, comp),
            "typer": lambda: run([PY, "-c", "import typer"], tmp),
        })
        base = t["base"]
        for key, scenario in (("add", "add-speech, 20-item session"), ("help", "minutes --help"),
                              ("completion", "completion of a name")):
            target = {"add": 0.120, "help": 0.150}.get(key, 0.100)
            rows.append(Row(scenario, t[key], f"≤ {target * 1000:.0f} ms", t[key] <= target,
                            f"python -c pass {fmt_time(base)}", f"{t[key] / base:.1f}×"))
        notes.append(f"`import typer` alone takes {fmt_time(t['typer'])} ({t['typer'] / base:.1f}× python -c pass); "
                     f"the add and completion rows do not import it; --help is Typer's own.")

        sizes = {}
        for n in (10_000, 20_000):
            sizes[n] = write_session(tmp / f"s{n}", n)
        big = sizes[10_000]
        load = [PY, "-c", f"import yaml; yaml.load(open({str(big)!r}, encoding='utf-8'), Loader=yaml.CSafeLoader)"]
        t_load = median(big_runs, lambda: run(load, tmp))
        add_big = [*MINUTES, "add-speech", "Ana Weber", "--summary", "x", "-f", str(big)]
        run(add_big, tmp, env)  # the first command after a hand edit reads and validates the whole file
        t = median(big_runs, lambda: run(add_big, tmp, env))
        rows.append(Row("add-speech, 10,000-item session", t, "≤ 1.0 s", t <= 1.0, f"CSafeLoader load {fmt_time(t_load)}", f"{t / t_load:.2f}×"))

        renders = timed_renders(tmp, env, big_runs, sizes, "out")
        plain = HERE / "plain_docx.py"
        t_plain = run([PY, str(plain), str(big), str(tmp / "plain.docx")], tmp)
        t = renders["docx", 10_000]
        rows.append(Row("render 10,000 items to .docx", t, "≤ 1.5 s", t <= 1.5, f"python-docx add_paragraph {fmt_time(t_plain)}", f"{t / t_plain:.2f}×"))
        t = renders["md", 10_000]
        rows.append(Row("render 10,000 items to Markdown", t, "≤ 1 s", t <= 1.0))
        for fmt in ("docx", "md"):
            growth = renders[fmt, 20_000] / renders[fmt, 10_000]
            rows.append(Row(f"growth 20,000 / 10,000 items, {fmt}", growth, "≤ 2.2×", growth <= 2.2,
                            f"20,000 items {fmt_time(renders[fmt, 20_000])}", f"{growth:.2f}×"))

        rows.extend(model_two(tmp, env, big_runs, renders, notes))

        sessions = write_folder(tmp / "batch", batch, 20)
        out = tmp / "batch-out"

        def clean_out() -> None:
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()

        t_batch = median(3 if not args.quick else 1, lambda: run(
            [*MINUTES, "render", str(sessions), "--format", "docx", "--out", str(out), "--jobs", "2"], tmp, env), clean_out)
        md_out = tmp / "batch-md"
        md_out.mkdir()
        run([*MINUTES, "render", str(sessions), "--format", "md", "--out", str(md_out), "--jobs", "2"], tmp, env)
        pandoc_out = tmp / "batch-pandoc"
        pandoc_out.mkdir()
        if shutil.which("pandoc"):
            script = f"cd {md_out} && ls *.md | xargs -P 2 -I{{}} pandoc {{}} -o {pandoc_out}/{{}}.docx"
            t_pandoc = run(["bash", "-c", script], tmp)
            speedup = t_pandoc / t_batch
            rows.append(Row(f"batch: {batch} sessions to .docx, --jobs 2", t_batch,
                            f"≤ {5 * batch / 1000:.0f} s and ≥ 5× pandoc", t_batch <= 5 * batch / 1000 and speedup >= 5,
                            f"pandoc per file, 2 at a time {fmt_time(t_pandoc)}", f"{speedup:.1f}× faster"))
        else:
            rows.append(Row(f"batch: {batch} sessions to .docx, --jobs 2", t_batch, f"≤ {5 * batch / 1000:.0f} s",
                            t_batch <= 5 * batch / 1000, "pandoc not installed", "—"))

        duplicates = ("import rosters\ntry:\n    from minutes.model import names\n"
                      "except ImportError:  # a tree from before the layer packages (bench/compare.py)\n"
                      "    from minutes import names\nnames.near_duplicates(rosters.roster(2000))")
        quadratic = "import rosters; rosters.quadratic(rosters.roster(150))"
        bench_env = {**env, "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")]))}
        t = interleaved(3, {"new": lambda: run([PY, "-c", duplicates], tmp, bench_env),
                            "old": lambda: run([PY, "-c", quadratic], tmp, bench_env)})
        rows.append(Row("near-duplicate names, 2,000 people", t["new"], "≤ 2 s", t["new"] <= 2.0,
                        f"every pair compared, 150 people {fmt_time(t['old'])}", f"{t['new'] / t['old']:.2f}×"))
        notes.append(f"Comparing every pair of 2,000 people would take about {fmt_time(t['old'] * (2000 / 150) ** 2)} "
                     "(150 people's time, times (2,000 / 150)²).")

        many = write_folder(tmp / "many", folder_size, 20)
        for name in ("list", "check"):
            cmd = [*MINUTES, name, str(many)] if name == "list" else [*MINUTES, "check", str(many), "--json"]
            first = run(cmd, tmp, env)
            t = median(3, lambda: run(cmd, tmp, env))
            rows.append(Row(f"minutes {name}, {folder_size:,} sessions", t, "≤ 3 s", t <= 3.0,
                            f"first run (cold cache) {fmt_time(first)}", f"{t / first:.2f}×"))
        sys.modules.setdefault("run", sys.modules[__name__])  # bench/record.py's helpers are these (one PEAK)
        import record

        rows.extend(record.rows(tmp, env, 15 if args.quick else 40, notes))
        rows.append(Row("peak memory, any process above", PEAK["rss_mb"], "≤ 300 MB", PEAK["rss_mb"] <= 300,
                        PEAK["where"], "—"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        print(json.dumps({"rows": [asdict(r) for r in rows], "notes": notes}))
        return
    report(rows, args.quick)
    for note in notes:
        print(note)


def timed_renders(tmp: Path, env: dict, runs: int, sizes: dict[int, Path], prefix: str) -> dict:
    """Return the median time of rendering each session of ``sizes`` to .docx and to Markdown, all in turns."""
    commands = {}
    for n, path in sizes.items():
        for fmt in ("docx", "md"):
            out = tmp / f"{prefix}-{fmt}-{n}"
            out.mkdir()
            commands[fmt, n] = [*MINUTES, "render", str(path), "--format", fmt, "--out", str(out)]
    return interleaved(runs, {key: functools.partial(run, cmd, tmp, env) for key, cmd in commands.items()})


def renders_sections(tmp: Path, env: dict) -> bool:
    """Return whether the tree under test renders a session with sections (record model 2)."""
    probe = write_sectioned(tmp / "probe", 10)
    cmd = [*MINUTES, "render", str(probe), "--format", "md", "--out", str(probe.parent)]
    return subprocess.run(cmd, cwd=tmp, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0


def model_two(tmp: Path, env: dict, runs: int, model_one: dict, notes: list[str]) -> list[Row]:
    """Return the rows of record model 2: 10,000 and 20,000 items in 50 sections, texts in Markdown (lists,
    tables, links), rendered beside the model 1 renders of ``model_one``; and an add-speech into a section."""
    flat = not renders_sections(tmp, env)
    if flat:
        notes.append("This tree does not render sections yet: the model 2 renders took the same items and texts "
                     "in one list, without the sections.")
    sizes = {n: write_sectioned(tmp / f"v2-{n}", n, flat) for n in (10_000, 20_000)}
    renders = timed_renders(tmp, env, runs, sizes, "out-v2")
    rows = []
    for fmt, name, target in (("docx", ".docx", 1.5), ("md", "Markdown", 1.0)):
        t, base = renders[fmt, 10_000], model_one[fmt, 10_000]
        rows.append(Row(f"render 10,000 items in 50 sections to {name}", t, f"≤ {target:g} s", t <= target,
                        f"model 1, 10,000 items {fmt_time(base)}", f"{t / base:.2f}×"))
    for fmt in ("docx", "md"):
        growth = renders[fmt, 20_000] / renders[fmt, 10_000]
        rows.append(Row(f"growth 20,000 / 10,000 items in sections, {fmt}", growth, "≤ 2.2×", growth <= 2.2,
                        f"20,000 items {fmt_time(renders[fmt, 20_000])}", f"{growth:.2f}×"))
    path = write_sectioned(tmp / "v2-add", 10_000)
    add = [*MINUTES, "add-speech", "Ana Weber", "--summary", "x", "--in", "25", "-f", str(path)]
    load = [PY, "-c", f"import yaml; yaml.load(open({str(path)!r}, encoding='utf-8'), Loader=yaml.CSafeLoader)"]
    run(add, tmp, env)  # the first command after a hand edit reads and validates the whole file
    t = median(runs, lambda: run(add, tmp, env))
    t_load = median(runs, lambda: run(load, tmp))
    rows.append(Row("add-speech into section 25 of 10,000 items", t, "≤ 1.0 s", t <= 1.0,
                    f"CSafeLoader load {fmt_time(t_load)}", f"{t / t_load:.2f}×"))
    return rows


def report(rows: list[Row], quick: bool) -> None:
    """Print one table, a row per scenario."""
    print(f"minutes benchmarks ({'quick' if quick else 'full'} pass), {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    header = ("scenario", "figure", "target", "met", "baseline (same run)", "ratio")
    table = [header]
    for r in rows:
        table.append((r.scenario, figure_text(r.scenario, r.figure), r.target, "yes" if r.ok else "NO", r.baseline, r.ratio))
    print_table(table)
    missed = [r.scenario for r in rows if not r.ok]
    print(f"\n{len(rows) - len(missed)} of {len(rows)} targets met" + (f"; missed: {', '.join(missed)}" if missed else ""))


def figure_text(scenario: str, figure: float) -> str:
    """Return a row's figure as the table shows it: megabytes, a growth factor, or a time."""
    return f"{figure:.0f} MB" if "memory" in scenario else (f"{figure:.2f}×" if "growth" in scenario else fmt_time(figure))


def print_table(table: list[tuple[str, ...]]) -> None:
    """Print rows of cells in aligned columns, the first row as the header."""
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for i, row in enumerate(table):
        print("  ".join(cell.ljust(widths[j]) for j, cell in enumerate(row)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))


if __name__ == "__main__":
    main()

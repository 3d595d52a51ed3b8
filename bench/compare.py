"""Compare two source trees on bench/run.py's scenarios: each row's figure for both, and new / old.

    python bench/compare.py OLD_SRC NEW_SRC [--quick] [--rounds N]

Each round runs one whole pass of bench/run.py for OLD_SRC, then one for NEW_SRC (old, new, old, new …,
so the host's drift hits both alike); the bench itself (its inputs, its baselines) is this tree's, and
only the measured `minutes` processes run each tree's code. Give the `src` folder of a full checkout: each
tree finds its own templates. A row whose median over the rounds is more than 10 % worse is flagged.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import figure_text, print_table  # noqa: E402

WORSE = 1.10  # new / old above this is flagged: every figure is better lower (times, growth, memory)


def one_pass(src: Path, quick: bool) -> list[dict]:
    """Return the rows of one bench/run.py pass whose `minutes` processes run the code in ``src``."""
    cmd = [sys.executable, str(HERE / "run.py"), "--json", "--src", str(src), *(["--quick"] if quick else [])]
    out = subprocess.run(cmd, stdout=subprocess.PIPE, check=True, text=True).stdout
    return json.loads(out)["rows"]


def medians(passes: list[list[dict]]) -> dict[str, float]:
    """Return each scenario's median figure over the passes."""
    return {row["scenario"]: statistics.median(p[i]["figure"] for p in passes) for i, row in enumerate(passes[0])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="src folder of the old checkout")
    parser.add_argument("new", type=Path, help="src folder of the new checkout")
    parser.add_argument("--quick", action="store_true", help="short passes (bench/run.py --quick)")
    parser.add_argument("--rounds", type=int, default=2, help="passes of each tree, taken in turns (default 2)")
    args = parser.parse_args()
    passes: dict[str, list[list[dict]]] = {"old": [], "new": []}
    for n in range(args.rounds):
        for side in ("old", "new"):
            print(f"round {n + 1} of {args.rounds}: {side} ({getattr(args, side)})", file=sys.stderr, flush=True)
            passes[side].append(one_pass(getattr(args, side), args.quick))
    old, new = medians(passes["old"]), medians(passes["new"])
    table = [("scenario", "old", "new", "new / old", "")]
    worse = []
    for scenario, before in old.items():
        after = new[scenario]
        ratio = after / before if before else float("inf")
        if ratio > WORSE:
            worse.append(scenario)
        table.append((scenario, figure_text(scenario, before), figure_text(scenario, after), f"{ratio:.2f}",
                      "WORSE" if ratio > WORSE else ""))
    print(f"old: {args.old}\nnew: {args.new}\n{args.rounds} round(s) of {'quick' if args.quick else 'full'} passes, "
          "medians")
    print_table(table)
    print(f"\n{len(worse)} of {len(old)} rows more than {WORSE - 1:.0%} worse" + (f": {', '.join(worse)}" if worse else ""))


if __name__ == "__main__":
    main()

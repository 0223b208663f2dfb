"""``make bench``: run the benchmarks, print each figure beside its baseline and target.

Each benchmark script is run as its own process with ``--json`` and prints one
JSON line of figures; this script gathers them, prints a table of every figure
with its baseline (the figure measured before the speed work, see
``baselines.json``), the ratio now / baseline and the target, and writes the
same as ``benchmarks/results.json``.

    .venv/bin/python benchmarks/run_all.py [--only NAME ...] [--quick]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASELINES = HERE / "baselines.json"
RESULTS = HERE / "results.json"

# script (with arguments) → the figures it reports
SCRIPTS: dict[str, list[str]] = {
    "scoring": ["bench_scoring.py", "--json"],
    "methods": ["bench_methods.py", "--json"],
    "smaa": ["bench_smaa.py", "--json"],
    "cli": ["bench_cli.py", "--json"],
    "gui_live": ["bench_gui_live.py", "--json"],
    "startup": ["bench_startup.py", "--json"],
    "gui_open": ["bench_gui_open.py", "--json"],
    "optimality": ["bench_optimality_portfolio.py", "--json", "--repeat", "3"],
}


def run_script(args: list[str], quick: bool) -> tuple[dict[str, float], str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    command = [sys.executable, str(HERE / args[0]), *args[1:]]
    if quick and args[0] == "bench_cli.py":
        command.append("--quick")
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=HERE.parent)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {}, f"failed (exit {done.returncode}): {tail}"
    return json.loads(lines[-1]), ""


def met(value: float, target: dict) -> bool | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if "max" in target:
        return value <= target["max"]
    if "min" in target:
        return value >= target["min"]
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=list(SCRIPTS), help="run only these")
    parser.add_argument("--quick", action="store_true",
                        help="leave out the slowest case (analyse 10,000 × 20)")
    args = parser.parse_args()
    spec = json.loads(BASELINES.read_text(encoding="utf-8"))
    figures: dict[str, float] = {}
    failures: dict[str, str] = {}
    for name in args.only or SCRIPTS:
        started = time.perf_counter()
        print(f"running {name} …", file=sys.stderr, flush=True)
        got, problem = run_script(SCRIPTS[name], args.quick)
        if problem:
            failures[name] = problem
            print(f"  {name}: {problem}", file=sys.stderr)
        print(f"  {name} took {time.perf_counter() - started:.0f} s", file=sys.stderr)
        figures |= {f"{name}.{k}": v for k, v in got.items()}
    rows = []
    for key, entry in spec["figures"].items():
        if key not in figures:
            continue
        now, base = figures[key], entry.get("baseline")
        ratio = now / base if base and now == now else None
        rows.append({"figure": key, "label": entry["label"], "unit": entry["unit"],
                     "now": now, "baseline": base, "ratio": ratio,
                     "target": entry.get("target", {}), "met": met(now, entry.get("target", {}))})
    extra = sorted(set(figures) - set(spec["figures"]))
    width = max((len(r["label"]) for r in rows), default=10)
    print(f"{'figure':<{width}}  {'now':>10}  {'baseline':>10}  {'ratio':>6}  target")
    for r in rows:
        target = r["target"]
        goal = (f"≤ {target['max']:g}" if "max" in target else
                f"≥ {target['min']:g}" if "min" in target else "")
        verdict = {True: "met", False: "MISSED", None: ""}[r["met"]]
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else "—"
        base = f"{r['baseline']:g}" if r["baseline"] is not None else "—"
        print(f"{r['label']:<{width}}  {r['now']:>10.4g}  {base:>10}  {ratio:>6}  "
              f"{goal} {r['unit']} {verdict}".rstrip())
    if extra:
        print("also measured: " + ", ".join(f"{k} = {figures[k]:.4g}" for k in extra))
    RESULTS.write_text(json.dumps({
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "platform": platform.platform(), "load": os.getloadavg()},
        "figures": rows, "other": {k: figures[k] for k in extra}, "failures": failures,
    }, indent=2) + "\n", encoding="utf-8")
    print(f"written {RESULTS.relative_to(HERE.parent)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

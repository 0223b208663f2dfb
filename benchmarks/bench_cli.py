"""Command-line runs on large generated matrices: wall time, peak memory, output size.

Writes the matrices with ``large_matrix.py`` into a temporary folder, then runs,
each as its own process (so its peak resident memory is its own):

  analyse 1,000 × 20      ``tradeoff analyse FILE --format json`` (default samples)
  analyse 10,000 × 20     the same at ten times the options (skipped with --quick)
  score 10,000 × 50       ``tradeoff score FILE --format json``

and prints the wall time, the peak memory and the size of what was printed.
Targets: analyse 1,000 × 20 ≤ 2 s and ≤ 500 MB with output ≤ ~5 MB; 10,000 × 20
≤ 20 s; score 10,000 × 50 ≤ 3 s.

    .venv/bin/python benchmarks/bench_cli.py [--quick] [--json] [--timeout SECONDS]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import emit
from large_matrix import build

from tradeoff.io.matrix_file import save_matrix


def run(args: list[str], timeout: float) -> tuple[float, float, int, int]:
    """Wall seconds, peak resident MB, bytes written to stdout and the exit status."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "tradeoff", *args], stdout=out,
                                stderr=subprocess.DEVNULL)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        size = out.seek(0, os.SEEK_END)
    return wall, usage.ru_maxrss / 1024, size, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="leave out analyse 10,000 × 20")
    parser.add_argument("--json", action="store_true", help="print one JSON line of figures")
    parser.add_argument("--timeout", type=float, default=300,
                        help="seconds before a run is stopped and reported as such")
    args = parser.parse_args()
    cases = [("analyse_1000x20", 1000, 20, ["analyse", "--format", "json"]),
             ("analyse_10000x20", 10_000, 20, ["analyse", "--format", "json"]),
             ("score_10000x50", 10_000, 50, ["score", "--format", "json"])]
    if args.quick:
        cases = [c for c in cases if c[0] != "analyse_10000x20"]
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, n, k, command in cases:
            path = Path(folder) / f"generated-{n}x{k}.toml"
            if not path.exists():
                save_matrix(build(n, k), path, touch_modified=False)
            wall, peak, size, status = run([command[0], str(path), *command[1:]], args.timeout)
            if status != 0:
                note = "stopped at the time limit" if wall >= args.timeout else f"exit {status}"
                print(f"{name}: {note} after {wall:.1f} s", file=sys.stderr)
                figures[f"{name}_s"] = float("nan")
                continue
            figures |= {f"{name}_s": wall, f"{name}_peak_mb": peak,
                        f"{name}_output_mb": size / 1e6}
            if not args.json:
                print(f"{name.replace('_', ' ', 1):<22} {wall:7.2f} s  peak {peak:7.0f} MB  "
                      f"output {size / 1e6:7.2f} MB")
    if args.json:
        emit(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())

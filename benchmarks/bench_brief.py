"""What the decision brief costs: the Budapest brief with a 20,000-draw Monte Carlo, per format.

Prints, for each format, the median of the analysis (statements and Monte Carlo),
of laying it out, and of the whole (analysis + layout + atomic write), in the
same process after a warm-up; then the wall time of ``tradeoff brief`` as a new
process (Python start-up and imports included), once per format, with the CPU
time it used (on a shared, busy machine the wall time waits for a core; the CPU
time does not).

    .venv/bin/python benchmarks/bench_brief.py [--repeat N]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import median_seconds

from tradeoff.core.brief import BriefOptions, build_brief
from tradeoff.io.brief import FORMATS, render_brief, write_brief
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_path

SAMPLES = 20_000
EXTENSIONS = [".html", ".md", ".docx", ".pdf"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    matrix = load_matrix(example_path())
    profile = matrix.profile()
    options = BriefOptions(samples=SAMPLES, seed=1)
    analysis = median_seconds(lambda: build_brief(matrix, profile, options), args.repeat)
    brief = build_brief(matrix, profile, options)
    print(f"Budapest brief, {SAMPLES:,} Monte Carlo draws; medians of {args.repeat} runs")
    print(f"  analysis (statements + Monte Carlo): {analysis * 1000:7.0f} ms")
    with tempfile.TemporaryDirectory() as folder:
        for ext in EXTENSIONS:
            fmt = FORMATS[ext]
            layout = median_seconds(lambda fmt=fmt: render_brief(brief, fmt), args.repeat)
            target = Path(folder) / f"brief{ext}"

            def whole(target: Path = target) -> None:
                write_brief(build_brief(matrix, profile, options), target)

            total = median_seconds(whole, args.repeat)
            print(f"  {fmt:8}  layout {layout * 1000:6.0f} ms   whole {total * 1000:6.0f} ms")
        print("tradeoff brief as a new process (start-up and imports included):")
        for ext in EXTENSIONS:
            target = Path(folder) / f"cli{ext}"
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "tradeoff", "brief", str(example_path()),
                            "-o", str(target), "--samples", str(SAMPLES)], check=True,
                           capture_output=True)
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            print(f"  {FORMATS[ext]:8}  wall {wall:5.2f} s   CPU {cpu:5.2f} s")


if __name__ == "__main__":
    main()

"""What the Python API costs: ``import tradeoff`` and a first ranking in a notebook.

Prints the medians, over fresh processes started in turn, of:

- ``python -c pass`` (the interpreter alone: the floor);
- ``import tradeoff`` (must stay near the floor: the app's start-up imports it,
  and the API loads pandas only on first use);
- ``import tradeoff; tradeoff.load(example).score()`` (what a notebook's first
  cell costs);

and, in this process after a warm-up, ``Matrix.score()`` and
``Matrix.analyse(samples=10_000)`` on the Budapest example beside the core
calls they wrap, so the API's own overhead shows.

    .venv/bin/python benchmarks/bench_api.py [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from _timing import emit, median_seconds, wants_json

import tradeoff
from tradeoff.core.scoring import score
from tradeoff.core.smaa import SmaaSettings, run_smaa
from tradeoff.core.smaa_sampling import spec_for_matrix
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_path

CHILDREN = {
    "python_pass_ms": "pass",
    "import_tradeoff_ms": "import tradeoff",
    "first_score_ms": f"import tradeoff; tradeoff.load({str(example_path())!r}).score()",
}


def child_medians(repeat: int) -> dict[str, float]:
    times: dict[str, list[float]] = {k: [] for k in CHILDREN}
    for _ in range(repeat):
        for key, code in CHILDREN.items():  # in turn, so a busy moment hits all alike
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times[key].append((time.perf_counter() - t0) * 1000)
    return {k: statistics.median(v) for k, v in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = child_medians(args.repeat)
    m = tradeoff.load(example_path())
    model = load_matrix(example_path())
    profile = model.profile()
    figures["api_score_ms"] = median_seconds(m.score, args.repeat) * 1000
    figures["core_score_ms"] = median_seconds(lambda: score(model, profile), args.repeat) * 1000
    figures["api_analyse_ms"] = median_seconds(lambda: m.analyse(samples=10_000),
                                               max(3, args.repeat // 2)) * 1000
    spec = spec_for_matrix(model, profile, "profile", 0.2)
    figures["core_smaa_ms"] = median_seconds(
        lambda: run_smaa(model, SmaaSettings(spec, samples=10_000, seed=1)),
        max(3, args.repeat // 2)) * 1000
    if wants_json() or args.json:
        emit(figures)
        return
    print(f"Medians of {args.repeat} fresh processes (interpreter start-up included):")
    print(f"  python -c pass                 {figures['python_pass_ms']:8.1f} ms")
    print(f"  import tradeoff                {figures['import_tradeoff_ms']:8.1f} ms")
    print(f"  import + load + score          {figures['first_score_ms']:8.1f} ms")
    print("In this process, Budapest example:")
    print(f"  Matrix.score()                 {figures['api_score_ms']:8.2f} ms "
          f"(core score: {figures['core_score_ms']:.2f} ms)")
    print(f"  Matrix.analyse(10,000 draws)   {figures['api_analyse_ms']:8.1f} ms "
          f"(core SMAA alone: {figures['core_smaa_ms']:.1f} ms; the API adds stability, "
          "flips, tornado and stakeholders, as tradeoff analyse does)")


if __name__ == "__main__":
    main()

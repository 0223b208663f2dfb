"""What the Excel export's analysis sheets cost, at sizes around their limits.

Times :func:`tradeoff.io.excel.analysis.compute_analysis` (cross-check, weight
sweeps, score flips, stakeholder comparison, Monte Carlo, tornado) for the
example matrices and for random matrices sized around the limits of
:class:`~tradeoff.io.excel.analysis.AnalysisLimits`, and prints, per size, the
time of each step and what was left out or thinned. The step times come from
the progress the export reports as each step ends.

    .venv/bin/python benchmarks/bench_export_analysis.py [--quick]
"""

from __future__ import annotations

import argparse
import copy
import time

from bench_export import build_matrix

from tradeoff.core.model import DecisionMatrix
from tradeoff.io.excel.analysis import STEP_SHARES, compute_analysis
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_matrices

# (options, criteria, profiles): just inside or beyond each limit
SIZES = [(89, 50, 1), (200, 8, 1), (300, 8, 2), (500, 8, 1), (1_000, 50, 1), (2_000, 50, 1),
         (10_000, 50, 1)]
QUICK = [(89, 50, 1), (200, 8, 1), (10_000, 50, 1)]


def with_profiles(matrix: DecisionMatrix, count: int) -> DecisionMatrix:
    """``matrix`` with ``count`` profiles: copies of the first with the weights reversed."""
    for k in range(1, count):
        p = copy.deepcopy(matrix.profiles[0])
        p.id, p.name = f"p{k}", f"Profile {k}"
        values = list(p.weights.values())[::-1]
        p.weights = dict(zip(p.weights, values, strict=True))
        matrix.profiles.append(p)
    return matrix


def measure(label: str, matrix: DecisionMatrix) -> None:
    marks: list[tuple[float, float]] = []
    start = time.perf_counter()
    content = compute_analysis(matrix, matrix.profile(),
                               progress=lambda f: marks.append((f, time.perf_counter())))
    total = time.perf_counter() - start
    steps, previous, reached = [], start, 0.0
    for step, share in STEP_SHARES.items():
        reached += share
        end = next((t for f, t in marks if f >= reached - 1e-9), previous)
        steps.append(f"{step} {end - previous:5.2f}")
        previous = end
    print(f"{label:>24}: {total:6.2f} s  ({', '.join(steps)})")
    notes = [*content.methods_notes, *(n for ns in content.sheet_notes.values() for n in ns)]
    for outcome in content.methods.outcomes:
        if outcome.error and "left out" in outcome.error:
            notes.append(f"{outcome.display_name} {outcome.error}")
    for note in notes:
        print(f"{'':>26}- {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="three sizes only")
    args = parser.parse_args()
    for path in example_matrices():
        m = load_matrix(path)
        measure(f"{path.stem} {len(m.options)}×{len(m.criteria)}", m)
    for n, k, profiles in QUICK if args.quick else SIZES:
        m = with_profiles(build_matrix(n, k)[0], profiles)
        measure(f"random {n:,}×{k}" + (f", {profiles} profiles" if profiles > 1 else ""), m)


if __name__ == "__main__":
    main()

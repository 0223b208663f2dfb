"""SMAA-2 Monte Carlo speed: 100,000 draws on a 20 options × 8 criteria matrix.

Prints the median time of tradeoff.core.smaa.run_smaa (rank acceptabilities,
central weights, confidence factors and pairwise winning probabilities) for:
  uniform          weights uniform on the simplex, exact scores
  profile ±20 %    weights around a profile (exact rejection sampler), exact scores
  uniform+ranges   uniform weights and every one of the 160 scores drawn from a
                   triangular low/base/high range (plus the confidence pass)
  ranges, normal   the same ranges read as 95 % intervals of normal distributions
  ranges, mixed    a third each triangular, normal and log-normal (cells' own setting)

and, for comparison, per-draw Python loops over the same draws:
  loop/scorer      one tradeoff.core.scoring.score() call per draw on a re-weighted
                   profile (the "scoring library" way)
  loop/python      pure Python per draw: weighted sums, a sort, rank counts, first-place
                   weights and pairwise wins (the same tallies, no numpy in the loop)

The loops are far too slow to run 100,000 times, so each is timed on a subset
(stated in the output) and extrapolated linearly to 100,000 draws; the ratios
printed compare that extrapolation with the vectorised uniform run.

With ``--json`` it times only what ``make bench`` reports: uniform weights
with score ranges on 20 × 8 and on 200 options × 20 criteria, 100,000 draws.
Runs use one worker thread per core (up to four), as the app does; the figures
are the same on any number of threads, only the time differs.

Run: .venv/bin/python benchmarks/bench_smaa.py [--draws N] [--json]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _timing import emit, median_seconds

from tradeoff.core.model import (
    Criterion,
    DecisionMatrix,
    Option,
    Score,
    WeightProfile,
)
from tradeoff.core.scoring import score, value_matrix
from tradeoff.core.sensitivity import profile_with_weights
from tradeoff.core.smaa import SmaaSettings, run_smaa
from tradeoff.core.smaa_sampling import (
    WeightSampler,
    uniform_weights,
    weights_around,
)
from tradeoff.core.weights import normalised_weights

OPTIONS, CRITERIA = 20, 8


def build(ranged: bool, seed: int = 0, mixed: bool = False, options: int = OPTIONS,
          criteria: int = CRITERIA) -> DecisionMatrix:
    rng = np.random.default_rng(seed)
    m = DecisionMatrix(
        criteria=[Criterion(f"c{j}", f"Criterion {j}", worst=0, best=10)
                  for j in range(criteria)],
        options=[Option(f"o{i}", f"Option {i}") for i in range(options)],
        profiles=[WeightProfile("p", "Profile", {f"c{j}": float(rng.uniform(1, 5))
                                                 for j in range(criteria)})],
        active_profile="p")
    for i in range(options):
        for j in range(criteria):
            v = float(np.round(rng.uniform(2, 8), 1))
            low, high = (v - float(rng.uniform(0.5, 2)), v + float(rng.uniform(0.5, 2))) \
                if ranged else (None, None)
            kind = (None, "normal", "lognormal")[(i * criteria + j) % 3] if mixed else None
            m.scores[(f"o{i}", f"c{j}")] = Score(v, low, high, distribution=kind)
    return m


def loop_over_scorer(m: DecisionMatrix, weights: np.ndarray) -> np.ndarray:
    counts = np.zeros((OPTIONS, OPTIONS))
    for w in weights:
        ranks = score(m, profile_with_weights(m, w)).ranks.to_numpy().astype(int)
        counts[np.arange(OPTIONS), ranks - 1] += 1
    return counts


def loop_in_python(values: list[list[float]], weights: list[list[float]]) -> list[list[int]]:
    """Rank counts, first-place weight sums and pairwise wins, one draw at a time."""
    counts = [[0] * OPTIONS for _ in range(OPTIONS)]
    first_weights = [[0.0] * CRITERIA for _ in range(OPTIONS)]
    above = [[0] * OPTIONS for _ in range(OPTIONS)]
    for w in weights:
        totals = [sum(wj * vj for wj, vj in zip(w, row, strict=True)) for row in values]
        order = sorted(range(OPTIONS), key=lambda i: -totals[i])
        for rank, i in enumerate(order):
            counts[i][rank] += 1
            for k in order[rank + 1:]:
                above[i][k] += 1
        best = first_weights[order[0]]
        for j in range(CRITERIA):
            best[j] += w[j]
    return counts


def headline(draws: int) -> dict[str, float]:
    """The figures ``make bench`` reports: score ranges, uniform weights, two sizes."""
    figures = {}
    for label, (n, k) in {"20x8": (OPTIONS, CRITERIA), "200x20": (200, 20)}.items():
        m = build(True, options=n, criteria=k)
        settings = SmaaSettings(uniform_weights(k), samples=draws, seed=1)
        figures[f"ranges_{label}_ms"] = median_seconds(lambda m=m, s=settings: run_smaa(m, s),
                                                       repeat=5) * 1e3
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--json", action="store_true", help="print one JSON line of figures")
    args = parser.parse_args()
    draws = args.draws
    if args.json:
        emit(headline(draws))
        return
    exact, ranged = build(False), build(True)
    centre = normalised_weights(exact, exact.profile())
    cases = {
        "uniform": (exact, uniform_weights(CRITERIA)),
        "profile ±20 %": (exact, weights_around(centre, 0.2)),
        "uniform+ranges": (ranged, uniform_weights(CRITERIA)),
        "ranges, normal": (ranged, uniform_weights(CRITERIA)),
        "ranges, mixed": (build(True, mixed=True), uniform_weights(CRITERIA)),
    }
    print(f"SMAA-2, {draws:,} draws on {OPTIONS} options × {CRITERIA} criteria "
          f"(median of 5 runs)")
    timings = {}
    for name, (m, spec) in cases.items():
        settings = SmaaSettings(spec, samples=draws, seed=1,
                                distribution="normal" if name.endswith("normal") else "triangular")
        timings[name] = median_seconds(lambda m=m, s=settings: run_smaa(m, s), repeat=5)
        print(f"  {name:<16} {timings[name] * 1000:8.1f} ms")

    weights = WeightSampler(uniform_weights(CRITERIA), np.random.default_rng(1)).draw(2000)
    subset = 200
    t0 = time.perf_counter()
    loop_over_scorer(exact, weights[:subset])
    scorer_each = (time.perf_counter() - t0) / subset
    values = value_matrix(exact).tolist()
    subset_py = 2000
    t0 = time.perf_counter()
    loop_in_python(values, weights[:subset_py].tolist())
    python_each = (time.perf_counter() - t0) / subset_py
    base = timings["uniform"]
    print(f"  loop/scorer      {scorer_each * draws:8.1f} s  (timed {subset} draws, "
          f"{scorer_each * 1e3:.2f} ms each, extrapolated) → {scorer_each * draws / base:,.0f}× "
          "the vectorised uniform run")
    print(f"  loop/python      {python_each * draws:8.1f} s  (timed {subset_py:,} draws, "
          f"{python_each * 1e6:.0f} µs each, extrapolated) → {python_each * draws / base:,.0f}× "
          "the vectorised uniform run")


if __name__ == "__main__":
    main()

"""Scoring speed of the additive value model on a 100,000 × 50 matrix.

Prints the median time of:
  baseline   plain numpy: linear values, weighted sum, ranks by argsort
  core       tradeoff.core.scoring.score() from a raw score array (values, contributions,
             totals, ranks, margins and the result DataFrame)
  reweight   additive_totals() + competition_ranks() with the value matrix cached,
             which is what a weight slider or a Monte Carlo draw costs
  extract    raw_matrix(): turning 5,000,000 Score objects of the model into an array
  values     value_matrix(): the model's scores as values 0..1, what every analysis starts from

Run: .venv/bin/python benchmarks/bench_scoring.py [--json]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _timing import emit, median_seconds, wants_json

from tradeoff.core.model import (
    Criterion,
    DecisionMatrix,
    Direction,
    Option,
    Score,
    WeightProfile,
)
from tradeoff.core.scoring import (
    additive_totals,
    competition_ranks,
    raw_matrix,
    score,
    value_matrix,
)

N_OPTIONS, N_CRITERIA = 100_000, 50


def build(rng: np.random.Generator) -> tuple[DecisionMatrix, np.ndarray]:
    criteria = []
    for j in range(N_CRITERIA):
        cost = j % 3 == 0
        criteria.append(Criterion(f"c{j}", f"C{j}", worst=10 if cost else 0,
                                  best=0 if cost else 10,
                                  direction=Direction.COST if cost else Direction.BENEFIT,
                                  value_points=[(0, 0), (5, 0.7), (10, 1)] if j % 7 == 1 else []))
    m = DecisionMatrix(criteria=criteria,
                       options=[Option(f"o{i}", f"O{i}") for i in range(N_OPTIONS)])
    m.profiles.append(WeightProfile("p", "P", {c.id: float(rng.uniform(1, 10))
                                               for c in criteria}))
    return m, rng.uniform(0, 10, size=(N_OPTIONS, N_CRITERIA))


def main() -> None:
    rng = np.random.default_rng(1)
    m, raw = build(rng)
    worst = np.array([c.worst for c in m.criteria])
    best = np.array([c.best for c in m.criteria])
    w = np.array([m.profiles[0].weights[c.id] for c in m.criteria])
    w = w / w.sum()

    def baseline() -> None:
        values = (raw - worst) / (best - worst)
        totals = values @ w
        np.argsort(-totals)

    values = value_matrix(m, raw)
    t_base = median_seconds(baseline)
    t_core = median_seconds(lambda: score(m, raw=raw), repeat=5)
    t_reweight = median_seconds(lambda: competition_ranks(additive_totals(values, w)))
    quiet = wants_json()
    say = (lambda *a: None) if quiet else print
    say(f"matrix: {N_OPTIONS:,} options × {N_CRITERIA} criteria "
          f"({sum(bool(c.value_points) for c in m.criteria)} piecewise)")
    say(f"baseline numpy (values, weighted sum, argsort): {t_base * 1e3:8.1f} ms")
    say(f"core score() → result DataFrame:                {t_core * 1e3:8.1f} ms "
          f"({t_core / t_base:.1f}× baseline)")
    say(f"re-weight with cached values (totals + ranks):  {t_reweight * 1e3:8.1f} ms")

    for i, o in enumerate(m.options):
        row = raw[i]
        for j, c in enumerate(m.criteria):
            m.scores[(o.id, c.id)] = Score(value=float(row[j]))
    # The first derivation from the model is what an analysis of a freshly
    # loaded matrix pays; each is timed once, values first.
    t0 = time.perf_counter()
    from_model = value_matrix(m)
    t_values = time.perf_counter() - t0
    assert np.allclose(from_model, values, equal_nan=True)
    say(f"model → value array (5,000,000 scores, once):   {t_values * 1e3:8.1f} ms")
    t0 = time.perf_counter()
    extracted = raw_matrix(m)
    t_extract = time.perf_counter() - t0
    assert np.array_equal(extracted, raw)
    say(f"model → raw score array (then):                 {t_extract * 1e3:8.1f} ms")
    if quiet:
        emit({"numpy_ms": t_base * 1e3, "core_score_ms": t_core * 1e3,
              "core_vs_numpy": t_core / t_base, "reweight_ms": t_reweight * 1e3,
              "model_to_array_ms": t_extract * 1e3, "model_to_values_ms": t_values * 1e3})


if __name__ == "__main__":
    main()

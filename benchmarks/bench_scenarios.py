"""Speed of the scenario analysis, which the Scenarios view recomputes on every
step of a weight slider.

Prints the median time of:
  budapest   analyse_scenarios() on the Budapest example (5 options × 9 criteria,
             4 scenarios): per-scenario scoring, regret, minimax, signposts
  view       scenario_view() of one Budapest scenario
  large      analyse_scenarios() on 1,000 options × 20 criteria with 5 scenarios
             overriding 200 cells each

Run: .venv/bin/python benchmarks/bench_scenarios.py [--json]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _timing import emit, median_seconds, wants_json

from tradeoff.core.model import (
    Criterion,
    DecisionMatrix,
    Option,
    Scenario,
    Score,
    WeightProfile,
)
from tradeoff.core.scenarios import analyse_scenarios, scenario_view
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_path


def large(rng: np.random.Generator, n: int = 1000, k: int = 20) -> DecisionMatrix:
    m = DecisionMatrix(
        criteria=[Criterion(f"c{j}", f"C{j}", worst=0, best=10) for j in range(k)],
        options=[Option(f"o{i}", f"O{i}") for i in range(n)],
        profiles=[WeightProfile("p", "P", {f"c{j}": float(rng.uniform(1, 5))
                                           for j in range(k)})])
    values = rng.uniform(0, 10, size=(n, k))
    for i in range(n):
        for j in range(k):
            m.scores[(f"o{i}", f"c{j}")] = Score(value=float(values[i, j]))
    for s in range(5):
        cells = {(f"o{rng.integers(n)}", f"c{rng.integers(k)}"): Score(
            value=float(rng.uniform(0, 10))) for _ in range(200)}
        m.scenarios.append(Scenario(f"s{s}", f"S{s}", scores=cells))
    return m


def main() -> None:
    budapest = load_matrix(example_path())
    big = large(np.random.default_rng(1))
    figures = {
        "budapest_ms": median_seconds(lambda: analyse_scenarios(budapest), repeat=21) * 1000,
        "view_ms": median_seconds(lambda: scenario_view(budapest, "moscow-resists"),
                                  repeat=21) * 1000,
        "large_ms": median_seconds(lambda: analyse_scenarios(big), repeat=5) * 1000,
    }
    if wants_json():
        emit(figures)
        return
    print(f"analyse_scenarios, Budapest (5 × 9, 4 scenarios):  {figures['budapest_ms']:.1f} ms")
    print(f"scenario_view, one Budapest scenario:             {figures['view_ms']:.3f} ms")
    print(f"analyse_scenarios, 1,000 × 20, 5 scenarios:        {figures['large_ms']:.1f} ms")


if __name__ == "__main__":
    main()

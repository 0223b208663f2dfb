"""Speed of the cross-check methods and of the whole cross-check table.

Prints the median time of each method (additive model, weighted product,
TOPSIS, VIKOR, PROMETHEE II) on a random 200 × 20 matrix and on 1,000 × 20
(PROMETHEE compares every pair of options, so it grows with the square of the
number of options), of ``crosscheck()`` on the bundled Budapest example (what
the cross-check panel recomputes after an edit), and of AHP priorities on a
full 9 × 9 comparison set.

Run: .venv/bin/python benchmarks/bench_methods.py
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from _timing import median_seconds

from tradeoff.core.elicitation.ahp import ahp
from tradeoff.core.methods import crosscheck, run_method
from tradeoff.core.model import (
    Criterion,
    DecisionMatrix,
    Direction,
    Option,
    Score,
    WeightProfile,
)
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_path


def random_matrix(n_options: int, n_criteria: int, seed: int = 1) -> DecisionMatrix:
    rng = np.random.default_rng(seed)
    crits = [Criterion(f"c{j}", f"C{j}", worst=0, best=100) if j % 3 else
             Criterion(f"c{j}", f"C{j}", worst=100, best=0, direction=Direction.COST)
             for j in range(n_criteria)]
    m = DecisionMatrix(criteria=crits,
                       options=[Option(f"o{i}", f"O{i}") for i in range(n_options)],
                       profiles=[WeightProfile("w", "W", {c.id: float(rng.uniform(1, 10))
                                                          for c in crits})])
    values = rng.uniform(1, 100, size=(n_options, n_criteria))
    for i, o in enumerate(m.options):
        for j, c in enumerate(crits):
            m.scores[(o.id, c.id)] = Score(value=float(values[i, j]))
    return m


def main() -> None:
    print("method       200 × 20     1,000 × 20   (median of 7)")
    small, large = random_matrix(200, 20), random_matrix(1000, 20)
    for key in ("wsm", "wpm", "topsis", "vikor", "promethee"):
        t_small = median_seconds(lambda k=key: run_method(k, small))
        t_large = median_seconds(lambda k=key: run_method(k, large), repeat=3)
        print(f"{key:<10} {t_small * 1e3:9.1f} ms {t_large * 1e3:10.1f} ms")
    budapest = load_matrix(example_path("budapest-summit.toml"))
    t = median_seconds(lambda: crosscheck(budapest))
    print(f"crosscheck() on the Budapest example "
          f"({len(budapest.options)} × {len(budapest.criteria)}): {t * 1e3:.1f} ms")
    rng = np.random.default_rng(2)
    items = [f"x{k}" for k in range(9)]
    steps = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9]
    judgements = {pair: float(rng.choice(steps)) for pair in itertools.combinations(items, 2)}
    for method in ("eigenvector", "geometric"):
        t = median_seconds(lambda m=method: ahp(items, judgements, m), repeat=21)
        print(f"ahp() 9 × 9 {method}: {t * 1e6:.0f} µs")


if __name__ == "__main__":
    main()

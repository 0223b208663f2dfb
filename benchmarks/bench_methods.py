"""Speed of the cross-check methods and of the whole cross-check table.

Prints the median time of each method (additive model, weighted product,
TOPSIS, VIKOR, PROMETHEE II) on a random 200 × 20 matrix and on 1,000 × 20
(PROMETHEE compares every pair of options, so it grows with the square of the
number of options), of ``crosscheck()`` on the bundled Budapest example (what
the cross-check panel recomputes after an edit), and of AHP priorities on a
full 9 × 9 comparison set.

When pymcdm is installed (``pip install pymcdm``; it is a benchmark-only
dependency, never used by the app), the same 1,000 × 20 scores are also run
through pymcdm's WSM, WPM, TOPSIS (vector normalisation), VIKOR and
PROMETHEE II (usual preference function) on a ready-made array, and each of
our times (from the model to the finished result, table included) is printed
beside its pymcdm time with the speed-up. Target: every method at least 5×
faster than pymcdm.

How each figure is measured: the median of 7 timed calls after one untimed
call. Our side is ``run_method(key, matrix)``, the whole call as the app makes
it: reading the scores out of the model's score store, weights, directions,
checks for missing and constant data, the method, and the result table with
its ranks, margins and details. Nothing computed from the scores is kept
between calls; what may be kept is only what depends on the criteria's and
options' ids and names alone, as it is on every slider step of the app (the
result table's columns, the criterion-id index, the option labels), each
reused only while those are the same. pymcdm's side is the method called on a
numpy array of the same raw scores, the normalised weights and the criterion
types, prepared once before timing; its time does not include reading the
model, which ours does.

Run: .venv/bin/python benchmarks/bench_methods.py [--json]
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from _timing import emit, median_seconds, wants_json

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
from tradeoff.core.scoring import raw_matrix
from tradeoff.core.weights import normalised_weights
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


def pymcdm_runners(matrix: DecisionMatrix) -> dict[str, object] | None:
    """pymcdm's run of each method on the matrix's scores, or None without pymcdm."""
    try:
        from pymcdm import methods as pm
        from pymcdm import normalizations as pn
    except ImportError:
        return None
    raw = raw_matrix(matrix)
    w = normalised_weights(matrix, matrix.profile())
    types = np.array([1 if c.direction is Direction.BENEFIT else -1 for c in matrix.criteria])
    made = {"wsm": pm.WSM(), "wpm": pm.WPM(), "topsis": pm.TOPSIS(pn.vector_normalization),
            "vikor": pm.VIKOR(), "promethee": pm.PROMETHEE_II("usual")}
    return {k: (lambda f=f: f(raw, w, types)) for k, f in made.items()}


def main() -> None:
    quiet = wants_json()
    say = (lambda *a: None) if quiet else print
    small, large = random_matrix(200, 20), random_matrix(1000, 20)
    theirs = pymcdm_runners(large)
    say("method       200 × 20     1,000 × 20   (median of 7)"
        + ("   pymcdm 1,000 × 20   speed-up" if theirs else "   (pymcdm not installed)"))
    figures: dict[str, float] = {}
    for key in ("wsm", "wpm", "topsis", "vikor", "promethee"):
        t_small = median_seconds(lambda k=key: run_method(k, small))
        t_large = median_seconds(lambda k=key: run_method(k, large), repeat=7)
        line = f"{key:<10} {t_small * 1e3:9.1f} ms {t_large * 1e3:10.1f} ms"
        figures[f"{key}_1000x20_ms"] = t_large * 1e3
        if theirs:
            t_them = median_seconds(theirs[key], repeat=7)
            figures[f"{key}_pymcdm_ms"] = t_them * 1e3
            figures[f"{key}_speedup_vs_pymcdm"] = t_them / t_large
            line += f" {t_them * 1e3:15.1f} ms {t_them / t_large:9.1f}×"
        say(line)
    if quiet:
        emit(figures)
        return
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

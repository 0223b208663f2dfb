"""Write a large generated matrix file, the kind a prioritisation round produces.

Integer scores 0–100 on every cell, a low/high range on one cell in seven, a
third of the criteria costs, four criterion groups and one weight profile. The
same arguments always give the same file. It opens from *File › Open* like any
other matrix and feeds the large-matrix benchmarks.

    .venv/bin/python benchmarks/large_matrix.py OUT.toml [--options 10000] [--criteria 50]
"""

from __future__ import annotations

import argparse
import sys

import numpy as np

from tradeoff.core.model import (
    Criterion,
    DecisionMatrix,
    Direction,
    Group,
    Metadata,
    Option,
    Score,
    WeightProfile,
)
from tradeoff.io.matrix_file import save_matrix

RANGE_EVERY = 7  # one cell in seven carries a low/high range


def build(options: int, criteria: int, seed: int = 16) -> DecisionMatrix:
    """A generated options × criteria matrix (see the module text)."""
    rng = np.random.default_rng(seed)
    groups = [Group(f"g{k}", f"Theme {k + 1}") for k in range(min(4, criteria))]
    crits = []
    for j in range(criteria):
        cost = j % 3 == 0
        crits.append(Criterion(f"c{j}", f"Criterion {j + 1}", worst=100 if cost else 0,
                               best=0 if cost else 100,
                               direction=Direction.COST if cost else Direction.BENEFIT,
                               unit="points", group=groups[j % len(groups)].id if groups else None))
    opts = [Option(f"o{i}", f"Option {i + 1}") for i in range(options)]
    values = rng.integers(0, 101, size=(options, criteria))
    spread = rng.integers(1, 11, size=(options, criteria))
    ranged = (np.arange(options * criteria).reshape(options, criteria) % RANGE_EVERY) == 0
    scores: dict[tuple[str, str], Score] = {}
    for i, o in enumerate(opts):
        row, half, wide = values[i].tolist(), spread[i].tolist(), ranged[i].tolist()
        for j, c in enumerate(crits):
            v = row[j]
            if wide[j]:
                scores[(o.id, c.id)] = Score(v, max(0, v - half[j]), min(100, v + half[j]))
            else:
                scores[(o.id, c.id)] = Score(v)
    weights = {c.id: float(rng.integers(1, 10)) for c in crits}
    weights.update({g.id: 1.0 for g in groups})
    m = DecisionMatrix(metadata=Metadata(title=f"Generated {options:,} × {criteria}"),
                       groups=groups, criteria=crits, options=opts,
                       profiles=[WeightProfile("p", "Profile", weights)], active_profile="p")
    m.scores.update(scores)
    return m


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--options", type=int, default=10_000)
    parser.add_argument("--criteria", type=int, default=50)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    save_matrix(build(args.options, args.criteria, args.seed), args.out, touch_modified=False)
    print(f"wrote {args.out}: {args.options:,} options × {args.criteria} criteria")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Validating and weighing value trees of many groups: each walk should be linear.

Prints the median time of check_matrix() (which normalises the weights of a
sound tree) for n groups
  chain   nested one inside the next (refused past 32 levels)
  cycle   each the parent of the next, round in a circle (refused)
  flat    side by side at the top level, each holding one criterion (sound)
  bushy   32 levels, each level holding n/32 groups with a criterion each (sound)

Run: .venv/bin/python benchmarks/bench_value_tree.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import median_seconds

from tradeoff.core.model import Criterion, DecisionMatrix, Group, WeightProfile
from tradeoff.core.validate import check_matrix


def tree(n: int, kind: str) -> DecisionMatrix:
    groups, criteria = [], []
    for i in range(n):
        if kind == "chain":
            parent = f"g{i - 1}" if i else None
        elif kind == "cycle":
            parent = f"g{(i - 1) % n}"
        elif kind == "bushy":
            per_level = max(1, n // 32)
            parent = f"g{i - per_level}" if i >= per_level else None
        else:
            parent = None
        groups.append(Group(f"g{i}", f"G{i}", parent=parent))
        if kind in ("flat", "bushy") or i == n - 1:
            criteria.append(Criterion(f"c{i}", f"C{i}", worst=0, best=1, group=f"g{i}"))
    weights = {g.id: 1.0 for g in groups} | {c.id: 1.0 for c in criteria}
    return DecisionMatrix(groups=groups, criteria=criteria,
                          profiles=[WeightProfile("p", "P", weights)])


def main() -> None:
    print(f"{'groups':>7} {'chain':>10} {'cycle':>10} {'flat':>10} {'bushy':>10}")
    for n in (1_000, 3_000, 10_000):
        cells = []
        for kind in ("chain", "cycle", "flat", "bushy"):
            m = tree(n, kind)
            cells.append(f"{median_seconds(lambda m=m: check_matrix(m), repeat=3) * 1e3:8.1f}ms")
        print(f"{n:>7,} " + " ".join(f"{c:>10}" for c in cells))


if __name__ == "__main__":
    main()

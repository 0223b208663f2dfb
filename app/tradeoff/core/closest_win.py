"""The smallest change of weights that puts an option first.

For option *a*, the admissible weights ``w`` (see
:mod:`tradeoff.core.weight_regions`) closest to a reference ``w0`` (usually the
profile's normalised weights) under which *a* ranks first::

    minimise  ½ Σ |w_j − w0_j|
    s.t.      w · (v_a − v_b) ≥ 0   for every other option b,   w admissible

a linear programme (the absolute values split into ``d_j ≥ ±(w_j − w0_j)``)
solved with SciPy's HiGHS. ``shift`` is the share of the total weight that
has to move from some criteria to others (0 for the current winner, at most
1): "Harder line comes first if 12 % of the weight moves, to Leverage and
Cohesion". An option that no admissible weights put first has no closest
win (see :mod:`tradeoff.core.optimality` for the reason).

Pure functions of a value array (options × criteria, no missing cells).
One LP per option with every rival: meant for matrices of up to a few
hundred options.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tradeoff.core.smaa_sampling import WeightSpec
from tradeoff.core.weight_regions import WeightRegion, regions_for

HIGHS = {"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10}


@dataclass(frozen=True)
class ClosestWin:
    """Weights (flat, criteria order) closest to the reference that put the option first."""

    weights: np.ndarray
    shift: float  # ½ Σ |w − w0|: the share of the total weight moved

    def moves(self, reference: np.ndarray, tol: float = 0.005) -> list[tuple[int, float]]:
        """(criterion index, change) for the criteria whose weight moves, largest first."""
        change = self.weights - np.asarray(reference, float)
        order = np.argsort(-np.abs(change), kind="stable")
        return [(int(j), float(change[j])) for j in order if abs(change[j]) >= tol]


def closest_wins(values: np.ndarray, spec: WeightSpec, reference: np.ndarray,
                 rows: list[int] | None = None) -> dict[int, ClosestWin | None]:
    """For each row asked for (default all): its closest win, or None if it can never win."""
    v = np.asarray(values, float)
    w0 = np.asarray(reference, float)
    rows = list(range(v.shape[0])) if rows is None else rows
    regions = regions_for(spec)
    out: dict[int, ClosestWin | None] = {}
    for a in rows:
        found = [w for w in (_closest(v, a, r, w0) for r in regions) if w is not None]
        out[a] = min(found, key=lambda c: c.shift) if found else None
    return out


def _closest(v: np.ndarray, a: int, region: WeightRegion, w0: np.ndarray) -> ClosestWin | None:
    from scipy.optimize import linprog  # loads when first asked

    n, m = v.shape
    rivals = np.delete(np.arange(n), a)
    eye = np.eye(m)
    blocks = [np.hstack([v[rivals] - v[a], np.zeros((rivals.size, m))]),  # b not ahead of a
              np.hstack([eye, -eye]), np.hstack([-eye, -eye])]  # d ≥ ±(w − w0)
    rhs = [np.zeros(rivals.size), w0, -w0]
    if region.order:
        blocks.append(np.hstack([region.order_rows().toarray(), np.zeros((len(region.order),
                                                                          m))]))
        rhs.append(np.zeros(len(region.order)))
    res = linprog(np.r_[np.zeros(m), 0.5 * np.ones(m)], A_ub=np.vstack(blocks),
                  b_ub=np.concatenate(rhs), A_eq=np.r_[np.ones(m), np.zeros(m)][None, :],
                  b_eq=[1.0], bounds=np.c_[np.r_[region.lower, np.zeros(m)],
                                           np.r_[region.upper, np.ones(m)]],
                  method="highs", options=HIGHS)
    if res.status != 0:
        return None
    w = np.clip(res.x[:m], 0, None)
    w /= w.sum()
    return ClosestWin(w, float(0.5 * np.abs(w - w0).sum()))

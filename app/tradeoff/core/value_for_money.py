"""Value for money: benefit against cost, the efficient frontier and the gap to it.

One criterion is taken as the cost (any numeric criterion may serve as the
x-axis; lower is read as better). The **benefit** of an option is its total
over the *other* criteria, their weights renormalised to sum to 1, on a 0–100
scale: the additive value model without the cost column.

An option is **efficient** (on the frontier) when no other option costs no
more and gives at least as much benefit, better on one of the two. For an
option off the frontier, two distances say how far it is from it:

* ``benefit_gap``: the benefit it would need to add to match the best benefit
  available at its cost or less;
* ``cost_gap``: the cost it would need to shed to match the cheapest option
  giving at least its benefit.

Both are 0 on the frontier. ``ratio`` is benefit per unit of cost (None when
the cost is 0 or below). This is the value-for-money chart of Hiview and
Equity (Phillips, L. D. & Bana e Costa, C. A. (2007), "Transparent
prioritisation, budgeting and resource allocation with multi-criteria
decision analysis and decision conferencing", Annals of Operations Research
154, 51–68), with the frontier taken over the options themselves.

Pure functions of the matrix, a profile and the cost criterion's id.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import Criterion, DecisionMatrix, WeightProfile
from tradeoff.core.number_text import short_number
from tradeoff.core.scoring import raw_matrix, value_matrix
from tradeoff.core.weights import normalised_weights

TOLERANCE = 1e-9


@dataclass(frozen=True)
class VfmPoint:
    """One option on the value-for-money chart."""

    option: str  # id
    name: str
    cost: float  # in the cost criterion's units
    benefit: float  # 0–100
    efficient: bool
    benefit_gap: float
    cost_gap: float
    ratio: float | None  # benefit per unit of cost

    def describe(self, unit: str = "") -> str:
        """``on the frontier`` or ``needs 12.5 more benefit or 30 k€ less cost``."""
        if self.efficient:
            return "on the frontier"
        cost = f"{short_number(self.cost_gap, 3)} {unit}".strip()
        if self.benefit_gap <= TOLERANCE:  # as good as a cheaper option
            return f"needs {cost} less cost"
        if self.cost_gap <= TOLERANCE:  # as dear as a better option
            return f"needs {self.benefit_gap:.1f} more benefit"
        return f"needs {self.benefit_gap:.1f} more benefit or {cost} less cost"


@dataclass
class ValueForMoney:
    """Benefit against cost for every option with the scores it needs."""

    cost_criterion: str  # id
    cost_name: str
    unit: str
    points: list[VfmPoint]
    benefit_weights: dict[str, float]  # criterion id → share of the benefit (sums to 1)
    left_out: list[str] = field(default_factory=list)  # options with a missing score

    @property
    def frontier(self) -> list[VfmPoint]:
        """The efficient options, cheapest first (the line the chart draws)."""
        return sorted((p for p in self.points if p.efficient), key=lambda p: (p.cost, -p.benefit))

    def by_ratio(self) -> list[VfmPoint]:
        """Best benefit per unit of cost first; options without a ratio last."""
        return sorted(self.points, key=lambda p: (p.ratio is None, -(p.ratio or 0.0), p.name))

    def point(self, option_id: str) -> VfmPoint:
        for p in self.points:
            if p.option == option_id:
                return p
        raise KeyError(option_id)


def find_criterion(matrix: DecisionMatrix, key: str) -> Criterion:
    """A criterion by id or by name (case-insensitive), as the CLI names them."""
    for c in matrix.criteria:
        if c.id == key:
            return c
    for c in matrix.criteria:
        if c.name.casefold() == key.casefold():
            return c
    names = ", ".join(c.name for c in matrix.criteria) or "none"
    raise TradeoffError(f"no criterion named {key!r} (criteria: {names})")


def cost_criterion(matrix: DecisionMatrix, key: str) -> Criterion:
    """The criterion ``key`` names, refused unless its scale is numeric."""
    c = find_criterion(matrix, key)
    if c.is_level_scale:
        raise TradeoffError(f"{c.name} is a level scale ({', '.join(lv.name for lv in c.levels)})"
                            "; a cost needs a numeric scale")
    return c


def benefits_and_costs(matrix: DecisionMatrix, profile: WeightProfile, cost_id: str
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(benefit 0–100, cost, shares of the other criteria) per option; NaN where missing."""
    j = matrix.criterion_index(cost_id)
    weights = normalised_weights(matrix, profile)
    others = np.ones(len(matrix.criteria), dtype=bool)
    others[j] = False
    shares = weights[others]
    if shares.sum() <= 0:
        raise TradeoffError(f"every criterion but {matrix.criteria[j].name} has weight 0 in "
                            f"profile {profile.name!r}, so there is no benefit to weigh "
                            "against the cost")
    shares = shares / shares.sum()
    raw = raw_matrix(matrix)
    benefit = 100.0 * (value_matrix(matrix, raw)[:, others] @ shares)
    return benefit, raw[:, j], shares


def frontier_gaps(cost: np.ndarray, benefit: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(efficient, benefit_gap, cost_gap) for points (cost lower better, benefit higher).

    A point is dominated when some point is no dearer and no worse (within TOLERANCE)
    and not its equal: either clearly cheaper and no worse, or clearly better and no
    dearer. Its benefit gap is the best benefit among the points no dearer, less its
    own; its cost gap its cost less the lowest cost among the points no worse. Each is
    a running maximum (minimum) over the points sorted by cost (benefit), looked up
    with a binary search: n log n, where comparing every pair took a second at 10,000
    options. Maxima and minima are exact, so the figures are those of the pairwise
    comparison. Points with a missing cost or benefit are left to that comparison.
    """
    c, b = np.asarray(cost, float), np.asarray(benefit, float)
    n = c.size
    if n == 0 or np.isnan(c).any() or np.isnan(b).any():
        return _frontier_gaps_pairwise(c, b)
    by_cost = np.argsort(c, kind="stable")
    c_sorted = c[by_cost]
    best_up_to = np.maximum.accumulate(b[by_cost])  # best benefit among the i cheapest
    no_dearer = np.searchsorted(c_sorted, c + TOLERANCE, side="right")  # c_j <= c_i + tol
    clearly_cheaper = np.searchsorted(c_sorted, c - TOLERANCE, side="left")  # c_j < c_i - tol
    best_no_dearer = best_up_to[no_dearer - 1]  # (each point is no dearer than itself)
    best_cheaper = np.where(clearly_cheaper > 0, best_up_to[np.maximum(clearly_cheaper - 1, 0)],
                            -np.inf)
    efficient = ~((best_cheaper >= b - TOLERANCE) | (best_no_dearer > b + TOLERANCE))
    by_benefit = np.argsort(b, kind="stable")
    b_sorted = b[by_benefit]
    lowest_from = np.minimum.accumulate(c[by_benefit][::-1])[::-1]  # cheapest of the best
    no_worse = np.searchsorted(b_sorted, b - TOLERANCE, side="left")  # b_j >= b_i - tol
    benefit_gap = np.where(efficient, 0.0, best_no_dearer - b)
    cost_gap = np.where(efficient, 0.0, c - lowest_from[no_worse])
    return efficient, benefit_gap, cost_gap


def _frontier_gaps_pairwise(c: np.ndarray, b: np.ndarray
                            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`frontier_gaps` by comparing each point with every other."""
    n = c.size
    efficient = np.ones(n, dtype=bool)
    benefit_gap, cost_gap = np.zeros(n), np.zeros(n)
    for i in range(n):
        cheaper = c <= c[i] + TOLERANCE
        better = b >= b[i] - TOLERANCE
        # dominated: some point no dearer and no worse, and not its exact equal
        dominating = cheaper & better & ((c < c[i] - TOLERANCE) | (b > b[i] + TOLERANCE))
        efficient[i] = not dominating.any()
        if not efficient[i]:
            benefit_gap[i] = b[cheaper].max() - b[i]
            cost_gap[i] = c[i] - c[better].min()
    return efficient, benefit_gap, cost_gap


def value_for_money(matrix: DecisionMatrix, profile: WeightProfile | str | None,
                    cost: str) -> ValueForMoney:
    """The chart's points for ``matrix`` under ``profile`` with criterion ``cost`` (id or name)."""
    if not isinstance(profile, WeightProfile):
        profile = matrix.profile(profile)
    crit = cost_criterion(matrix, cost)
    if len(matrix.criteria) < 2:
        raise TradeoffError("value for money needs at least one criterion besides the cost")
    benefit, costs, shares = benefits_and_costs(matrix, profile, crit.id)
    ok = ~np.isnan(benefit) & ~np.isnan(costs)
    idx = np.flatnonzero(ok)
    efficient, bgap, cgap = frontier_gaps(costs[idx], benefit[idx])
    points = []
    for k, i in enumerate(idx):
        o = matrix.options[i]
        ratio = float(benefit[i] / costs[i]) if costs[i] > 0 else None
        points.append(VfmPoint(o.id, o.name, float(costs[i]), float(benefit[i]),
                               bool(efficient[k]), float(bgap[k]), float(cgap[k]), ratio))
    others = [c.id for c in matrix.criteria if c.id != crit.id]
    return ValueForMoney(crit.id, crit.name, crit.unit, points,
                         dict(zip(others, map(float, shares), strict=True)),
                         [o.id for i, o in enumerate(matrix.options) if not ok[i]])

"""Portfolios under a budget: the set of options that gives the most benefit for the money.

Each option has a cost and a benefit (see :mod:`tradeoff.core.value_for_money`:
the additive total over the criteria other than the cost, 0–100). A
portfolio is any set of options; its cost and benefit are the sums over its
members. The best portfolio within budget ``B`` solves the 0/1 knapsack::

    maximise Σ b_i x_i   subject to   Σ c_i x_i ≤ B,  x_i ∈ {0, 1},
    x_i = 1 for must-include options, x_i = 0 for must-exclude options,
    Σ_{i ∈ G} x_i ≤ k for each "at most k from group G" constraint

exactly, as a mixed-integer programme solved by SciPy's HiGHS
(:func:`scipy.optimize.milp`). Among portfolios of equal benefit the cheaper
is preferred (a second solve fixes the benefit and minimises the cost).

Two curves go with it:

* the **order of merit**: options added one by one in order of benefit per
  unit of cost (free options first), cumulative cost against cumulative
  benefit, with the **knee** marked: the point farthest above the straight
  line from the first to the last point (axes scaled to 0–1), where adding
  options starts to buy markedly less benefit per unit cost (Phillips & Bana
  e Costa 2007; Satopää et al. (2011), "Finding a 'Kneedle' in a haystack",
  ICDCS workshops);
* the **benefit–cost curve of optimal portfolios**: the best portfolio's
  benefit as the budget grows from 0 to the cost of everything.

Pure functions of arrays; :func:`portfolio_inputs` gets them from a matrix.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.solver_output import quiet_solver
from tradeoff.core.value_for_money import value_for_money

TOLERANCE = 1e-9


@dataclass(frozen=True)
class GroupLimit:
    """At most ``limit`` of the options ``members`` (indices) may be chosen."""

    members: tuple[int, ...]
    limit: int
    label: str = ""


@dataclass(frozen=True)
class Portfolio:
    """A chosen set of options (indices, ascending) with its totals."""

    selected: tuple[int, ...]
    total_cost: float
    total_benefit: float
    budget: float


@dataclass(frozen=True)
class MeritCurve:
    """Options in order of benefit per cost, with cumulative totals and the knee."""

    order: tuple[int, ...]
    cumulative_cost: np.ndarray
    cumulative_benefit: np.ndarray
    knee: int | None  # position in ``order`` of the knee (None for fewer than 3 options)


@dataclass(frozen=True)
class BudgetCurve:
    """Optimal portfolios at increasing budgets."""

    budgets: np.ndarray
    portfolios: list[Portfolio] = field(default_factory=list)

    @property
    def benefits(self) -> np.ndarray:
        return np.array([p.total_benefit for p in self.portfolios])

    @property
    def costs(self) -> np.ndarray:
        return np.array([p.total_cost for p in self.portfolios])


def check_inputs(costs: np.ndarray, benefits: np.ndarray, budget: float) -> None:
    if costs.shape != benefits.shape or costs.ndim != 1:
        raise TradeoffError("a portfolio needs one cost and one benefit per option")
    if not (np.isfinite(costs).all() and np.isfinite(benefits).all()):
        raise TradeoffError("every option in a portfolio needs a cost and a benefit")
    if isinstance(budget, bool) or not np.isfinite(budget) or budget < 0:
        raise TradeoffError(f"the budget must be zero or a positive number, not {budget!r}")


def best_portfolio(costs: np.ndarray, benefits: np.ndarray, budget: float, *,
                   include: frozenset[int] | set[int] = frozenset(),
                   exclude: frozenset[int] | set[int] = frozenset(),
                   groups: list[GroupLimit] | tuple[GroupLimit, ...] = (),
                   names: list[str] | None = None, prefer_cheaper: bool = True) -> Portfolio:
    """The portfolio of greatest benefit within ``budget`` (see the module docstring).

    Raises :class:`TradeoffError` saying why when no portfolio satisfies the
    constraints (must-includes over budget, an option both included and
    excluded, more includes in a group than its limit). ``names`` (one per
    option) word those messages. ``prefer_cheaper`` breaks ties in benefit
    towards the cheaper portfolio (a second solve).
    """
    c, b = np.asarray(costs, float), np.asarray(benefits, float)
    check_inputs(c, b, budget)
    n = c.size
    label = (lambda i: names[i]) if names else (lambda i: f"option {i + 1}")
    both = sorted(set(include) & set(exclude))
    if both:
        raise TradeoffError(f"{label(both[0])} is both included and excluded")
    forced = sum(c[i] for i in include)
    if forced > budget + TOLERANCE:
        raise TradeoffError(f"the options that must be included cost {forced:g} together, "
                            f"over the budget of {budget:g}")
    for g in groups:
        if g.limit < 0:
            raise TradeoffError(f"at most {g.limit} from a group is not a limit; use 0 or more")
        inside = [i for i in include if i in g.members]
        if len(inside) > g.limit:
            listed = ", ".join(map(label, inside))
            raise TradeoffError(f"{len(inside)} must-include options ({listed}) are in a "
                                f"group allowing at most {g.limit}"
                                + (f" ({g.label})" if g.label else ""))
    if n == 0:
        return Portfolio((), 0.0, 0.0, float(budget))
    lower, upper = np.zeros(n), np.ones(n)
    lower[list(include)] = 1
    upper[list(exclude)] = 0
    rows = [c[None, :]]
    highs = [float(budget)]
    for g in groups:
        row = np.zeros(n)
        row[list(g.members)] = 1
        rows.append(row[None, :])
        highs.append(float(g.limit))
    a = np.vstack(rows)
    from scipy.optimize import LinearConstraint  # scipy loads when a portfolio is solved

    x = _solve(-b, [LinearConstraint(a, -np.inf, highs)], lower, upper)
    if x is None:
        raise TradeoffError("no portfolio satisfies the constraints within the budget")
    best = float(b @ x)
    if not prefer_cheaper:
        chosen = tuple(int(i) for i in np.flatnonzero(x > 0.5))
        return Portfolio(chosen, float(c[list(chosen)].sum()), best, float(budget))
    # Same benefit for less money: fix the benefit (to solver precision) and minimise cost.
    keep = LinearConstraint(b[None, :], best - 1e-7 * max(1.0, abs(best)), np.inf)
    cheaper = _solve(c, [LinearConstraint(a, -np.inf, highs), keep], lower, upper)
    if cheaper is not None and b @ cheaper >= best - 1e-7 * max(1.0, abs(best)):
        x = cheaper
    chosen = tuple(int(i) for i in np.flatnonzero(x > 0.5))
    return Portfolio(chosen, float(c[list(chosen)].sum()), float(b[list(chosen)].sum()),
                     float(budget))


def _solve(objective: np.ndarray, constraints: list, lower: np.ndarray,
           upper: np.ndarray) -> np.ndarray | None:
    from scipy.optimize import Bounds, milp

    with quiet_solver():
        res = milp(objective, constraints=constraints, integrality=np.ones(objective.size),
                   bounds=Bounds(lower, upper), options={"mip_rel_gap": 0.0})
    if res.status != 0 or res.x is None:
        return None
    return np.round(res.x)


def merit_order(costs: np.ndarray, benefits: np.ndarray) -> MeritCurve:
    """Options by benefit per unit cost (free ones first, then by ratio; ties by benefit)."""
    c, b = np.asarray(costs, float), np.asarray(benefits, float)
    free = c <= 0
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(free, np.inf, b / np.where(free, 1.0, c))
    order = np.lexsort((-b, -ratio))
    cum_c, cum_b = np.cumsum(c[order]), np.cumsum(b[order])
    return MeritCurve(tuple(int(i) for i in order), cum_c, cum_b, knee_index(cum_c, cum_b))


def knee_index(x: np.ndarray, y: np.ndarray) -> int | None:
    """The point of (x, y) farthest above the chord from (0, 0) to the last point.

    Axes are scaled to 0–1 first so the units do not matter. None when there
    are fewer than three points or the curve has no bend above the chord.
    """
    x, y = np.asarray(x, float), np.asarray(y, float)
    if x.size < 3 or x[-1] <= 0 or y[-1] <= 0:
        return None
    xs, ys = x / x[-1], y / y[-1]
    above = ys - xs  # distance above the diagonal (up to a constant factor)
    k = int(np.argmax(above))
    return k if above[k] > TOLERANCE else None


def budget_curve(costs: np.ndarray, benefits: np.ndarray, steps: int = 20, *,
                 include: frozenset[int] | set[int] = frozenset(),
                 exclude: frozenset[int] | set[int] = frozenset(),
                 groups: list[GroupLimit] | tuple[GroupLimit, ...] = ()) -> BudgetCurve:
    """Optimal portfolios at ``steps`` budgets evenly spaced up to the cost of everything.

    Budgets below the must-includes' cost are skipped (no portfolio fits).
    """
    c = np.asarray(costs, float)
    top = float(np.clip(c, 0, None).sum())
    start = float(sum(c[i] for i in include))
    budgets = np.linspace(max(start, 0.0), max(top, start), max(2, steps))
    out = [best_portfolio(c, benefits, float(B), include=include, exclude=exclude,
                          groups=groups, prefer_cheaper=False) for B in budgets]
    return BudgetCurve(budgets, out)


@dataclass(frozen=True)
class PortfolioInputs:
    """The options a portfolio can take from a matrix, with their costs and benefits."""

    ids: list[str]
    names: list[str]
    costs: np.ndarray
    benefits: np.ndarray
    left_out: list[str]  # options with a missing score


def portfolio_inputs(matrix: DecisionMatrix, profile: WeightProfile | str | None,
                     cost: str) -> PortfolioInputs:
    """Costs (criterion ``cost``, id or name) and benefits (0–100) of the options of ``matrix``.

    Pass a matrix without screened options to choose only among those on the table.
    """
    vfm = value_for_money(matrix, profile, cost)
    return PortfolioInputs([p.option for p in vfm.points], [p.name for p in vfm.points],
                           np.array([p.cost for p in vfm.points]),
                           np.array([p.benefit for p in vfm.points]), vfm.left_out)

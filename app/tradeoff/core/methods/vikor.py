"""VIKOR: the compromise ranking closest to the ideal (lower Q is better).

Opricovic, S. & Tzeng, G.-H. (2004), "Compromise solution by MCDM methods: a
comparative analysis of VIKOR and TOPSIS", *European Journal of Operational
Research* 156(2), 445–455, §3::

    f*_j = best score on criterion j, f⁻_j = worst (by its direction)
    d_aj = (f*_j − f_aj) / (f*_j − f⁻_j)        0 at the best, 1 at the worst
    S_a  = Σ_j w_j d_aj        group utility (the "majority" rule)
    R_a  = max_j w_j d_aj      individual regret (the "opponent")
    Q_a  = v (S_a − S*)/(S⁻ − S*) + (1 − v)(R_a − R*)/(R⁻ − R*)

with S* = min S, S⁻ = max S (likewise R) and v the weight of the majority
strategy (default 0.5). Options rank by Q ascending. The best-ranked a′ is a
compromise solution when

* C1, acceptable advantage: Q(a″) − Q(a′) ≥ DQ = 1/(m − 1), a″ second by Q,
  m the number of options scored; and
* C2, acceptable stability: a′ is also best by S or by R.

If C2 fails, a′ and a″ form the compromise set; if C1 fails, every option
with Q(a) − Q(a′) < DQ joins it.

The table's ``value`` columns hold d, the ``contribution`` columns w·d (their
sum is S, their maximum R), the total is Q; ``details`` holds S, R and Q and
``extras["compromise"]`` a :class:`Compromise`.

Edge cases: a constant criterion has f* = f⁻ and contributes d = 0. When
every option has the same S (or R), that term of Q is taken as 0 rather than
0/0, so Q rests on the other term; with a single option Q = 0.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods.common import MethodResult, build_result, method_inputs
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.scoring import RANK_DECIMALS

NAME = "VIKOR"
NORMALISATION = "linear (f* − f) / (f* − f⁻)"
DEFAULT_V = 0.5


@dataclass(frozen=True)
class Compromise:
    """VIKOR's compromise-solution conditions for the best-ranked option."""

    best: str | None                  # option id ranked first by Q
    acceptable_advantage: bool        # C1
    acceptable_stability: bool        # C2
    compromise_set: tuple[str, ...]   # option ids, best first
    dq: float                         # the advantage threshold 1/(m − 1)

    def describe(self, names: dict[str, str]) -> str:
        if self.best is None:
            return "no option could be scored"
        first = names[self.best]
        if self.acceptable_advantage and self.acceptable_stability:
            return f"{first} is a stable compromise solution (both conditions hold)"
        failed = [text for ok, text in ((self.acceptable_advantage, "acceptable advantage"),
                                        (self.acceptable_stability, "acceptable stability"))
                  if not ok]
        others = ", ".join(names[o] for o in self.compromise_set)
        return f"no single compromise ({' and '.join(failed)} not met); compromise set: {others}"


def _scaled(values: np.ndarray) -> np.ndarray:
    """(x − min) / (max − min), or zeros when every x is the same."""
    low, high = values.min(), values.max()
    if round(high - low, RANK_DECIMALS) == 0:
        return np.zeros_like(values)
    return (values - low) / (high - low)


def vikor(matrix: DecisionMatrix, profile: WeightProfile | str | None = None, *,
          v: float = DEFAULT_V) -> MethodResult:
    """Rank every complete option by VIKOR's Q (lower is better)."""
    if not 0.0 <= v <= 1.0:
        raise TradeoffError(f"VIKOR's v weighs the majority strategy and must lie between 0 "
                            f"and 1, not {v:g}")
    inputs = method_inputs(matrix, profile, NAME)
    x = inputs.scored
    m = x.shape[0]
    if m:
        low, high = inputs.extremes
        best = np.where(inputs.benefit, high, low)
        worst = np.where(inputs.benefit, low, high)
        span = best - worst
        d = np.divide(best - x, span, out=np.zeros_like(x), where=span != 0)
    else:
        d = x
    terms = d * inputs.weights
    s = terms.sum(axis=1)
    r = terms.max(axis=1) if terms.shape[1] else np.zeros(m)
    q = v * _scaled(s) + (1 - v) * _scaled(r) if m else s
    # Only the few options the conditions name need their ids.
    rows = np.flatnonzero(inputs.complete)
    compromise = _compromise(lambda i: matrix.options[rows[i]].id, s, r, q)
    return build_result(inputs, key="vikor", method=NAME, normalisation=NORMALISATION,
                        values=d, contributions=terms, totals=q, higher_is_better=False,
                        details={"S": s, "R": r, "Q": q},
                        extras={"compromise": compromise, "v": v})


def _compromise(option_id: Callable[[int], str], s: np.ndarray, r: np.ndarray,
                q: np.ndarray) -> Compromise:
    """The conditions for the options scored; ``option_id(i)`` names the i-th of them."""
    m = len(q)
    if m == 0:
        return Compromise(None, False, False, (), float("nan"))
    order = np.argsort(np.round(q, RANK_DECIMALS), kind="stable")
    first = int(order[0])
    if m == 1:
        return Compromise(option_id(first), True, True, (option_id(first),), float("nan"))
    dq = 1.0 / (m - 1)
    second = int(order[1])
    advantage = round(q[second] - q[first], RANK_DECIMALS) >= round(dq, RANK_DECIMALS)
    stability = bool(round(s[first] - s.min(), RANK_DECIMALS) == 0
                     or round(r[first] - r.min(), RANK_DECIMALS) == 0)
    if advantage and stability:
        chosen = [first]
    elif not advantage:
        chosen = [int(i) for i in order if round(q[i] - q[first], RANK_DECIMALS) < dq]
    else:
        chosen = [first, second]
    return Compromise(option_id(first), bool(advantage), stability,
                      tuple(option_id(i) for i in chosen), dq)

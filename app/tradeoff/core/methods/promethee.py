"""PROMETHEE II: net outranking flows from per-criterion preference functions.

Brans, J.-P. & Vincke, Ph. (1985), "A preference ranking organisation method
(the PROMETHEE method for multiple criteria decision-making)", *Management
Science* 31(6), 647–656; Brans, J.-P. & Mareschal, B. (2005), "PROMETHEE
methods", in Figueira, Greco & Ehrgott (eds), *Multiple Criteria Decision
Analysis: State of the Art Surveys*, ch. 5.

For each criterion j and ordered pair (a, b), d = g_j(a) − g_j(b) (reversed
for cost criteria) and a preference function P_j(d) ∈ [0, 1]; then::

    π(a, b) = Σ_j w_j P_j(a, b)
    φ⁺(a)   = Σ_b π(a, b) / (n − 1),   φ⁻(a) = Σ_b π(b, a) / (n − 1)
    φ(a)    = φ⁺(a) − φ⁻(a) = Σ_j w_j φ_j(a)

where φ_j(a) = Σ_b [P_j(a, b) − P_j(b, a)] / (n − 1) is the single-criterion
net flow. The table's ``value`` columns hold φ_j, the ``contribution``
columns w_j φ_j, and the total is φ (their sum); ``details`` holds φ⁺ and φ⁻.

The six generalised criteria (Brans & Vincke 1985, Table 1), with q the
indifference threshold, p the preference threshold and s the Gaussian
parameter, for d > 0 (P = 0 when d ≤ 0):

* ``usual``     P = 1
* ``u-shape``   P = 0 if d ≤ q, else 1
* ``v-shape``   P = d / p if d ≤ p, else 1
* ``level``     P = 0 if d ≤ q, ½ if q < d ≤ p, else 1
* ``linear``    P = 0 if d ≤ q, (d − q)/(p − q) if q < d ≤ p, else 1
* ``gaussian``  P = 1 − exp(−d² / 2s²)

A criterion without a stated function uses ``v-shape`` with p set to the
range of its scores, so a full-range difference counts as strict preference;
this data-driven default is named in the result's normalisation text.

Edge cases: a constant criterion gives d = 0 for every pair and so P = 0: it
adds nothing. A single option has no pair to compare; its flows are 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods.common import MethodResult, build_result, method_inputs
from tradeoff.core.model import DecisionMatrix, WeightProfile

NAME = "PROMETHEE II"
KINDS = ("usual", "u-shape", "v-shape", "level", "linear", "gaussian")
DEFAULT_TEXT = "v-shape, p = range of scores"


@dataclass(frozen=True)
class PreferenceFunction:
    """One of Brans's six generalised criteria with its thresholds."""

    kind: str = "usual"
    q: float = 0.0   # indifference threshold (u-shape, level, linear)
    p: float = 0.0   # preference threshold (v-shape, level, linear)
    s: float = 0.0   # Gaussian parameter

    def check(self, criterion: str) -> None:
        """Raise TradeoffError naming the criterion if the thresholds do not fit the kind."""
        where = f"PROMETHEE preference function for {criterion}"
        if self.kind not in KINDS:
            raise TradeoffError(f"{where}: unknown kind {self.kind!r} (choose from "
                                f"{', '.join(KINDS)})")
        if any(not math.isfinite(t) or t < 0 for t in (self.q, self.p, self.s)):
            raise TradeoffError(f"{where}: thresholds must be finite and not negative")
        if self.kind == "v-shape" and self.p <= 0:
            raise TradeoffError(f"{where}: a v-shape needs a preference threshold p above 0")
        if self.kind in ("level", "linear") and self.p <= self.q:
            raise TradeoffError(f"{where}: the preference threshold p ({self.p:g}) must exceed "
                                f"the indifference threshold q ({self.q:g})")
        if self.kind == "gaussian" and self.s <= 0:
            raise TradeoffError(f"{where}: a Gaussian needs a parameter s above 0")

    def __call__(self, d: np.ndarray) -> np.ndarray:
        """P(d) for an array of differences (0 wherever d ≤ 0)."""
        d = np.asarray(d, dtype=float)
        pos = d > 0
        if self.kind == "usual":
            out = pos.astype(float)
        elif self.kind == "u-shape":
            out = (d > self.q).astype(float)
        elif self.kind == "v-shape":
            out = np.clip(d / self.p, 0.0, 1.0)
        elif self.kind == "level":
            out = np.where(d > self.p, 1.0, np.where(d > self.q, 0.5, 0.0))
        elif self.kind == "linear":
            out = np.clip((d - self.q) / (self.p - self.q), 0.0, 1.0)
        else:
            out = 1.0 - np.exp(-(d * d) / (2.0 * self.s * self.s))
        return np.where(pos, out, 0.0)

    def describe(self) -> str:
        parts = {"u-shape": f"q = {self.q:g}", "v-shape": f"p = {self.p:g}",
                 "level": f"q = {self.q:g}, p = {self.p:g}",
                 "linear": f"q = {self.q:g}, p = {self.p:g}", "gaussian": f"s = {self.s:g}"}
        extra = parts.get(self.kind)
        return f"{self.kind} ({extra})" if extra else self.kind


def promethee(matrix: DecisionMatrix, profile: WeightProfile | str | None = None, *,
              preferences: dict[str, PreferenceFunction] | None = None) -> MethodResult:
    """Rank every complete option by its PROMETHEE II net flow.

    ``preferences`` maps criterion ids to preference functions; criteria not
    in it use the data-driven default (v-shape, p = range of scores).
    """
    preferences = dict(preferences or {})
    unknown = sorted(set(preferences) - {c.id for c in matrix.criteria})
    if unknown:
        raise TradeoffError(f"PROMETHEE preference functions name unknown criteria: "
                            f"{', '.join(unknown)}")
    for c in matrix.criteria:
        if c.id in preferences:
            preferences[c.id].check(c.name)
    inputs = method_inputs(matrix, profile, NAME)
    x = inputs.scored
    n = x.shape[0]
    unicriterion = np.zeros_like(x)
    positive = np.zeros(n)
    negative = np.zeros(n)
    defaulted = []
    for j, c in enumerate(matrix.criteria):
        col = x[:, j] if inputs.benefit[j] else -x[:, j]
        d = col[:, None] - col[None, :]            # d[a, b] = g(a) − g(b), better is larger
        function = preferences.get(c.id)
        if function is None:
            defaulted.append(c.id)
            span = float(col.max() - col.min()) if n else 0.0
            function = PreferenceFunction("v-shape", p=span) if span > 0 else None
        p = function(d) if function is not None else np.zeros_like(d)
        if n > 1:
            unicriterion[:, j] = (p.sum(axis=1) - p.sum(axis=0)) / (n - 1)
            positive += inputs.weights[j] * p.sum(axis=1) / (n - 1)
            negative += inputs.weights[j] * p.sum(axis=0) / (n - 1)
    contributions = unicriterion * inputs.weights
    net = contributions.sum(axis=1)
    described = [f"{c.name}: {preferences[c.id].describe()}" for c in matrix.criteria
                 if c.id in preferences]
    if defaulted:
        described.insert(0, DEFAULT_TEXT if not described else f"others: {DEFAULT_TEXT}")
    return build_result(inputs, key="promethee", method=NAME, normalisation="; ".join(described),
                        values=unicriterion, contributions=contributions, totals=net,
                        details={"positive flow": positive, "negative flow": negative},
                        extras={"preferences": preferences})

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

The six generalised criteria and their thresholds are defined in
:mod:`tradeoff.core.preference_functions` (Brans & Vincke 1985, Table 1).

Each criterion is compared with its own preference function when it has one
(``Criterion.promethee``, saved in the matrix file); the others use the run's
setting, given as ``preferences`` (the command line's ``--preference``). A
criterion with neither uses ``v-shape`` with p set to the range of its scores,
so a full-range difference counts as strict preference; this data-driven
default is named in the result's normalisation text.

Edge cases: a constant criterion gives d = 0 for every pair and so P = 0: it
adds nothing. A single option has no pair to compare; its flows are 0.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods.common import MethodResult, build_result, method_inputs
from tradeoff.core.methods.promethee_sums import sorted_preference_sums, sorted_sums_apply
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.preference_functions import KINDS, PreferenceFunction

NAME = "PROMETHEE II"
DEFAULT_TEXT = "v-shape, p = range of scores"
__all__ = ["DEFAULT_TEXT", "KINDS", "NAME", "PreferenceFunction", "pairs_compared",
           "preference_functions", "promethee"]


def preference_functions(matrix: DecisionMatrix,
                         preferences: dict[str, PreferenceFunction] | None = None
                         ) -> dict[str, PreferenceFunction]:
    """The function each criterion is compared with, by criterion id, checked.

    A criterion's own function comes first, then the run's (``preferences``);
    criteria in neither are left out and take the data-driven default.
    """
    preferences = dict(preferences or {})
    unknown = sorted(set(preferences) - {c.id for c in matrix.criteria})
    if unknown:
        raise TradeoffError(f"PROMETHEE preference functions name unknown criteria: "
                            f"{', '.join(unknown)}")
    chosen: dict[str, PreferenceFunction] = {}
    for c in matrix.criteria:
        function = c.promethee if c.promethee is not None else preferences.get(c.id)
        if function is not None:
            function.check(c.name)
            chosen[c.id] = function
    return chosen


def pairs_compared(matrix: DecisionMatrix,
                   preferences: dict[str, PreferenceFunction] | None = None) -> int:
    """How many differences PROMETHEE works out one pair at a time: n² for each criterion
    whose preference function has a jump or a curve (see :mod:`promethee_sums`); the
    others need one sort, n log n. Raises TradeoffError for unusable preferences."""
    n = len(matrix.options)
    chosen = preference_functions(matrix, preferences)
    return n * n * sum(not sorted_sums_apply(f) for f in chosen.values())


Progress = Callable[[float], None]
ROW_BLOCK = 256  # rows of the pairwise table held at once: memory grows with n, not n²


def _preference_sums(col: np.ndarray, function: PreferenceFunction,
                     block: int = ROW_BLOCK, progress: Progress | None = None
                     ) -> tuple[np.ndarray, np.ndarray]:
    """Σ_b P(a, b) and Σ_b P(b, a) for every option a, a block of rows at a time.

    ``d[a, b] = g(a) − g(b)`` (better is larger). Building the whole n × n table
    took 800 MB per criterion at 10,000 options; blocks keep it to ``block × n``.
    ``progress(share)`` hears the share of rows done after each block.
    """
    n = col.size
    given, taken = np.zeros(n), np.zeros(n)
    for start in range(0, n, block):
        p = function(col[start:start + block, None] - col[None, :])
        given[start:start + block] = p.sum(axis=1)
        taken += p.sum(axis=0)
        if progress is not None:
            progress(min(start + block, n) / n)
    return given, taken


def promethee(matrix: DecisionMatrix, profile: WeightProfile | str | None = None, *,
              preferences: dict[str, PreferenceFunction] | None = None,
              progress: Progress | None = None) -> MethodResult:
    """Rank every complete option by its PROMETHEE II net flow.

    Each criterion uses its own preference function (``Criterion.promethee``)
    if it has one, else the run's: ``preferences`` maps criterion ids to
    functions. Criteria in neither use the data-driven default (v-shape,
    p = range of scores).

    ``progress(share)`` hears the share of the work done (0..1) as it goes, after
    each criterion and, for a criterion compared pair by pair (n² differences: a
    gaussian over 10,000 options takes about a second), after each block of rows;
    an exception it raises stops the run there.
    """
    preferences = preference_functions(matrix, preferences)
    inputs = method_inputs(matrix, profile, NAME)
    x = inputs.scored
    n = x.shape[0]
    unicriterion = np.zeros_like(x)
    positive = np.zeros(n)
    negative = np.zeros(n)
    defaulted = []
    for j, c in enumerate(matrix.criteria):
        col = x[:, j] if inputs.benefit[j] else -x[:, j]
        function = preferences.get(c.id)
        if function is None:
            defaulted.append(c.id)
            span = float(col.max() - col.min()) if n else 0.0
            function = PreferenceFunction("v-shape", p=span) if span > 0 else None
        if n > 1 and function is not None:
            here = None if progress is None else (
                lambda share, j=j: progress((j + share) / len(matrix.criteria)))
            given, taken = (sorted_preference_sums(col, function)
                            if sorted_sums_apply(function)
                            else _preference_sums(col, function, progress=here))
            unicriterion[:, j] = (given - taken) / (n - 1)
            positive += inputs.weights[j] * given / (n - 1)
            negative += inputs.weights[j] * taken / (n - 1)
        if progress is not None:
            progress((j + 1) / len(matrix.criteria))
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

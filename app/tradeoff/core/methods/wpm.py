"""The weighted product model (WPM).

Each option's score is the product of its normalised scores raised to the
criterion weights::

    P(a) = Π_j r_aj ^ w_j,   r_aj = x_aj / max_b x_bj   (benefit criteria)
                             r_aj = min_b x_bj / x_aj   (cost criteria)

Because the weights sum to 1, P lies in (0, 1] and the option best on every
criterion scores 1. The ratio of two scores, P(a)/P(b) = Π (x_aj/x_bj)^±w_j,
does not depend on the normalisation at all (Bridgman 1922; Miller & Starr
1969; Triantaphyllou 2000, *Multi-Criteria Decision Making Methods: A
Comparative Study*, §2.3), which is why this method offers only one.

The table's ``value`` columns hold r, the ``contribution`` columns the
factors r^w, and the total is their product.

Zeros and negatives: a ratio of numeric scores is meaningless when a score
is zero or negative, so the method refuses them with a :class:`TradeoffError`
naming each offending cell rather than shifting the scale, which would change
the very ratios it rests on.

Level scales: level positions are ordinal codes whose zero means nothing, so
the weighted product counts each level scale from 1 at its lowest level
(position − lowest position + 1). ``low/medium/high`` at 0/1/2 thus enter as
1/2/3. The normalisation text says so.
"""

from __future__ import annotations

import numpy as np

from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods.common import MethodResult, build_result, method_inputs
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.scoring import column_extremes

NAME = "weighted product"
NORMALISATION = "x / max (cost: min / x); level scales counted from 1 at their lowest level"


def wpm(matrix: DecisionMatrix, profile: WeightProfile | str | None = None) -> MethodResult:
    """Score every complete option with the weighted product model."""
    inputs = method_inputs(matrix, profile, NAME)
    x = inputs.scored
    shifts = [(j, 1.0 - min(level.position for level in c.levels))
              for j, c in enumerate(matrix.criteria) if c.is_level_scale]
    if shifts:
        x = x.copy()  # the inputs' scores are shared, so the shifted ones are a copy
        for j, shift in shifts:
            x[:, j] += shift
        low, high = column_extremes(x)
    else:
        low, high = inputs.extremes
    # Every score is above zero when every column's smallest one is; only then
    # are the cells looked for one by one.
    if x.shape[0] and not (low > 0).all():
        bad = np.argwhere(x <= 0)
        rows = np.flatnonzero(inputs.complete)
        cells = [f"{matrix.options[rows[i]].name} scores {inputs.cell_text(rows[i], j)} on "
                 f"{inputs.criterion_name(j)}" for i, j in bad[:3]]
        more = f" (and {len(bad) - 3} more)" if len(bad) > 3 else ""
        raise TradeoffError(
            "the weighted product needs scores above zero, because it compares options by "
            f"ratios of their scores: {'; '.join(cells)}{more}")
    r = np.empty_like(x)
    if x.shape[0]:
        # Each column divided the way its direction asks, not both ways and then picked.
        np.divide(x, high, out=r, where=inputs.benefit)
        np.divide(low, x, out=r, where=~inputs.benefit)
    factors = r ** inputs.weights
    totals = np.prod(factors, axis=1)
    return build_result(inputs, key="wpm", method=NAME, normalisation=NORMALISATION,
                        values=r, contributions=factors, totals=totals)

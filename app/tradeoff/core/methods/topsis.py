"""TOPSIS: closeness to the ideal option and distance from the anti-ideal one.

Hwang, C.-L. & Yoon, K. (1981), *Multiple Attribute Decision Making: Methods
and Applications*, Springer, ch. 3.3.5::

    r_aj = normalised score (vector by default; see normalisation.py)
    v_aj = w_j · r_aj
    A⁺_j = max_a v_aj for benefit criteria, min_a v_aj for cost criteria
    A⁻_j = the opposite extreme
    D⁺_a = √Σ_j (v_aj − A⁺_j)²,   D⁻_a = √Σ_j (v_aj − A⁻_j)²
    C_a  = D⁻_a / (D⁺_a + D⁻_a)          (1 = the ideal, 0 = the anti-ideal)

The table's ``value`` columns hold r, the ``contribution`` columns v, the
total is C; ``details`` holds D⁺ and D⁻.

Edge cases: a constant criterion puts every option at the same distance from
both extremes on it, so it adds nothing to D⁺ or D⁻. When every criterion is
constant (or there is a single option) each option *is* both the ideal and
the anti-ideal, D⁺ = D⁻ = 0, and C is set to 0.5: equally close to both, so
all such options tie for first place.
"""

from __future__ import annotations

import numpy as np

from tradeoff.core.methods.common import MethodResult, build_result, method_inputs
from tradeoff.core.methods.normalisation import normalisation_label, normalise
from tradeoff.core.model import DecisionMatrix, WeightProfile

NAME = "TOPSIS"
DEFAULT_NORMALISATION = "vector"


def topsis(matrix: DecisionMatrix, profile: WeightProfile | str | None = None, *,
           normalisation: str = DEFAULT_NORMALISATION) -> MethodResult:
    """Score every complete option by its relative closeness to the ideal."""
    inputs = method_inputs(matrix, profile, NAME)
    names = [c.name for c in matrix.criteria]
    r = normalise(inputs.scored, normalisation, names)
    v = r * inputs.weights
    if v.shape[0]:
        high, low = v.max(axis=0), v.min(axis=0)
        ideal = np.where(inputs.benefit, high, low)
        anti_ideal = np.where(inputs.benefit, low, high)
    else:
        ideal = anti_ideal = np.zeros(v.shape[1])
    d_plus = np.sqrt(np.sum((v - ideal) ** 2, axis=1))
    d_minus = np.sqrt(np.sum((v - anti_ideal) ** 2, axis=1))
    spread = d_plus + d_minus
    closeness = np.divide(d_minus, spread, out=np.full_like(spread, 0.5), where=spread > 0)
    return build_result(inputs, key="topsis", method=NAME,
                        normalisation=normalisation_label(normalisation),
                        values=r, contributions=v, totals=closeness,
                        details={"distance to ideal": d_plus,
                                 "distance to anti-ideal": d_minus})

"""Value functions: map scores on a criterion's scale to 0 (worst) … 1 (best)."""

from __future__ import annotations

import numpy as np

from tradeoff.core.model import Criterion


def value_function(criterion: Criterion, x: np.ndarray | float) -> np.ndarray:
    """Value of raw scores ``x`` (numbers, level positions) on ``criterion``.

    Linear by default: ``(x - worst) / (best - worst)``, which reverses cost
    criteria by their anchors. With ``value_points`` the function is
    piecewise-linear through them. Scores beyond the anchors are extrapolated
    along the end segment, never clipped: the caller reports them instead.
    NaN (a missing score) stays NaN.
    """
    xs = np.asarray(x, dtype=float)
    if not criterion.value_points:
        # + 0.0 turns -0.0 (a cost criterion at its worst) into a plain 0.0
        return (xs - criterion.worst) / (criterion.best - criterion.worst) + 0.0
    px = np.array([p[0] for p in criterion.value_points], dtype=float)
    pv = np.array([p[1] for p in criterion.value_points], dtype=float)
    order = np.argsort(px, kind="stable")
    px, pv = px[order], pv[order]
    out = np.interp(xs, px, pv)
    # np.interp holds the end values flat; extend the end segments instead so an
    # out-of-scale score keeps moving the value (and is flagged by the caller).
    below, above = xs < px[0], xs > px[-1]
    if below.any():
        slope = (pv[1] - pv[0]) / (px[1] - px[0])
        out = np.where(below, pv[0] + slope * (xs - px[0]), out)
    if above.any():
        slope = (pv[-1] - pv[-2]) / (px[-1] - px[-2])
        out = np.where(above, pv[-1] + slope * (xs - px[-1]), out)
    return out


def outside_scale(criterion: Criterion, x: np.ndarray) -> np.ndarray:
    """True where a (non-missing) score lies beyond the criterion's anchors."""
    xs = np.asarray(x, dtype=float)
    with np.errstate(invalid="ignore"):
        return (xs < criterion.low) | (xs > criterion.high)

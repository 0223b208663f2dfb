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
    px, pv = breakpoints(criterion)
    return piecewise(xs, px, pv)


def breakpoints(criterion: Criterion) -> tuple[np.ndarray, np.ndarray]:
    """A piecewise criterion's value points as (scores, values), in score order."""
    px = np.array([p[0] for p in criterion.value_points], dtype=float)
    pv = np.array([p[1] for p in criterion.value_points], dtype=float)
    order = np.argsort(px, kind="stable")
    return px[order], pv[order]


def piecewise(xs: np.ndarray, px: np.ndarray, pv: np.ndarray,
              below: bool = True, above: bool = True) -> np.ndarray:
    """Values of ``xs`` on the piecewise-linear function through ``px``, ``pv``
    (:func:`breakpoints`), extrapolated along the end segments. A caller that knows no
    score lies below (above) the points passes ``below`` (``above``) False and spares
    a pass over ``xs`` that would change nothing."""
    out = np.interp(xs, px, pv)
    # np.interp holds the end values flat; extend the end segments instead so an
    # out-of-scale score keeps moving the value (and is flagged by the caller).
    if below and (under := xs < px[0]).any():
        slope = (pv[1] - pv[0]) / (px[1] - px[0])
        out = np.where(under, pv[0] + slope * (xs - px[0]), out)
    if above and (over := xs > px[-1]).any():
        slope = (pv[-1] - pv[-2]) / (px[-1] - px[-2])
        out = np.where(over, pv[-1] + slope * (xs - px[-1]), out)
    return out


def outside_scale(criterion: Criterion, x: np.ndarray) -> np.ndarray:
    """True where a (non-missing) score lies beyond the criterion's anchors."""
    xs = np.asarray(x, dtype=float)
    with np.errstate(invalid="ignore"):
        return (xs < criterion.low) | (xs > criterion.high)

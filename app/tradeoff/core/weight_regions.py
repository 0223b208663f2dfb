"""Admissible weights as linear constraints, for the linear programmes of
:mod:`tradeoff.core.optimality`.

The Monte Carlo describes what is known about the weights with a
:class:`~tradeoff.core.smaa_sampling.WeightSpec`; this module turns the same
spec into one or more convex *regions* of flat normalised weights::

    w ≥ 0,  Σ w = 1,  lower ≤ w ≤ upper,  w_i ≥ w_j for each (i, j) in order

``uniform`` is the whole simplex; ``bounds`` and ``profile`` (a profile ±
spread) add the bounds; ``ranking`` adds ``w_i ≥ w_j`` for every criterion
``i`` of a tier and ``j`` of the next tier (criteria in one tier are not
ordered among themselves), exactly the weights the sampler draws from;
``profiles`` is a union, one region per profile (a single point when the
spread is 0). An option is potentially optimal when it is in any region.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from tradeoff.core.errors import TradeoffError
from tradeoff.core.smaa_sampling import WeightSpec, _around


@dataclass(frozen=True)
class WeightRegion:
    """A convex set of flat weight vectors (see the module docstring)."""

    lower: np.ndarray
    upper: np.ndarray
    order: list[tuple[int, int]] = field(default_factory=list)  # (i, j): w_i ≥ w_j

    @property
    def criteria(self) -> int:
        return int(self.lower.size)

    def contains(self, w: np.ndarray, tol: float = 1e-9) -> bool:
        """Whether the flat weights ``w`` lie in the region (to ``tol``)."""
        w = np.asarray(w, float)
        return bool(abs(w.sum() - 1) <= tol and (w >= self.lower - tol).all()
                    and (w <= self.upper + tol).all()
                    and all(w[i] >= w[j] - tol for i, j in self.order))

    def order_rows(self) -> sparse.csr_array:
        """``w_j − w_i ≤ 0`` for each ordered pair, as rows over the weights."""
        k = len(self.order)
        rows = np.repeat(np.arange(k), 2)
        cols = np.array([x for i, j in self.order for x in (j, i)], dtype=int)
        vals = np.tile([1.0, -1.0], k)
        return sparse.csr_array((vals, (rows, cols)), shape=(k, self.criteria))


def regions_for(spec: WeightSpec) -> list[WeightRegion]:
    """The admissible regions a weight spec describes (the sampler's support)."""
    m = spec.criteria
    if m < 1:
        raise TradeoffError("there are no criteria, so there are no weights to judge")
    free = (np.zeros(m), np.ones(m))
    if spec.mode == "uniform":
        return [WeightRegion(*free)]
    if spec.mode in ("bounds", "profile"):
        return [WeightRegion(np.asarray(spec.lower, float), np.asarray(spec.upper, float))]
    if spec.mode == "ranking":
        order = [(i, j) for upper, lower in zip(spec.tiers, spec.tiers[1:], strict=False)
                 for i in upper for j in lower]
        return [WeightRegion(*free, order=order)]
    if spec.mode == "profiles":
        out = []
        for centre in np.atleast_2d(spec.centres):
            lo, hi = _around(centre, spec.spread) if spec.spread > 0 else (centre, centre)
            out.append(WeightRegion(np.asarray(lo, float), np.asarray(hi, float)))
        return out
    raise TradeoffError(f"unknown weight mode {spec.mode!r}")


def describe_spec(spec: WeightSpec) -> str:
    """A short phrase for the admissible weights, for reports: "any weights", …"""
    return {
        "uniform": "any weights",
        "bounds": "any weights within the bounds",
        "profile": f"any weights within ±{spec.spread * 100:g} % of the profile's",
        "ranking": "any weights that keep the criteria's ranking",
        "profiles": "the weights of any profile"
                    + (f" (±{spec.spread * 100:g} %)" if spec.spread > 0 else ""),
    }.get(spec.mode, spec.mode)

"""Random weights and scores for the SMAA Monte Carlo (see :mod:`tradeoff.core.smaa`).

Weights are drawn as *flat normalised criterion weights* (the effective
weights after the value tree, summing to 1). Five kinds of preference
information are supported:

``uniform``
    No preference information: uniform on the simplex (Dirichlet(1,…,1)),
    drawn as normalised standard exponentials.
``ranking``
    Consistent with a ranking of the criteria, given as tiers from most to
    least important (criteria in one tier are not ordered among themselves).
    A uniform simplex draw is sorted largest first and handed out tier by
    tier, shuffled within each tier: uniform over every consistent order.
``bounds``
    Uniform on the simplex restricted to per-criterion bounds ``lower ≤ w ≤
    upper``. Bounds that are tight around a point (as ``profile ± spread``
    gives) are sampled exactly by rejection: all free weights but the widest
    are drawn uniformly in their bounds, the widest one takes what is left,
    and the draw is kept if that fits its own bounds. That is uniform on the
    feasible slice because the map is affine. When fewer than 5 % of such
    proposals would be kept (wide bounds on many criteria), hit-and-run is
    used instead: many parallel chains, random directions within the plane
    Σw = 1, with burn-in and thinning (Smith, R. L. (1984), Operations
    Research 32(6); Tervonen, T., van Valkenhoef, G., Baştürk, N. & Postmus,
    D. (2013), EJOR 224(3), "Hit-And-Run enables efficient weight generation
    for simulation-based multiple criteria decision analysis").
``profile``
    Around a profile: bounds ``w0 · (1 ± spread)`` (clipped to 0..1), sampled
    as ``bounds``. A spread of 0 gives the profile's weights exactly.
``profiles``
    The stakeholder profiles: each draw picks one profile with equal
    probability (and, with a spread, a point around it as ``profile``).

Scores are drawn by :mod:`tradeoff.core.smaa_scores`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.weights import normalised_weights

WEIGHT_MODES = ("uniform", "ranking", "bounds", "profile", "profiles")
FIXED = 1e-12  # a weight whose bounds are closer than this is fixed
MIN_ACCEPTANCE = 0.05  # below this, rejection gives way to hit-and-run
CHAINS = 1000


@dataclass
class WeightSpec:
    """What is known about the weights; build it with the helpers below."""

    mode: str = "uniform"
    criteria: int = 0
    tiers: list[list[int]] = field(default_factory=list)  # ranking: indices, most important first
    lower: np.ndarray | None = None
    upper: np.ndarray | None = None
    centres: np.ndarray | None = None  # profiles: one row of flat weights per profile
    spread: float = 0.0


def uniform_weights(criteria: int) -> WeightSpec:
    return WeightSpec("uniform", criteria)


def ranked_weights(tiers: list[list[int]], criteria: int) -> WeightSpec:
    """Weights consistent with ``tiers`` (criterion indices, most important tier first)."""
    flat = sorted(i for tier in tiers for i in tier)
    if flat != list(range(criteria)):
        raise TradeoffError("a ranking of the criteria must name every criterion exactly once")
    return WeightSpec("ranking", criteria, tiers=[list(t) for t in tiers if t])


def bounded_weights(lower: np.ndarray, upper: np.ndarray) -> WeightSpec:
    lower, upper = np.asarray(lower, float), np.asarray(upper, float)
    _check_bounds(lower, upper)
    return WeightSpec("bounds", len(lower), lower=lower, upper=upper)


def weights_around(centre: np.ndarray, spread: float) -> WeightSpec:
    """Uniform within ``centre · (1 ± spread)`` on the simplex (spread 0.2 is ±20 %)."""
    if not np.isfinite(spread) or spread < 0:
        raise TradeoffError(f"the spread must be zero or a positive percentage, not {spread!r}")
    centre = np.asarray(centre, float)
    spec = bounded_weights(*_around(centre, spread))
    return WeightSpec("profile", len(centre), lower=spec.lower, upper=spec.upper,
                      centres=centre[None, :], spread=spread)


def weights_from_profiles(centres: np.ndarray, spread: float = 0.0) -> WeightSpec:
    """One of the given flat weight vectors per draw, equally likely (± spread around it)."""
    centres = np.atleast_2d(np.asarray(centres, float))
    if centres.shape[0] == 0:
        raise TradeoffError("the matrix has no weight profiles to draw from")
    return WeightSpec("profiles", centres.shape[1], centres=centres, spread=spread)


def weights_within(matrix: DecisionMatrix,
                   bounds: Iterable[tuple[str, tuple[float | None, float | None]]]
                   ) -> WeightSpec:
    """Uniform weights within per-criterion bounds on the normalised (flat) weights.

    ``bounds`` gives (criterion id or name, (lower, upper)) pairs, as fractions
    0..1, either end None for no bound; a criterion bounded twice is refused
    and unnamed criteria are free (0..1).
    """
    index: dict[str, int] = {}
    for j, c in enumerate(matrix.criteria):
        index.setdefault(c.id, j)
        index.setdefault(c.name, j)
    lower, upper = np.zeros(len(matrix.criteria)), np.ones(len(matrix.criteria))
    seen: set[int] = set()
    for key, (low, high) in bounds:
        if key not in index:
            names = ", ".join(c.name for c in matrix.criteria)
            raise TradeoffError(f"no criterion named {key!r} to bound (criteria: {names})")
        j = index[key]
        if j in seen:
            raise TradeoffError(f"{matrix.criteria[j].name} is bounded twice; give its lower "
                                "and upper bound in one NAME=LOW:HIGH")
        seen.add(j)
        lower[j] = 0.0 if low is None else low
        upper[j] = 1.0 if high is None else high
        if not 0 <= lower[j] <= upper[j] <= 1:
            raise TradeoffError(f"the weight bounds of {matrix.criteria[j].name} must satisfy "
                                f"0 % ≤ lower ≤ upper ≤ 100 %, not {lower[j] * 100:g} % … "
                                f"{upper[j] * 100:g} %")
    return bounded_weights(lower, upper)


def parse_bound(text: str) -> tuple[str, tuple[float | None, float | None]]:
    """``NAME=LOW:HIGH`` in percent (either end may be empty) as (name, fractions)."""
    name, sep, span = text.rpartition("=")
    low_text, colon, high_text = span.partition(":")
    if not sep or not colon or not name.strip():
        raise TradeoffError(f"a weight bound is written NAME=LOW:HIGH in percent, "
                            f"e.g. \"Price=10:40\", not {text!r}")
    ends: list[float | None] = []
    for part in (low_text, high_text):
        part = part.strip().rstrip("%").strip()
        if not part:
            ends.append(None)
            continue
        try:
            number = float(part)
        except ValueError:
            raise TradeoffError(f"{part!r} in the weight bound {text!r} is not a percentage") \
                from None
        if not np.isfinite(number):
            raise TradeoffError(f"{part!r} in the weight bound {text!r} is not a percentage")
        ends.append(number / 100)
    return name.strip(), (ends[0], ends[1])


def tiers_from_weights(weights: np.ndarray) -> list[list[int]]:
    """Criterion indices grouped by equal weight, heaviest first: a profile's ranking."""
    rounded = np.round(np.asarray(weights, float), 12)
    return [[int(i) for i in np.flatnonzero(rounded == level)]
            for level in sorted(set(rounded.tolist()), reverse=True)]


def spec_for_matrix(matrix: DecisionMatrix, profile: WeightProfile, mode: str,
                    spread: float = 0.0) -> WeightSpec:
    """The weight distribution a mode names, for ``matrix`` around ``profile``.

    ``profile``: within ``profile ± spread``; ``uniform``: anywhere on the simplex;
    ``profiles``: one of the matrix's profiles per draw (± spread); ``ranking``:
    any weights that order the criteria as ``profile`` does (equal weights tie).
    """
    if not matrix.criteria:
        raise TradeoffError("the matrix has no criteria, so there are no weights to draw")
    if mode == "uniform":
        return uniform_weights(len(matrix.criteria))
    if mode == "profiles":
        centres = np.array([normalised_weights(matrix, p) for p in matrix.profiles])
        return weights_from_profiles(centres, spread)
    centre = normalised_weights(matrix, profile)
    if mode == "ranking":
        return ranked_weights(tiers_from_weights(centre), len(centre))
    if mode == "profile":
        return weights_around(centre, spread)
    raise TradeoffError(f"unknown weight mode {mode!r} (use one of {', '.join(WEIGHT_MODES)})")


def _around(centre: np.ndarray, spread: float) -> tuple[np.ndarray, np.ndarray]:
    return np.clip(centre * (1 - spread), 0, 1), np.clip(centre * (1 + spread), 0, 1)


def _check_bounds(lower: np.ndarray, upper: np.ndarray) -> None:
    if lower.shape != upper.shape or lower.ndim != 1:
        raise TradeoffError("weight bounds need one lower and one upper bound per criterion")
    bad = np.flatnonzero((lower < 0) | (upper > 1) | (lower > upper + FIXED))
    if bad.size:
        raise TradeoffError(f"weight bounds of criterion {int(bad[0]) + 1} are not within "
                            "0 ≤ lower ≤ upper ≤ 1")
    if lower.sum() > 1 + 1e-9 or upper.sum() < 1 - 1e-9:
        raise TradeoffError(f"no weights fit these bounds: the lower bounds add up to "
                            f"{lower.sum() * 100:.4g} % and the upper bounds to "
                            f"{upper.sum() * 100:.4g} %; normalised weights add up to 100 %")


class WeightSampler:
    """Draws batches of flat weight vectors, shape (k, criteria), for one spec."""

    def __init__(self, spec: WeightSpec, rng: np.random.Generator) -> None:
        self.spec, self.rng = spec, rng
        self._boxes: list[BoxSampler] = []
        if spec.mode in ("bounds", "profile"):
            self._boxes = [BoxSampler(spec.lower, spec.upper, rng)]
        elif spec.mode == "profiles" and spec.spread > 0:
            self._boxes = [BoxSampler(*_around(c, spec.spread), rng) for c in spec.centres]

    def draw(self, k: int) -> np.ndarray:
        mode = self.spec.mode
        if mode == "uniform":
            return _simplex(self.rng, k, self.spec.criteria)
        if mode == "ranking":
            return self._ranked(k)
        if mode in ("bounds", "profile"):
            return self._boxes[0].draw(k)
        if mode == "profiles":
            pick = self.rng.integers(0, self.spec.centres.shape[0], size=k)
            if not self._boxes:
                return self.spec.centres[pick].copy()
            out = np.empty((k, self.spec.criteria))
            for p, box in enumerate(self._boxes):
                rows = np.flatnonzero(pick == p)
                if rows.size:
                    out[rows] = box.draw(rows.size)
            return out
        raise TradeoffError(f"unknown weight mode {mode!r} (use one of {', '.join(WEIGHT_MODES)})")

    def _ranked(self, k: int) -> np.ndarray:
        ordered = -np.sort(-_simplex(self.rng, k, self.spec.criteria), axis=1)
        out = np.empty_like(ordered)
        start = 0
        for tier in self.spec.tiers:
            block = ordered[:, start:start + len(tier)]
            if len(tier) > 1:  # shuffle within the tier, independently per draw
                perm = np.argsort(self.rng.random((k, len(tier))), axis=1)
                block = np.take_along_axis(block, perm, axis=1)
            out[:, tier] = block
            start += len(tier)
        return out


def _simplex(rng: np.random.Generator, k: int, m: int) -> np.ndarray:
    e = rng.standard_exponential((k, m))
    return e / e.sum(axis=1, keepdims=True)


class BoxSampler:
    """Uniform draws from {w : Σw = 1, lower ≤ w ≤ upper} (see the module docstring)."""

    def __init__(self, lower: np.ndarray, upper: np.ndarray, rng: np.random.Generator) -> None:
        _check_bounds(lower, upper)
        self.rng = rng
        self.lower, self.upper = lower, np.maximum(upper, lower)
        self.free = np.flatnonzero(self.upper - self.lower > FIXED)
        self.mass = 1.0 - self.lower.sum() + self.lower[self.free].sum()  # what the free share
        lo, hi = self.lower[self.free], self.upper[self.free]
        self.method = "fixed"
        if self.free.size >= 2 and hi.sum() - self.mass > FIXED and self.mass - lo.sum() > FIXED:
            self.widest = int(np.argmax(hi - lo))
            pilot = self._propose(2000)
            self.method = "rejection" if pilot.shape[0] >= MIN_ACCEPTANCE * 2000 else "hit-and-run"
            if self.method == "hit-and-run":
                self._start_chains()

    def draw(self, k: int) -> np.ndarray:
        out = np.tile(self.lower, (k, 1))
        if self.method == "fixed":
            # Only one point fits (or the free weights are pinned to one end).
            free_lo, free_hi = self.lower[self.free], self.upper[self.free]
            room = free_hi - free_lo
            share = (self.mass - free_lo.sum()) / room.sum() if room.sum() > 0 else 0.0
            out[:, self.free] = free_lo + share * room
            return out
        out[:, self.free] = self._rejection(k) if self.method == "rejection" else self._walk(k)
        return out

    # -- exact rejection over the slice --------------------------------------
    def _propose(self, k: int) -> np.ndarray:
        lo, hi = self.lower[self.free], self.upper[self.free]
        w = lo + (hi - lo) * self.rng.random((k, lo.size))
        others = np.ones(lo.size, bool)
        others[self.widest] = False
        w[:, self.widest] = self.mass - w[:, others].sum(axis=1)
        keep = (w[:, self.widest] >= lo[self.widest]) & (w[:, self.widest] <= hi[self.widest])
        return w[keep]

    def _rejection(self, k: int) -> np.ndarray:
        parts, got = [], 0
        while got < k:
            batch = self._propose(max(2 * (k - got), 256))
            parts.append(batch)
            got += batch.shape[0]
        return np.concatenate(parts)[:k]

    # -- hit-and-run ---------------------------------------------------------
    def _start_chains(self) -> None:
        lo, hi = self.lower[self.free], self.upper[self.free]
        share = (self.mass - lo.sum()) / (hi - lo).sum()
        self.state = np.tile(lo + share * (hi - lo), (CHAINS, 1))  # strictly inside the box
        dims = lo.size
        self.thin = dims
        for _ in range(20 * dims):  # burn-in: forget the common starting point
            self._step()
        self.spare = np.empty((0, dims))

    def _step(self) -> None:
        lo, hi = self.lower[self.free], self.upper[self.free]
        x = self.state
        d = self.rng.standard_normal(x.shape)
        d -= d.mean(axis=1, keepdims=True)  # stay on the plane Σw = constant
        with np.errstate(divide="ignore", invalid="ignore"):
            up = np.where(d > 0, np.maximum(hi - x, 0) / d, np.where(d < 0,
                          -np.maximum(x - lo, 0) / d, np.inf))
            down = np.where(d > 0, np.maximum(x - lo, 0) / d, np.where(d < 0,
                            -np.maximum(hi - x, 0) / d, np.inf))
        reach_up, reach_down = up.min(axis=1), down.min(axis=1)
        step = -reach_down + (reach_up + reach_down) * self.rng.random(x.shape[0])
        self.state = x + step[:, None] * d

    def _walk(self, k: int) -> np.ndarray:
        parts, got = [self.spare], self.spare.shape[0]
        while got < k:
            for _ in range(self.thin):
                self._step()
            parts.append(self.state.copy())
            got += self.state.shape[0]
        pooled = np.concatenate(parts)
        self.spare = pooled[k:]
        lo, hi = self.lower[self.free], self.upper[self.free]
        return np.clip(pooled[:k], lo, hi)

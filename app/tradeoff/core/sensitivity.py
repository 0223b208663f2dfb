"""One-way weight sensitivity: sweep one criterion's (or group's) weight from 0 to 1.

While the swept weight ``t`` moves, every other criterion keeps its share of
what is left: its normalised weight becomes ``w_k · (1 - t) / (1 - w0)``,
where ``w0`` is the swept weight now. Criteria inside a swept group keep their
proportions within the group. Every option's total is therefore a straight
line in ``t``::

    total_i(t) = rest_i + t · (inside_i - rest_i)

with ``inside_i`` the option's value averaged over the swept criteria (weighted
as they are now) and ``rest_i`` its value averaged over all the others. The
ranking can only change where two lines cross, so the change points are
computed exactly as line intersections, never by sampling.

The sweep works on the flat normalised criterion weights (the effective
weights after the value tree), which is also what :func:`profile_with_weights`
turns back into a profile. Options with a missing score have no total and take
no part in the sweep.

Reference: Belton, V. & Stewart, T. J. (2002), *Multiple Criteria Decision
Analysis: An Integrated Approach*, §5.4 (sensitivity analysis on one weight).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.scoring import RANK_DECIMALS, value_matrix
from tradeoff.core.value_tree import criterion_paths
from tradeoff.core.weights import normalised_weights

TIE = 10.0 ** -RANK_DECIMALS  # totals closer than this are a tie, as in scoring
PARALLEL = 1e-12  # slopes closer than this never cross: rounding, not a trade-off


@dataclass(frozen=True)
class ChangePoint:
    """A weight at which the ranking changes: some options' lines cross here.

    ``pairs`` lists (ahead before, ahead after) for each pair that swaps.
    ``winners_before`` / ``winners_after`` are the options ranked first just
    below and just above the point (more than one when they stay tied).
    """

    weight: float
    pairs: tuple[tuple[str, str], ...]
    winners_before: tuple[str, ...]
    winners_after: tuple[str, ...]

    @property
    def winner_changes(self) -> bool:
        return self.winners_before != self.winners_after


@dataclass
class Sweep:
    """Every option's total as a line in the swept weight ``t`` (0..1)."""

    target: str  # a criterion id or a group id
    kind: str  # "criterion" | "group"
    name: str
    current_weight: float
    options: list[str]  # ids of the options that take part (no missing scores)
    intercepts: np.ndarray  # totals at t = 0
    slopes: np.ndarray  # d total / d t
    winner: str | None
    winner_interval: tuple[float, float]
    ranking_interval: tuple[float, float]
    change_points: list[ChangePoint] = field(default_factory=list)

    def totals_at(self, t: float | np.ndarray) -> np.ndarray:
        """Totals of ``options`` at swept weight(s) ``t``; shape (len(t), options) for arrays."""
        ts = np.asarray(t, dtype=float)
        return self.intercepts + np.multiply.outer(ts, self.slopes)

    @property
    def winner_change_points(self) -> list[ChangePoint]:
        return [p for p in self.change_points if p.winner_changes]


def swept_weights(current: np.ndarray, swept: np.ndarray, t: float) -> np.ndarray:
    """Flat weights with the ``swept`` criteria (a boolean mask) holding ``t`` in total.

    Criteria keep their proportions within the swept set and within the rest.
    A side that weighs nothing now has no proportions to keep, so its weight is
    shared equally among its criteria.
    """
    inside, outside = _side_shares(current, swept)
    return t * inside + (1.0 - t) * outside


def _side_shares(current: np.ndarray, swept: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each side's criteria as shares summing to 1 on that side (0 elsewhere)."""
    out = []
    for mask in (swept, ~swept):
        side = np.where(mask, current, 0.0)
        total = side.sum()
        if total > 0:
            out.append(side / total)
        else:
            out.append(mask / max(int(mask.sum()), 1))
    return out[0], out[1]


def sweep(matrix: DecisionMatrix, profile: WeightProfile, target: str,
          values: np.ndarray | None = None, change_points: bool = True,
          current: np.ndarray | None = None,
          paths: dict[str, list[str]] | None = None, *,
          winner_only: bool = False) -> Sweep | None:
    """The sweep of criterion or group ``target``; None when it cannot move.

    A group that holds every criterion (or none) has nothing to trade against.
    ``values`` (the value matrix) may be passed by callers sweeping many targets.
    ``change_points=False`` leaves ``change_points`` empty: the intervals alone
    cost a few options² operations, every crossing many more. ``current`` (the
    normalised weights) and ``paths`` (criterion_paths) may be passed too, so a
    tree of many groups is walked once, not once per group. ``winner_only``
    keeps only the change points where the leader changes, found by walking the
    upper envelope of the lines instead of crossing every pair (what a large
    matrix needs); their ``pairs`` are then left empty.
    """
    values = value_matrix(matrix) if values is None else values
    current = normalised_weights(matrix, profile) if current is None else current
    crit_ids = [c.id for c in matrix.criteria]
    if target in crit_ids:
        kind, name = "criterion", matrix.criterion(target).name
        swept = np.array([cid == target for cid in crit_ids])
    else:
        kind, name = "group", matrix.group(target).name
        paths = criterion_paths(matrix) if paths is None else paths
        swept = np.array([target in paths[cid] for cid in crit_ids])
    if not swept.any() or swept.all():
        return None
    ok = ~np.isnan(values).any(axis=1)
    inside_share, outside_share = _side_shares(current, swept)
    inside = values[ok] @ inside_share
    rest = values[ok] @ outside_share
    w0 = float(current[swept].sum())
    option_ids = [o.id for o, keep in zip(matrix.options, ok, strict=True) if keep]
    result = Sweep(target=target, kind=kind, name=name, current_weight=w0,
                   options=option_ids, intercepts=rest, slopes=inside - rest,
                   winner=None, winner_interval=(w0, w0), ranking_interval=(w0, w0))
    if option_ids:
        _fill_intervals(result)
        if change_points:
            result.change_points = (_winner_change_points(result) if winner_only
                                    else _change_points(result))
    return result


def all_sweeps(matrix: DecisionMatrix, profile: WeightProfile,
               change_points: bool = True, *, winner_only: bool = False) -> list[Sweep]:
    """Sweeps of every criterion, then every group that can move, in matrix order."""
    values = value_matrix(matrix)
    targets = [c.id for c in matrix.criteria] + [g.id for g in matrix.groups]
    current, paths = normalised_weights(matrix, profile), criterion_paths(matrix)
    sweeps = [sweep(matrix, profile, t, values, change_points, current, paths,
                    winner_only=winner_only) for t in targets]
    return [s for s in sweeps if s is not None]


def _top(totals: np.ndarray) -> np.ndarray:
    """Indices tied for first place."""
    return np.flatnonzero(totals >= totals.max() - TIE)


def _fill_intervals(s: Sweep) -> None:
    """The winner's and the whole ranking's intervals around the current weight.

    Each pairwise order holds on one side of the pair's crossing point, so both
    intervals are intersections of half-lines: exact, and never empty (they
    hold the current weight).
    """
    w0 = s.current_weight
    now = s.totals_at(w0)
    top = _top(now)
    lead = int(top[0])  # the first of a tie in matrix order, as scoring reports it
    s.winner = s.options[lead]
    # The leader stays ahead of each other option on one side of their crossing
    # (parallel lines never cross): the intersection of those half-lines.
    gap0 = s.intercepts[lead] - s.intercepts
    slope = s.slopes[lead] - s.slopes
    moving = np.abs(slope) > PARALLEL
    moving[lead] = False
    cross = -gap0[moving] / slope[moving]
    rising = slope[moving] > 0
    lo = max(0.0, float(cross[rising].max(initial=0.0)))
    hi = min(1.0, float(cross[~rising].min(initial=1.0)))
    s.winner_interval = (float(min(lo, w0)), float(max(hi, w0)))
    if len(s.options) > ALL_PAIRS_LIMIT:
        s.ranking_interval = _ranking_interval_by_neighbours(s, now)
        return
    i, k = np.triu_indices(len(s.options), 1)
    gap = now[i] - now[k]
    tied = np.abs(gap) <= TIE
    if (tied & (np.abs(s.slopes[i] - s.slopes[k]) > PARALLEL)).any():
        lo, hi = w0, w0  # tied now and parting either way: any move re-ranks
    else:
        # Each pair keeps its order on one side of its crossing (parallel pairs always).
        ahead, behind = np.where(gap > 0, i, k)[~tied], np.where(gap > 0, k, i)[~tied]
        slope = s.slopes[ahead] - s.slopes[behind]
        moving = np.abs(slope) > PARALLEL
        cross = -(s.intercepts[ahead] - s.intercepts[behind])[moving] / slope[moving]
        rising = slope[moving] > 0
        lo = max(0.0, float(cross[rising].max(initial=0.0)))
        hi = min(1.0, float(cross[~rising].min(initial=1.0)))
    s.ranking_interval = (float(min(lo, w0)), float(max(hi, w0)))


ALL_PAIRS_LIMIT = 200  # more options than this: neighbours only, not every pair (same interval)


def _ranking_interval_by_neighbours(s: Sweep, now: np.ndarray) -> tuple[float, float]:
    """The ranking interval from the pairs next to each other in today's order.

    Until the first crossing the order holds, so the first crossing on either
    side is between two lines that are neighbours now: the same interval as
    over every pair, in n log n instead of n² (memory too).
    """
    w0 = s.current_weight
    order = np.argsort(-now, kind="stable")
    ahead, behind = order[:-1], order[1:]
    gap = now[ahead] - now[behind]
    slope = s.slopes[ahead] - s.slopes[behind]
    tied = np.abs(gap) <= TIE
    if (tied & (np.abs(slope) > PARALLEL)).any():
        return w0, w0
    moving = (np.abs(slope) > PARALLEL) & ~tied
    cross = -(s.intercepts[ahead] - s.intercepts[behind])[moving] / slope[moving]
    rising = slope[moving] > 0
    lo = max(0.0, float(cross[rising].max(initial=0.0)))
    hi = min(1.0, float(cross[~rising].min(initial=1.0)))
    return float(min(lo, w0)), float(max(hi, w0))


def _winner_change_points(s: Sweep) -> list[ChangePoint]:
    """The change points where the leader changes, by walking the upper envelope.

    From the leader just inside 0, the next change is the nearest crossing with
    a steeper line; the leaders either side of each are then found exactly as
    for every change point. A crossing that shares its weight (within the tie
    tolerance) with an earlier one of another pair is reported at its own weight.
    """
    a, b = s.intercepts, s.slopes
    found: list[float] = []
    t = TIE
    while t < 1.0 - TIE:
        totals = a + b * t
        tied = np.flatnonzero(totals >= totals.max() - TIE)
        lead = int(tied[np.argmax(b[tied])])
        steeper = b > b[lead] + PARALLEL
        if not steeper.any():
            break
        cross = (a[lead] - a[steeper]) / (b[steeper] - b[lead])
        ahead = cross[cross > t + TIE]
        if ahead.size == 0 or ahead.min() >= 1.0 - TIE:
            break
        t = float(ahead.min())
        found.append(t)
    weights = np.array(found)
    before, after = _leaders(s, weights)
    ids = s.options
    return [ChangePoint(weight=float(w), pairs=(),
                        winners_before=tuple(ids[j] for j in b_),
                        winners_after=tuple(ids[j] for j in a_))
            for w, b_, a_ in zip(weights, before, after, strict=True) if b_ != a_]


def _change_points(s: Sweep) -> list[ChangePoint]:
    """Every weight strictly inside (0, 1) at which two options' lines cross.

    Crossings closer than the tie tolerance to the first of a run are one
    change point. Computed with arrays over all pairs, and the leaders at the
    change points a block at a time, so a thousand options take seconds.
    """
    i, k = np.triu_indices(len(s.options), 1)
    slope = s.slopes[i] - s.slopes[k]
    moving = np.abs(slope) > PARALLEL
    i, k = i[moving], k[moving]
    cross = -(s.intercepts[i] - s.intercepts[k]) / slope[moving]
    inside = (cross > TIE) & (cross < 1.0 - TIE)  # a tie at an end changes nothing inside
    i, k, cross = i[inside], k[inside], cross[inside]
    order = np.lexsort((k, i, cross))
    i, k, cross = i[order], k[order], cross[order]
    starts: list[int] = []
    first = -np.inf
    for n, t in enumerate(cross.tolist()):
        if t - first > TIE:
            starts.append(n)
            first = t
    bounds = [*starts, len(cross)]
    weights = cross[starts] if starts else np.empty(0)
    before, after = _leaders(s, weights)
    # Just below a crossing the line with the smaller slope is ahead.
    low_first = s.slopes[i] < s.slopes[k]
    below, above = np.where(low_first, i, k).tolist(), np.where(low_first, k, i).tolist()
    ids = s.options
    return [ChangePoint(
        weight=float(weights[g]),
        pairs=tuple((ids[below[n]], ids[above[n]]) for n in range(bounds[g], bounds[g + 1])),
        winners_before=tuple(ids[j] for j in before[g]),
        winners_after=tuple(ids[j] for j in after[g]))
        for g in range(len(starts))]


LEADER_ELEMENTS = 4_000_000  # change points × options compared at once


def _leaders(s: Sweep, weights: np.ndarray) -> tuple[list[list[int]], list[list[int]]]:
    """Options first just before and just after each weight: of those tied for first
    there, the least steep lead before it and the steepest after."""
    before: list[list[int]] = []
    after: list[list[int]] = []
    n = len(s.options)
    step = max(1, LEADER_ELEMENTS // max(n, 1))
    for start in range(0, weights.size, step):
        totals = s.intercepts[None, :] + s.slopes[None, :] * weights[start:start + step, None]
        top = totals >= totals.max(axis=1, keepdims=True) - TIE
        single = top.sum(axis=1) == 1  # the usual case: one leader on both sides
        leader = totals.argmax(axis=1).tolist()
        for row, alone in enumerate(single.tolist()):
            if alone:
                before.append([leader[row]])
                after.append([leader[row]])
                continue
            tied = np.flatnonzero(top[row])
            slopes = s.slopes[tied]
            before.append(tied[slopes <= slopes.min() + PARALLEL].tolist())
            after.append(tied[slopes >= slopes.max() - PARALLEL].tolist())
    return before, after


def profile_with_weights(matrix: DecisionMatrix, flat: np.ndarray, profile_id: str = "swept",
                         name: str = "Swept weights") -> WeightProfile:
    """A profile whose normalised weights are exactly ``flat`` (criteria in matrix order).

    Each criterion gets its flat weight as raw points and each group the sum of
    the flat weights below it, so the value tree normalises back to ``flat``.
    """
    weights = {c.id: float(w) for c, w in zip(matrix.criteria, flat, strict=True)}
    below = dict.fromkeys((g.id for g in matrix.groups), 0.0)
    paths = criterion_paths(matrix)
    for c, w in zip(matrix.criteria, flat, strict=True):
        for gid in paths[c.id]:
            below[gid] += float(w)
    weights.update(below)
    return WeightProfile(profile_id, name, weights, method="direct")

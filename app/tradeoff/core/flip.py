"""Score-flip test: which single judgement does the recommendation hinge on?

For the current winner and every cell of the matrix, the smallest change to
that one score that would make another option win:

* on the winner's own row, *worsening* the score until the runner-up overtakes;
* on a rival's row, *improving* the score until that rival overtakes the winner.

("Worse" and "better" follow the criterion's direction: a lower cost is better.
Improving the winner's score or worsening a rival's can never change the winner.)
Totals are linear in a cell's value, so the value that breaks even is exact:
``v* = v - margin / w`` when worsening the winner, ``v* = v + gap / w`` when
improving a rival. The score with that value is found by walking the value
function from the current score toward the anchor, so piecewise-linear value
functions (even with flat stretches) are inverted exactly.

On a numeric scale the change reported is the break-even: any change beyond it
flips the winner. On a level scale the score steps through the levels, and the
change is the fewest steps that make the rival strictly ahead. A flip that
needs a score beyond the scale's anchors is reported as not possible, as is a
cell whose criterion weighs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from tradeoff.core.model import Criterion, DecisionMatrix, ScoreValue, WeightProfile
from tradeoff.core.scoring import RANK_DECIMALS, competition_ranks, raw_matrix, value_matrix
from tradeoff.core.values import value_function
from tradeoff.core.weights import normalised_weights

TIE = 10.0 ** -RANK_DECIMALS


@dataclass(frozen=True)
class Flip:
    """The smallest change to one score that would change the winner.

    ``change`` is signed, in the criterion's units (numeric scales) or in level
    steps (level scales); ``relative`` is its size as a share of the scale
    between the anchors, so flips on different scales can be compared.
    ``new_value`` is the break-even score (numeric) or the level that flips.
    """

    option: str
    criterion: str
    direction: str  # "worsen" (the winner's own score) | "improve" (a rival's score)
    current: ScoreValue
    possible: bool
    new_value: ScoreValue | None = None
    change: float | None = None
    relative: float | None = None
    new_winner: str | None = None
    reason: str = ""

    def describe(self, matrix: DecisionMatrix) -> str:
        """One sentence an analyst can read out."""
        o = matrix.option(self.option).name
        c = matrix.criterion(self.criterion)
        verb = "worsening" if self.direction == "worsen" else "improving"
        now = c.format_value(self.current)
        if not self.possible:
            return f"{verb} {o} on {c.name} (now {now}) cannot change the winner: {self.reason}"
        winner = matrix.option(self.new_winner).name if self.new_winner else "?"
        if c.is_level_scale:
            steps = abs(int(self.change or 0))
            what = f"{steps} level{'s' if steps != 1 else ''}"
            return (f"{what} on {c.name} for {o} ({now} → {self.new_value}) "
                    f"would make {winner} the winner")
        size = c.format_value(round(abs(self.change or 0.0), 3))
        return (f"more than {size} on {c.name} for {o} ({now} → beyond "
                f"{c.format_value(round(float(self.new_value), 3))}) "
                f"would make {winner} the winner")


def flip_table(matrix: DecisionMatrix, profile: WeightProfile, *,
               possible_only: bool = False) -> list[Flip]:
    """A flip for every scored cell of every ranked option, smallest first.

    Flips that are possible come first, ordered by ``relative``; the cells
    that cannot change the winner follow in matrix order. Empty when no
    option can be ranked. ``possible_only`` returns just the possible ones and
    skips, with one array comparison, every rival's cell that could not close
    the gap even at the highest value its criterion gives (what a large matrix
    needs: most of its cells are such).
    """
    raw = raw_matrix(matrix)
    values = value_matrix(matrix, raw)
    weights = normalised_weights(matrix, profile)
    totals = values @ weights
    ranks = competition_ranks(totals)
    ranked = np.flatnonzero(~np.isnan(totals))
    if ranked.size < 2:
        return []
    winner = int(np.flatnonzero(ranks == 1)[0])
    cells = np.ones((len(matrix.options), len(matrix.criteria)), dtype=bool)
    if possible_only:
        # Improving a rival's score can only flip the winner if its value can pass
        # v + gap / w; no score on the scale is worth more than the criterion's peak.
        peak = np.array([_peak_value(c) for c in matrix.criteria])
        with np.errstate(divide="ignore", invalid="ignore"):
            target = values + (totals[winner] - totals)[:, None] / weights[None, :]
        # (a score already beyond the scale walks back through values above the peak)
        cells = (weights[None, :] > 0) & ((target < peak[None, :]) | (values > peak[None, :]))
        cells[winner] = True
    flips: list[Flip] = []
    for i in ranked:
        for j in np.flatnonzero(cells[i]):
            crit = matrix.criteria[j]
            flips.append(_cell_flip(matrix, crit, int(i), int(j), winner, raw, totals, weights))
    possible = sorted((f for f in flips if f.possible), key=lambda f: f.relative or 0.0)
    if possible_only:
        return possible
    return possible + [f for f in flips if not f.possible]


def _peak_value(crit: Criterion) -> float:
    """The highest value the criterion's value function reaches at its anchors and
    breakpoints (piecewise-linear, so at no score between them is it higher)."""
    points = [crit.low, crit.high, *(p for p, _ in crit.value_points)]
    return float(np.max(value_function(crit, np.array(points, dtype=float))))


def _cell_flip(matrix: DecisionMatrix, crit: Criterion, i: int, j: int, winner: int,
               raw: np.ndarray, totals: np.ndarray, weights: np.ndarray) -> Flip:
    option = matrix.options[i]
    current = matrix.score(option.id, crit.id).value
    worsen = i == winner
    direction = "worsen" if worsen else "improve"
    base = Flip(option.id, crit.id, direction, current, possible=False)
    w = float(weights[j])
    if w <= 0:
        return replace(base, reason=f"{crit.name} weighs nothing in this profile")
    x = float(raw[i, j])
    v = float(value_function(crit, x))
    others = np.delete(np.arange(len(totals)), winner)
    others = others[~np.isnan(totals[others])]
    if worsen:
        runner_up = int(others[np.argmax(totals[others])])
        gap, new_winner = totals[winner] - totals[runner_up], runner_up
        target = v - gap / w  # the value at which the runner-up draws level
    else:
        gap, new_winner = totals[winner] - totals[i], i
        target = v + gap / w
    anchor = crit.worst if worsen else crit.best
    if crit.is_level_scale:
        return _level_flip(base, crit, x, target, worsen, new_winner, matrix)
    edge = _crossing(crit, x, anchor, target, worsen)
    if edge is None:
        where = "worst" if worsen else "best"
        return replace(base, reason=f"even the {where} score on the scale "
                                    f"({crit.format_value(anchor)}) would not be enough")
    return replace(base, possible=True, new_value=float(edge), change=float(edge - x),
                   relative=float(abs(edge - x) / (crit.high - crit.low)),
                   new_winner=matrix.options[new_winner].id)


def _crossing(crit: Criterion, x: float, anchor: float, target: float,
              worsen: bool) -> float | None:
    """The score between ``x`` and ``anchor`` beyond which the value passes ``target``.

    Walks the value function's breakpoints from ``x`` toward the anchor and
    interpolates inside the first stretch that goes strictly past the target.
    None when even the anchor does not get past it.
    """
    inner = [p for p, _ in crit.value_points if min(x, anchor) < p < max(x, anchor)]
    path = sorted([x, *inner, anchor], key=lambda p: abs(p - x))
    vals = [float(value_function(crit, p)) for p in path]

    def past(value: float) -> bool:
        return value < target - TIE if worsen else value > target + TIE

    for k in range(1, len(path)):
        if past(vals[k]):
            v0, v1 = vals[k - 1], vals[k]
            if past(v0):  # the current score is already past (a tie for first)
                return path[k - 1]
            share = (v0 - target) / (v0 - v1)
            return path[k - 1] + share * (path[k] - path[k - 1])
    return None


def _level_flip(base: Flip, crit: Criterion, x: float, target: float, worsen: bool,
                new_winner: int, matrix: DecisionMatrix) -> Flip:
    """Step level by level toward the worst (or best) anchor until the rival leads."""
    positions = sorted(lv.position for lv in crit.levels if crit.low <= lv.position <= crit.high)
    here = positions.index(x) if x in positions else None
    toward_worst = np.sign(crit.worst - crit.best)
    step = toward_worst if worsen else -toward_worst
    candidates = [p for p in positions if (p - x) * step > 0]
    candidates.sort(key=lambda p: abs(p - x))
    for p in candidates:
        v = float(value_function(crit, p))
        if (v < target - TIE) if worsen else (v > target + TIE):
            steps = (positions.index(p) - here) if here is not None else float(p - x)
            return replace(base, possible=True, new_value=crit.level_at(p), change=float(steps),
                           relative=float(abs(p - x) / (crit.high - crit.low)),
                           new_winner=matrix.options[new_winner].id)
    where = "worst" if worsen else "best"
    anchor = crit.level_at(crit.worst if worsen else crit.best) or crit.format_value(
        crit.worst if worsen else crit.best)
    return replace(base, reason=f"even the {where} level ({anchor}) would not be enough")

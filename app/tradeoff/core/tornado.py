"""Tornado analysis: which score ranges move the winner's lead the most?

The lead is the winner's margin over the best of the other options (whoever
that is after the change, so a third-placed option that climbs counts). Each
cell with a low/high range is moved to its low end and to its high end, one at
a time, with every other score at its base value; the swing is the difference
between the two margins. Bars are sorted largest swing first. A margin below
zero means that end of the range alone would hand the lead to another option.

Reference: Clemen, R. T. & Reilly, T. (2014), *Making Hard Decisions*, 3rd ed.,
ch. 5 (tornado diagrams for one-way sensitivity).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tradeoff.core.model import DecisionMatrix, ScoreValue, WeightProfile
from tradeoff.core.scoring import competition_ranks, raw_matrix, value_matrix
from tradeoff.core.smaa_scores import cells_with_range
from tradeoff.core.values import value_function
from tradeoff.core.weights import normalised_weights


@dataclass(frozen=True)
class TornadoBar:
    """One cell's range and what its two ends do to the winner's margin."""

    option: str
    criterion: str
    low: ScoreValue
    high: ScoreValue
    margin_at_low: float
    margin_at_high: float

    @property
    def swing(self) -> float:
        return abs(self.margin_at_high - self.margin_at_low)

    @property
    def can_flip(self) -> bool:
        """True when one end of the range alone would cost the winner the lead."""
        return min(self.margin_at_low, self.margin_at_high) < 0


@dataclass
class Tornado:
    winner: str | None
    base_margin: float
    bars: list[TornadoBar]


def tornado(matrix: DecisionMatrix, profile: WeightProfile) -> Tornado:
    """Bars for every ranged cell of a ranked option, largest swing first."""
    raw = raw_matrix(matrix)
    values = value_matrix(matrix, raw)
    weights = normalised_weights(matrix, profile)
    totals = values @ weights
    ranked = ~np.isnan(totals)
    if ranked.sum() < 2:
        return Tornado(winner=None, base_margin=float("nan"), bars=[])
    winner = int(np.flatnonzero(competition_ranks(totals) == 1)[0])
    rows = np.flatnonzero(ranked).tolist()
    cells = cells_with_range(matrix, rows)
    option = np.array([rows[r] for r, _j, _s in cells], dtype=int)
    crit = np.array([j for _r, j, _s in cells], dtype=int)
    ends = [[s.low if s.low is not None else s.value for _r, _j, s in cells],
            [s.high if s.high is not None else s.value for _r, _j, s in cells]]
    margins = []
    for end in ends:
        moved = np.empty(len(cells))
        for j, c in enumerate(matrix.criteria):  # each criterion's value function at once
            at = np.flatnonzero(crit == j)
            if at.size:
                numbers = np.array([c.to_number(end[k]) for k in at.tolist()], dtype=float)
                moved[at] = value_function(c, numbers)
        shifted = totals[option] + weights[crit] * (moved - values[option, crit])
        margins.append(_margins_with(totals, winner, ranked, option, shifted))
    bars = [TornadoBar(matrix.options[int(i)].id, matrix.criteria[int(j)].id, low, high,
                       float(m_low), float(m_high))
            for i, j, low, high, m_low, m_high in zip(option, crit, ends[0], ends[1],
                                                      margins[0], margins[1], strict=True)]
    bars.sort(key=lambda b: -b.swing)
    return Tornado(winner=matrix.options[winner].id,
                   base_margin=_margin(totals, winner, ranked), bars=bars)


def _margin(totals: np.ndarray, winner: int, ranked: np.ndarray) -> float:
    others = ranked.copy()
    others[winner] = False
    return float(totals[winner] - totals[others].max())


def _margins_with(totals: np.ndarray, winner: int, ranked: np.ndarray, option: np.ndarray,
                  shifted: np.ndarray) -> np.ndarray:
    """The winner's margin (as :func:`_margin`) when one option's total at a time is
    changed: ``option[k]`` to ``shifted[k]``, the others as they are.

    Only the best and second best of the other options are needed: the best of the
    others after the change is the changed total or the best of the rest.
    """
    others = np.where(ranked, totals, -np.inf)
    others[winner] = -np.inf
    top = int(np.argmax(others))
    best = others[top]
    others[top] = -np.inf
    second = others.max()
    rest = np.where(option == top, second, best)  # the best of the others but the changed one
    return np.where(option == winner, shifted - best,
                    totals[winner] - np.maximum(shifted, rest))

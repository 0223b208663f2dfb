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
    bars: list[TornadoBar] = []
    for i, option in enumerate(matrix.options):
        if not ranked[i]:
            continue
        for j, crit in enumerate(matrix.criteria):
            s = matrix.score(option.id, crit.id)
            if not s.has_range or s.value is None:
                continue
            low = s.low if s.low is not None else s.value
            high = s.high if s.high is not None else s.value
            ends = []
            for end in (low, high):
                shifted = totals.copy()
                v = float(value_function(crit, crit.to_number(end)))
                shifted[i] += weights[j] * (v - values[i, j])
                ends.append(_margin(shifted, winner, ranked))
            bars.append(TornadoBar(option.id, crit.id, low, high, ends[0], ends[1]))
    bars.sort(key=lambda b: -b.swing)
    return Tornado(winner=matrix.options[winner].id,
                   base_margin=_margin(totals, winner, ranked), bars=bars)


def _margin(totals: np.ndarray, winner: int, ranked: np.ndarray) -> float:
    others = ranked.copy()
    others[winner] = False
    return float(totals[winner] - totals[others].max())

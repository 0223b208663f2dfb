"""Stakeholder comparison: the ranking under each weight profile, side by side.

Each profile stands for one stakeholder's (or one scenario's) view of what
matters. The comparison shows every option's rank and total under every
profile and flags where the profiles disagree: options whose rank differs,
profiles whose winner differs, and pairs of options that some profiles order
one way and others the other way.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.scoring import score

CONTEST_ELEMENTS = 4_000_000  # options × options × profiles compared at once


@dataclass(frozen=True)
class ContestedPair:
    """Two options that the profiles order differently."""

    first: str
    second: str
    first_ahead: tuple[str, ...]  # profile ids ranking ``first`` above ``second``
    second_ahead: tuple[str, ...]


@dataclass
class StakeholderComparison:
    """Ranks and totals (options × profiles) and where the profiles disagree.

    ``ranks`` and ``totals`` are indexed by option id (matrix order) with one
    column per profile id (matrix order). ``winners`` maps each profile id to
    the options it ranks first.
    """

    ranks: pd.DataFrame
    totals: pd.DataFrame
    winners: dict[str, tuple[str, ...]]
    contested: list[ContestedPair] = field(default_factory=list)

    @functools.cached_property
    def disagreeing_options(self) -> list[str]:
        """Options whose rank is not the same under every profile (worked out once: a
        table asks for each of its rows, and 10,000 rows asking anew took seconds)."""
        spread = self.ranks.max(axis=1) - self.ranks.min(axis=1)
        return [str(o) for o in self.ranks.index[spread.fillna(0) > 0]]

    @functools.cached_property
    def _disagreeing(self) -> frozenset[str]:
        return frozenset(self.disagreeing_options)

    @property
    def winner_agreed(self) -> bool:
        return len(set(self.winners.values())) <= 1

    def is_disagreement(self, option_id: str) -> bool:
        return option_id in self._disagreeing


def compare_profiles(matrix: DecisionMatrix,
                     profiles: list[WeightProfile] | None = None) -> StakeholderComparison:
    """Score the matrix under each profile (all of the matrix's by default)."""
    profiles = list(matrix.profiles if profiles is None else profiles)
    index = pd.Index([o.id for o in matrix.options], name="option")
    ranks = pd.DataFrame(index=index)
    totals = pd.DataFrame(index=index)
    winners: dict[str, tuple[str, ...]] = {}
    for p in profiles:
        result = score(matrix, p)
        ranks[p.id] = result.ranks.to_numpy()
        totals[p.id] = result.totals.to_numpy()
        winners[p.id] = tuple(str(o) for o in result.ranks.index[result.ranks == 1])
    return StakeholderComparison(ranks=ranks, totals=totals, winners=winners,
                                 contested=_contested_pairs(ranks))


def _contested_pairs(ranks: pd.DataFrame) -> list[ContestedPair]:
    """Pairs of options that some profile ranks one way and another the other way.

    Compared a block of rows at a time as arrays (options × options × profiles),
    so a thousand options take a moment, not a minute. A missing rank (NaN)
    compares as neither ahead nor behind.
    """
    values = ranks.to_numpy(dtype=float)
    ids = [str(o) for o in ranks.index]
    profiles = [str(p) for p in ranks.columns]
    n = len(ids)
    block = max(1, CONTEST_ELEMENTS // max(n * max(len(profiles), 1), 1))
    pairs: list[ContestedPair] = []
    for start in range(0, n, block):
        rows = values[start:start + block, None, :]
        ahead = rows < values[None, :, :]  # [i, k, p]: profile p ranks i above k
        behind = rows > values[None, :, :]
        contested = ahead.any(axis=2) & behind.any(axis=2)
        for i, k in zip(*np.nonzero(contested), strict=True):
            a = start + int(i)
            if int(k) <= a:
                continue  # each pair once, in matrix order
            pairs.append(ContestedPair(
                ids[a], ids[int(k)],
                tuple(p for p, on in zip(profiles, ahead[i, k], strict=True) if on),
                tuple(p for p, on in zip(profiles, behind[i, k], strict=True) if on)))
    return pairs

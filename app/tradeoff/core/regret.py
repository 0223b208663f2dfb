"""Regret across scenarios: which option is safest when we do not know the world?

Given the total of every option in every scenario (an options × scenarios
table), the *regret* of option ``o`` in scenario ``s`` is how much better the
best option in ``s`` does than ``o``:

    regret[o, s] = max_k total[k, s] − total[o, s]

An option's *maximum regret* is its worst regret over the scenarios, and the
*minimax-regret* choice is the option (or options, on a tie) whose maximum
regret is smallest — Savage's criterion (Savage, L. J. (1951), "The theory of
statistical decision", JASA 46(253), 55–67), the robustness measure of
robust decision making (Lempert, R. J., Popper, S. W. & Bankes, S. C. (2003),
*Shaping the Next One Hundred Years*, RAND MR-1626, ch. 5). With a
probability for each scenario, the expected total is Σ p_s × total[o, s].

Options with no total in some scenario (a missing score) get no regret there
and take no part in the best total or the minimax choice. Totals equal to
12 decimals count as equal, as in the ranking.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tradeoff.core.scoring import RANK_DECIMALS


def regret_table(totals: pd.DataFrame) -> pd.DataFrame:
    """Regret of each option (rows) in each scenario (columns); NaN where a total is."""
    best = totals.max(axis=0, skipna=True)
    regret = best - totals
    # 1e-15 below the best is the best: rounding, not a loss
    return regret.where(regret.round(RANK_DECIMALS) != 0, 0.0).where(totals.notna())


def max_regret(regret: pd.DataFrame) -> pd.Series:
    """Each option's largest regret over the scenarios; NaN if any regret is missing."""
    if regret.shape[1] == 0:
        return pd.Series(np.nan, index=regret.index, dtype=float)
    return regret.max(axis=1, skipna=False)


def minimax_regret(max_regrets: pd.Series) -> list[str]:
    """The option ids with the smallest maximum regret (several on a tie), in row order."""
    known = max_regrets.dropna()
    if known.empty:
        return []
    rounded = known.round(RANK_DECIMALS)
    return [str(o) for o in known.index[rounded == rounded.min()]]


def expected_totals(totals: pd.DataFrame, probabilities: pd.Series) -> pd.Series:
    """Σ probability × total per option; NaN where any total is missing."""
    p = probabilities.reindex(totals.columns).to_numpy(dtype=float)
    return pd.Series(totals.to_numpy(dtype=float) @ p, index=totals.index, dtype=float)

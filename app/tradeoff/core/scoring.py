"""The additive value model (MAVT): total = Σ normalised weight × value.

Scoring is a pure function of the matrix and a weight profile. The value
matrix does not depend on the weights, so callers that re-weight many times
(sliders, Monte Carlo) compute it once with :func:`value_matrix` and call
:func:`additive_totals`.

Reference: Keeney, R. L. & Raiffa, H. (1976), *Decisions with Multiple
Objectives*, ch. 3; Belton, V. & Stewart, T. J. (2002), *Multiple Criteria
Decision Analysis: An Integrated Approach*, ch. 5.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.values import outside_scale, value_function
from tradeoff.core.weights import normalised_weights

RANK_DECIMALS = 12  # totals equal to 12 decimals are a tie, not a rounding accident


@dataclass(frozen=True)
class ScoringIssue:
    """Something scoring noticed: a missing score or one outside the scale."""

    kind: str  # "missing" | "outside-scale"
    option: str
    criterion: str
    message: str


@dataclass
class ScoreResult:
    """Scores of every option under one profile.

    ``table`` has one row per option (index: option id, in matrix order) and
    columns ``("value", c)`` and ``("contribution", c)`` for every criterion
    id ``c``, then ``("name", "")``, ``("total", "")``, ``("rank", "")`` and
    ``("margin", "")``. Options with a missing score get no total and no rank.
    """

    table: pd.DataFrame
    weights: pd.Series
    profile: str
    method: str = "additive value model"
    issues: list[ScoringIssue] = field(default_factory=list)

    @property
    def totals(self) -> pd.Series:
        return self.table[("total", "")]

    @property
    def ranks(self) -> pd.Series:
        return self.table[("rank", "")]

    def ranking(self) -> pd.DataFrame:
        """Rank, option name, total and margin, best first (unranked last)."""
        t = self.table
        out = pd.DataFrame({
            "rank": t[("rank", "")], "option": t[("name", "")],
            "total": t[("total", "")], "margin": t[("margin", "")],
        }, index=t.index.rename("id"))
        return out.sort_values(["rank", "option"], na_position="last", kind="stable")

    def contributions(self) -> pd.DataFrame:
        return self._block("contribution")

    def values(self) -> pd.DataFrame:
        return self._block("value")

    def _block(self, name: str) -> pd.DataFrame:
        # A matrix with no criteria has no columns under the name at all.
        if name not in self.table.columns.get_level_values(0):
            return pd.DataFrame(index=self.table.index)
        return self.table[name]

    @property
    def winner(self) -> str | None:
        r = self.ranks.dropna()
        return None if r.empty else str(r.idxmin())


def raw_matrix(matrix: DecisionMatrix) -> np.ndarray:
    """Scores as numbers (level positions for level scales), NaN where missing."""
    out = np.full((len(matrix.options), len(matrix.criteria)), np.nan)
    col = {c.id: j for j, c in enumerate(matrix.criteria)}
    row = {o.id: i for i, o in enumerate(matrix.options)}
    for (oid, cid), s in matrix.scores.items():
        if s.value is None or oid not in row or cid not in col:
            continue
        j = col[cid]
        try:
            out[row[oid], j] = matrix.criteria[j].to_number(s.value)
        except (KeyError, TypeError, ValueError):
            pass  # an unknown level stays missing and is reported as such
    return out


def value_matrix(matrix: DecisionMatrix, raw: np.ndarray | None = None) -> np.ndarray:
    """Values 0..1 for every cell (beyond 0..1 for out-of-scale scores, NaN if missing)."""
    raw = raw_matrix(matrix) if raw is None else raw
    out = np.empty_like(raw, dtype=float)
    for j, c in enumerate(matrix.criteria):
        out[:, j] = value_function(c, raw[:, j])
    return out


def additive_totals(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Σ weight × value per row. NaN where any value is missing."""
    return values @ weights


def competition_ranks(totals: np.ndarray) -> np.ndarray:
    """Ranks, 1 = best; ties share the better rank (1, 1, 3); NaN totals get NaN."""
    t = np.round(np.asarray(totals, dtype=float), RANK_DECIMALS)
    ranks = np.full(t.shape, np.nan)
    ok = ~np.isnan(t)
    tv = t[ok]
    # rank = 1 + the number of options strictly better
    ranks[ok] = np.searchsorted(np.sort(-tv), -tv, side="left") + 1
    return ranks


def margins(totals: np.ndarray) -> np.ndarray:
    """Each option's lead over the option ranked just below it (NaN for the last)."""
    t = np.asarray(totals, dtype=float)
    out = np.full(t.shape, np.nan)
    ok = np.flatnonzero(~np.isnan(t))
    if ok.size < 2:
        return out
    order = ok[np.argsort(-t[ok], kind="stable")]
    out[order[:-1]] = t[order[:-1]] - t[order[1:]]
    return out


def find_issues(matrix: DecisionMatrix, raw: np.ndarray) -> list[ScoringIssue]:
    issues: list[ScoringIssue] = []
    missing = np.isnan(raw)
    for i, j in zip(*np.nonzero(missing), strict=True):
        o, c = matrix.options[i], matrix.criteria[j]
        issues.append(ScoringIssue("missing", o.id, c.id,
                                   f"{o.name} has no score on {c.name}"))
    for j, c in enumerate(matrix.criteria):
        for i in np.flatnonzero(outside_scale(c, raw[:, j])):
            o = matrix.options[i]
            issues.append(ScoringIssue(
                "outside-scale", o.id, c.id,
                f"{o.name} scores {c.format_value(raw[i, j])} on {c.name}, outside the scale "
                f"{c.format_value(c.worst)} (worst) … {c.format_value(c.best)} (best)"))
    return issues


def score(matrix: DecisionMatrix, profile: WeightProfile | str | None = None,
          raw: np.ndarray | None = None) -> ScoreResult:
    """Score every option with the additive value model under ``profile``.

    ``profile`` may be a profile, its id, or None for the active profile.
    ``raw`` (options × criteria numbers, as :func:`raw_matrix` returns) may be
    passed by callers that already hold it. Raises
    :class:`~tradeoff.core.errors.WeightError` for unusable weights.
    """
    if not isinstance(profile, WeightProfile):
        profile = matrix.profile(profile)
    raw = raw_matrix(matrix) if raw is None else raw
    weights = normalised_weights(matrix, profile)
    values = value_matrix(matrix, raw)
    contributions = values * weights
    # The total is the row sum of the very contributions shown, so they add up exactly.
    totals = contributions.sum(axis=1)
    return ScoreResult(
        table=result_table(matrix, values, contributions, totals),
        weights=pd.Series(weights, index=[c.id for c in matrix.criteria], name="weight"),
        profile=profile.id,
        issues=find_issues(matrix, raw),
    )


def result_table(matrix: DecisionMatrix, values: np.ndarray, contributions: np.ndarray,
                 totals: np.ndarray) -> pd.DataFrame:
    """The standard result DataFrame shared by every scoring method."""
    crit_ids = [c.id for c in matrix.criteria]
    index = pd.Index([o.id for o in matrix.options], name="option")
    blocks = [
        pd.DataFrame(values, index=index,
                     columns=pd.MultiIndex.from_product([["value"], crit_ids])),
        pd.DataFrame(contributions, index=index,
                     columns=pd.MultiIndex.from_product([["contribution"], crit_ids])),
        pd.DataFrame({("name", ""): [o.name for o in matrix.options],
                      ("total", ""): totals,
                      ("rank", ""): competition_ranks(totals),
                      ("margin", ""): margins(totals)}, index=index),
    ]
    return pd.concat(blocks, axis=1)

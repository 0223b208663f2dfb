"""What every cross-check method shares: its inputs, its result type, its edge-case rules.

The cross-check methods (weighted product, TOPSIS, VIKOR, PROMETHEE II) read
the *raw* scores (numbers; level positions for level scales) and each
criterion's direction, not the value functions of the primary model, and they
normalise the data by the spread of the options actually in the matrix.

Rules shared by all of them, stated once here:

* **Missing scores.** An option with any missing score is left out of the
  calculation (no total, no rank), exactly as the additive model leaves it
  unranked; a ``missing`` issue names every empty cell. The others are scored
  among themselves, because a data-driven normalisation cannot be computed
  over a column with holes.
* **Constant criteria.** A criterion on which every scored option has the same
  score cannot separate them; a ``constant`` issue says so and the method lets
  it contribute nothing (see each method for what that means).
* **Ties** share the better rank (1, 1, 3), as in the primary model.
* **A single option** ranks first; each method documents its score.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from tradeoff.core.model import DecisionMatrix, Direction, WeightProfile
from tradeoff.core.scoring import (
    ScoreResult,
    ScoringIssue,
    column_extremes,
    raw_matrix,
    result_table,
)
from tradeoff.core.weights import normalised_weights


@dataclass
class MethodResult(ScoreResult):
    """A :class:`ScoreResult` from a cross-check method.

    The ``table`` has the primary model's shape: ``("value", c)`` holds the
    method's normalised value of each cell, ``("contribution", c)`` the
    weighted term it adds, ``("total", "")`` the method's score and
    ``("rank", "")`` the rank (1 = best, whichever way the score runs).
    ``details`` holds further per-option figures (distances, S/R/Q, flows),
    ``extras`` method-specific findings such as VIKOR's compromise conditions.
    """

    key: str = ""
    normalisation: str = ""
    higher_is_better: bool = True
    details: pd.DataFrame = field(default_factory=pd.DataFrame)
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class MethodInputs:
    """The raw scores and weights a method works on, with the rows it may use."""

    matrix: DecisionMatrix
    profile: WeightProfile
    raw: np.ndarray          # options × criteria, NaN where missing
    weights: np.ndarray      # normalised hierarchical weights, summing to 1
    benefit: np.ndarray      # True where more is better
    complete: np.ndarray     # True for options with every score present
    issues: list[ScoringIssue]

    @cached_property
    def scored(self) -> np.ndarray:
        """The raw scores of the options the method can score (complete rows); the
        raw array itself when every option is complete. Read only: a method that
        changes scores works on a copy."""
        return self.raw if self.complete.all() else self.raw[self.complete]

    @cached_property
    def extremes(self) -> tuple[np.ndarray, np.ndarray]:
        """Each criterion's smallest and largest score among the scored options
        (read in one pass, for the methods and the constant-criterion check alike)."""
        return column_extremes(self.scored)

    def criterion_name(self, j: int) -> str:
        return self.matrix.criteria[j].name

    def cell_text(self, row: int, j: int) -> str:
        """A raw score as the user typed it (level name for level scales)."""
        c = self.matrix.criteria[j]
        x = float(self.raw[row, j])
        name = c.level_at(x) if c.is_level_scale else None
        return name if name is not None else c.format_value(x)


def method_inputs(matrix: DecisionMatrix, profile: WeightProfile | str | None,
                  method_name: str) -> MethodInputs:
    """Gather the raw scores, weights and directions; note missing and constant data."""
    if not isinstance(profile, WeightProfile):
        profile = matrix.profile(profile)
    raw = raw_matrix(matrix)
    weights = normalised_weights(matrix, profile)
    benefit = np.array([c.direction is Direction.BENEFIT for c in matrix.criteria], dtype=bool)
    issues: list[ScoringIssue] = []
    # A row's sum is NaN if any of its cells is (or on overflow, when the exact scan
    # finds nothing): one pass over the scores, and the cells are looked for only then.
    complete = ~np.isnan(np.add.reduce(raw, axis=1)) if raw.size else np.ones(len(raw), bool)
    if not complete.all():
        holes = np.isnan(raw)
        complete = ~holes.any(axis=1)
        for i, j in zip(*np.nonzero(holes), strict=True):
            o, c = matrix.options[i], matrix.criteria[j]
            issues.append(ScoringIssue(
                "missing", o.id, c.id,
                f"{o.name} has no score on {c.name}, so {method_name} leaves {o.name} unranked"))
    inputs = MethodInputs(matrix, profile, raw, weights, benefit, complete, issues)
    if complete.sum() > 1:
        low, high = inputs.extremes
        constant = low == high  # no missing scores here, so every score equals the first
        for j in np.flatnonzero(constant).tolist():
            c = matrix.criteria[j]
            issues.append(ScoringIssue(
                "constant", "", c.id,
                f"every option scores {inputs.cell_text(int(np.flatnonzero(complete)[0]), j)}"
                f" on {c.name}, so it cannot separate them under {method_name}"))
    return inputs


def scatter(inputs: MethodInputs, block: np.ndarray) -> np.ndarray:
    """Put per-scored-option rows back at their places among all options (NaN elsewhere)."""
    if inputs.complete.all():
        return block  # every option scored: the rows are already in place
    shape = (len(inputs.complete), *block.shape[1:])
    out = np.full(shape, np.nan)
    out[inputs.complete] = block
    return out


def build_result(inputs: MethodInputs, *, key: str, method: str, normalisation: str,
                 values: np.ndarray, contributions: np.ndarray, totals: np.ndarray,
                 higher_is_better: bool = True, details: dict[str, np.ndarray] | None = None,
                 extras: dict[str, Any] | None = None) -> MethodResult:
    """Assemble the standard result table from per-scored-option arrays.

    When lower totals are better (VIKOR's Q), the ranks and margins are taken
    on the negated totals, so rank 1 is still the best option and a margin is
    still the lead over the option ranked next.
    """
    values, contributions, totals = (scatter(inputs, a) for a in (values, contributions, totals))
    table = result_table(inputs.matrix, values, contributions, totals, higher_is_better)
    index = table.index
    details = details or {}
    if details:
        # The figures as the columns of one block: a frame from a dict of columns
        # is put together column by column.
        block = np.empty((len(index), len(details)))
        for j, v in enumerate(details.values()):
            block[:, j] = scatter(inputs, v)
        detail_frame = pd.DataFrame(block, index=index, columns=_detail_columns(tuple(details)),
                                    copy=False)
    else:
        detail_frame = pd.DataFrame(index=index)
    crit_ids = tuple(c.id for c in inputs.matrix.criteria)
    return MethodResult(
        table=table,
        # An index of its own (sharing the cached one's data), so renaming it renames no other.
        weights=pd.Series(inputs.weights, index=_criterion_index(crit_ids).copy(),
                          name="weight"),
        profile=inputs.profile.id,
        method=method,
        issues=list(inputs.issues),
        key=key,
        normalisation=normalisation,
        higher_is_better=higher_is_better,
        details=detail_frame,
        extras=dict(extras or {}),
    )


@functools.lru_cache(maxsize=64)
def _criterion_index(crit_ids: tuple[str, ...]) -> pd.Index:
    """The criterion ids as a pandas index (made once per set of criteria)."""
    return pd.Index(list(crit_ids))


@functools.lru_cache(maxsize=16)
def _detail_columns(names: tuple[str, ...]) -> pd.Index:
    return pd.Index(list(names))

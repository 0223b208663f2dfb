"""Screening: must-have thresholds that take options off the table.

A criterion may carry ``must_reach`` (a score on its scale, or a level name):
an option whose score is *worse* than that — below it on a benefit
criterion, above it on a cost criterion — is screened out. Screened options
stay in the matrix (the grid still shows them) but leave the ranking, the
cross-checks, the Monte Carlo and the exported ranking: callers score
:func:`without_screened` instead of the whole matrix.

A missing score is not screened (nothing says it fails); scoring already
reports it and gives the option no rank. Score ranges are not used: the
threshold is judged on the score itself, the analyst's best estimate.

Pure functions of the matrix; nothing here is cached.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from tradeoff.core.model import Criterion, DecisionMatrix, ScoreValue
from tradeoff.core.scoring import raw_matrix


@dataclass(frozen=True)
class ScreenedOut:
    """One option failing one must-have: its score is worse than the threshold."""

    option: str  # option id
    criterion: str  # criterion id
    score: ScoreValue  # the option's score, as written (a number or a level name)
    threshold: ScoreValue  # the criterion's must_reach, as written

    def describe(self, matrix: DecisionMatrix) -> str:
        """``Holding pattern scores 2 on Leverage, worse than the required 4``."""
        c = matrix.criterion(self.criterion)
        word = "below" if c.best > c.worst else "above"
        return (f"{matrix.option(self.option).name} scores {c.format_value(self.score)} on "
                f"{c.name}, {word} the required {c.format_value(self.threshold)}")


def fails(criterion: Criterion, x: np.ndarray | float) -> np.ndarray:
    """True where raw scores ``x`` are worse than the criterion's threshold.

    Always False when the criterion has no threshold, and for missing (NaN) scores.
    """
    xs = np.asarray(x, dtype=float)
    if criterion.must_reach is None:
        return np.zeros(xs.shape, dtype=bool)
    threshold = criterion.to_number(criterion.must_reach)
    with np.errstate(invalid="ignore"):
        if criterion.best > criterion.worst:
            return xs < threshold
        return xs > threshold


def screen(matrix: DecisionMatrix, raw: np.ndarray | None = None) -> list[ScreenedOut]:
    """Every (option, criterion) pair where the option fails a must-have, in matrix order.

    An option failing two thresholds appears twice, once per criterion.
    """
    thresholds = [(j, c) for j, c in enumerate(matrix.criteria) if c.must_reach is not None]
    if not thresholds:
        return []
    raw = raw_matrix(matrix) if raw is None else raw
    out: list[ScreenedOut] = []
    failing = {j: fails(c, raw[:, j]) for j, c in thresholds}
    for i, o in enumerate(matrix.options):
        for j, c in thresholds:
            if failing[j][i]:
                out.append(ScreenedOut(o.id, c.id, matrix.score(o.id, c.id).value,
                                       c.must_reach))
    return out


def screened_ids(matrix: DecisionMatrix, raw: np.ndarray | None = None) -> set[str]:
    """Ids of the options that fail at least one must-have."""
    return {s.option for s in screen(matrix, raw)}


def reasons_by_option(matrix: DecisionMatrix,
                      raw: np.ndarray | None = None) -> dict[str, list[ScreenedOut]]:
    """The failures of each screened option (options that pass are absent)."""
    out: dict[str, list[ScreenedOut]] = {}
    for s in screen(matrix, raw):
        out.setdefault(s.option, []).append(s)
    return out


def without_screened(matrix: DecisionMatrix) -> DecisionMatrix:
    """The matrix with the screened options left out (the same matrix when none is).

    Criteria and profiles are shared and the scores are a copy, so it is for
    reading (scoring, analyses, export), never for editing.
    """
    gone = screened_ids(matrix)
    if not gone:
        return matrix
    changes = {"options": [o for o in matrix.options if o.id not in gone],
               "scores": matrix.scores.without_options(gone)}
    if getattr(matrix, "scenarios", None):  # their overrides of screened options go too
        changes["scenarios"] = [replace(sc, scores={k: s for k, s in sc.scores.items()
                                                    if k[0] not in gone})
                                for sc in matrix.scenarios]
    return replace(matrix, **changes)

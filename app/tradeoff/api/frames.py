"""Tables of the core's results as pandas objects labelled by display names.

Options and criteria are labelled by name; a name two of them share is
followed by the id (``Alpha (a2)``), as in the command line's JSON, so no
row or column is lost.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from tradeoff.api.errors import MatrixError
from tradeoff.commands.common import unique_names
from tradeoff.core.model import DecisionMatrix
from tradeoff.core.scoring import ScoreResult


def option_labels(matrix: DecisionMatrix) -> list[str]:
    names = unique_names(matrix.options)
    return [names[o.id] for o in matrix.options]


def criterion_labels(matrix: DecisionMatrix) -> list[str]:
    names = unique_names(matrix.criteria)
    return [names[c.id] for c in matrix.criteria]


def _index(matrix: DecisionMatrix) -> pd.Index:
    return pd.Index(option_labels(matrix), name="option")


def _columns(matrix: DecisionMatrix) -> pd.Index:
    return pd.Index(criterion_labels(matrix), name="criterion")


def scores_frame(matrix: DecisionMatrix) -> pd.DataFrame:
    """Options × criteria: each score in its own units, or its level name; NaN if missing."""
    data: dict[str, list[Any]] = {}
    for c, label in zip(matrix.criteria, criterion_labels(matrix), strict=True):
        cells = [matrix.score(o.id, c.id).value for o in matrix.options]
        data[label] = [np.nan if v is None else v for v in cells]
    frame = pd.DataFrame(data, index=_index(matrix))
    frame.columns.name = "criterion"
    return frame


def values_frame(matrix: DecisionMatrix, values: np.ndarray) -> pd.DataFrame:
    """Options × criteria values, 0 at each scale's worst anchor and 1 at its best."""
    return pd.DataFrame(values, index=_index(matrix), columns=_columns(matrix))


def weights_series(matrix: DecisionMatrix, weights: np.ndarray) -> pd.Series:
    return pd.Series(weights, index=_columns(matrix), name="weight")


def score_frame(matrix: DecisionMatrix, result: ScoreResult) -> pd.DataFrame:
    """Best first: ``total``, ``rank`` (ties share one), ``margin`` over the next option,
    then each criterion's contribution to the total (additive value model only)."""
    labels = dict(zip((o.id for o in matrix.options), option_labels(matrix), strict=True))
    ranking = result.ranking()
    frame = pd.DataFrame({
        "total": ranking["total"].astype(float),
        "rank": ranking["rank"].astype("Int64"),
        "margin": ranking["margin"].astype(float),
    })
    contributions = result.contributions()
    crit_labels = dict(zip((c.id for c in matrix.criteria), criterion_labels(matrix),
                           strict=True))
    for cid in contributions.columns:
        frame[crit_labels[cid]] = contributions[cid].reindex(ranking.index).astype(float)
    frame.index = pd.Index([labels[oid] for oid in ranking.index], name="option")
    return frame


def frame_rows(frame: pd.DataFrame, settings: dict[str, Mapping[str, Any] | None]
               ) -> list[list[object]]:
    """A DataFrame (options × criteria) as the rows of a plain sheet, with the setting
    rows (``weight``, ``direction``, ``worst``, ``best``, ``unit``) the importer reads."""
    columns = [str(c) for c in frame.columns]
    if not columns:
        raise MatrixError("the DataFrame has no columns: give one column per criterion")
    rows: list[list[object]] = [["option", *columns]]
    for key, given in settings.items():
        if not given:
            continue
        unknown = [str(k) for k in given if str(k) not in columns]
        if unknown:
            raise MatrixError(f"{key}: no column named {unknown[0]!r} (columns: "
                              f"{', '.join(columns)})")
        rows.append([key, *[_cell(given.get(c)) for c in columns]])
    for option, row in frame.iterrows():
        cells = []
        for column, value in zip(columns, row.tolist(), strict=True):
            cell = _cell(value)
            if cell is not None and not isinstance(cell, int | float):
                raise MatrixError(f"scores[{str(option)!r}, {column!r}]: {value!r} is not a "
                                  "number (from_frame reads numeric scales)")
            cells.append(cell)
        rows.append([str(option), *cells])
    return rows


def _cell(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, bool):
        return str(value)  # a flag is not a score
    return value

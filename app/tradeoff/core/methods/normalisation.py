"""Data-driven normalisations used by the cross-check methods.

Each one rescales every criterion column by the spread of the scores in the
matrix, keeping its direction (a higher score stays higher); the methods then
treat cost criteria by where they put the ideal. Unlike the primary model's
anchored value functions, these depend on which options are present, which is
why the one in use is always named next to the results.

* ``vector``: x / √Σx² (Hwang & Yoon 1981, the classic TOPSIS normalisation)
* ``minmax``: (x − min) / (max − min)
* ``sum``:    x / Σx        (needs scores ≥ 0 with a positive total)
* ``max``:    x / max       (needs scores ≥ 0 with a positive maximum)

A column that cannot be rescaled because it has no spread (min–max on a
constant column, vector on an all-zero column) becomes all zeros: it then
adds nothing to any distance or sum, which is what a criterion that cannot
separate the options should do.
"""

from __future__ import annotations

import numpy as np

from tradeoff.core.errors import TradeoffError

NORMALISATIONS: dict[str, str] = {
    "vector": "vector (x / √Σx²)",
    "minmax": "min–max ((x − min) / (max − min))",
    "sum": "sum (x / Σx)",
    "max": "x / max",
}


def normalisation_label(key: str) -> str:
    return NORMALISATIONS.get(key, key)


def normalise(x: np.ndarray, how: str, criterion_names: list[str]) -> np.ndarray:
    """Rescale each column of ``x`` (options × criteria, no NaN) by ``how``.

    Raises :class:`TradeoffError` naming the criterion when ``sum`` or ``max``
    meet negative scores, whose ratios would mean nothing.
    """
    if how not in NORMALISATIONS:
        raise TradeoffError(f"unknown normalisation {how!r} (choose from "
                            f"{', '.join(NORMALISATIONS)})")
    x = np.asarray(x, dtype=float)
    if how == "vector":
        return _vector(x)
    out = np.zeros_like(x)
    for j in range(x.shape[1]):
        col = x[:, j]
        if col.size == 0:
            continue
        if how == "minmax":
            low, high = float(col.min()), float(col.max())
            out[:, j] = (col - low) / (high - low) if high > low else 0.0
        else:
            if col.min() < 0:
                raise TradeoffError(
                    f"the {normalisation_label(how)} normalisation needs scores of zero or more, "
                    f"but {criterion_names[j]} has {col.min():g}; choose vector or min–max")
            peak = float(col.max())
            scaled = col / peak if how == "sum" and peak > 0 else col  # a sum cannot overflow
            scale = float(scaled.sum() if how == "sum" else peak)
            out[:, j] = scaled / scale if scale > 0 else 0.0
    return out


def _vector(x: np.ndarray) -> np.ndarray:
    """x / √Σx² down each column, all columns at once.

    Each column is divided by its largest |x| first, so that squares of huge
    scores cannot overflow (an infinite norm would quietly zero the whole
    column). The columns are laid out as contiguous rows while they are worked
    on, so each one's squares are added exactly as a column on its own adds
    them (pairwise, in order), and the result is C-ordered again, as the
    methods' row sums expect.
    """
    if x.size == 0:
        return np.zeros_like(x)
    columns = np.ascontiguousarray(x.T)
    peak = np.abs(columns).max(axis=1, keepdims=True)
    # A column without a positive peak is left as it is (divided by 1).
    scaled = columns / np.where(peak > 0, peak, 1.0)
    scale = np.sqrt(np.add.reduce(scaled * scaled, axis=1, keepdims=True))
    usable = scale > 0
    out = scaled / np.where(usable, scale, 1.0)
    out[~usable[:, 0]] = 0.0  # no spread to rescale by: the column adds nothing
    return np.ascontiguousarray(out.T)

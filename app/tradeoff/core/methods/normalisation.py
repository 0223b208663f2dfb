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
    out = np.zeros_like(x)
    for j in range(x.shape[1]):
        col = x[:, j]
        if col.size == 0:
            continue
        if how == "vector":
            # Divided by the largest |x| first so that squares of huge scores cannot
            # overflow (an infinite norm would quietly zero the whole column).
            peak = float(np.abs(col).max())
            scaled = col / peak if peak > 0 else col
            scale = float(np.sqrt(np.sum(scaled * scaled)))
            out[:, j] = scaled / scale if scale > 0 else 0.0
        elif how == "minmax":
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

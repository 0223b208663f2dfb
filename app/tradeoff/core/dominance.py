"""Dominance: options that another option beats on every criterion.

Option *a* is dominated by *b* when *b* is at least as good as *a* on every
criterion and strictly better on at least one. "Good" is judged on values
(each criterion's value function applied to the score), so a cost criterion's
direction and a non-linear value function count, and no weights are needed:
a dominated option can never do better than its dominator, whatever the
weights.

With score ranges (``low``/``high``), *a* is dominated *for certain* by *b*
when *a*'s best case is no better than *b*'s worst case on every criterion,
and worse on at least one: wherever in their ranges the true scores lie,
*b* is at least as good. Without ranges this is plain dominance, so one
definition serves both; :func:`dominance` reports it, and
:func:`dominated_by_values` judges plain values (used, for example, to prune
competitors before a linear programme).

Options with a missing score neither dominate nor are dominated (their
standing is unknown). Values equal to 12 decimals count as equal, as totals
do in the ranking.

Reference: Belton, V. & Stewart, T. J. (2002), *Multiple Criteria Decision
Analysis: An Integrated Approach*, §4.2 (dominance); Keeney & Raiffa (1976) §3.
"""

from __future__ import annotations

import numpy as np

from tradeoff.core.model import DecisionMatrix
from tradeoff.core.scoring import RANK_DECIMALS, raw_matrix, value_matrix
from tradeoff.core.values import value_function

TOLERANCE = 10.0 ** -RANK_DECIMALS
BLOCK_ELEMENTS = 2_000_000


def value_bounds(matrix: DecisionMatrix) -> tuple[np.ndarray, np.ndarray]:
    """Worst-case and best-case values per cell (options × criteria).

    A cell without a range has both equal to its value; NaN where missing.
    """
    values = value_matrix(matrix)
    worst, best = values.copy(), values.copy()
    col = {c.id: j for j, c in enumerate(matrix.criteria)}
    row = {o.id: i for i, o in enumerate(matrix.options)}
    for oid, cid in matrix.scores.detailed_keys():  # only these can have a range
        s = matrix.scores[(oid, cid)]
        if not s.has_range or s.value is None or oid not in row or cid not in col:
            continue
        i, j = row[oid], col[cid]
        c = matrix.criteria[j]
        ends = []
        for end in (s.low, s.value, s.high):
            try:
                ends.append(float(value_function(c, c.to_number(end))) if end is not None
                            else values[i, j])
            except (KeyError, TypeError, ValueError):
                ends.append(np.nan)
        worst[i, j], best[i, j] = min(ends), max(ends)
    return worst, best


def dominance_matrix(worst: np.ndarray, best: np.ndarray) -> np.ndarray:
    """``D[a, b]`` is True when option ``b`` dominates option ``a`` for certain.

    ``worst``/``best`` are per-cell value bounds (pass the same array twice
    for plain values). Rows with a NaN take no part.
    """
    worst, best = np.asarray(worst, float), np.asarray(best, float)
    n = worst.shape[0]
    complete = ~np.isnan(worst).any(axis=1) & ~np.isnan(best).any(axis=1)
    out = np.zeros((n, n), dtype=bool)
    idx = np.flatnonzero(complete)
    if idx.size < 2:
        return out
    hi, lo = best[idx], worst[idx]
    sub = np.empty((idx.size, idx.size), dtype=bool)
    # Sliced over a so the (a, b, criterion) block stays small for 1,000s of options.
    step = max(1, BLOCK_ELEMENTS // max(1, idx.size * hi.shape[1]))
    for start in range(0, idx.size, step):
        # gap[a, b, j] = b's worst case minus a's best case: b is surely no worse where ≥ 0
        gap = lo[None, :, :] - hi[start:start + step, None, :]
        sub[start:start + step] = ((gap >= -TOLERANCE).all(axis=2)
                                   & (gap > TOLERANCE).any(axis=2))
    np.fill_diagonal(sub, False)
    out[np.ix_(idx, idx)] = sub
    return out


def dominated_by_values(values: np.ndarray) -> np.ndarray:
    """True for each row that some other row dominates (plain values, no ranges)."""
    return dominance_matrix(values, values).any(axis=1)


def dominance(matrix: DecisionMatrix, option_ids: list[str] | None = None
              ) -> dict[str, list[str]]:
    """For each option id, the ids of the options that dominate it (for certain).

    ``option_ids`` restricts the comparison to those options (for example the
    ones screening leaves on the table); by default every option takes part.
    Lists follow matrix order; an undominated option maps to an empty list.
    """
    worst, best = value_bounds(matrix)
    ids = [o.id for o in matrix.options]
    keep = list(range(len(ids))) if option_ids is None else \
        [i for i, oid in enumerate(ids) if oid in set(option_ids)]
    d = dominance_matrix(worst[keep], best[keep])
    kept = [ids[i] for i in keep]
    return {a: [kept[b] for b in np.flatnonzero(d[k])] for k, a in enumerate(kept)}


def raw_dominance(matrix: DecisionMatrix) -> dict[str, list[str]]:
    """Dominance on the scores themselves, ranges ignored (the point estimates)."""
    values = value_matrix(matrix, raw_matrix(matrix))
    d = dominance_matrix(values, values)
    ids = [o.id for o in matrix.options]
    return {a: [ids[b] for b in np.flatnonzero(d[i])] for i, a in enumerate(ids)}

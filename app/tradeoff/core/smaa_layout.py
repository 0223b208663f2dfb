"""Where the uncertain cells sit, for adding their drawn changes to the options' totals.

Kept apart from :mod:`tradeoff.core.smaa`, which drives the run, and
:mod:`tradeoff.core.smaa_confidence`, which judges each option at its central
weights: both add drawn value changes (draws, cells) to totals through this.
"""

from __future__ import annotations

import numpy as np

from tradeoff.core.smaa_scores import ScoreRanges


class CellLayout:
    """Where the uncertain cells sit in a dense (options with a range × criteria) block.

    With the drawn value changes laid out densely, the change in every
    option's total is one batched matrix product with the weights instead of
    a gather, a multiply and a segmented sum over the cells. With few ranged
    cells per option the dense block would be mostly zeros, so the change is
    summed criterion by criterion straight from the cells instead (an option
    has at most one cell per criterion, so no two of a criterion's cells add
    into the same option).
    """

    def __init__(self, ranges: ScoreRanges, options: int, criteria: int) -> None:
        self.rows, slot = np.unique(ranges.option, return_inverse=True)
        self.criteria = criteria
        self.flat = slot * criteria + ranges.criterion
        # cells come option by option and criterion by criterion: a full grid needs no scatter
        self.full = ranges.count == self.rows.size * criteria
        self.every_option = self.rows.size == options
        # Few ranged cells per option (one in seven, say): a dense block would be
        # mostly zeros, so the change is summed per option straight from the cells.
        self.sparse = ranges.count * 2 < self.rows.size * criteria
        # Each criterion's cells and the options (slots) they belong to, criterion by
        # criterion in order: an option's terms add up in the order of its cells.
        self.by_criterion = [(int(j), cells, slot[cells]) for j in range(criteria)
                             if (cells := np.flatnonzero(ranges.criterion == j)).size]

    def shift(self, deltas: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Each ranged option's change in total (draws, options with a range), from the
        drawn value changes (draws, cells) and the draws' weights (draws, criteria)."""
        w32 = weights.astype(np.float32)
        if not self.sparse:
            return np.matmul(self.dense(deltas), w32[:, :, None])[:, :, 0]
        # Cells × draws, so that each criterion's cells are gathered as whole rows.
        by_cell = np.ascontiguousarray(deltas.T)
        out = np.zeros((self.rows.size, deltas.shape[0]), dtype=np.float32)
        for j, cells, slots in self.by_criterion:
            out[slots] += by_cell[cells] * w32[:, j]
        return out.T

    def shift_fixed(self, deltas: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """The same for fixed weight vectors (criteria, judged): (draws, options with a
        range, judged)."""
        k = deltas.shape[0]
        if not self.sparse:
            out = self.dense(deltas).reshape(-1, weights.shape[0]) @ weights
            return out.reshape(k, -1, weights.shape[1])
        out = np.zeros((k, self.rows.size, weights.shape[1]), dtype=np.float32)
        for j, cells, slots in self.by_criterion:
            out[:, slots] += deltas[:, cells, None] * weights[j]
        return out

    def dense(self, deltas: np.ndarray) -> np.ndarray:
        k = deltas.shape[0]
        if self.full:
            return deltas.reshape(k, self.rows.size, self.criteria)
        out = np.zeros((k, self.rows.size * self.criteria), dtype=deltas.dtype)
        out[:, self.flat] = deltas
        return out.reshape(k, self.rows.size, self.criteria)

    def add(self, totals: np.ndarray, shift: np.ndarray) -> None:
        """Add each ranged option's change (axis 1 of ``shift``) to its total."""
        if self.every_option:
            totals += shift
        else:
            totals[:, self.rows] += shift

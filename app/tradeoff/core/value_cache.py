"""Raw scores and values of a matrix, kept between edits and patched per edit.

The value matrix does not depend on the weights, so an editor computes it once
and re-weights it on every slider step. After an edit it need not recompute it
all; what changed decides what is redone:

* a score written, cleared or set field by field: that cell (the score store's
  journal names it, see :mod:`tradeoff.core.score_store`);
* an option added, removed or moved: the new rows are read, the rest are moved;
* a criterion added, moved or re-scaled (anchors, levels, value function): that
  column is read again; the rest are moved;
* anything the journal cannot account for (a new score store, too many edits
  at once): everything.

:meth:`ValueCache.arrays` always returns arrays equal to a fresh
:func:`~tradeoff.core.scoring.raw_matrix` and
:func:`~tradeoff.core.scoring.value_matrix` of the matrix as it is now.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from tradeoff.core.model import Criterion, DecisionMatrix
from tradeoff.core.score_store import ScoreStore
from tradeoff.core.scoring import raw_block, value_columns


def scale_fingerprint(c: Criterion) -> tuple[Any, ...]:
    """What a column's raw numbers and values depend on; equal means reusable."""
    return (c.id, c.worst, c.best, tuple((lv.name, lv.position) for lv in c.levels),
            tuple(tuple(p) for p in c.value_points))


class ValueCache:
    """The raw and value arrays of the matrix last asked about."""

    def __init__(self) -> None:
        self._store: ScoreStore | None = None
        self._version = -1
        self._options: list[str] = []
        self._scales: list[tuple[Any, ...]] = []
        self._raw: np.ndarray | None = None
        self._values: np.ndarray | None = None
        self.rebuilds = 0  # whole recomputations, for tests and benchmarks

    def clear(self) -> None:
        self._store, self._raw, self._values = None, None, None

    def arrays(self, matrix: DecisionMatrix) -> tuple[np.ndarray, np.ndarray]:
        """(raw, values) of ``matrix`` as it is now; do not write into them."""
        store = matrix.scores
        options = [o.id for o in matrix.options]
        scales = [scale_fingerprint(c) for c in matrix.criteria]
        changed = None if store is not self._store else store.changed_since(self._version)
        if changed is None or self._raw is None or self._values is None:
            self._rebuild(matrix)
        else:
            if options != self._options or scales != self._scales:
                self._rearrange(matrix, options, scales)
            if changed:
                self._patch(matrix, changed)
        self._store, self._version = store, store.version
        self._options, self._scales = options, scales
        assert self._raw is not None and self._values is not None
        # Handed out read-only: a caller keeps the arrays it was given, and an edit
        # gives the cache new ones rather than changing those in place.
        self._raw.flags.writeable = False
        self._values.flags.writeable = False
        return self._raw, self._values

    def _rebuild(self, matrix: DecisionMatrix) -> None:
        self.rebuilds += 1
        self._raw = raw_block(matrix, [o.id for o in matrix.options], matrix.criteria)
        self._values = value_columns(matrix.criteria, self._raw)

    def _rearrange(self, matrix: DecisionMatrix, options: list[str],
                   scales: list[tuple[Any, ...]]) -> None:
        """Move kept rows and columns to their new places; read only the new ones."""
        assert self._raw is not None and self._values is not None
        old_row = {oid: i for i, oid in enumerate(self._options)}
        old_col = {fp: j for j, fp in enumerate(self._scales)}
        rows = np.array([old_row.get(oid, -1) for oid in options], dtype=np.intp)
        cols = np.array([old_col.get(fp, -1) for fp in scales], dtype=np.intp)
        raw = np.full((len(options), len(scales)), np.nan)
        values = np.full(raw.shape, np.nan)
        kept_r, kept_c = rows >= 0, cols >= 0
        if kept_r.any() and kept_c.any():
            into, source = np.ix_(kept_r, kept_c), np.ix_(rows[kept_r], cols[kept_c])
            raw[into] = self._raw[source]
            values[into] = self._values[source]
        criteria = matrix.criteria
        new_c = np.flatnonzero(~kept_c)
        if new_c.size:  # a new or re-scaled criterion: its whole column
            cs = [criteria[j] for j in new_c]
            raw[:, new_c] = raw_block(matrix, options, cs)
            values[:, new_c] = value_columns(cs, raw[:, new_c])
        new_r = np.flatnonzero(~kept_r)
        if new_r.size:  # a new option: its whole row
            block = raw_block(matrix, [options[i] for i in new_r], criteria)
            raw[new_r] = block
            values[new_r] = value_columns(criteria, block)
        self._raw, self._values = raw, values

    def _patch(self, matrix: DecisionMatrix, changed: list[tuple[str, str]]) -> None:
        """Read the written cells again, column by column."""
        assert self._raw is not None and self._values is not None
        self._raw, self._values = self._raw.copy(), self._values.copy()
        row = {o.id: i for i, o in enumerate(matrix.options)} if len(changed) > 1 else None
        by_column: dict[int, set[int]] = {}
        for oid, cid in changed:
            try:
                i = row[oid] if row is not None else matrix.option_index(oid)
                j = matrix.criterion_index(cid)
            except (KeyError, ValueError):
                continue  # a cell of an option or criterion no longer in the matrix
            by_column.setdefault(j, set()).add(i)
        for j, rows in by_column.items():
            c = matrix.criteria[j]
            picked = sorted(rows)
            block = raw_block(matrix, [matrix.options[i].id for i in picked], [c])
            self._raw[picked, j] = block[:, 0]
            self._values[picked, j] = value_columns([c], block)[:, 0]

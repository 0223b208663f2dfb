"""Random scores for the SMAA Monte Carlo (see :mod:`tradeoff.core.smaa`).

Scores with a low/high range are drawn on the criterion's own scale, then
mapped through its value function, from one of:

``triangular`` / ``pert``
    (low, value, high) as the whole range: a triangle, or a Beta-PERT (λ = 4).
``normal``
    low/high read as the central 95 % interval around the value, as a
    confidence interval is reported: mean = value, sd = half-width / 1.96.
``lognormal``
    The same on the log scale (median = value), for ratios such as odds
    ratios and relative risks; scores must be above 0.

A cell names its own distribution or follows the run's setting. Normal and
log-normal draws have tails beyond the anchors; they are valued by extending
the value function, as off-scale scores always are. On a level scale the draw
is rounded to the nearest level, so only real levels are ever scored.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import SCORE_DISTRIBUTIONS, DecisionMatrix, Score
from tradeoff.core.validate import distribution_problem
from tradeoff.core.values import value_function

# The run's setting for cells that name no distribution of their own; log-normal
# is only per cell, since it needs scores above 0.
DISTRIBUTIONS = ("triangular", "pert", "normal")
INTERVALS = ("normal", "lognormal")  # read low/high as a 95 % interval around the value
Z95 = 1.959963984540054  # the standard normal's 97.5 % quantile


@dataclass
class ScoreRanges:
    """The cells with a low/high range, as flat arrays (one entry per cell)."""

    option: np.ndarray  # row index in the value matrix
    criterion: np.ndarray  # column index
    low: np.ndarray
    mode: np.ndarray  # the base score
    high: np.ndarray
    base_value: np.ndarray
    # each cell's own distribution, or None to follow the run's setting
    distribution: list[str | None] = field(default_factory=list)

    @property
    def count(self) -> int:
        return int(self.option.size)

    def kinds(self, default: str) -> list[str]:
        """Each cell's distribution: its own, else ``default``.

        Normal and log-normal read low/high as an interval around the value, so
        a range that is not two-sided (low or high at the value) is drawn as a
        triangle even when the run asks for normal: nothing is drawn on a side
        the analyst ruled out. (A cell that names normal itself must be
        two-sided: the reader refuses it otherwise.)
        """
        two_sided = (self.low < self.mode) & (self.mode < self.high)
        own = self.distribution or [None] * self.count
        return [k or (default if default not in INTERVALS or both else "triangular")
                for k, both in zip(own, two_sided.tolist(), strict=True)]


def cells_with_range(matrix: DecisionMatrix, rows: list[int]) -> list[tuple[int, int, Score]]:
    """(index into ``rows``, criterion index, score) of every cell of options ``rows``
    with a value and a low or high end, option by option, criterion by criterion.

    The lows and highs are read as whole arrays from the score store, so only the
    cells with a range are looked up one by one (one in seven, say, not all).
    """
    ids = [matrix.options[i].id for i in rows]
    crit_ids = [c.id for c in matrix.criteria]
    marked = np.zeros((len(ids), len(crit_ids)), dtype=bool)
    for end in ("low", "high"):
        numbers, others = matrix.scores.numbers(ids, crit_ids, end)
        marked |= ~np.isnan(numbers)
        for r, j, _v in others:
            marked[r, j] = True
    out = []
    for r, j in zip(*np.nonzero(marked), strict=True):  # row-major: the order above
        s = matrix.score(ids[r], crit_ids[j])
        if s.value is not None and s.has_range:
            out.append((int(r), int(j), s))
    return out


def score_ranges(matrix: DecisionMatrix, rows: list[int], raw: np.ndarray,
                 values: np.ndarray) -> ScoreRanges:
    """The uncertain cells among options ``rows`` (indices into ``raw``)."""
    cells: list[tuple[int, int, float, float, float]] = []
    kinds: list[str | None] = []
    for r, j, s in cells_with_range(matrix, rows):
        i, crit = rows[r], matrix.criteria[j]
        low = crit.to_number(s.low) if s.low is not None else raw[i, j]
        high = crit.to_number(s.high) if s.high is not None else raw[i, j]
        if high > low:
            problem = distribution_problem(crit, s)
            if problem:  # the readers refuse this; a matrix built in code may not
                raise TradeoffError(f"{matrix.options[i].name} on {crit.name}: {problem}")
            cells.append((r, j, low, raw[i, j], high))
            kinds.append(s.distribution)
    arr = np.array(cells, dtype=float).reshape(-1, 5)
    opt, crit_index = arr[:, 0].astype(int), arr[:, 1].astype(int)
    return ScoreRanges(opt, crit_index, arr[:, 2], arr[:, 3], arr[:, 4],
                       values[np.array(rows, int)[opt], crit_index] if len(rows) else arr[:, 3],
                       kinds)


def interval_sd(low: np.ndarray, mode: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Standard deviation of a normal whose central 95 % interval is low..high.

    With both ends given the half-widths are averaged (a published interval is
    rarely symmetric to the last digit); with one end only, its half-width is used.
    """
    below, above = mode - low, high - mode
    both = (below > 0) & (above > 0)
    return np.where(both, (below + above) / 2, np.maximum(below, above)) / Z95


class ScoreSampler:
    """Draws value changes (drawn value − base value), shape (k, cells), single precision.

    Each cell follows its own distribution when it names one, else the run's.
    On a linear numeric scale the value is an affine function of the score,
    and an affine map keeps a triangular, PERT or normal distribution in its
    family, so those cells are drawn directly in value space (the anchors
    turned into values). Cells on a level scale or a piecewise value function
    are drawn on the score scale and mapped through the value function; so
    are log-normal cells, which are then scaled by the linear value slope.

    Triangular draws use the inverse CDF of one uniform per cell, written
    around the mode ``c`` so that no per-element branch is needed: with
    ``left(u) = a + √(u(b−a)(c−a))`` and ``right(u) = b − √((1−u)(b−a)(b−c))``
    the draw is ``min(left, c) + max(right, c) − c``. Below the mode's
    probability both branches lie under ``c`` (so this is ``left``), above it
    both lie over ``c`` (so it is ``right``): exactly the usual two-branch
    inverse, without the slow masked select. Rows are drawn in blocks small
    enough to stay in cache.
    """

    BLOCK_ELEMENTS = 1 << 17  # cells × draws per block: a few arrays of 512 kB

    def __init__(self, matrix: DecisionMatrix, ranges: ScoreRanges, distribution: str,
                 rng: np.random.Generator) -> None:
        if distribution == "lognormal":
            raise TradeoffError("a log-normal distribution is set per cell (it needs scores "
                                "above 0), not for the whole run")
        if distribution not in DISTRIBUTIONS:
            raise TradeoffError(f"unknown distribution {distribution!r} "
                                f"(use {', '.join(DISTRIBUTIONS[:-1])} or {DISTRIBUTIONS[-1]})")
        self.matrix, self.ranges, self.rng = matrix, ranges, rng
        self.distribution = distribution
        a, c, b = ranges.low.copy(), ranges.mode.copy(), ranges.high.copy()
        slope = np.ones_like(c)  # value per score unit for log-normal cells on a linear scale
        self.mapped: list[tuple[int, np.ndarray]] = []  # (criterion, cells) drawn on the scale
        for j in np.unique(ranges.criterion):
            crit = matrix.criteria[int(j)]
            cols = np.flatnonzero(ranges.criterion == j)
            if crit.is_level_scale or crit.value_points:
                self.mapped.append((int(j), cols))
                continue
            ends = [value_function(crit, e[cols]) for e in (a, c, b)]
            a[cols], c[cols], b[cols] = np.minimum(ends[0], ends[2]), ends[1], \
                np.maximum(ends[0], ends[2])
            slope[cols] = 1.0 / (crit.best - crit.worst)
        kinds = ranges.kinds(distribution)
        unknown = sorted({k for k in kinds if k not in SCORE_DISTRIBUTIONS})
        if unknown:
            raise TradeoffError(f"unknown score distribution {unknown[0]!r}")
        kind_array = np.array(kinds, dtype=object)
        # How far a draw can move each cell's value (None: no bound), for the
        # confidence pass to leave out options that can never come near the top.
        bounded = np.isin(kind_array, ("triangular", "pert")) if ranges.count \
            else np.zeros(0, bool)
        for _, cols in self.mapped:
            bounded[cols] = False
        self.delta_low = np.where(bounded, a - c, -np.inf)
        self.delta_high = np.where(bounded, b - c, np.inf)
        width = b - a
        with np.errstate(invalid="ignore", divide="ignore"):
            peak = np.where(width > 0, (c - a) / width, 0.5)
        # Single precision: a Monte Carlo share does not need 16 digits, and it
        # halves the memory traffic. Offsets are relative to the mode.
        f32 = np.float32

        def params(kind: str, cols: np.ndarray) -> list[np.ndarray]:
            a_, b_, c_, w_, p_ = a[cols], b[cols], c[cols], width[cols], peak[cols]
            if kind == "triangular":
                return [x.astype(f32) for x in (w_ * (c_ - a_), a_ - c_, w_ * (b_ - c_), b_ - c_)]
            if kind == "pert":
                return [a_, w_, 1 + 4 * p_, 1 + 4 * (1 - p_), c_]  # Beta-PERT, λ = 4
            if kind == "normal":
                return [interval_sd(a_, c_, b_).astype(f32)]
            mode = ranges.mode[cols]  # log-normal: on the score scale (all above 0)
            log_mode = np.log(mode)
            return [log_mode, interval_sd(np.log(ranges.low[cols]), log_mode,
                                          np.log(ranges.high[cols])), mode, slope[cols]]

        # Each kind's cells and their parameters, sliced once: (kind, columns, parameters);
        # the columns are a plain slice when every cell is drawn alike (the usual case).
        self.groups: list[tuple[str, slice | np.ndarray, list[np.ndarray]]] = []
        for kind in SCORE_DISTRIBUTIONS:
            cols = np.flatnonzero(kind_array == kind)
            if cols.size:
                whole = cols.size == ranges.count
                self.groups.append((kind, slice(None) if whole else cols, params(kind, cols)))
        self.mapped_base = [ranges.base_value[cols] for _, cols in self.mapped]
        self.mapped_levels = [np.sort([lv.position for lv in matrix.criteria[j].levels])
                              for j, _ in self.mapped]

    @property
    def block_rows(self) -> int:
        """Draws made at a time; :meth:`draw` of any multiple of it continues the
        same stream of numbers as one larger draw would."""
        return max(1, self.BLOCK_ELEMENTS // max(self.ranges.count, 1))

    def parts(self, k: int, rows: int, columns: np.ndarray | None = None
              ) -> Iterator[np.ndarray]:
        """The same numbers as ``draw(k, columns)``, about ``rows`` draws at a time (a
        whole number of blocks), so that a large chunk never has to be held at once."""
        step = max(1, rows // self.block_rows) * self.block_rows
        for start in range(0, k, step):
            yield self.draw(min(step, k - start), columns)

    def draw(self, k: int, columns: np.ndarray | None = None) -> np.ndarray:
        """``k`` draws of every cell, or of the cells ``columns`` (indices, ascending).

        Only some columns: the generator still makes every cell's random numbers
        (so the stream is the one a draw of every cell takes), but only those
        cells' are turned into draws.
        """
        count = self.ranges.count
        if columns is not None:
            at = np.full(count, -1)
            at[columns] = np.arange(columns.size)
        out = np.empty((k, count if columns is None else columns.size), dtype=np.float32)
        block = self.block_rows
        for start in range(0, k, block):
            part = out[start:start + block]
            for kind, cols, params in self.groups:
                if columns is not None:
                    self._fill_some(kind, cols, params, part, at)
                elif isinstance(cols, slice):
                    self._fill(kind, part, params)
                else:
                    piece = np.empty((part.shape[0], cols.size), dtype=np.float32)
                    self._fill(kind, piece, params)
                    part[:, cols] = piece
        for (j, cols), base, levels in zip(self.mapped, self.mapped_base, self.mapped_levels,
                                           strict=True):
            crit = self.matrix.criteria[j]
            where = cols if columns is None else at[cols]
            wanted = where >= 0
            cols, where, base = cols[wanted], where[wanted], base[wanted]
            # float64: a large score (a year, a price in cents) keeps its last digits
            xs = out[:, where].astype(np.float64) + self.ranges.mode[cols]
            if crit.is_level_scale:
                xs = _nearest_level(xs, levels)
            out[:, where] = value_function(crit, xs) - base
        return out

    def _fill_some(self, kind: str, cols: slice | np.ndarray, params: list[np.ndarray],
                   part: np.ndarray, at: np.ndarray) -> None:
        """One kind's block of draws into ``part`` for the cells asked for (``at``: each
        cell's column in ``part``, −1 if not asked), from the numbers of all its cells."""
        every = np.arange(self.ranges.count)[cols]
        where = at[every]
        wanted = where >= 0
        if kind == "triangular":  # the one transform worth sparing: it is most of the work
            u = self.rng.random((part.shape[0], every.size), dtype=np.float32)
            piece = np.empty((part.shape[0], int(wanted.sum())), dtype=np.float32)
            _triangular_from(u[:, wanted], piece, *[p[wanted] for p in params])
        else:
            whole = np.empty((part.shape[0], every.size), dtype=np.float32)
            self._fill(kind, whole, params)
            piece = whole[:, wanted]
        part[:, where[wanted]] = piece

    def _fill(self, kind: str, out: np.ndarray, params: list[np.ndarray]) -> None:
        """Fill ``out`` with draws minus the mode, from one kind's parameters."""
        if kind == "triangular":
            _triangular(self.rng, out, *params)
        elif kind == "pert":
            low, width, alpha, beta, mode = params
            x = low + width * self.rng.beta(alpha, beta, size=out.shape)
            np.subtract(x, mode, out=out, casting="same_kind")
        elif kind == "normal":
            self.rng.standard_normal(out.shape, dtype=np.float32, out=out)
            out *= params[0]
        else:  # lognormal, drawn on the score scale
            log_mode, log_sd, mode, slope = params
            x = np.exp(log_mode + log_sd * self.rng.standard_normal(out.shape))
            np.multiply(x - mode, slope, out=out, casting="same_kind")


def _triangular(rng: np.random.Generator, out: np.ndarray, left_scale: np.ndarray,
                low: np.ndarray, right_scale: np.ndarray, high: np.ndarray) -> None:
    """Fill ``out`` with triangular draws minus the mode (see ScoreSampler's docstring)."""
    _triangular_from(rng.random(out.shape, dtype=np.float32), out, left_scale, low,
                     right_scale, high)


def _triangular_from(u: np.ndarray, out: np.ndarray, left_scale: np.ndarray,
                     low: np.ndarray, right_scale: np.ndarray, high: np.ndarray) -> None:
    """:func:`_triangular` from uniforms ``u`` (overwritten)."""
    np.multiply(u, left_scale, out=out)
    np.sqrt(out, out=out)
    out += low
    np.minimum(out, 0, out=out)  # left(u) − c, kept only below the mode
    np.subtract(1, u, out=u)
    u *= right_scale
    np.sqrt(u, out=u)
    np.subtract(high, u, out=u)
    np.maximum(u, 0, out=u)  # right(u) − c, kept only above the mode
    out += u


def _nearest_level(x: np.ndarray, positions: np.ndarray) -> np.ndarray:
    middles = (positions[1:] + positions[:-1]) / 2
    return positions[np.searchsorted(middles, x)]

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
from tradeoff.core.smaa_threads import Scratch
from tradeoff.core.smaa_triangular import triangular_from, triangular_params, uniform_pairs
from tradeoff.core.validate import distribution_problem
from tradeoff.core.values import value_function

# The run's setting for cells that name no distribution of their own; log-normal
# is only per cell, since it needs scores above 0.
DISTRIBUTIONS = ("triangular", "pert", "normal")
INTERVALS = ("normal", "lognormal")  # read low/high as a 95 % interval around the value
Z95 = 1.959963984540054  # the standard normal's 97.5 % quantile
# The score sampler, as recorded with a result: a seed from a run before blocks of
# child streams and 16-bit triangular draws gives other draws now.
STREAM = "blocks-2"


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

    Triangular draws follow Stein, W. E. & Keblis, M. F. (2009), "A new method
    to simulate the triangular distribution", Mathematical and Computer
    Modelling 49, 1143–1147: with two uniforms ``U, V`` the draw
    ``a + (c − a)·max(U, V) + (b − c)·min(U, V)`` is triangular(a, c, b). No
    square root and no branch: the uniforms are 16-bit integers (four to each
    64-bit word of the generator, the midpoints of 65,536 equal steps, far
    finer than a Monte Carlo share can tell), their min and max are taken as
    integers, and two multiplies and two adds make the draw. That is a third
    of the work of the inverse CDF in single precision.

    Random numbers come in fixed blocks of draws, each block from its own
    child stream (:meth:`numpy.random.SeedSequence.spawn` order), so that
    blocks can be drawn on several threads and still give the same numbers
    as one thread; :data:`STREAM` names this sampler in the results.
    """

    # Cells × draws of one child stream: few enough blocks that starting their
    # generators costs nothing, enough of them for each thread to have its own.
    BLOCK_ELEMENTS = 1 << 19
    PIECE_ELEMENTS = 1 << 17  # worked through this many at a time: arrays of 512 kB

    def __init__(self, matrix: DecisionMatrix, ranges: ScoreRanges, distribution: str,
                 rng: np.random.Generator) -> None:
        if distribution == "lognormal":
            raise TradeoffError("a log-normal distribution is set per cell (it needs scores "
                                "above 0), not for the whole run")
        if distribution not in DISTRIBUTIONS:
            raise TradeoffError(f"unknown distribution {distribution!r} "
                                f"(use {', '.join(DISTRIBUTIONS[:-1])} or {DISTRIBUTIONS[-1]})")
        self.matrix, self.ranges = matrix, ranges
        # The root of the blocks' child streams, as plain numbers (a copy of the
        # sampler replays the same blocks); a generator without a seed sequence
        # seeds one from its own numbers.
        seeds = getattr(rng.bit_generator, "seed_seq", None)
        if not isinstance(seeds, np.random.SeedSequence):
            seeds = np.random.SeedSequence(int(rng.integers(2 ** 63)))
        self.root = (seeds.entropy, tuple(seeds.spawn_key), seeds.pool_size)
        self.blocks_drawn = 0
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
                return triangular_params(a_, c_, b_)
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
        # A triangular draw's constant part (its value at U = V = 0) is left out of the
        # draws a caller asks for "uncentred" and added to its values once instead: one
        # pass fewer over every draw. Cells drawn on the scale keep theirs (they are
        # mapped from the whole draw).
        self.offsets = np.zeros(ranges.count, dtype=np.float32)
        on_scale = np.zeros(ranges.count, bool)
        for _, cols in self.mapped:
            on_scale[cols] = True
        for g, (kind, cols, parameters) in enumerate(self.groups):
            if kind == "triangular":
                every = np.arange(ranges.count)[cols]
                offset = parameters[2]
                self.offsets[every] = np.where(on_scale[every], 0, offset)
                kept = np.where(on_scale[every], offset, 0).astype(np.float32)
                self.groups[g] = (kind, cols, [*parameters[:2], kept if kept.any() else None])
        self.mapped_base = [ranges.base_value[cols] for _, cols in self.mapped]
        self.mapped_levels = [np.sort([lv.position for lv in matrix.criteria[j].levels])
                              for j, _ in self.mapped]

    @property
    def block_rows(self) -> int:
        """Draws per child stream: :meth:`draw` of any multiple of it continues the
        same numbers as one larger draw would."""
        return max(1, self.BLOCK_ELEMENTS // max(self.ranges.count, 1))

    def plan(self, k: int, rows: int) -> list[list[tuple[int, int]]]:
        """The next ``k`` draws as parts of about ``rows`` draws (a whole number of
        blocks), each part a list of (block number, draws); :meth:`draw_planned` of
        the parts in any order, on any thread, gives the numbers of ``draw(k)``."""
        block = self.block_rows
        step = max(1, rows // block) * block
        parts = []
        for start in range(0, k, step):
            size = min(step, k - start)
            parts.append([(self.blocks_drawn + b, min(block, size - b * block))
                          for b in range(-(-size // block))])
            self.blocks_drawn += len(parts[-1])
        return parts

    def parts(self, k: int, rows: int, columns: np.ndarray | None = None
              ) -> Iterator[np.ndarray]:
        """The same numbers as ``draw(k, columns)``, about ``rows`` draws at a time (a
        whole number of blocks), so that a large chunk never has to be held at once."""
        for part in self.plan(k, rows):
            yield self.draw_planned(part, columns)

    def draw(self, k: int, columns: np.ndarray | None = None) -> np.ndarray:
        """``k`` draws of every cell, or of the cells ``columns`` (indices, ascending).

        Only some columns: each block's generator still makes every cell's random
        numbers (so the stream is the one a draw of every cell takes), but only
        those cells' are turned into draws.
        """
        return self.draw_planned([b for p in self.plan(k, k) for b in p], columns)

    def draw_planned(self, blocks: list[tuple[int, int]],
                     columns: np.ndarray | None = None) -> np.ndarray:
        """The draws of ``blocks`` (from :meth:`plan`); reads nothing it writes, so
        threads may draw different blocks at once."""
        k = sum(size for _, size in blocks)
        out = np.empty((k, self.ranges.count if columns is None else columns.size),
                       dtype=np.float32)
        for first, piece in self.pieces(blocks, columns):
            out[first:first + piece.shape[0]] = piece
        return out

    def pieces(self, blocks: list[tuple[int, int]], columns: np.ndarray | None = None,
               centred: bool = True) -> Iterator[tuple[int, np.ndarray]]:
        """:meth:`draw_planned` a cache-sized piece at a time: (first row, draws), to be
        used while the piece is still in cache (the next piece reuses its memory).
        Not ``centred``: each cell's :attr:`offsets` is left out of its draws."""
        count = self.ranges.count
        offsets = None
        if centred and self.offsets.any():
            offsets = self.offsets if columns is None else self.offsets[columns]
        at = None
        if columns is not None:
            at = np.full(count, -1)
            at[columns] = np.arange(columns.size)
        piece_rows = max(1, self.PIECE_ELEMENTS // max(count, 1))
        scratch = Scratch()
        first = 0
        for number, size in blocks:
            entropy, key, pool = self.root
            # PCG64DXSM: numpy's advised generator for many streams, and a fifth
            # faster than PCG64 at the raw words the triangular draws take
            rng = np.random.Generator(np.random.PCG64DXSM(np.random.SeedSequence(
                entropy, spawn_key=(*key, number), pool_size=pool)))
            for start in range(0, size, piece_rows):
                rows = min(piece_rows, size - start)
                piece = scratch.get("piece", (rows, count if columns is None
                                              else columns.size), np.float32)
                self._draw_piece(rng, piece, at, scratch)
                if offsets is not None:
                    piece += offsets
                if self.mapped:
                    self._map(piece, columns, at)
                yield first + start, piece
            first += size

    def _draw_piece(self, rng: np.random.Generator, part: np.ndarray,
                    at: np.ndarray | None, scratch: Scratch) -> None:
        for kind, cols, params in self.groups:
            if at is not None:
                self._fill_some(rng, kind, cols, params, part, at)
            elif isinstance(cols, slice):
                self._fill(rng, kind, part, params, scratch)
            else:
                piece = np.empty((part.shape[0], cols.size), dtype=np.float32)
                self._fill(rng, kind, piece, params, scratch)
                part[:, cols] = piece

    def _map(self, out: np.ndarray, columns: np.ndarray | None, at: np.ndarray | None) -> None:
        """Cells drawn on the score scale: through the value function (levels rounded)."""
        for (j, cols), base, levels in zip(self.mapped, self.mapped_base, self.mapped_levels,
                                           strict=True):
            crit = self.matrix.criteria[j]
            where = cols if at is None else at[cols]
            wanted = where >= 0
            cols, where, base = cols[wanted], where[wanted], base[wanted]
            # float64: a large score (a year, a price in cents) keeps its last digits
            xs = out[:, where].astype(np.float64) + self.ranges.mode[cols]
            if crit.is_level_scale:
                xs = _nearest_level(xs, levels)
            out[:, where] = value_function(crit, xs) - base

    def _fill_some(self, rng: np.random.Generator, kind: str, cols: slice | np.ndarray,
                   params: list[np.ndarray], part: np.ndarray, at: np.ndarray) -> None:
        """One kind's piece of draws into ``part`` for the cells asked for (``at``: each
        cell's column in ``part``, −1 if not asked), from the numbers of all its cells."""
        every = np.arange(self.ranges.count)[cols]
        where = at[every]
        wanted = where >= 0
        if kind == "triangular":  # the one transform worth sparing: it is most of the work
            first, second = uniform_pairs(rng, (part.shape[0], every.size))
            piece = np.empty((part.shape[0], int(wanted.sum())), dtype=np.float32)
            triangular_from(first[:, wanted], second[:, wanted], piece,
                            *[None if p is None else p[wanted] for p in params])
        else:
            whole = np.empty((part.shape[0], every.size), dtype=np.float32)
            self._fill(rng, kind, whole, params)
            piece = whole[:, wanted]
        part[:, where[wanted]] = piece

    @staticmethod
    def _fill(rng: np.random.Generator, kind: str, out: np.ndarray,
              params: list[np.ndarray], scratch: Scratch | None = None) -> None:
        """Fill ``out`` with draws minus the mode, from one kind's parameters."""
        if kind == "triangular":
            triangular_from(*uniform_pairs(rng, out.shape), out, *params, scratch=scratch)
        elif kind == "pert":
            low, width, alpha, beta, mode = params
            x = low + width * rng.beta(alpha, beta, size=out.shape)
            np.subtract(x, mode, out=out, casting="same_kind")
        elif kind == "normal":
            rng.standard_normal(out.shape, dtype=np.float32, out=out)
            out *= params[0]
        else:  # lognormal, drawn on the score scale
            log_mode, log_sd, mode, slope = params
            x = np.exp(log_mode + log_sd * rng.standard_normal(out.shape))
            np.multiply(x - mode, slope, out=out, casting="same_kind")


def uncentred(base: np.ndarray, scorer: ScoreSampler | None) -> np.ndarray:
    """The values ``base`` (options, criteria) with each cell's :attr:`ScoreSampler.offsets`
    added: the totals of uncentred draws are those of the centred ones."""
    if scorer is None or not scorer.offsets.any():
        return base
    out = base.copy()
    out[scorer.ranges.option, scorer.ranges.criterion] += scorer.offsets
    return out


def _nearest_level(x: np.ndarray, positions: np.ndarray) -> np.ndarray:
    middles = (positions[1:] + positions[:-1]) / 2
    return positions[np.searchsorted(middles, x)]

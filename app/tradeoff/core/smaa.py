"""SMAA-2: how often does each option take each rank when weights and scores are uncertain?

Stochastic multicriteria acceptability analysis (Lahdelma, R. & Salminen, P.
(2001), "SMAA-2: Stochastic multicriteria acceptability analysis for group
decision making", Operations Research 49(3), 444–454) draws weight vectors
from what is known about the preferences and scores from their ranges, ranks
the options under each draw with the additive value model, and reports:

* rank acceptability ``b[i, r]``: the share of draws in which option ``i``
  takes rank ``r + 1`` (``b[:, 0]`` is the probability of being best);
* central weight vector of each option: the mean weights of the draws in
  which it ranks first (the typical preferences that favour it);
* confidence factor: the probability that an option ranks first when the
  weights are held at its central weight vector and only the scores vary;
* pairwise winning probability ``p[i, k]``: the share of draws in which ``i``
  ranks above ``k``.

Weights are drawn on the flat normalised criterion weights (the effective
weights after the value tree); see :mod:`tradeoff.core.smaa_sampling` for the
weight distributions and :mod:`tradeoff.core.smaa_scores` for the score ones.
Options tied in a draw share the ranks they span equally (two options tied
for first each take half of rank 1 and half of rank 2), so every row and
every column of the acceptabilities sums to 1 and a run without uncertainty
gives exactly the deterministic ranking.

Everything is vectorised over chunks of draws: one matrix product for the
totals, one argsort for the ranks, bincounts for the tallies. Results depend
only on the seed (numpy's PCG64 via :func:`numpy.random.default_rng`, with
separate streams for weights, scores and the confidence pass).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import SCORE_DISTRIBUTIONS, DecisionMatrix
from tradeoff.core.scoring import raw_matrix, value_matrix
from tradeoff.core.smaa_sampling import WeightSampler, WeightSpec
from tradeoff.core.smaa_scores import ScoreRanges, ScoreSampler, score_ranges
from tradeoff.core.smaa_tally import TIE, Tally, tally_draws

CHUNK = 10000
CONFIDENCE_SAMPLES = 10_000  # score draws per central weight vector
# Pairwise tallies (booleans) and recounts of tied draws (floats) use
# (draws, options, options) arrays, and so do the confidence totals (draws,
# options, judged options); at most this many elements per array, so that many
# options, or a tie among them, cannot exhaust memory. Only the tallying is
# sliced: the draws, and so the results, are the same.
CONFIDENCE_ELEMENTS = 1 << 17
TOTALS_ELEMENTS = 20_000_000  # (draws, options) per chunk, at most

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class SmaaCancelled(Exception):
    """Raised inside :func:`run_smaa` when the cancel check says stop."""


@dataclass
class SmaaSettings:
    """How to run the simulation. ``seed`` None takes fresh entropy (and records it)."""

    weights: WeightSpec
    samples: int = 10_000
    seed: int | None = None
    distribution: str = "triangular"
    chunk: int = CHUNK
    confidence_samples: int = CONFIDENCE_SAMPLES
    # With more options than this, pairwise winning is tallied only among this
    # many leaders (the most often first, then by mean rank), on the very same
    # draws replayed: n² pairs per draw is what makes a large matrix slow. None: all.
    pairwise_leaders: int | None = None


@dataclass
class SmaaResult:
    """SMAA-2 indices; rows follow ``options`` (the options with every score)."""

    options: list[str]
    criteria: list[str]
    samples: int
    seed: int
    weight_mode: str
    distribution: str
    rank_acceptability: np.ndarray  # (options, ranks)
    central_weights: np.ndarray  # (options, criteria); NaN for an option never first
    confidence: np.ndarray  # (options,); NaN for an option never first
    pairwise: np.ndarray  # (options, options): P(row ranks above column)
    uncertain_cells: int = 0
    left_out: list[str] = field(default_factory=list)  # options with a missing score
    # how many uncertain cells were drawn from each distribution (cells' own or the run's)
    cell_distributions: dict[str, int] = field(default_factory=dict)
    # weights within bounds: criterion id → (lower, upper) for each bounded criterion
    weight_bounds: dict[str, tuple[float, float]] = field(default_factory=dict)
    # Row indices (into ``options``) that ``pairwise`` covers, when it was tallied
    # among the leaders only (``SmaaSettings.pairwise_leaders``); None: every option.
    pairwise_rows: list[int] | None = None

    @property
    def distribution_text(self) -> str:
        """The run's distribution, or the mix when cells name their own."""
        mixed = {k: n for k, n in self.cell_distributions.items() if n}
        if not mixed or set(mixed) == {self.distribution}:
            return self.distribution
        return ", ".join(f"{k} ({n} cells)" for k, n in mixed.items())

    @property
    def probability_best(self) -> np.ndarray:
        return self.rank_acceptability[:, 0]

    def acceptability_frame(self) -> pd.DataFrame:
        ranks = [f"rank {r + 1}" for r in range(len(self.options))]
        return pd.DataFrame(self.rank_acceptability, index=pd.Index(self.options, name="option"),
                            columns=ranks)


def run_smaa(matrix: DecisionMatrix, settings: SmaaSettings,
             progress: ProgressCallback | None = None,
             cancelled: CancelCheck | None = None) -> SmaaResult:
    """Run the simulation; ``progress(done, total)`` after each chunk.

    ``cancelled()`` is asked before each chunk; when it returns True the run
    stops with :class:`SmaaCancelled` and nothing is returned.
    """
    if settings.samples < 1:
        raise TradeoffError(f"the number of samples must be at least 1, not {settings.samples}")
    if settings.weights.criteria != len(matrix.criteria):
        raise TradeoffError("the weight settings do not match the matrix's criteria")
    raw = raw_matrix(matrix)
    values = value_matrix(matrix, raw)
    rows = [i for i in range(len(matrix.options)) if not np.isnan(values[i]).any()]
    if len(rows) < 2:
        raise TradeoffError("the Monte Carlo needs at least two options with every score filled in")
    base = values[rows]
    ranges = score_ranges(matrix, rows, raw, values)
    seed = settings.seed if settings.seed is not None else int(
        np.random.SeedSequence().generate_state(1)[0])
    weight_rng, score_rng, confidence_rng = np.random.default_rng(seed).spawn(3)
    weight_sampler = WeightSampler(settings.weights, weight_rng)
    scorer = (ScoreSampler(matrix, ranges, settings.distribution, score_rng)
              if ranges.count else None)
    n, m = base.shape
    tally = Tally(np.zeros((n, n)), np.zeros((n, m)), np.zeros(n), np.zeros((n, n)))
    total = settings.samples
    confidence_draws = min(settings.confidence_samples, total) if scorer else 1
    work = total + n * confidence_draws  # the confidence pass counts toward progress too
    layout = _CellLayout(ranges, n, m) if scorer is not None else None
    few = settings.pairwise_leaders
    leaders_only = few is not None and n > few
    # The samplers as they start, so that the leaders' pairwise pass replays the same draws.
    # (the matrix they read stays shared: only their generators' states are copied)
    replay = copy.deepcopy((weight_sampler, scorer), {id(matrix): matrix}) \
        if leaders_only else None
    done = 0
    while done < total:
        if cancelled is not None and cancelled():
            raise SmaaCancelled()
        k = min(_chunk(settings, n), total - done)
        weights = weight_sampler.draw(k)
        totals = weights @ base.T
        if scorer is not None and layout is not None:
            layout.add(totals, layout.shift(scorer.draw(k), weights))
        tally_draws(totals, weights, tally, pairs=not leaders_only)
        done += k
        if progress is not None:
            progress(done, work)
    rows_with_pairs = None
    if leaders_only and replay is not None and few is not None:
        rows_with_pairs = _leaders(tally.ranks, few)
        tally.above = _leader_pairs(base, settings, *replay, layout, rows_with_pairs)
    with np.errstate(invalid="ignore", divide="ignore"):
        central = tally.first_weights / tally.first_count[:, None]
    central[tally.first_count == 0] = np.nan
    confidence = _confidence(base, central, ranges, settings, confidence_rng, matrix,
                             confidence_draws, progress, cancelled, total, work)
    return SmaaResult(
        options=[matrix.options[i].id for i in rows], criteria=[c.id for c in matrix.criteria],
        samples=total, seed=seed, weight_mode=settings.weights.mode,
        distribution=settings.distribution, rank_acceptability=tally.ranks / total,
        central_weights=central, confidence=confidence, pairwise=tally.above / total,
        uncertain_cells=ranges.count,
        cell_distributions=_distribution_counts(ranges, settings.distribution),
        weight_bounds=_bounds(matrix, settings.weights),
        left_out=[o.id for i, o in enumerate(matrix.options) if i not in rows],
        pairwise_rows=rows_with_pairs)


def _chunk(settings: SmaaSettings, options: int) -> int:
    """Draws per chunk: the setting, unless (draws × options) totals, their order and
    ranks would outgrow TOTALS_ELEMENTS (10,000 options: 2,000 draws at a time)."""
    if options * settings.chunk <= TOTALS_ELEMENTS:
        return settings.chunk
    return max(1, TOTALS_ELEMENTS // options)


def _leaders(rank_counts: np.ndarray, few: int) -> list[int]:
    """The ``few`` options most often first, then by mean rank (best first)."""
    n = rank_counts.shape[0]
    mean_rank = rank_counts @ np.arange(n) / np.maximum(rank_counts.sum(axis=1), 1)
    order = np.lexsort((mean_rank, -rank_counts[:, 0]))
    return sorted(order[:few].tolist(), key=lambda i: (-rank_counts[i, 0], mean_rank[i]))


def _leader_pairs(base: np.ndarray, settings: SmaaSettings, weight_sampler: WeightSampler,
                  scorer: ScoreSampler | None, layout: _CellLayout | None,
                  rows: list[int]) -> np.ndarray:
    """Pairwise winning counts among ``rows``, on the main pass's draws replayed.

    Counted from the totals as the main tally counts them: a pair closer than
    the tie tolerance is half a win each.
    """
    idx = np.asarray(rows)
    above = np.zeros((idx.size, idx.size))
    done = 0
    while done < settings.samples:
        k = min(_chunk(settings, base.shape[0]), settings.samples - done)
        weights = weight_sampler.draw(k)
        totals = weights @ base.T
        if scorer is not None and layout is not None:
            layout.add(totals, layout.shift(scorer.draw(k), weights))
        t = totals[:, idx]
        gap = t[:, :, None] - t[:, None, :]
        above += (gap > TIE).sum(axis=0) + 0.5 * ((np.abs(gap) <= TIE).sum(axis=0)
                                                - np.eye(idx.size) * k)
        done += k
    return above


def _bounds(matrix: DecisionMatrix, spec: WeightSpec) -> dict[str, tuple[float, float]]:
    """The bounds a "bounds" run kept each bounded criterion's weight within."""
    if spec.mode != "bounds" or spec.lower is None or spec.upper is None:
        return {}
    return {c.id: (float(lo), float(hi))
            for c, lo, hi in zip(matrix.criteria, spec.lower, spec.upper, strict=True)
            if lo > 0 or hi < 1}


def _distribution_counts(ranges: ScoreRanges, default: str) -> dict[str, int]:
    kinds = ranges.kinds(default) if ranges.count else []
    return {k: kinds.count(k) for k in SCORE_DISTRIBUTIONS if k in kinds}


class _CellLayout:
    """Where the uncertain cells sit in a dense (options with a range × criteria) block.

    With the drawn value changes laid out densely, the change in every
    option's total is one batched matrix product with the weights instead of
    a gather, a multiply and a segmented sum over the cells.
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
        self.order = None if np.all(np.diff(slot) >= 0) else np.argsort(slot, kind="stable")
        ordered = slot if self.order is None else slot[self.order]
        self.starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) \
            if ordered.size else np.zeros(0, dtype=int)
        self.cell_criterion = ranges.criterion if self.order is None \
            else ranges.criterion[self.order]

    def shift(self, deltas: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Each ranged option's change in total (draws, options with a range), from the
        drawn value changes (draws, cells) and the draws' weights (draws, criteria)."""
        w32 = weights.astype(np.float32)
        if not self.sparse:
            return np.matmul(self.dense(deltas), w32[:, :, None])[:, :, 0]
        if self.order is not None:
            deltas = deltas[:, self.order]
        return np.add.reduceat(deltas * w32[:, self.cell_criterion], self.starts, axis=1)

    def shift_fixed(self, deltas: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """The same for fixed weight vectors (criteria, judged): (draws, options with a
        range, judged)."""
        if not self.sparse:
            k = deltas.shape[0]
            out = self.dense(deltas).reshape(-1, weights.shape[0]) @ weights
            return out.reshape(k, -1, weights.shape[1])
        if self.order is not None:
            deltas = deltas[:, self.order]
        terms = deltas[:, :, None] * weights[self.cell_criterion][None, :, :]
        return np.add.reduceat(terms, self.starts, axis=1)

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


def _confidence(base: np.ndarray, central: np.ndarray, ranges: ScoreRanges,
                settings: SmaaSettings, rng: np.random.Generator, matrix: DecisionMatrix,
                draws: int, progress: ProgressCallback | None, cancelled: CancelCheck | None,
                done: int, work: int) -> np.ndarray:
    """Share of score draws in which each option ranks first at its central weights.

    All options are judged on the same score draws (common random numbers), so
    their confidence factors differ by their weights, not by sampling luck.
    """
    n = base.shape[0]
    out = np.full(n, np.nan)
    judged = np.flatnonzero(~np.isnan(central).any(axis=1))
    if judged.size == 0:
        return out
    scorer = ScoreSampler(matrix, ranges, settings.distribution, rng) if ranges.count else None
    layout = _CellLayout(ranges, *base.shape) if scorer is not None else None
    won = np.zeros(n)
    # (draws, options, judged) totals, built a block at a time small enough
    # to stay in cache, however many options and draws there are.
    group = max(1, min(judged.size, CONFIDENCE_ELEMENTS // n))
    block = max(1, CONFIDENCE_ELEMENTS // (n * group))
    seen = 0
    while seen < draws:
        if cancelled is not None and cancelled():
            raise SmaaCancelled()
        k = min(settings.chunk, draws - seen)
        drawn = scorer.draw(k) if scorer is not None else None
        for start in range(0, judged.size, group):
            part = judged[start:start + group]
            weights = central[part].T  # (criteria, judged)
            fixed = base @ weights
            weights32 = weights.astype(np.float32)
            for first in range(0, k, block):
                rows = min(block, k - first)
                totals = np.broadcast_to(fixed, (rows, n, part.size)).copy()
                if drawn is not None and layout is not None:
                    layout.add(totals, layout.shift_fixed(drawn[first:first + rows], weights32))
                best = totals.max(axis=1)
                top = totals >= best[:, None, :] - TIE
                # each judged option counts only its own column: first at its own weights
                own = top[:, part, np.arange(part.size)]
                won[part] += (own / top.sum(axis=1)).sum(axis=0)
        seen += k
        if progress is not None:
            progress(done + n * seen, work)
    out[judged] = won[judged] / draws
    return out

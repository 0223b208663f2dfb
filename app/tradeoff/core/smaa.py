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

Everything is vectorised over chunks of draws, each worked through in parts
small enough to stay in cache: one matrix product for the totals, one sort
of integer keys for the ranks (:mod:`tradeoff.core.smaa_ranking`), bincounts
for the tallies. The parts are worked on a few threads
(:mod:`tradeoff.core.smaa_threads`) and tallied in order. Results depend only
on the seed (numpy's PCG64 via :func:`numpy.random.default_rng`, with separate
streams for weights, scores and the confidence pass, the scores' in fixed
blocks of child streams), not on the number of threads.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

import numpy as np
import pandas as pd

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import SCORE_DISTRIBUTIONS, DecisionMatrix
from tradeoff.core.scoring import raw_matrix, value_matrix
from tradeoff.core.smaa_confidence import Cancelled, confidence_factors
from tradeoff.core.smaa_layout import CellLayout
from tradeoff.core.smaa_leaders import STORED_ELEMENTS, DrawRecord, leaders
from tradeoff.core.smaa_sampling import WeightSampler, WeightSpec
from tradeoff.core.smaa_scores import (
    STREAM,
    ScoreRanges,
    ScoreSampler,
    score_ranges,
    uncentred,
)
from tradeoff.core.smaa_tally import Tally, rank_shares, tally_draws
from tradeoff.core.smaa_threads import PartPool, default_threads

CHUNK = 10000
CONFIDENCE_SAMPLES = 10_000  # score draws per central weight vector
TOTALS_ELEMENTS = 20_000_000  # (draws, options) per chunk, at most
# Draws are totalled, ranked and tallied at most this many (draws × options, or
# draws × uncertain cells) at a time: the arrays of a part stay in cache and
# memory stays flat however many draws a chunk has. Only the work is sliced:
# the draws, and so the results, are the same.
PART_ELEMENTS = 1 << 21

_CellLayout = CellLayout  # the name the large-matrix tests patch

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
    # many leaders (the most often first, then by mean rank), from each draw's
    # ranks kept (or, too many to keep, the very same draws replayed): n² pairs per
    # draw is what makes a large matrix slow. None: all.
    pairwise_leaders: int | None = None
    # With the leaders only: False keeps rank acceptabilities for the leaders alone
    # (``SmaaResult.rank_rows``), not the (options × ranks) table.
    rank_table: bool = True
    # Worker threads (None: one per core, up to a few); the results are the same.
    threads: int | None = None


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
    # Row indices that ``rank_acceptability`` covers when only the leaders' rows were
    # kept (``SmaaSettings.rank_table`` False); None: every option.
    rank_rows: list[int] | None = None
    probability_first: np.ndarray | None = None  # (options,), kept whatever the rows
    # The score sampler that drew the run: the same seed gives the same draws only
    # with the same sampler (see smaa_scores.STREAM)
    stream: str = STREAM

    @property
    def distribution_text(self) -> str:
        """The run's distribution, or the mix when cells name their own."""
        mixed = {k: n for k, n in self.cell_distributions.items() if n}
        if not mixed or set(mixed) == {self.distribution}:
            return self.distribution
        return ", ".join(f"{k} ({n} cells)" for k, n in mixed.items())

    @property
    def probability_best(self) -> np.ndarray:
        """Each option's probability of ranking first, (options,)."""
        if self.rank_rows is not None and self.probability_first is not None:
            return self.probability_first
        return self.rank_acceptability[:, 0]

    def acceptability_of(self, rows: list[int]) -> np.ndarray:
        """The rank acceptabilities of ``rows`` (indices into ``options``); with only the
        leaders' rows kept, ``rows`` must be among ``rank_rows``."""
        if self.rank_rows is None:
            return self.rank_acceptability[rows]
        at = {r: i for i, r in enumerate(self.rank_rows)}
        return self.rank_acceptability[[at[r] for r in rows]]

    def acceptability_frame(self) -> pd.DataFrame:
        ranks = [f"rank {r + 1}" for r in range(len(self.options))]
        names = self.options if self.rank_rows is None \
            else [self.options[i] for i in self.rank_rows]
        return pd.DataFrame(self.rank_acceptability, index=pd.Index(names, name="option"),
                            columns=ranks)


def run_smaa(matrix: DecisionMatrix, settings: SmaaSettings,
             progress: ProgressCallback | None = None,
             cancelled: CancelCheck | None = None) -> SmaaResult:
    """Run the simulation; ``progress(done, total)`` after each chunk.

    ``cancelled()`` is asked before each chunk; when it returns True the run
    stops with :class:`SmaaCancelled` and nothing is returned.
    """
    # The matrix products here are thin (criteria deep) and come one part at a
    # time: BLAS threads cost more in waking up than they give, and on a busy
    # machine they made the run twice as slow. One thread, restored afterwards.
    # (imported here: the app's start-up has no use for it; an environment set up
    # before it was a dependency runs as before, only slower)
    # The parts of the draws are shared out among worker threads instead.
    with PartPool(settings.threads or default_threads()) as pool:
        try:
            from threadpoolctl import threadpool_limits
        except ImportError:
            return _run(matrix, settings, progress, cancelled, pool)
        with threadpool_limits(1, user_api="blas"):
            return _run(matrix, settings, progress, cancelled, pool)


def _run(matrix: DecisionMatrix, settings: SmaaSettings, progress: ProgressCallback | None,
         cancelled: CancelCheck | None, pool: PartPool) -> SmaaResult:
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
    few = settings.pairwise_leaders
    leaders_only = few is not None and n > few
    lean = leaders_only and not settings.rank_table
    tally = Tally(None if lean else np.zeros((n, n)), np.zeros((n, m)), np.zeros(n),
                  np.zeros((n, n)) if not leaders_only else np.zeros((0, 0)),
                  np.zeros(n) if lean else None)
    total = settings.samples
    confidence_draws = min(settings.confidence_samples, total) if scorer else 1
    work = total + confidence_draws  # the confidence pass counts toward progress too
    layout = CellLayout(ranges, n, m) if scorer is not None else None
    # With the leaders only, each draw's positions are recorded for counting the
    # leaders' figures at the end; when that record would be too large, the
    # samplers as they start replay the same draws instead (the matrix they read
    # stays shared: only their generators' states are copied).
    record = DrawRecord(total, n, _position_type(n)) \
        if leaders_only and total * n <= STORED_ELEMENTS else None
    replay = copy.deepcopy((weight_sampler, scorer), {id(matrix): matrix}) \
        if leaders_only and record is None else None
    jobs = _jobs(base, settings, weight_sampler, scorer, layout, cancelled)
    tally.count_pairs = pool.submit
    for (weights, totals, ranking), done in pool.ordered(jobs):
        positions, tied = tally_draws(totals, weights, tally, pairs=not leaders_only,
                                      ranking=ranking)
        if record is not None:
            record.add(positions, tied, totals)
        if done is not None and progress is not None:
            progress(done, work)
    tally.flush_pairs()
    tally.count_pairs = None
    rows_with_pairs = None
    rank_counts = tally.ranks
    if leaders_only and few is not None:
        rank_sum = tally.rank_sum if lean else tally.ranks @ np.arange(n)
        rows_with_pairs = leaders(tally.ranks[:, 0] if tally.ranks is not None
                                  else tally.first_count, rank_sum, total, few)
        leader_ranks, tally.above = record.leader_counts(rows_with_pairs) if record is not None \
            else _replayed_counts(base, settings, *replay, layout, rows_with_pairs)
        if lean:
            rank_counts = leader_ranks
    with np.errstate(invalid="ignore", divide="ignore"):
        central = tally.first_weights / tally.first_count[:, None]
    central[tally.first_count == 0] = np.nan
    try:
        confidence = confidence_factors(
            base, central, ranges, matrix, settings.distribution, confidence_rng,
            confidence_draws, settings.chunk,
            progress=None if progress is None else lambda seen: progress(total + seen, work),
            cancelled=cancelled, pool=pool)
    except Cancelled:
        raise SmaaCancelled() from None
    return SmaaResult(
        options=[matrix.options[i].id for i in rows], criteria=[c.id for c in matrix.criteria],
        samples=total, seed=seed, weight_mode=settings.weights.mode,
        distribution=settings.distribution, rank_acceptability=rank_counts / total,
        central_weights=central, confidence=confidence, pairwise=tally.above / total,
        uncertain_cells=ranges.count,
        cell_distributions=_distribution_counts(ranges, settings.distribution),
        weight_bounds=_bounds(matrix, settings.weights),
        left_out=[o.id for i, o in enumerate(matrix.options) if i not in rows],
        pairwise_rows=rows_with_pairs, rank_rows=rows_with_pairs if lean else None,
        probability_first=tally.first_count / total, stream=STREAM)


def _jobs(base: np.ndarray, settings: SmaaSettings, weight_sampler: WeightSampler,
          scorer: ScoreSampler | None, layout: CellLayout | None,
          cancelled: CancelCheck | None) -> Iterator[tuple[Callable[[], tuple], int | None]]:
    """Each part's job, tagged at the end of a chunk with the draws done by then;
    read lazily, so the cancel check before each chunk stops the run promptly."""
    n, total, done = base.shape[0], settings.samples, 0
    while done < total:
        if cancelled is not None and cancelled():
            raise SmaaCancelled()
        k = min(_chunk(settings, n), total - done)
        parts = _part_jobs(base, weight_sampler, scorer, layout, k)
        for i, job in enumerate(parts):
            yield job, done + k if i == len(parts) - 1 else None
        done += k


def _part_jobs(base: np.ndarray, weight_sampler: WeightSampler, scorer: ScoreSampler | None,
               layout: CellLayout | None, k: int) -> list[Callable[[], tuple]]:
    """One chunk of ``k`` draws as jobs, one per part small enough to stay in cache,
    each giving (weights, totals, :func:`rank_shares` of the totals).

    The weights are drawn for the whole chunk here and the score blocks planned
    in order, so the numbers are those of one draw of ``k`` whichever thread works
    a part and however the chunk is split.
    """
    weights = weight_sampler.draw(k)
    n = base.shape[0]
    base_t = np.ascontiguousarray(uncentred(base, scorer).T)
    cells = scorer.ranges.count if scorer is not None else 0
    rows = max(1, PART_ELEMENTS // max(n, cells, 1))
    if scorer is None:
        return [partial(_part, weights[first:first + rows], base_t, None, None, None)
                for first in range(0, k, rows)]
    jobs, first = [], 0
    for blocks in scorer.plan(k, rows):
        size = sum(b for _, b in blocks)
        jobs.append(partial(_part, weights[first:first + size], base_t, scorer, blocks, layout))
        first += size
    return jobs


def _part(weights: np.ndarray, base_t: np.ndarray, scorer: ScoreSampler | None,
          blocks: list[tuple[int, int]] | None, layout: CellLayout | None) -> tuple:
    totals = weights @ base_t
    if scorer is not None and blocks is not None and layout is not None:
        for first, drawn in scorer.pieces(blocks, centred=False):  # used while in cache
            rows = slice(first, first + drawn.shape[0])
            layout.add(totals[rows], layout.shift(drawn, weights[rows]))
    return weights, totals, rank_shares(totals)


def _draws(base: np.ndarray, weight_sampler: WeightSampler, scorer: ScoreSampler | None,
           layout: CellLayout | None, k: int) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """The parts of :func:`_part_jobs` worked here, in order, as (weights, totals)."""
    for job in _part_jobs(base, weight_sampler, scorer, layout, k):
        weights, totals, _ = job()
        yield weights, totals


def _position_type(n: int) -> type:
    return np.uint8 if n <= 255 else np.uint16 if n <= 65535 else np.int32


def _chunk(settings: SmaaSettings, options: int) -> int:
    """Draws per chunk: the setting, unless (draws × options) totals, their order and
    ranks would outgrow TOTALS_ELEMENTS (10,000 options: 2,000 draws at a time).

    The chunk decides how the weights are drawn (some samplers draw in batches), so
    it stays as it is; the work within a chunk goes a cache-sized part at a time.
    """
    if options * settings.chunk <= TOTALS_ELEMENTS:
        return settings.chunk
    return max(1, TOTALS_ELEMENTS // options)


def _replayed_counts(base: np.ndarray, settings: SmaaSettings, weight_sampler: WeightSampler,
                     scorer: ScoreSampler | None, layout: CellLayout | None,
                     rows: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """The leaders' rank counts and pairwise wins (see :meth:`DrawRecord.leader_counts`)
    on the main pass's draws replayed, a part at a time."""
    n = base.shape[0]
    ranks, above = np.zeros((len(rows), n)), np.zeros((len(rows), len(rows)))
    done = 0
    while done < settings.samples:
        k = min(_chunk(settings, n), settings.samples - done)
        for _, totals in _draws(base, weight_sampler, scorer, layout, k):
            _, positions, tied = rank_shares(totals)
            part = DrawRecord(totals.shape[0], n, positions.dtype)
            part.add(positions, tied, totals)
            part_ranks, part_above = part.leader_counts(rows)
            ranks += part_ranks
            above += part_above
        done += k
    return ranks, above


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

"""The additive value model (MAVT): total = Σ normalised weight × value.

Scoring is a pure function of the matrix and a weight profile. The value
matrix does not depend on the weights, so callers that re-weight many times
(sliders, Monte Carlo) compute it once with :func:`value_matrix` and call
:func:`additive_totals`.

Reference: Keeney, R. L. & Raiffa, H. (1976), *Decisions with Multiple
Objectives*, ch. 3; Belton, V. & Stewart, T. J. (2002), *Multiple Criteria
Decision Analysis: An Integrated Approach*, ch. 5.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionDtype

try:  # pandas 3 puts a frame together from blocks given as they are
    from pandas.api.internals import create_dataframe_from_blocks as _from_blocks
except ImportError:  # pandas 2: the names are set into a frame made whole
    _from_blocks = None

from tradeoff.core.model import Criterion, DecisionMatrix, WeightProfile
from tradeoff.core.row_parts import in_row_blocks, start_row_blocks
from tradeoff.core.values import breakpoints, outside_scale, piecewise
from tradeoff.core.weights import normalised_weights

RANK_DECIMALS = 12  # totals equal to 12 decimals are a tie, not a rounding accident
LARGE_TABLE = 200_000  # cells (options × criteria) from which a result table is not copied


@dataclass(frozen=True)
class ScoringIssue:
    """Something scoring noticed: a missing score or one outside the scale."""

    kind: str  # "missing" | "outside-scale"
    option: str
    criterion: str
    message: str


@dataclass
class ScoreResult:
    """Scores of every option under one profile.

    ``table`` has one row per option (index: option id, in matrix order) and
    columns ``("value", c)`` and ``("contribution", c)`` for every criterion
    id ``c``, then ``("name", "")``, ``("total", "")``, ``("rank", "")`` and
    ``("margin", "")``. Options with a missing score get no total and no rank.
    """

    table: pd.DataFrame
    weights: pd.Series
    profile: str
    method: str = "additive value model"
    issues: list[ScoringIssue] = field(default_factory=list)

    @property
    def totals(self) -> pd.Series:
        return self.table[("total", "")]

    @property
    def ranks(self) -> pd.Series:
        return self.table[("rank", "")]

    def ranking(self) -> pd.DataFrame:
        """Rank, option name, total and margin, best first (unranked last)."""
        t = self.table
        out = pd.DataFrame({
            "rank": t[("rank", "")], "option": t[("name", "")],
            "total": t[("total", "")], "margin": t[("margin", "")],
        }, index=t.index.rename("id"))
        return out.sort_values(["rank", "option"], na_position="last", kind="stable")

    def contributions(self) -> pd.DataFrame:
        return self._block("contribution")

    def values(self) -> pd.DataFrame:
        return self._block("value")

    def _block(self, name: str) -> pd.DataFrame:
        # A matrix with no criteria has no columns under the name at all.
        if name not in self.table.columns.get_level_values(0):
            return pd.DataFrame(index=self.table.index)
        return self.table[name]

    @property
    def winner(self) -> str | None:
        r = self.ranks.dropna()
        return None if r.empty else str(r.idxmin())


def raw_matrix(matrix: DecisionMatrix) -> np.ndarray:
    """Scores as numbers (level positions for level scales), NaN where missing."""
    return raw_block(matrix, [o.id for o in matrix.options], matrix.criteria)


def raw_block(matrix: DecisionMatrix, option_ids: list[str],
              criteria: list[Criterion], copy: bool = True) -> np.ndarray:
    """The raw scores of some options on some criteria, as :func:`raw_matrix` reads them.

    The plain numbers come from the score store's arrays in one block; only the
    cells holding something else (level names, other number types) are read one
    by one, and an unknown level stays missing (it is reported as such).
    Without ``copy`` the block may be a read-only view of the store (see
    :meth:`~tradeoff.core.score_store.ScoreStore.numbers`), to be read at once.
    """
    out, others = matrix.scores.numbers(option_ids, [c.id for c in criteria], copy=copy)
    for i, j, v in others:
        try:
            out[i, j] = criteria[j].to_number(v)
        except (KeyError, TypeError, ValueError):
            continue
    return out


def value_matrix(matrix: DecisionMatrix, raw: np.ndarray | None = None,
                 out: np.ndarray | None = None) -> np.ndarray:
    """Values 0..1 for every cell (beyond 0..1 for out-of-scale scores, NaN if missing).

    ``out`` (options × criteria, any memory order) receives the values when
    given, so a caller can place them straight into a larger table.
    """
    if raw is None:
        # The values are a new array, so the scores need not be copied out first:
        # on a large matrix that copy costs as much as the values themselves.
        raw = raw_block(matrix, [o.id for o in matrix.options], matrix.criteria, copy=False)
    if out is None:
        out = np.empty(raw.shape, dtype=float)
    # Each cell's value depends on that cell alone, so blocks of rows may be worked
    # on side by side.
    plan = value_plan(matrix.criteria)
    in_row_blocks(raw.shape[0], raw.size,
                  lambda rows: value_columns(matrix.criteria, raw[rows], out[rows], plan))
    return out


@dataclass(frozen=True)
class ValuePlan:
    """What :func:`value_columns` needs of a list of criteria, worked out once for
    the many blocks of rows of one scoring: the linear anchors of every column and
    the points of the piecewise ones."""

    worst: np.ndarray
    span: np.ndarray
    bent: list[int]  # the piecewise columns …
    points: list[tuple[np.ndarray, np.ndarray]]  # … and their breakpoints


def value_plan(criteria: list[Criterion]) -> ValuePlan:
    worst = np.array([c.worst for c in criteria], dtype=float)
    span = np.array([c.best for c in criteria], dtype=float) - worst
    bent = [j for j, c in enumerate(criteria) if c.value_points]
    return ValuePlan(worst, span, bent, [breakpoints(criteria[j]) for j in bent])


def value_columns(criteria: list[Criterion], raw: np.ndarray,
                  out: np.ndarray | None = None, plan: ValuePlan | None = None,
                  extremes: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Values of ``raw`` (rows × the given criteria, in order) on those criteria.

    Linear criteria are mapped in one pass over the whole array; only the
    piecewise ones go column by column. Every cell's value depends on that cell
    alone, so a block of rows gives the same numbers as the whole matrix.
    ``plan`` is :func:`value_plan` of the criteria and ``extremes``
    :func:`column_extremes` of ``raw``, when the caller has them: a piecewise
    column then skips looking for scores beyond its points where there are none.
    """
    if out is None:
        out = np.empty(raw.shape, dtype=float)
    if not criteria:
        return out
    plan = plan or value_plan(criteria)
    # Exactly value_function's linear formula, broadcast over the columns; its
    # + 0.0 turns -0.0 (a cost criterion at its worst) into a plain 0.0, and one
    # pass over the whole array is quicker than one per cost column.
    np.subtract(raw, plan.worst, out=out)
    np.divide(out, plan.span, out=out)
    if extremes is None or _may_give_negative_zero(plan, extremes):
        np.add(out, 0.0, out=out)
    if plan.bent:
        # The piecewise columns are copied out contiguous first: interpolating
        # down a column of a row-major array reads memory with a stride.
        columns = np.ascontiguousarray(raw[:, plan.bent].T)
        for row, (j, (px, pv)) in enumerate(zip(plan.bent, plan.points, strict=True)):
            # value_function's piecewise formula (NaN extremes: nothing to look for)
            below = extremes is None or bool(extremes[0][j] < px[0])
            above = extremes is None or bool(extremes[1][j] > px[-1])
            columns[row] = piecewise(columns[row], px, pv, below, above)
        out[:, plan.bent] = columns.T
    return out


def _may_give_negative_zero(plan: ValuePlan, extremes: tuple[np.ndarray, np.ndarray]) -> bool:
    """Whether (score − worst) / span can be −0.0 for a score within ``extremes``.

    The quotient is −0.0 only where the difference is zero or has the other sign than
    the span (a score at or beyond the worst end: at most the worst on a benefit
    criterion, at least the worst on a cost one), including −0.0 − 0.0 and a quotient
    that underflows. A piece of rows whose scores all lie on the best side of every
    worst end needs no pass to turn −0.0 into 0.0. NaN extremes (no scores) compare
    False, so such a column is taken as possibly giving −0.0.
    """
    smallest, largest = extremes
    clear = np.where(plan.span > 0, smallest > plan.worst, largest < plan.worst)
    return not bool(clear.all())


def additive_totals(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Σ weight × value per row. NaN where any value is missing."""
    return values @ weights


def competition_ranks(totals: np.ndarray) -> np.ndarray:
    """Ranks, 1 = best; ties share the better rank (1, 1, 3); NaN totals get NaN."""
    t = np.round(np.asarray(totals, dtype=float), RANK_DECIMALS)
    ranks = np.full(t.shape, np.nan)
    ok = ~np.isnan(t)
    tv = t[ok]
    # rank = 1 + the number of options strictly better
    ranks[ok] = np.searchsorted(np.sort(-tv), -tv, side="left") + 1
    return ranks


def margins(totals: np.ndarray) -> np.ndarray:
    """Each option's lead over the option ranked just below it (NaN for the last)."""
    t = np.asarray(totals, dtype=float)
    out = np.full(t.shape, np.nan)
    ok = np.flatnonzero(~np.isnan(t))
    if ok.size < 2:
        return out
    order = ok[np.argsort(-t[ok], kind="stable")]
    out[order[:-1]] = t[order[:-1]] - t[order[1:]]
    return out


def _ranks_and_margins(totals: np.ndarray, ranks: np.ndarray, leads: np.ndarray) -> None:
    """:func:`competition_ranks` and :func:`margins` of ``totals`` from one sort, into
    ``ranks`` and ``leads``.

    Rounding is monotonic, so the order that sorts the totals also sorts them
    rounded to RANK_DECIMALS; an option's rank is then 1 + the position where its
    run of equal rounded totals starts, the number of options strictly better.
    """
    t = np.asarray(totals, dtype=float)
    missing = np.isnan(t)
    # Without a missing total (the usual case) the totals are sorted as they are,
    # sparing two gathers and the fills of every row.
    ok = np.flatnonzero(~missing) if missing.any() else None
    if ok is not None:
        ranks.fill(np.nan)
        leads.fill(np.nan)
    if t.size == 0 or (ok is not None and ok.size == 0):
        return
    keys = -t if ok is None else -t[ok]
    order = np.argsort(keys)
    ordered = t[order] if ok is None else t[ok[order]]
    if (ordered[1:] == ordered[:-1]).any():
        # Equal totals keep the options' order (which of them shows the lead over
        # the next); without ties the quicker sort's order is that order already.
        order = np.argsort(keys, kind="stable")
        ordered = t[order] if ok is None else t[ok[order]]
    if ok is not None:
        order = ok[order]
    leads[order[:-1]] = ordered[:-1] - ordered[1:]
    leads[order[-1]] = np.nan
    rounded = np.round(ordered, RANK_DECIMALS)
    starts = np.ones(rounded.size, dtype=bool)
    np.not_equal(rounded[1:], rounded[:-1], out=starts[1:])
    place = np.arange(1, rounded.size + 1, dtype=float)
    if not starts.all():  # tied after rounding: each takes the place its run starts at
        place = np.maximum.accumulate(np.where(starts, place, 0))
    ranks[order] = place


def find_issues(matrix: DecisionMatrix, raw: np.ndarray,
                totals: np.ndarray | None = None,
                extremes: tuple[np.ndarray, np.ndarray] | None = None) -> list[ScoringIssue]:
    """Missing scores and scores outside their scale.

    Callers that hold them may pass, to spare a pass over ``raw`` each: ``totals``,
    the weighted sums of ``raw``'s values (a missing cell makes its row's total
    NaN, its contribution being NaN whatever the weight, so no NaN total, no gap),
    and ``extremes``, :func:`column_extremes` of ``raw``."""
    issues: list[ScoringIssue] = []
    # A sum is NaN if any cell is (or on overflow, when the exact scan below finds nothing).
    sums = totals if totals is not None else np.add.reduce(raw, axis=None)
    missing = np.isnan(raw) if np.isnan(sums).any() else np.zeros((0, 2))
    for i, j in zip(*np.nonzero(missing), strict=True):
        o, c = matrix.options[i], matrix.criteria[j]
        issues.append(ScoringIssue("missing", o.id, c.id,
                                   f"{o.name} has no score on {c.name}"))
    if not matrix.criteria:
        return issues
    # One pass over the whole array finds the columns worth a closer look; only a
    # column beyond its anchors is scanned cell by cell.
    low = np.array([c.low for c in matrix.criteria], dtype=float)
    high = np.array([c.high for c in matrix.criteria], dtype=float)
    smallest, largest = column_extremes(raw) if extremes is None else extremes
    beyond = (smallest < low) | (largest > high)
    for j in np.flatnonzero(beyond):
        c = matrix.criteria[j]
        for i in np.flatnonzero(outside_scale(c, raw[:, j])):
            o = matrix.options[i]
            issues.append(ScoringIssue(
                "outside-scale", o.id, c.id,
                f"{o.name} scores {c.format_value(raw[i, j])} on {c.name}, outside the scale "
                f"{c.format_value(c.worst)} (worst) … {c.format_value(c.best)} (best)"))
    return issues


def score(matrix: DecisionMatrix, profile: WeightProfile | str | None = None,
          raw: np.ndarray | None = None) -> ScoreResult:
    """Score every option with the additive value model under ``profile``.

    ``profile`` may be a profile, its id, or None for the active profile.
    ``raw`` (options × criteria numbers, as :func:`raw_matrix` returns) may be
    passed by callers that already hold it. Raises
    :class:`~tradeoff.core.errors.WeightError` for unusable weights.
    """
    if not isinstance(profile, WeightProfile):
        profile = matrix.profile(profile)
    raw = raw_matrix(matrix) if raw is None else raw
    weights = normalised_weights(matrix, profile)
    n, k = raw.shape
    values, contributions, totals = np.empty((n, k)), np.empty((n, k)), np.empty(n)
    plan = value_plan(matrix.criteria)

    def weigh(rows: slice) -> tuple[np.ndarray, np.ndarray]:
        # A piece of rows at a time, each step of it done while the piece is in cache:
        # one trip to memory for each array instead of one per step.
        extremes = []
        for piece in _pieces(rows, k):
            block = raw[piece]
            extremes.append(column_extremes(block))
            value_columns(matrix.criteria, block, values[piece], plan, extremes[-1])
            # Row by row in C-ordered arrays, as everywhere else the totals are computed:
            # a row sum over another memory order adds in another order, and callers
            # compare totals exactly.
            np.multiply(values[piece], weights, out=contributions[piece])
            # The total is the row sum of the very contributions shown, so they add up
            # exactly.
            np.sum(contributions[piece], axis=1, out=totals[piece])
        return (np.fmin.reduce([e[0] for e in extremes]),
                np.fmax.reduce([e[1] for e in extremes]))

    # The numbers are worked out on threads while this one, holding the
    # interpreter, lists the option ids and names for the table.
    wait = start_row_blocks(n, n * k, weigh)
    labels = table_labels(matrix)
    blocks = wait()
    extremes = (np.fmin.reduce([b[0] for b in blocks]), np.fmax.reduce([b[1] for b in blocks]))
    return ScoreResult(
        table=result_table(matrix, values, contributions, totals, labels=labels),
        weights=pd.Series(weights, index=[c.id for c in matrix.criteria], name="weight"),
        profile=profile.id,
        issues=find_issues(matrix, raw, totals, extremes),
    )


PIECE_CELLS = 1 << 18  # cells scored at a time: a 2 MB array of each kind, kept in cache


def _pieces(rows: slice, k: int) -> list[slice]:
    """``rows`` (a slice with start and stop) in consecutive pieces of about
    PIECE_CELLS cells of ``k`` criteria each."""
    step = max(1, PIECE_CELLS // max(k, 1))
    return [slice(first, min(first + step, rows.stop))
            for first in range(rows.start, rows.stop, step)] or [rows]


def column_extremes(raw: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each column's smallest and largest score, skipping missing ones (NaN for an
    all-missing column or a matrix without rows)."""
    if not raw.shape[0]:
        empty = np.full(raw.shape[1], np.nan)
        return empty, empty
    return _down_columns(np.fmin, raw), _down_columns(np.fmax, raw)


def _down_columns(reduce: np.ufunc, raw: np.ndarray, rows_at_once: int = 32) -> np.ndarray:
    """``reduce`` (fmin or fmax) down each column of ``raw``. Down a row-major
    array numpy steps one row of k numbers at a time; seen as rows of
    ``rows_at_once`` × k numbers, the steps are longer and the pass about three times
    quicker, and the smallest (largest) number is the same in any order."""
    n, k = raw.shape
    whole = n // rows_at_once * rows_at_once
    if not whole or not raw.flags.c_contiguous:
        return reduce.reduce(raw, axis=0)
    wide = reduce.reduce(raw[:whole].reshape(-1, rows_at_once * k), axis=0)
    out = reduce.reduce(wide.reshape(rows_at_once, k), axis=0)
    if whole < n:
        out = reduce(out, reduce.reduce(raw[whole:], axis=0))
    return out


@dataclass(frozen=True)
class TableLabels:
    """The result table's row labels: the options' ids (its index) and names (its
    name column), both already in pandas' string form."""
    index: pd.Index
    names: pd.Index


# The labels last made, with the ids and names they were made from: re-scoring the
# same options (each step of a weight slider) reuses them rather than turning 10,000s
# of strings into pandas strings again. Replaced as one tuple, so threads that score
# at once read either the old entry or the new one whole.
_last_labels: tuple[list[str], list[str], TableLabels] | None = None


def table_labels(matrix: DecisionMatrix) -> TableLabels:
    global _last_labels
    ids = [o.id for o in matrix.options]
    names = [o.name for o in matrix.options]
    last = _last_labels
    if last is not None and last[0] == ids and last[1] == names:
        labels = last[2]
    else:
        labels = TableLabels(pd.Index(ids, name="option"), pd.Index(names))
        _last_labels = (ids, names, labels)
    # Each table gets an index object of its own (sharing the immutable data), so
    # renaming one table's index renames no other; the name column is copied in.
    return TableLabels(labels.index.copy(), labels.names)


def result_table(matrix: DecisionMatrix, values: np.ndarray, contributions: np.ndarray,
                 totals: np.ndarray, higher_is_better: bool = True,
                 labels: TableLabels | None = None) -> pd.DataFrame:
    """The standard result DataFrame shared by every scoring method. When lower
    totals are better (VIKOR's Q), ranks and margins are taken on the negated
    totals, so rank 1 is still the best and a margin still the lead over the next.
    ``labels`` are :func:`table_labels` of the matrix, when the caller has them."""
    n, k = values.shape
    crit_ids = tuple(c.id for c in matrix.criteria)
    columns = _result_columns(crit_ids)
    labels = table_labels(matrix) if labels is None else labels
    index = labels.index
    tail = np.empty((n, 3))  # total, rank, margin
    tail[:, 0] = totals
    ranks, leads = np.empty(n), np.empty(n)
    _ranks_and_margins(totals if higher_is_better else -totals, ranks, leads)
    tail[:, 1] = ranks
    tail[:, 2] = leads
    if n * k < LARGE_TABLE:
        # One block: for a small table, building one frame is quicker than joining three.
        # The columns are made with the name column in its place: inserting a column
        # builds the columns' MultiIndex again. As an Index, the names take the type
        # inserting them would give (object when there are none, where an empty list
        # would take the float column's type).
        names = labels.names
        if _from_blocks is not None and isinstance(names.dtype, ExtensionDtype):
            # pandas strings: the number block and the name column are put together as
            # they are, the names copied so no other table shares them.
            block = np.empty((n, 2 * k + 3))
            block[:, :k], block[:, k:2 * k], block[:, 2 * k:] = values, contributions, tail
            around_names = np.concatenate([np.arange(2 * k), np.arange(2 * k + 1, 2 * k + 4)])
            return _from_blocks([(block.T, around_names), (names.array.copy(), np.array([2 * k]))],
                                index=index, columns=_named_result_columns(crit_ids))
        block = np.empty((n, 2 * k + 4))
        block[:, :k], block[:, k:2 * k], block[:, 2 * k + 1:] = values, contributions, tail
        table = pd.DataFrame(block, index=index, columns=_named_result_columns(crit_ids),
                             copy=False)
        table.isetitem(2 * k, names)
        return table
    # The arrays become the frame's blocks as they are: copying 2 × n × k numbers
    # into one block would take longer than computing them.
    names = labels.names
    if _from_blocks is not None and isinstance(names.dtype, ExtensionDtype):
        # Put together in place, the name column among them: joining three frames and
        # inserting a column took as long as ranking the options.
        return _from_blocks([(values.T, np.arange(k)), (contributions.T, np.arange(k, 2 * k)),
                             (names.array.copy(), np.array([2 * k])),
                             (tail.T, np.arange(2 * k + 1, 2 * k + 4))],
                            index=index, columns=_named_result_columns(crit_ids))
    table = pd.concat([
        pd.DataFrame(values, index=index, columns=columns[:k], copy=False),
        pd.DataFrame(contributions, index=index, columns=columns[k:2 * k], copy=False),
        pd.DataFrame(tail, index=index, columns=columns[2 * k:], copy=False),
    ], axis=1)
    table.insert(2 * k, ("name", ""), labels.names)
    return table


@functools.lru_cache(maxsize=64)
def _named_result_columns(crit_ids: tuple[str, ...]) -> pd.MultiIndex:
    """:func:`_result_columns` with ``("name", "")`` in its place after the contributions."""
    return _result_columns(crit_ids).insert(2 * len(crit_ids), ("name", ""))


@functools.lru_cache(maxsize=64)
def _result_columns(crit_ids: tuple[str, ...]) -> pd.MultiIndex:
    """The result table's columns; built once per set of criteria (building a
    MultiIndex takes longer than a whole cross-check method at 1,000 options).
    pandas indexes are immutable, so tables may share one."""
    return pd.MultiIndex.from_tuples(
        [*(("value", c) for c in crit_ids), *(("contribution", c) for c in crit_ids),
         ("total", ""), ("rank", ""), ("margin", "")])

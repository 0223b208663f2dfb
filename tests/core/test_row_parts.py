"""Scoring shared out over threads gives the numbers one thread gives, bit for bit,
and the quicker column passes find what the plain ones find."""

from __future__ import annotations

import numpy as np
import pytest

import tradeoff.core.row_parts as row_parts
import tradeoff.core.scoring as scoring
from tradeoff.core.model import Criterion, DecisionMatrix, Direction, Option, Score, WeightProfile
from tradeoff.core.row_parts import in_row_blocks, start_row_blocks
from tradeoff.core.scoring import column_extremes, find_issues, raw_matrix, score, value_matrix
from tradeoff.core.values import value_function


def _matrix(n: int, k: int, seed: int = 3) -> tuple[DecisionMatrix, np.ndarray]:
    rng = np.random.default_rng(seed)
    criteria = [Criterion(f"c{j}", f"C{j}", worst=10 if j % 3 == 0 else 0,
                          best=0 if j % 3 == 0 else 10,
                          direction=Direction.COST if j % 3 == 0 else Direction.BENEFIT,
                          value_points=[(0, 0), (4, 0.6), (10, 1)] if j % 5 == 1 else [])
                for j in range(k)]
    m = DecisionMatrix(criteria=criteria, options=[Option(f"o{i}", f"O{i}") for i in range(n)])
    m.profiles.append(WeightProfile("p", "P", {c.id: float(rng.uniform(1, 5)) for c in criteria}))
    raw = rng.uniform(-0.5, 10.5, size=(n, k))  # a few cells beyond their scale
    raw[rng.random((n, k)) < 0.001] = np.nan
    return m, raw


def _one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(row_parts, "SHARED_FROM", 10**12)


def test_blocks_cover_every_row_once_in_order(monkeypatch):
    monkeypatch.setattr(row_parts, "default_threads", lambda: 3)
    seen = in_row_blocks(10, 10**7, lambda rows: (rows.start, rows.stop))
    assert seen == [(0, 3), (3, 6), (6, 10)]
    assert in_row_blocks(10, 10, lambda rows: (rows.start, rows.stop)) == [(0, 10)]


def test_an_error_in_a_block_reaches_the_caller(monkeypatch):
    monkeypatch.setattr(row_parts, "default_threads", lambda: 2)

    def job(rows: slice) -> None:
        if rows.start:
            raise ValueError("second block")

    wait = start_row_blocks(100, 10**7, job)
    with pytest.raises(ValueError, match="second block"):
        wait()


def test_threaded_score_equals_one_thread_bit_for_bit(monkeypatch):
    m, raw = _matrix(30_001, 40)  # 1.2 M cells: shared out; an odd row count
    monkeypatch.setattr(row_parts, "default_threads", lambda: 2)
    shared = score(m, "p", raw=raw)
    shared_values = value_matrix(m, raw)
    _one_thread(monkeypatch)
    alone = score(m, "p", raw=raw)
    assert shared.table.equals(alone.table)
    assert np.array_equal(shared_values, value_matrix(m, raw), equal_nan=True)
    assert [(i.kind, i.option, i.criterion) for i in shared.issues] == \
        [(i.kind, i.option, i.criterion) for i in alone.issues]
    assert any(i.kind == "outside-scale" for i in shared.issues)
    assert any(i.kind == "missing" for i in shared.issues)


@pytest.mark.parametrize("n", [0, 1, 31, 32, 33, 1000, 1001])
def test_column_extremes_equal_the_plain_reductions(n):
    rng = np.random.default_rng(n)
    raw = rng.normal(size=(n, 7))
    raw[rng.random((n, 7)) < 0.2] = np.nan
    if n > 3:
        raw[:, 2] = np.nan  # a column with no score at all
    smallest, largest = column_extremes(raw)
    with np.errstate(invalid="ignore"):
        want_min = np.fmin.reduce(raw, axis=0) if n else np.full(7, np.nan)
        want_max = np.fmax.reduce(raw, axis=0) if n else np.full(7, np.nan)
    assert np.array_equal(smallest, want_min, equal_nan=True)
    assert np.array_equal(largest, want_max, equal_nan=True)
    # a strided view (as the score store hands out) takes the plain path
    wide = np.full((n, 9), 99.0)
    wide[:, :7] = raw
    assert np.array_equal(column_extremes(wide[:, :7])[0], want_min, equal_nan=True)


def test_find_issues_with_and_without_the_precomputed_passes():
    m, raw = _matrix(500, 12, seed=8)
    r = score(m, "p", raw=raw)
    totals = r.totals.to_numpy()
    keys = [(i.kind, i.option, i.criterion) for i in find_issues(m, raw)]
    assert keys == [(i.kind, i.option, i.criterion)
                    for i in find_issues(m, raw, totals, column_extremes(raw))]
    assert {"missing", "outside-scale"} <= {k[0] for k in keys}


def test_value_matrix_reads_the_store_without_copying_and_leaves_it_unchanged():
    m, raw = _matrix(200, 6, seed=5)
    for i, o in enumerate(m.options):
        for j, c in enumerate(m.criteria):
            if not np.isnan(raw[i, j]):
                m.scores[(o.id, c.id)] = Score(value=float(raw[i, j]))
    before = raw_matrix(m)
    view, others = m.scores.numbers([o.id for o in m.options], [c.id for c in m.criteria],
                                    copy=False)
    assert not others and not view.flags.writeable
    with pytest.raises(ValueError):
        view[0, 0] = 1.0
    assert np.array_equal(value_matrix(m), value_matrix(m, before), equal_nan=True)
    assert np.array_equal(raw_matrix(m), before, equal_nan=True)
    # a cell holding a level name makes the numbers a fresh array to fill in
    m.criteria[0].levels = ["low", "mid", "high"]
    m.scores[(m.options[0].id, m.criteria[0].id)] = Score(value="mid")
    fresh, others = m.scores.numbers([o.id for o in m.options], [c.id for c in m.criteria],
                                     copy=False)
    assert others and fresh.flags.writeable


def test_pieces_and_the_large_table_give_the_whole_matrix_small_table(monkeypatch):
    m, raw = _matrix(20_001, 30)  # 600,000 cells: several pieces, a large table
    assert raw.size >= scoring.LARGE_TABLE and raw.size > 2 * scoring.PIECE_CELLS
    _one_thread(monkeypatch)
    pieced = score(m, "p", raw=raw)
    monkeypatch.setattr(scoring, "PIECE_CELLS", 10**12)
    monkeypatch.setattr(scoring, "LARGE_TABLE", 10**12)
    whole = score(m, "p", raw=raw)
    assert pieced.table.equals(whole.table)
    assert pieced.table.columns.equals(whole.table.columns)
    assert pieced.table.index.equals(whole.table.index)
    assert list(pieced.table.dtypes) == list(whole.table.dtypes)
    assert [(i.kind, i.option, i.criterion) for i in pieced.issues] == \
        [(i.kind, i.option, i.criterion) for i in whole.issues]
    # the name column is the table's own: writing to it leaves the next table alone
    pieced.table.loc["o0", ("name", "")] = "renamed"
    assert score(m, "p", raw=raw).table.loc["o0", ("name", "")] == "O0"


def test_pieces_without_scores_beyond_the_points_give_value_functions_numbers(monkeypatch):
    """A piece whose piecewise scores all lie within the points skips the search for
    ones beyond; a piece with some extrapolates them as value_function does."""
    m, raw = _matrix(12_000, 10, seed=11)
    bent = [j for j, c in enumerate(m.criteria) if c.value_points]
    raw[:, bent] = np.clip(raw[:, bent], 0, 10)
    raw[-3:, bent] = [[-2.0], [12.5], [np.nan]]  # beyond, both ways, in the last piece only
    monkeypatch.setattr(scoring, "PIECE_CELLS", 20_000)  # pieces of 2,000 rows
    _one_thread(monkeypatch)
    values = score(m, "p", raw=raw).table["value"].to_numpy()
    for j, c in enumerate(m.criteria):
        assert np.array_equal(values[:, j], value_function(c, raw[:, j]), equal_nan=True), c.id
    assert values[-3, bent[0]] < 0 and values[-2, bent[0]] > 1


@pytest.mark.parametrize("at_worst", [-0.0, 0.0, 10.0, None])
def test_values_carry_no_negative_zero_whichever_pass_is_spared(at_worst):
    """The pass that turns −0.0 into 0.0 is skipped only for pieces whose scores all
    lie on the best side of every worst end; a piece with a score at a worst end
    (−0.0 on a benefit criterion from 0, 10 on a cost one) still gets it, so the values
    equal value_function's bit for bit, sign of zero included."""
    m, raw = _matrix(3000, 6)
    raw = np.clip(np.nan_to_num(raw, nan=5.0), 0.25, 9.75)  # all clear of the worst ends
    if at_worst is not None:
        column = 0 if at_worst == 10.0 else 1  # c0 is a cost criterion, c1 a benefit one
        m.criteria[1].value_points = []
        raw[1234, column] = at_worst
    values = score(m, raw=raw).table["value"].to_numpy()
    expected = np.column_stack([value_function(c, raw[:, j]) for j, c in enumerate(m.criteria)])
    assert np.array_equal(values, expected)
    assert not np.signbit(values[values == 0]).any()
    if at_worst is not None:
        assert (values == 0).any()

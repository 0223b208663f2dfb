"""The Monte Carlo's shortcuts give what the plain computations give.

Pairs counted option by option from byte-lane sums, score draws made a part at a
time, the leaders' figures from each draw's recorded positions (or from the
draws replayed), the confidence pass that leaves out options that can never
come near the top and judges each option against the best of the others: each
is checked against the straightforward computation it stands in for.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from robustness_factories import random_matrix
from tradeoff.core import smaa, smaa_confidence, smaa_tally
from tradeoff.core.model import Score
from tradeoff.core.scoring import raw_matrix, value_matrix
from tradeoff.core.smaa_sampling import uniform_weights, weights_around
from tradeoff.core.smaa_scores import ScoreSampler, score_ranges
from tradeoff.core.smaa_tally import TIE


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 40), st.integers(1, 70), st.integers(0, 10_000))
def test_pairs_from_byte_lane_sums_equal_every_pair_compared(n, draws, seed):
    rng = np.random.default_rng(seed)
    positions = np.argsort(rng.random((draws, n)), axis=1).astype(np.int8)
    above = np.zeros((n, n))
    smaa_tally.tally_pairs(positions, above)
    want = (positions[:, :, None] < positions[:, None, :]).sum(axis=0)
    np.testing.assert_array_equal(above, want)


@settings(max_examples=15, deadline=None)
@given(st.integers(2, 300), st.integers(900, 3000), st.integers(0, 10_000))
def test_pairs_over_many_byte_lane_groups_equal_every_pair_compared(n, draws, seed):
    rng = np.random.default_rng(seed)
    kind = np.uint8 if n <= 255 else np.uint16
    positions = np.argsort(rng.random((draws, n)), axis=1).astype(kind)
    above = np.zeros((n, n))
    smaa_tally.tally_pairs(positions, above)
    want = (positions[:, :, None] < positions[:, None, :]).sum(axis=0)
    np.testing.assert_array_equal(above, want)


def test_pairs_won_in_every_draw_fill_each_byte_lane_without_a_carry():
    draws, n = 3 * 8 * smaa_tally.LANE_WORDS + 5, 6
    positions = np.tile(np.arange(n, dtype=np.uint8), (draws, 1))  # the same order always
    above = np.zeros((n, n))
    smaa_tally.tally_pairs(positions, above)
    np.testing.assert_array_equal(above, np.triu(np.full((n, n), draws), 1))


def _mixed(n: int = 12, m: int = 5):
    matrix = random_matrix(np.random.default_rng(4), n, m, ranged=0.6)
    for k, key in enumerate(sorted(matrix.scores)):
        s = matrix.scores[key]
        if s.low is not None and s.low < s.value < s.high and k % 3:
            s.distribution = ("normal", "pert")[k % 2]
    return matrix


def test_score_draws_made_in_parts_are_the_draws_made_at_once():
    matrix = _mixed()
    rows = list(range(len(matrix.options)))
    raw = raw_matrix(matrix)
    ranges = score_ranges(matrix, rows, raw, value_matrix(matrix, raw))
    whole = ScoreSampler(matrix, ranges, "triangular", np.random.default_rng(5))
    parted = ScoreSampler(matrix, ranges, "triangular", np.random.default_rng(5))
    parted.BLOCK_ELEMENTS = 40  # several blocks per part, and a short last one
    whole.BLOCK_ELEMENTS = 40
    assert len({k for k, _c, _p in whole.groups}) == 3  # kinds interleave block by block
    at_once = whole.draw(1003)
    in_parts = np.concatenate(list(parted.parts(1003, 3 * parted.block_rows + 1)))
    np.testing.assert_array_equal(in_parts, at_once)


def test_draws_of_some_cells_are_those_cells_of_the_draws_of_all():
    from tradeoff.core.model import Criterion

    matrix = _mixed(20, 5)
    c = matrix.criteria[2]  # a piecewise value function: its cells are drawn on the scale
    matrix.criteria[2] = Criterion(c.id, c.name, c.worst, c.best,
                                   value_points=[(0, 0), (4, 0.8), (10, 1)])
    rows = list(range(len(matrix.options)))
    raw = raw_matrix(matrix)
    ranges = score_ranges(matrix, rows, raw, value_matrix(matrix, raw))
    every = ScoreSampler(matrix, ranges, "triangular", np.random.default_rng(8))
    some = ScoreSampler(matrix, ranges, "triangular", np.random.default_rng(8))
    for sampler in (every, some):
        sampler.BLOCK_ELEMENTS = 64
    assert every.mapped and len({k for k, _c, _p in every.groups}) == 3
    columns = np.flatnonzero(np.random.default_rng(9).random(ranges.count) < 0.3)
    for k in (37, 200):  # the stream goes on alike: the second call checks that too
        np.testing.assert_array_equal(some.draw(k, columns), every.draw(k)[:, columns])


def _with_ties(n: int, m: int = 4):
    """Options 1 and 2 are exact copies of option 0, which is near the top: every draw
    has a tie among the leaders."""
    matrix = random_matrix(np.random.default_rng(21), n, m, ranged=0.1)
    for name in ("o0", "o1", "o2"):
        for j in range(m):
            matrix.scores[(name, f"c{j}")] = Score(8.5 + j / 4)
    return matrix


@pytest.mark.parametrize("n", [40, 230])  # ties shared pairwise, and by runs past 200
@pytest.mark.parametrize("stored", [True, False])
def test_leaders_alone_get_the_rows_and_pairs_of_the_full_tables(n, stored, monkeypatch):
    matrix = _with_ties(n)
    weights = uniform_weights(4)
    full = smaa.run_smaa(matrix, smaa.SmaaSettings(weights, samples=1500, seed=3, chunk=400))
    if not stored:  # too large to record: the draws are replayed
        monkeypatch.setattr(smaa, "STORED_ELEMENTS", 0)
    lean = smaa.run_smaa(matrix, smaa.SmaaSettings(weights, samples=1500, seed=3, chunk=400,
                                                   pairwise_leaders=6, rank_table=False))
    rows = lean.rank_rows
    assert rows is not None and rows == lean.pairwise_rows and len(rows) == 6
    assert lean.rank_acceptability.shape == (6, n)
    np.testing.assert_allclose(lean.rank_acceptability, full.rank_acceptability[rows],
                               atol=1e-12)
    np.testing.assert_allclose(lean.acceptability_of(rows[::-1]),
                               full.rank_acceptability[rows[::-1]], atol=1e-12)
    np.testing.assert_allclose(lean.pairwise, full.pairwise[np.ix_(rows, rows)], atol=1e-12)
    np.testing.assert_allclose(lean.probability_best, full.probability_best, atol=1e-12)
    np.testing.assert_allclose(lean.central_weights, full.central_weights, atol=1e-12)
    # the copies of option 0 share its ranks in every draw
    assert {0, 1, 2} <= set(rows)
    assert lean.pairwise[rows.index(0), rows.index(1)] == pytest.approx(0.5)
    ranks = lean.acceptability_of([0, 1, 2])
    np.testing.assert_allclose(ranks[0], ranks[1], atol=1e-12)
    assert 0 < ranks[0, 0] < 1 / 3 + 1e-12


def _plain_confidence(totals: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The share of first place as the definition reads: everyone within the tie of the
    best shares it."""
    best = totals.max(axis=1)
    top = totals >= best[:, None, :] - TIE
    own = top[:, at, np.arange(at.size)]
    return (own / top.sum(axis=1)).sum(axis=0)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 30), st.integers(2, 9), st.integers(1, 4), st.integers(0, 10_000))
def test_first_shares_against_the_best_of_the_others_equal_the_definition(draws, n, judged,
                                                                          seed):
    rng = np.random.default_rng(seed)
    totals = np.round(rng.random((draws, n, judged)), 1)  # many exact ties
    totals[rng.random(totals.shape) < 0.2] += 1e-13  # and some within the tolerance
    at = rng.choice(n, size=judged, replace=judged > n)
    want = _plain_confidence(totals.copy(), at)
    np.testing.assert_allclose(smaa_confidence._first_shares(totals.copy(), at), want,
                               atol=1e-12)


def test_leaving_out_options_that_cannot_come_near_changes_no_confidence(monkeypatch):
    matrix = random_matrix(np.random.default_rng(11), 80, 5, ranged=0.2)
    centre = np.full(5, 0.2)
    settings_ = smaa.SmaaSettings(weights_around(centre, 0.6), samples=4000, seed=6,
                                  chunk=1500, confidence_samples=3000)
    kept: list[int] = []
    rivals = smaa_confidence._rivals

    def counted(*args):
        out = rivals(*args)
        kept.append(out.size)
        return out

    monkeypatch.setattr(smaa_confidence, "_rivals", counted)
    pruned = smaa.run_smaa(matrix, settings_)
    assert kept and kept[0] < 20  # most of the 80 options are left out
    monkeypatch.setattr(smaa_confidence, "_rivals", lambda base, *a: np.arange(base.shape[0]))
    every = smaa.run_smaa(matrix, settings_)
    assert np.isfinite(pruned.confidence).sum() >= 5  # several options judged
    np.testing.assert_allclose(pruned.confidence, every.confidence, atol=1e-12)


def test_the_options_left_out_are_those_whose_best_is_below_the_judged_options_worst():
    matrix = random_matrix(np.random.default_rng(11), 80, 5, ranged=0.3)
    rows = list(range(80))
    raw = raw_matrix(matrix)
    values = value_matrix(matrix, raw)
    ranges = score_ranges(matrix, rows, raw, values)
    scorer = ScoreSampler(matrix, ranges, "triangular", np.random.default_rng(1))
    central = np.random.default_rng(2).dirichlet(np.ones(5), size=3)
    judged = np.argsort(-(values @ central.T), axis=0)[0]  # each the best at its weights
    # each cell's extremes on the 0..10 scale of random_matrix, as values
    lowest, highest = values.copy(), values.copy()
    for key, s in matrix.scores.items():
        if s.low is not None:
            i, j = int(key[0][1:]), int(key[1][1:])
            lowest[i, j], highest[i, j] = s.low / 10, s.high / 10
    near = set()
    for c, w in zip(judged, central, strict=True):
        near |= set(np.flatnonzero(highest @ w >= (lowest @ w)[c]).tolist())
    got = smaa_confidence._rivals(values, central, judged, ranges, scorer)
    assert set(got.tolist()) == near | set(judged.tolist())
    assert len(near) < 80


def test_unbounded_score_distributions_leave_no_option_out():
    matrix = _mixed(30, 4)  # normal cells have no bound: their options stay rivals
    rows = list(range(len(matrix.options)))
    raw = raw_matrix(matrix)
    values = value_matrix(matrix, raw)
    ranges = score_ranges(matrix, rows, raw, values)
    scorer = ScoreSampler(matrix, ranges, "triangular", np.random.default_rng(1))
    normal = {int(o) for o, k in zip(ranges.option, ranges.kinds("triangular"), strict=True)
              if k == "normal"}
    central = np.full((1, 4), 0.25)
    best = int(np.argmax(values @ central[0]))
    near = smaa_confidence._rivals(values, central, np.array([best]), ranges, scorer)
    assert normal and normal <= set(near.tolist())

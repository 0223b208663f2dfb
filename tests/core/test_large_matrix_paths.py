"""The paths a large matrix takes give what the all-pairs computations give.

Ranks and margins from one sort, the leader's change points from walking the
upper envelope, the ranking interval from neighbouring lines, pairwise winning
among the leaders on replayed draws and the sparse layout of ranged cells are
each checked against the plain computation they stand in for.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from robustness_factories import random_matrix
from tradeoff.core import sensitivity, smaa, smaa_tally
from tradeoff.core.scoring import _ranks_and_margins, competition_ranks, margins, score
from tradeoff.core.smaa_sampling import uniform_weights, weights_around

totals_lists = st.lists(
    st.one_of(st.sampled_from([0.0, 1 / 3, 2 / 3, 0.5, 1.0]),
              st.floats(0, 1, allow_nan=False), st.just(float("nan")),
              st.sampled_from([0.5 + 1e-14, 0.5 - 1e-13, 1 / 3 + 1e-10])),
    max_size=25)


@given(totals_lists)
def test_ranks_and_margins_from_one_sort_equal_the_separate_functions(values):
    totals = np.array(values, dtype=float)
    ranks, leads = np.empty(totals.size), np.empty(totals.size)
    _ranks_and_margins(totals, ranks, leads)
    np.testing.assert_array_equal(ranks, competition_ranks(totals))
    np.testing.assert_array_equal(leads, margins(totals))


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 60), st.integers(2, 6))
def test_score_table_totals_are_the_row_sums_of_its_contributions(seed, n, m):
    matrix = random_matrix(np.random.default_rng(seed), n, m)
    result = score(matrix)
    table = result.table
    np.testing.assert_allclose(table[("total", "")], result.contributions().sum(axis=1),
                               rtol=1e-12)
    np.testing.assert_array_equal(table[("rank", "")], competition_ranks(result.totals))


@pytest.mark.parametrize("seed", range(6))
def test_winner_change_points_from_the_envelope_match_every_crossing(seed):
    matrix = random_matrix(np.random.default_rng(seed), 40 + 20 * seed, 5)
    profile = matrix.profile()
    for full, fast in zip(sensitivity.all_sweeps(matrix, profile),
                          sensitivity.all_sweeps(matrix, profile, winner_only=True),
                          strict=True):
        want = [(p.winners_before, p.winners_after) for p in full.winner_change_points]
        got = [(p.winners_before, p.winners_after) for p in fast.change_points]
        assert got == want
        np.testing.assert_allclose([p.weight for p in fast.change_points],
                                   [p.weight for p in full.winner_change_points], atol=1e-9)
        assert fast.ranking_interval == full.ranking_interval


@pytest.mark.parametrize("seed", range(4))
def test_ranking_interval_from_neighbours_equals_the_one_from_every_pair(seed, monkeypatch):
    matrix = random_matrix(np.random.default_rng(100 + seed), 120, 4)
    profile = matrix.profile()
    every_pair = sensitivity.all_sweeps(matrix, profile)
    monkeypatch.setattr(sensitivity, "ALL_PAIRS_LIMIT", 1)
    neighbours = sensitivity.all_sweeps(matrix, profile)
    for a, b in zip(every_pair, neighbours, strict=True):
        assert b.ranking_interval == pytest.approx(a.ranking_interval, abs=1e-12)


@pytest.mark.parametrize("spec", ["uniform", "around"])
def test_pairwise_among_leaders_is_the_full_tally_restricted_to_them(spec):
    matrix = random_matrix(np.random.default_rng(8), 30, 5, ranged=0.3)
    weights = uniform_weights(5) if spec == "uniform" else weights_around(np.full(5, 0.2), 0.2)
    full = smaa.run_smaa(matrix, smaa.SmaaSettings(weights, samples=3000, seed=2, chunk=800))
    few = smaa.run_smaa(matrix, smaa.SmaaSettings(weights, samples=3000, seed=2, chunk=800,
                                                  pairwise_leaders=6))
    rows = few.pairwise_rows
    assert rows is not None and len(rows) == 6
    # the leaders are the options most often first
    assert set(rows) >= set(np.flatnonzero(full.probability_best > 0.05))
    np.testing.assert_array_equal(few.pairwise, full.pairwise[np.ix_(rows, rows)])
    np.testing.assert_array_equal(few.rank_acceptability, full.rank_acceptability)


def test_sparse_ranged_cells_give_the_dense_layouts_results(monkeypatch):
    matrix = random_matrix(np.random.default_rng(3), 50, 8, ranged=1 / 7)
    settings_ = smaa.SmaaSettings(uniform_weights(8), samples=3000, seed=9, chunk=1000)
    sparse = smaa.run_smaa(matrix, settings_)
    made = smaa._CellLayout.__init__

    def dense_only(self, *args):
        made(self, *args)
        assert self.sparse  # the case under test: few ranged cells per option
        self.sparse = False

    monkeypatch.setattr(smaa._CellLayout, "__init__", dense_only)
    dense = smaa.run_smaa(matrix, settings_)
    np.testing.assert_allclose(sparse.rank_acceptability, dense.rank_acceptability, atol=1e-3)
    np.testing.assert_allclose(sparse.confidence, dense.confidence, atol=1e-3)
    np.testing.assert_allclose(sparse.pairwise, dense.pairwise, atol=1e-3)


@pytest.mark.parametrize("seed", range(8))
def test_possible_flips_alone_are_those_of_the_whole_table(seed):
    from tradeoff.core.flip import flip_table
    from tradeoff.core.model import Criterion

    rng = np.random.default_rng(200 + seed)
    matrix = random_matrix(rng, 30 + 10 * seed, 5)
    if seed % 2:  # piecewise value functions, and a score beyond the scale
        c = matrix.criteria[1]
        matrix.criteria[1] = Criterion(c.id, c.name, c.worst, c.best,
                                       value_points=[(0, 0), (4, 0.8), (10, 1)])
        matrix.scores[("o3", c.id)].value = 12.0
    profile = matrix.profile()
    whole = [f for f in flip_table(matrix, profile) if f.possible]
    assert flip_table(matrix, profile, possible_only=True) == whole
    assert whole  # the comparison means something


def test_tie_groups_share_ranks_as_the_pairwise_recount_does():
    rng = np.random.default_rng(11)
    n, m = 40, 3
    weights = rng.dirichlet(np.ones(m), size=30)
    for d in range(30):
        totals = np.round(rng.uniform(0, 1, n), 1)  # many exact ties
        grouped = smaa_tally.Tally(np.zeros((n, n)), np.zeros((n, m)), np.zeros(n),
                                   np.zeros((n, n)))
        smaa_tally.tally_tie_groups(totals, weights[d], grouped)
        shares = smaa_tally.tied_shares(totals[None, :])[0]
        np.testing.assert_allclose(grouped.ranks, shares, atol=1e-12)
        np.testing.assert_allclose(grouped.first_count, shares[:, 0], atol=1e-12)
        np.testing.assert_allclose(grouped.first_weights, np.outer(shares[:, 0], weights[d]),
                                   atol=1e-12)

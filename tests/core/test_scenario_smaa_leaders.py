"""Monte Carlo over scenarios on many options, where only the leaders' pairs are
tallied: each scenario has leaders of its own, and the pooled pairwise table must
mix the same pairs, never tables whose rows stand for different options."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from robustness_factories import random_matrix
from tradeoff.core.model import Scenario, Score
from tradeoff.core.scenario_smaa import run_smaa_over_scenarios, scenario_draws
from tradeoff.core.scenarios import scenario_view
from tradeoff.core.smaa import SmaaSettings, run_smaa
from tradeoff.core.smaa_sampling import spec_for_matrix


def _matrix_whose_scenarios_have_different_leaders():
    m = random_matrix(np.random.default_rng(11), 12, 4)
    ids = [o.id for o in m.options]
    crits = [c.id for c in m.criteria]

    def lifted(options: list[str]) -> dict:
        return {(o, c): Score(value=10.0) for o in options for c in crits}

    # Each world lifts a different set of options to the top, two of them in both.
    m.scenarios = [Scenario("one", "One", probability=0.5, scores=lifted(ids[0:4])),
                   Scenario("two", "Two", probability=0.5, scores=lifted(ids[2:6]))]
    return m


def test_pooled_pairs_are_the_mixture_of_the_same_pairs_in_every_scenario():
    m = _matrix_whose_scenarios_have_different_leaders()
    spec = spec_for_matrix(m, m.profile(), "uniform")
    settings = SmaaSettings(spec, samples=3000, seed=5, pairwise_leaders=4)
    pooled = run_smaa_over_scenarios(m, settings)
    counts = scenario_draws(m, 3000, 5)
    # Each scenario again with every pair tallied, on the same draws (same seed).
    full = [run_smaa(scenario_view(m, s), replace(settings, samples=int(n), seed=5 + 1 + k,
                                                  rank_table=True, pairwise_leaders=None))
            for k, (s, n) in enumerate(zip(m.scenarios, counts, strict=True))]
    leaders_each = [set(run_smaa(scenario_view(m, s), replace(
        settings, samples=int(n), seed=5 + 1 + k, rank_table=True)).pairwise_rows)
        for k, (s, n) in enumerate(zip(m.scenarios, counts, strict=True))]
    assert leaders_each[0] != leaders_each[1]  # the case the mixture must handle
    rows = pooled.pairwise_rows
    assert rows is not None and set(rows) == leaders_each[0] & leaders_each[1]
    want = sum(int(n) * r.pairwise[np.ix_(rows, rows)]
               for n, r in zip(counts, full, strict=True)) / counts.sum()
    np.testing.assert_allclose(pooled.pairwise, want, rtol=0, atol=1e-12)
    # and the pooled chance of coming first is the mixture's, not the first world's
    np.testing.assert_allclose(pooled.probability_best, pooled.rank_acceptability[:, 0])
    np.testing.assert_allclose(pooled.probability_first, pooled.rank_acceptability[:, 0])

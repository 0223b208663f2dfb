"""Properties the additive value model must keep for any matrix and any weights."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tradeoff.core.model import Criterion, DecisionMatrix, Direction, Option, Score, WeightProfile
from tradeoff.core.scoring import score


@st.composite
def matrices(draw, min_options: int = 1):
    n_crit = draw(st.integers(1, 6))
    n_opt = draw(st.integers(min_options, 7))
    criteria = []
    for j in range(n_crit):
        lo = draw(st.floats(-1000, 1000, allow_nan=False))
        span = draw(st.floats(0.5, 1000, allow_nan=False))
        cost = draw(st.booleans())
        worst, best = (lo + span, lo) if cost else (lo, lo + span)
        criteria.append(Criterion(f"c{j}", f"C{j}", worst=worst, best=best,
                                  direction=Direction.COST if cost else Direction.BENEFIT))
    options = [Option(f"o{i}", f"O{i}") for i in range(n_opt)]
    m = DecisionMatrix(criteria=criteria, options=options)
    for o in options:
        for c in criteria:
            v = draw(st.floats(c.low, c.high, allow_nan=False))
            m.scores[(o.id, c.id)] = Score(value=v)
    weights = {c.id: draw(st.floats(0.01, 100)) for c in criteria}
    m.profiles.append(WeightProfile("p", "P", weights))
    return m


@given(matrices(), st.floats(0.001, 1000))
def test_scaling_all_weights_leaves_totals_unchanged(m, factor):
    before = score(m).totals.to_numpy()
    p = m.profiles[0]
    p.weights = {k: w * factor for k, w in p.weights.items()}
    np.testing.assert_allclose(score(m).totals.to_numpy(), before, rtol=1e-9, atol=1e-12)


@given(matrices(), st.data())
def test_improving_a_score_never_lowers_that_options_total(m, data):
    o = data.draw(st.sampled_from(m.options))
    c = data.draw(st.sampled_from(m.criteria))
    before = score(m).totals[o.id]
    current = float(m.scores[(o.id, c.id)].value)
    better = data.draw(st.floats(min(current, c.best), max(current, c.best)))
    # "Better" moves towards the best anchor, whichever way the scale runs.
    m.scores[(o.id, c.id)] = Score(value=better)
    assert score(m).totals[o.id] >= before - 1e-12


@given(matrices(min_options=2), st.data())
def test_adding_or_removing_an_option_leaves_other_totals_unchanged(m, data):
    before = score(m).totals
    victim = data.draw(st.sampled_from(m.options))
    m.options.remove(victim)
    after = score(m).totals
    for oid in after.index:
        assert after[oid] == before[oid]
    m.options.append(victim)
    assert score(m).totals.sort_index().equals(before.sort_index())


@given(matrices())
@settings(max_examples=50)
def test_contributions_sum_to_the_total(m):
    r = score(m)
    assert np.array_equal(r.contributions().to_numpy().sum(axis=1), r.totals.to_numpy())
    assert abs(r.weights.sum() - 1) < 1e-12

"""PROMETHEE's preference sums from one sort equal the pairwise sums of the definition
(Brans & Vincke 1985: π(a, b) = Σ_j w_j P_j(g_j(a) − g_j(b)))."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tradeoff.core.methods.promethee import _preference_sums
from tradeoff.core.methods.promethee_sums import sorted_preference_sums, sorted_sums_apply
from tradeoff.core.preference_functions import PreferenceFunction

functions = st.one_of(
    st.just(PreferenceFunction("usual")),
    st.floats(0.01, 50).map(lambda p: PreferenceFunction("v-shape", p=p)),
    st.tuples(st.floats(0, 10), st.floats(0.01, 20)).map(
        lambda qw: PreferenceFunction("linear", q=qw[0], p=qw[0] + qw[1])))
columns = st.one_of(
    st.lists(st.integers(-5, 5).map(float), min_size=1, max_size=60),  # many ties, exact steps
    st.lists(st.floats(-100, 100, allow_nan=False), min_size=1, max_size=60),
    st.lists(st.sampled_from([0.1, 0.2, 0.3, 0.7]), min_size=1, max_size=30))


@settings(max_examples=400, deadline=None)
@given(columns, functions)
def test_sorted_sums_equal_the_pairwise_sums(col, function):
    assert sorted_sums_apply(function)
    x = np.array(col)
    want_given, want_taken = _preference_sums(x, function)
    given_, taken = sorted_preference_sums(x, function)
    np.testing.assert_allclose(given_, want_given, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(taken, want_taken, rtol=1e-9, atol=1e-9)


def test_functions_with_a_jump_keep_the_pairwise_sums():
    for f in (PreferenceFunction("u-shape", q=1), PreferenceFunction("level", q=1, p=2),
              PreferenceFunction("linear", q=2, p=2), PreferenceFunction("gaussian", s=1)):
        assert not sorted_sums_apply(f)

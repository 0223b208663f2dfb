"""PROMETHEE II: Brans's six preference functions and net flows worked by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
from mcda_tables import table_matrix

from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods import PreferenceFunction, promethee

# d → P(d) read off the definitions in Brans & Vincke (1985), Table 1
DEFINITIONS = [
    (PreferenceFunction("usual"), [(-1, 0), (0, 0), (0.1, 1), (50, 1)]),
    (PreferenceFunction("u-shape", q=2), [(1, 0), (2, 0), (2.01, 1)]),
    (PreferenceFunction("v-shape", p=4), [(-2, 0), (2, 0.5), (4, 1), (6, 1)]),
    (PreferenceFunction("level", q=1, p=3), [(1, 0), (2, 0.5), (3, 0.5), (3.5, 1)]),
    (PreferenceFunction("linear", q=1, p=3), [(1, 0), (2, 0.5), (3, 1), (9, 1)]),
    (PreferenceFunction("gaussian", s=2), [(-2, 0), (2, 1 - math.exp(-0.5)),
                                           (4, 1 - math.exp(-2))]),
]


@pytest.mark.parametrize(("function", "points"), DEFINITIONS,
                         ids=[f.kind for f, _ in DEFINITIONS])
def test_generalised_criteria_follow_brans_vincke_1985(function, points):
    d = np.array([p[0] for p in points], dtype=float)
    assert function(d) == pytest.approx([p[1] for p in points])


# A1 = (1, 4), A2 = (3, 9), A3 = (2, 6); C1 benefit (weight 0.6), C2 cost (0.4).
ROWS, DIRECTIONS, WEIGHTS = [[1, 4], [3, 9], [2, 6]], "bc", [0.6, 0.4]


def test_usual_criteria_by_hand():
    """C1 ranks A2 > A3 > A1, C2 (lower is better) A1 > A3 > A2; each strict
    preference counts 1. π(A1,A2) = π(A1,A3) = 0.4, π(A2,A1) = π(A2,A3) = 0.6,
    π(A3,A1) = 0.6, π(A3,A2) = 0.4. Over n − 1 = 2:
    φ⁺ = 0.4, 0.6, 0.5; φ⁻ = 0.6, 0.4, 0.5; φ = −0.2, 0.2, 0."""
    usual = PreferenceFunction("usual")
    result = promethee(table_matrix(ROWS, DIRECTIONS, WEIGHTS),
                       preferences={"c1": usual, "c2": usual})
    assert result.details["positive flow"].to_numpy() == pytest.approx([0.4, 0.6, 0.5])
    assert result.details["negative flow"].to_numpy() == pytest.approx([0.6, 0.4, 0.5])
    assert result.totals.to_numpy() == pytest.approx([-0.2, 0.2, 0.0])
    assert list(result.ranks) == [3, 1, 2]
    # single-criterion flows: C1 (−1, 1, 0), C2 (1, −1, 0)
    assert result.values()["c1"].to_numpy() == pytest.approx([-1, 1, 0])
    assert result.values()["c2"].to_numpy() == pytest.approx([1, -1, 0])


def test_v_shape_and_linear_by_hand():
    """C1 v-shape p = 2: P(A2,A1) = 2/2 = 1, P(A2,A3) = P(A3,A1) = 1/2.
    C2 linear q = 1, p = 4 on the cost differences: P(A1,A2) = 1 (d = 5),
    P(A1,A3) = (2 − 1)/3 = 1/3, P(A3,A2) = (3 − 1)/3 = 2/3.
    π: (A1,A2) .4, (A1,A3) .13333, (A2,A1) .6, (A2,A3) .3, (A3,A1) .3, (A3,A2) .26667.
    φ⁺ = .26667, .45, .28333; φ⁻ = .45, .33333, .21667;
    φ = −.18333, .11667, .06667."""
    result = promethee(table_matrix(ROWS, DIRECTIONS, WEIGHTS), preferences={
        "c1": PreferenceFunction("v-shape", p=2), "c2": PreferenceFunction("linear", q=1, p=4)})
    assert result.totals.to_numpy() == pytest.approx([-0.18333, 0.11667, 0.06667], abs=1e-5)
    assert result.details["positive flow"].to_numpy() == pytest.approx(
        [0.26667, 0.45, 0.28333], abs=1e-5)
    assert "linear (q = 1, p = 4)" in result.normalisation


def test_default_is_v_shape_over_the_range_and_is_named():
    m = table_matrix(ROWS, DIRECTIONS, WEIGHTS)
    default = promethee(m)
    explicit = promethee(m, preferences={"c1": PreferenceFunction("v-shape", p=2),
                                         "c2": PreferenceFunction("v-shape", p=5)})
    assert default.totals.to_numpy() == pytest.approx(explicit.totals.to_numpy())
    assert default.normalisation == "v-shape, p = range of scores"


def test_flows_balance_and_decompose_by_criterion():
    rows = [[4184.3, 2914.0, 195], [5211.9, 3630.0, 282], [5021.3, 3920.5, 12],
            [5566.1, 3957.9, 167]]
    result = promethee(table_matrix(rows, "bcc", [2, 1, 1]))
    net = result.totals.to_numpy()
    assert net.sum() == pytest.approx(0.0, abs=1e-12)
    assert (result.details["positive flow"] - result.details["negative flow"]).to_numpy() == \
        pytest.approx(net)
    assert result.contributions().sum(axis=1).to_numpy() == pytest.approx(net)


def test_constant_criterion_and_single_option():
    """C2 is constant, so it adds nothing. C1 (1, 2, 3) takes the default v-shape
    with p = range = 2: P(A3,A1) = 1, P(A2,A1) = P(A3,A2) = 1/2, so
    φ_1 = (0 − 1.5)/2, (0.5 − 0.5)/2, (1.5 − 0)/2 = −0.75, 0, 0.75, times w = 0.5."""
    m = table_matrix([[1, 5], [2, 5], [3, 5]], "bb", [1, 1])
    result = promethee(m, preferences={"c2": PreferenceFunction("usual")})
    assert result.values()["c2"].to_numpy() == pytest.approx([0, 0, 0])
    assert result.totals.to_numpy() == pytest.approx([-0.375, 0.0, 0.375])
    single = promethee(table_matrix([[1, 5]], "bb", [1, 1]))
    assert single.totals["a1"] == 0 and single.ranks["a1"] == 1


@pytest.mark.parametrize(("function", "message"), [
    (PreferenceFunction("v-shape"), "p above 0"),
    (PreferenceFunction("linear", q=3, p=2), r"p: must be at least q \(3\)"),
    (PreferenceFunction("gaussian"), "parameter s above 0"),
    (PreferenceFunction("sigmoid"), "unknown kind 'sigmoid'"),
])
def test_bad_thresholds_are_refused_naming_the_criterion(function, message):
    with pytest.raises(TradeoffError, match=message) as err:
        promethee(table_matrix(ROWS, DIRECTIONS, WEIGHTS), preferences={"c2": function})
    assert "for C2" in str(err.value)


def test_unknown_criterion_in_preferences_is_refused():
    with pytest.raises(TradeoffError, match="unknown criteria: nope"):
        promethee(table_matrix(ROWS, DIRECTIONS, WEIGHTS),
                  preferences={"nope": PreferenceFunction()})


def test_flows_summed_in_row_blocks_equal_the_whole_table():
    import numpy as np

    from tradeoff.core.methods.promethee import _preference_sums
    from tradeoff.core.preference_functions import PreferenceFunction

    rng = np.random.default_rng(5)
    col = rng.normal(0, 3, 101)
    for function in (PreferenceFunction("linear", q=0.5, p=2.0), PreferenceFunction("usual"),
                     PreferenceFunction("gaussian", s=1.5)):
        whole = function(col[:, None] - col[None, :])
        for block in (1, 7, 101, 500):
            given, taken = _preference_sums(col, function, block)
            assert np.allclose(given, whole.sum(axis=1))
            assert np.allclose(taken, whole.sum(axis=0))


def test_promethee_on_3000_options_stays_in_linear_memory():
    # The whole pairwise table is 3,000² × 8 bytes = 72 MB per criterion (800 MB at
    # 10,000 options); blocks of 256 rows need about 6 MB. The bound is generous.
    import tracemalloc

    from excel_cases import random_matrix
    from tradeoff.core.methods.promethee import promethee

    m = random_matrix(3000, 3, seed=2)
    promethee(random_matrix(5, 3, seed=2))  # imports and first-use costs outside the count
    tracemalloc.start()
    result = promethee(m)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 40_000_000
    assert len(result.totals) == 3000

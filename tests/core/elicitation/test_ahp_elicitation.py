"""AHP priorities and consistency against two published examples, plus blanks and warnings."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradeoff.core.elicitation import ahp, comparison_matrix
from tradeoff.core.elicitation.ahp import RANDOM_INDEX, format_ratio
from tradeoff.core.errors import TradeoffError


def judgements_from_rows(items: list[str], rows: list[list[float]]) -> dict:
    """The upper triangle of a printed comparison matrix as judgements."""
    return {(items[i], items[j]): rows[i][j]
            for i, j in itertools.combinations(range(len(items)), 2)}


HOUSE = ["size", "transport", "neighbourhood", "age", "yard", "facilities", "condition",
         "finance"]
HOUSE_ROWS = [
    [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
    [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
    [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
    [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
    [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
    [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
    [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
    [4, 7, 5, 8, 6, 6, 2, 1],
]


def test_saaty_1990_house_example():
    """Saaty, T. L. (1990), "How to make a decision: the analytic hierarchy
    process", EJOR 48(1), 9–26, the house-buying example: eight criteria (size,
    transport, neighbourhood, age, yard, modern facilities, general condition,
    financing). Published priorities .173, .054, .188, .018, .031, .036, .167,
    .333; λ_max = 9.669, CI = 0.238, CR = 0.169 (above 0.10).
    """
    result = ahp(HOUSE, judgements_from_rows(HOUSE, HOUSE_ROWS))
    assert [result.weights[k] for k in HOUSE] == pytest.approx(
        [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333], abs=1e-3)
    assert result.lambda_max == pytest.approx(9.669, abs=1e-3)
    assert result.ci == pytest.approx(0.238, abs=1e-3)
    assert result.cr == pytest.approx(0.169, abs=1e-3)
    assert not result.acceptable
    assert result.warning().startswith("The consistency ratio is 0.169, above 0.10")


LEADER_CRITERIA = ["experience", "education", "charisma", "age"]
LEADER = {
    "criteria": {("experience", "education"): 4, ("experience", "charisma"): 3,
                 ("experience", "age"): 7, ("education", "charisma"): 1 / 3,
                 ("education", "age"): 3, ("charisma", "age"): 5},
    "experience": {("tom", "dick"): 1 / 4, ("tom", "harry"): 4, ("dick", "harry"): 9},
    "education": {("tom", "dick"): 3, ("tom", "harry"): 1 / 5, ("dick", "harry"): 1 / 7},
    "charisma": {("tom", "dick"): 5, ("tom", "harry"): 9, ("dick", "harry"): 4},
    "age": {("tom", "dick"): 1 / 3, ("tom", "harry"): 5, ("dick", "harry"): 9},
}


def test_wikipedia_choosing_a_leader_example():
    """Wikipedia, "Analytic hierarchy process – leader example" (the worked
    example linked from the AHP article, after Saaty & Peniwati 2008, *Group
    Decision Making*): criteria weights experience .547, education .127,
    charisma .270, age .056; overall priorities Tom .358, Dick .493, Harry .149.
    """
    criteria = ahp(LEADER_CRITERIA, LEADER["criteria"])
    assert [criteria.weights[k] for k in LEADER_CRITERIA] == pytest.approx(
        [0.547, 0.127, 0.270, 0.056], abs=1e-3)
    assert criteria.acceptable
    candidates = ["tom", "dick", "harry"]
    overall = dict.fromkeys(candidates, 0.0)
    for criterion in LEADER_CRITERIA:
        local = ahp(candidates, LEADER[criterion])
        for c in candidates:
            overall[c] += criteria.weights[criterion] * local.weights[c]
    assert [overall[c] for c in candidates] == pytest.approx([0.358, 0.493, 0.149], abs=1e-3)


def test_orientation_row_over_column():
    assert ahp(["a", "b"], {("a", "b"): 5}).weights == pytest.approx({"a": 5 / 6, "b": 1 / 6})
    assert ahp(["a", "b"], {("b", "a"): 5}).weights == pytest.approx({"a": 1 / 6, "b": 5 / 6})


@pytest.mark.parametrize("method", ["eigenvector", "geometric"])
def test_consistent_judgements_give_exact_ratios_and_zero_cr(method):
    """a is twice b and b twice c: w = 4/7, 2/7, 1/7 by any method, CR = 0."""
    result = ahp(["a", "b", "c"], {("a", "b"): 2, ("b", "c"): 2, ("a", "c"): 4}, method)
    assert list(result.weights.values()) == pytest.approx([4 / 7, 2 / 7, 1 / 7])
    assert result.cr == pytest.approx(0.0, abs=1e-9)
    assert result.warning() is None


def test_geometric_mean_of_rows_by_hand():
    """Crawford & Williams (1985): w ∝ row geometric means. Rows (1, 3, 5),
    (1/3, 1, 2), (1/5, 1/2, 1): means 15^(1/3), (2/3)^(1/3), (1/10)^(1/3)."""
    means = np.array([15, 2 / 3, 1 / 10]) ** (1 / 3)
    result = ahp(["a", "b", "c"], {("a", "b"): 3, ("a", "c"): 5, ("b", "c"): 2}, "geometric")
    assert list(result.weights.values()) == pytest.approx(list(means / means.sum()))


def test_most_inconsistent_judgement_is_the_perturbed_one():
    """From the consistent weights .4/.3/.2/.1, every judgement is w_i/w_j; turning
    'b against d' from 3 into 1/3 makes it the judgement most at odds with the rest."""
    w = dict(zip("abcd", [0.4, 0.3, 0.2, 0.1], strict=True))
    judgements = {(i, j): w[i] / w[j] for i, j in itertools.combinations("abcd", 2)}
    judgements[("b", "d")] = 1 / 3
    result = ahp(list("abcd"), judgements)
    worst = result.most_inconsistent
    assert (worst.row, worst.col) == ("b", "d")
    assert worst.given == pytest.approx(1 / 3)
    # the other judgements pull the implied ratio back towards the true 3
    assert abs(math.log(worst.implied / 3)) < abs(math.log(worst.given / 3))
    assert result.cr > 0.10
    assert "starting with Bee against Dee (given 1/3" in result.warning({"b": "Bee", "d": "Dee"})


consistent_weights = st.lists(st.floats(1.0, 3.0), min_size=3, max_size=7)  # ratios within 1/9…9


@settings(max_examples=60, deadline=None)
@given(consistent_weights, st.data())
def test_blanks_in_consistent_judgements_recover_the_weights(raw, data):
    """With consistent judgements, Harker's method and the log least-squares fit
    recover the true weights from any connected subset of judgements."""
    items = [f"x{k}" for k in range(len(raw))]
    full = {(items[i], items[j]): raw[i] / raw[j]
            for i, j in itertools.combinations(range(len(raw)), 2)}
    chain = {(items[k], items[k + 1]) for k in range(len(raw) - 1)}  # keeps it connected
    kept = {pair: v for pair, v in full.items()
            if pair in chain or data.draw(st.booleans(), label=str(pair))}
    expected = np.array(raw) / sum(raw)
    for method in ("eigenvector", "geometric"):
        result = ahp(items, kept, method)
        assert list(result.weights.values()) == pytest.approx(list(expected), rel=1e-6)
        assert result.blanks == len(full) - len(kept)
        assert result.cr == pytest.approx(0.0, abs=1e-6)


def test_harker_completion_matches_eigenvalue_of_completed_matrix():
    """Leaving one inconsistent judgement out of the house example: the Harker
    eigenvector must satisfy A′w = λw for the matrix completed with w_i/w_j."""
    judgements = judgements_from_rows(HOUSE, HOUSE_ROWS)
    del judgements[("neighbourhood", "condition")]
    result = ahp(HOUSE, judgements)
    w = np.array([result.weights[k] for k in HOUSE])
    assert result.completed @ w == pytest.approx(result.lambda_max * w, rel=1e-9)
    assert result.blanks == 1
    assert result.cr < 0.169


def test_disconnected_judgements_are_refused():
    with pytest.raises(TradeoffError, match="leave c unlinked to a"):
        ahp(["a", "b", "c", "d"], {("a", "b"): 2, ("c", "d"): 3})


@pytest.mark.parametrize(("judgements", "message"), [
    ({("a", "b"): 10}, "is 10; use Saaty's scale"),
    ({("a", "b"): 0}, "is 0; use Saaty's scale"),
    ({("a", "z"): 2}, "names 'z', which is not being compared"),
    ({("a", "a"): 2}, "compares an item with itself"),
    ({("a", "b"): 3, ("b", "a"): 3}, "b against a is given twice, as 1/3 and 3"),
])
def test_bad_judgements_are_refused_with_their_pair(judgements, message):
    with pytest.raises(TradeoffError, match=message):
        comparison_matrix(["a", "b"], judgements)


def test_random_index_is_saatys_and_stops_at_ten():
    assert [RANDOM_INDEX[n] for n in range(3, 11)] == [0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
                                                        1.45, 1.49]
    items = [f"x{k}" for k in range(11)]
    chain = {(items[k], items[k + 1]): 2 for k in range(10)}
    result = ahp(items, chain)
    assert result.cr is None and result.acceptable
    assert math.isfinite(result.ci)


def test_ratios_are_written_the_way_saaty_writes_them():
    assert [format_ratio(v) for v in (3, 1 / 5, 2.4, 1)] == ["3", "1/5", "2.4", "1"]

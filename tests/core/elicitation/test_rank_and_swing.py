"""Rank-based surrogate weights and swing weights against their published values."""

from __future__ import annotations

import pytest

from factories import small_matrix
from tradeoff.core.elicitation import position_weights, rank_weights, swing_weights
from tradeoff.core.elicitation.swing import points_from_weights, swing_text
from tradeoff.core.errors import TradeoffError


def test_rank_order_centroid_matches_barron_barrett_1996():
    """Barron, F. H. & Barrett, B. E. (1996), Management Science 42(11), 1515–1523,
    Table 1 (ROC weights): n = 2: .7500 .2500; n = 3: .6111 .2778 .1111;
    n = 4: .5208 .2708 .1458 .0625."""
    assert list(position_weights(2, "roc")) == pytest.approx([0.75, 0.25])
    assert list(position_weights(3, "roc")) == pytest.approx([0.6111, 0.2778, 0.1111], abs=1e-4)
    assert list(position_weights(4, "roc")) == pytest.approx(
        [0.5208, 0.2708, 0.1458, 0.0625], abs=1e-4)


@pytest.mark.parametrize("n", [1, 2, 5, 9, 14])
def test_rank_order_centroid_closed_form(n):
    """w_i = (1/n) Σ_{k=i..n} 1/k, written out term by term."""
    expected = [sum(1 / k for k in range(i, n + 1)) / n for i in range(1, n + 1)]
    assert list(position_weights(n, "roc")) == pytest.approx(expected)


def test_rank_sum_and_reciprocal_for_four_criteria():
    """Stillwell, Seaver & Edwards (1981): rank sum 2(n+1−i)/(n(n+1)) gives
    .4 .3 .2 .1 for n = 4; reciprocal (1/i)/(1 + 1/2 + 1/3 + 1/4) = 12/25 · (1/i)
    gives .48 .24 .16 .12."""
    assert list(position_weights(4, "rank-sum")) == pytest.approx([0.4, 0.3, 0.2, 0.1])
    assert list(position_weights(4, "reciprocal")) == pytest.approx([0.48, 0.24, 0.16, 0.12])


def test_ties_share_the_mean_of_their_positions():
    """b and c tie for second of three: ROC positions 2 and 3 weigh .2778 and .1111,
    so each gets .19444; a keeps .6111."""
    w = rank_weights({"a": 1, "b": 2, "c": 2}, "roc")
    assert w == pytest.approx({"a": 0.61111, "b": 0.19444, "c": 0.19444}, abs=1e-5)
    assert sum(w.values()) == pytest.approx(1.0)
    assert rank_weights({"c": 3, "a": 1, "b": 2}, "rank-sum") == pytest.approx(
        {"c": 1 / 6, "a": 0.5, "b": 1 / 3})


def test_bad_rank_input_is_refused():
    with pytest.raises(TradeoffError, match="unknown rank weighting 'borda'"):
        rank_weights({"a": 1}, "borda")
    with pytest.raises(TradeoffError, match="rank of 'a' must be a number"):
        rank_weights({"a": "first"}, "roc")


def test_goodwin_wright_office_relocation_swing_weights():
    """Goodwin, P. & Wright, G. (2014), *Decision Analysis for Management
    Judgment*, 5th ed., Wiley, ch. 3 (SMART, office relocation): swings rated
    closeness to customers 100, visibility 80, image 70, size 30, comfort 20,
    car parking 10; normalised weights 32, 26, 23, 10, 6, 3 (per cent, rounded)."""
    points = {"closeness": 100, "visibility": 80, "image": 70, "size": 30, "comfort": 20,
              "parking": 10}
    weights = swing_weights(points)
    assert [round(100 * weights[k]) for k in points] == [32, 26, 23, 10, 6, 3]
    assert sum(weights.values()) == pytest.approx(1.0)


@pytest.mark.parametrize(("points", "message"), [
    ({"a": 90, "b": 50}, "give the most valued swing 100 points"),
    ({"a": 100, "b": -5}, "swing points of 'b' are -5"),
    ({"a": 100, "b": 120}, "swing points of 'b' are 120"),
    ({"a": 100, "b": float("nan")}, "swing points of 'b' must be a number"),
])
def test_bad_swing_points_are_refused(points, message):
    with pytest.raises(TradeoffError, match=message):
        swing_weights(points)


def test_swing_text_uses_anchors_and_level_names():
    m = small_matrix()
    assert swing_text(m, "price") == "Price from 100 k€ to 0 k€"
    assert swing_text(m, "risk") == "Risk from very high to low"
    assert swing_text(m, "quality") == "Every criterion under Quality from worst to best"


def test_points_from_weights_give_the_weights_shares_back():
    points = points_from_weights({"a": 3, "b": 1, "c": 1.5, "other": 9}, ["a", "b", "c"])
    assert points == {"a": 100.0, "b": pytest.approx(100 / 3), "c": 50.0}
    assert swing_weights(points) == pytest.approx({"a": 3 / 5.5, "b": 1 / 5.5, "c": 1.5 / 5.5},
                                                  rel=1e-15)
    # Nothing to start from: a weight missing or negative, or every weight zero.
    assert points_from_weights({"a": 3}, ["a", "b"]) == {}
    assert points_from_weights({"a": 3, "b": -1}, ["a", "b"]) == {}
    assert points_from_weights({"a": 0, "b": 0}, ["a", "b"]) == {}

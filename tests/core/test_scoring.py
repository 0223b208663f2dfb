"""The additive value model against totals worked out by hand.

The arithmetic for tests/factories.small_matrix() under profile "even"
(group weights 1:1, so money 0.5 and quality 0.5; inside quality speed and
risk 1:1, so 0.25 each):

    values   price: cost, worst 100, best 0   → a 40 → 0.6, b 20 → 0.8, c 70 → 0.3
             speed: benefit 0..10            → a 6 → 0.6, b 3 → 0.3, c 9 → 0.9
             risk:  levels, worst 3, best 0  → a medium(1) → 2/3, b high(2) → 1/3, c low(0) → 1
    totals   a = 0.5·0.6 + 0.25·0.6 + 0.25·2/3 = 0.616667
             b = 0.5·0.8 + 0.25·0.3 + 0.25·1/3 = 0.558333
             c = 0.5·0.3 + 0.25·0.9 + 0.25·1   = 0.625
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from factories import small_matrix
from tradeoff.core.errors import WeightError
from tradeoff.core.model import Criterion, Score
from tradeoff.core.scoring import competition_ranks, margins, score


def test_totals_match_hand_computation():
    result = score(small_matrix(), "even")
    assert result.totals["a"] == pytest.approx(0.5 * 0.6 + 0.25 * 0.6 + 0.25 * 2 / 3)
    assert result.totals["b"] == pytest.approx(0.5 * 0.8 + 0.25 * 0.3 + 0.25 / 3)
    assert result.totals["c"] == pytest.approx(0.5 * 0.3 + 0.25 * 0.9 + 0.25)
    assert list(result.ranks) == [2, 3, 1]
    assert result.winner == "c"
    assert result.table[("margin", "")]["c"] == pytest.approx(0.625 - 0.6166667, abs=1e-6)
    assert math.isnan(result.table[("margin", "")]["b"])


def test_hierarchical_weights_follow_group_weights():
    result = score(small_matrix(), "quality")  # money 1 : quality 3; speed 2 : risk 1
    assert result.weights.to_dict() == pytest.approx({"price": 0.25, "speed": 0.5, "risk": 0.25})
    assert result.totals["c"] == pytest.approx(0.25 * 0.3 + 0.5 * 0.9 + 0.25 * 1.0)


def test_contributions_sum_exactly_to_total():
    result = score(small_matrix())
    contrib = result.contributions().to_numpy()
    assert np.array_equal(contrib.sum(axis=1), result.totals.to_numpy())


def test_values_are_zero_at_worst_and_one_at_best_for_cost_and_levels():
    m = small_matrix()
    m.scores[("a", "price")] = Score(value=100)
    m.scores[("b", "price")] = Score(value=0)
    m.scores[("a", "risk")] = Score(value="very high")
    values = score(m).values()
    assert values.at["a", "price"] == 0.0 and not math.copysign(1, values.at["a", "price"]) < 0
    assert values.at["b", "price"] == 1.0
    assert values.at["a", "risk"] == 0.0


def test_ties_share_the_better_rank():
    assert list(competition_ranks(np.array([0.5, 0.7, 0.5, 0.1]))) == [2, 1, 2, 4]
    # Totals that differ only by floating-point noise are a tie.
    assert list(competition_ranks(np.array([0.3, 0.1 + 0.2]))) == [1, 1]
    assert list(margins(np.array([0.5, 0.7, 0.5]))) == pytest.approx([0.0, 0.2, np.nan],
                                                                     nan_ok=True)


def test_missing_score_is_reported_and_never_counted_as_zero():
    m = small_matrix()
    del m.scores[("c", "speed")]
    result = score(m)
    assert math.isnan(result.totals["c"])
    assert math.isnan(result.ranks["c"])
    assert result.winner == "a"
    assert [(i.kind, i.option, i.criterion) for i in result.issues] == [("missing", "c", "speed")]
    assert "Gamma has no score on Speed" in result.issues[0].message


def test_score_outside_the_scale_is_reported_not_clipped():
    m = small_matrix()
    m.scores[("a", "speed")] = Score(value=12)
    result = score(m)
    assert result.values().at["a", "speed"] == pytest.approx(1.2)
    (issue,) = result.issues
    assert issue.kind == "outside-scale" and "12" in issue.message and "Speed" in issue.message


def test_piecewise_value_function_interpolates_between_points():
    m = small_matrix()
    i = m.criterion_index("speed")
    m.criteria[i] = Criterion("speed", "Speed", worst=0, best=10, group="quality",
                              value_points=[(0, 0.0), (5, 0.8), (10, 1.0)])
    values = score(m).values()
    assert values.at["a", "speed"] == pytest.approx(0.8 + 0.2 * 1 / 5)  # 6 → 0.84
    assert values.at["b", "speed"] == pytest.approx(0.8 * 3 / 5)  # 3 → 0.48


def test_all_zero_profile_is_an_error_that_names_the_profile():
    m = small_matrix()
    for k in m.profiles[0].weights:
        m.profiles[0].weights[k] = 0
    with pytest.raises(WeightError, match="profile 'Even': all weights are zero"):
        score(m, "even")


def test_zero_weight_group_may_have_all_zero_members():
    m = small_matrix()
    w = m.profiles[0].weights
    w.update(quality=0, speed=0, risk=0)
    result = score(m, "even")
    assert result.weights.to_dict() == {"price": 1.0, "speed": 0.0, "risk": 0.0}


def test_positive_group_with_all_zero_members_is_an_error():
    m = small_matrix()
    m.profiles[0].weights.update(speed=0, risk=0)
    with pytest.raises(WeightError, match="all weights under group 'quality' are zero"):
        score(m, "even")


def test_empty_group_carries_no_weight():
    from tradeoff.core.model import Group

    m = small_matrix()
    m.groups.append(Group("later", "Not yet used"))
    m.profiles[0].weights["later"] = 5
    assert score(m, "even").weights.sum() == pytest.approx(1.0)
    assert score(m, "even").totals["c"] == pytest.approx(0.625)


def test_ranking_lists_best_first_with_unranked_last():
    m = small_matrix()
    del m.scores[("c", "speed")]
    ranking = score(m).ranking()
    assert list(ranking["option"]) == ["Alpha", "Beta", "Gamma"]
    assert list(ranking["rank"][:2]) == [1, 2]


def test_matrix_without_criteria_or_options_scores_to_an_empty_table():
    m = small_matrix()
    m.criteria.clear()
    m.groups.clear()
    result = score(m)
    assert result.contributions().shape == (3, 0)
    assert result.values().shape == (3, 0)
    m.options.clear()
    assert score(m).ranking().empty


def test_a_renamed_option_shows_its_new_name_and_tables_do_not_share_index_names():
    m = small_matrix()
    first = score(m, "even")
    m.options[0].name = "Renamed"
    second = score(m, "even")
    assert second.table[("name", "")].iloc[0] == "Renamed"
    assert first.table[("name", "")].iloc[0] != "Renamed"
    third = score(m, "even")  # the same options again: the same labels
    assert third.table.index.equals(second.table.index)
    third.table.index.name = "changed"
    assert second.table.index.name == "option"
    assert score(m, "even").table.index.name == "option"
    third.table.loc[third.table.index[0], ("name", "")] = "Edited in one table"
    assert score(m, "even").table[("name", "")].iloc[0] == "Renamed"

"""The scenario view and the analysis across scenarios.

The view must be indistinguishable from a matrix file with the overrides
written into its base scores, for every analysis; the per-scenario results,
regret and signposts are checked against independent arithmetic.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools

import numpy as np
import pytest

from factories import small_matrix
from tradeoff.core.errors import TradeoffError
from tradeoff.core.flip import flip_table
from tradeoff.core.methods.crosscheck import crosscheck
from tradeoff.core.model import DecisionMatrix, Scenario, Score
from tradeoff.core.scenario_smaa import run_smaa_over_scenarios, scenario_draws
from tradeoff.core.scenarios import analyse_scenarios, scenario_view, scenario_weights
from tradeoff.core.scoring import raw_matrix, score
from tradeoff.core.sensitivity import all_sweeps
from tradeoff.core.smaa import SmaaSettings, run_smaa
from tradeoff.core.smaa_sampling import spec_for_matrix
from tradeoff.core.tornado import tornado
from tradeoff.io.matrix_file import dumps, load_matrix, loads
from tradeoff.paths import example_matrices, example_path


def written_in(matrix: DecisionMatrix, scenario: Scenario) -> DecisionMatrix:
    """The matrix file a user would write by hand: overrides typed into the base
    scores, no scenarios — built through the TOML text, not through the view."""
    m = copy.deepcopy(matrix)
    for key, cell in scenario.scores.items():
        m.scores[key] = copy.deepcopy(cell)
    m.scenarios = []
    m.metadata.title = f"{matrix.metadata.title} — {scenario.name}"
    return loads(dumps(m))


def same(a: object, b: object) -> bool:
    """Equality through dataclasses, containers and numpy arrays (NaN equals NaN)."""
    if dataclasses.is_dataclass(a) and dataclasses.is_dataclass(b):
        return type(a) is type(b) and all(same(getattr(a, f.name), getattr(b, f.name))
                                          for f in dataclasses.fields(a))
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.array_equal(np.asarray(a), np.asarray(b), equal_nan=True)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    return a == b


def scenario_cases() -> list[tuple[str, str]]:
    return [(p.name, s.id) for p in example_matrices() for s in load_matrix(p).scenarios]


def test_the_examples_have_scenarios_to_test():
    names = {name for name, _s in scenario_cases()}
    assert "budapest-summit.toml" in names and len(names) >= 2


@pytest.mark.parametrize("example, scenario_id", scenario_cases())
def test_view_equals_the_file_with_overrides_written_in(example, scenario_id):
    m = load_matrix(example_path(example))
    view = scenario_view(m, scenario_id)
    hand = written_in(m, m.find_scenario(scenario_id))
    assert view.scores == hand.scores
    assert (view.scores != m.scores) == bool(m.find_scenario(scenario_id).scores)
    assert view.scenarios == [] and view.metadata.title == hand.metadata.title
    np.testing.assert_array_equal(raw_matrix(view), raw_matrix(hand))
    # the base matrix is left as it was
    assert m.scores == load_matrix(example_path(example)).scores


@pytest.mark.parametrize("example, scenario_id", scenario_cases())
def test_every_analysis_on_the_view_equals_it_on_the_written_in_file(example, scenario_id):
    m = load_matrix(example_path(example))
    view, hand = scenario_view(m, scenario_id), written_in(m, m.find_scenario(scenario_id))
    for profile in m.profiles:
        assert score(view, profile).table.equals(score(hand, profile).table)
        cv, ch = crosscheck(view, profile), crosscheck(hand, profile)
        for a, b in zip(cv.outcomes, ch.outcomes, strict=True):
            assert (a.result is None) == (b.result is None)
            if a.result is not None:
                assert a.result.table.equals(b.result.table)
        assert same(all_sweeps(view, profile), all_sweeps(hand, profile))
        assert same(flip_table(view, profile), flip_table(hand, profile))
        assert same(tornado(view, profile), tornado(hand, profile))
    profile = m.profile()
    spec = spec_for_matrix(view, profile, "profile", 0.2)
    settings = SmaaSettings(spec, samples=3000, seed=11)
    a, b = run_smaa(view, settings), run_smaa(hand, settings)
    np.testing.assert_array_equal(a.rank_acceptability, b.rank_acceptability)
    np.testing.assert_array_equal(a.pairwise, b.pairwise)


def with_scenarios() -> DecisionMatrix:
    """small_matrix (Even profile: Gamma 0.625, Alpha 0.617, Beta 0.558) and two worlds."""
    m = small_matrix()
    m.scenarios = [
        # prices rise for Gamma: 70 → 90 k€ on a 100..0 cost scale
        Scenario("dear", "Gamma gets dear", probability=0.25,
                 scores={("c", "price"): Score(value=90, rationale="supplier notice")}),
        # Beta's speed doubles and its risk falls
        Scenario("fast-beta", "Beta speeds up", probability=0.75,
                 scores={("b", "speed"): Score(value=6), ("b", "risk"): Score(value="medium")}),
    ]
    return m


def test_per_scenario_totals_regret_and_expected_by_hand():
    m = with_scenarios()
    a = analyse_scenarios(m, "even")
    # Even: money ½ (price), quality ½ split speed ¼, risk ¼; risk levels 0..3, cost.
    def total(price: float, speed: float, risk: float) -> float:
        return 0.5 * (100 - price) / 100 + 0.25 * speed / 10 + 0.25 * (3 - risk) / 3
    dear = {"a": total(40, 6, 1), "b": total(20, 3, 2), "c": total(90, 9, 0)}
    fast = {"a": total(40, 6, 1), "b": total(20, 6, 1), "c": total(70, 9, 0)}
    assert a.totals["dear"].to_dict() == pytest.approx(dear)
    assert a.totals["fast-beta"].to_dict() == pytest.approx(fast)
    assert a.outcome("dear").winners == ["a"] and a.outcome("fast-beta").winners == ["b"]
    for s, t in (("dear", dear), ("fast-beta", fast)):
        best = max(t.values())
        assert a.regret[s].to_dict() == pytest.approx({o: best - v for o, v in t.items()})
    worst = {o: max(max(dear.values()) - dear[o], max(fast.values()) - fast[o]) for o in dear}
    assert a.max_regret.to_dict() == pytest.approx(worst)
    assert a.minimax == [min(worst, key=worst.get)]
    assert a.expected.to_dict() == pytest.approx(
        {o: 0.25 * dear[o] + 0.75 * fast[o] for o in dear})
    assert a.base.winners == ["c"]  # the base case is shown, not counted


def test_signpost_effects_add_up_to_the_change_in_margin():
    m = with_scenarios()
    a = analyse_scenarios(m, "even")
    [post] = a.signposts
    assert (post.from_scenario, post.to_scenario) == ("dear", "fast-beta")
    assert (post.from_winner, post.to_winner) == ("a", "b")
    t = a.totals
    change = (t.at["b", "fast-beta"] - t.at["a", "fast-beta"]) - (t.at["b", "dear"]
                                                                    - t.at["a", "dear"])
    assert post.margin_change == pytest.approx(change)
    # Gamma's price is overridden too, but Gamma is neither winner: not a signpost
    assert [(c.option, c.criterion) for c in post.cells] == [("b", "risk"), ("b", "speed")]
    risk, speed = post.cells
    assert risk.effect == pytest.approx(0.25 / 3) and speed.effect == pytest.approx(0.25 * 0.3)
    assert (risk.base, risk.from_value, risk.to_value, risk.override) == \
        ("high", "high", "medium", "medium")
    assert risk.overridden_in == ("fast-beta",)


def test_no_signposts_when_every_scenario_has_the_same_winner():
    m = with_scenarios()
    m.scenarios[1].scores = {("c", "speed"): Score(value=10)}
    m.scenarios[0].scores = {}
    assert analyse_scenarios(m, "even").signposts == []


@pytest.mark.parametrize("i, j", list(itertools.combinations(range(4), 2)))
def test_budapest_signposts_order_by_effect_and_explain_the_margin(i, j):
    m = load_matrix(example_path())
    a = analyse_scenarios(m)
    posts = {(p.from_scenario, p.to_scenario): p for p in a.signposts}
    si, sj = m.scenarios[i].id, m.scenarios[j].id
    wi, wj = a.outcome(si).winners, a.outcome(sj).winners
    if wi == wj:
        assert (si, sj) not in posts
        return
    post = posts[(si, sj)]
    effects = [abs(c.effect) for c in post.cells]
    assert effects == sorted(effects, reverse=True) and effects
    t = a.totals
    change = ((t.at[post.to_winner, sj] - t.at[post.from_winner, sj])
              - (t.at[post.to_winner, si] - t.at[post.from_winner, si]))
    assert post.margin_change == pytest.approx(change, abs=1e-12)


def test_budapest_scenarios_name_a_contingent_strategy():
    a = analyse_scenarios(load_matrix(example_path()), "balanced")
    winners = {o.id: o.winners for o in a.outcomes}
    assert len({w[0] for w in winners.values()}) >= 3  # the world matters
    assert a.minimax == ["calibrated-pressure"]
    assert a.expected is None  # the article gives no probabilities


def test_view_by_name_and_unknown_scenario():
    m = with_scenarios()
    assert scenario_view(m, "beta SPEEDS up").score("b", "speed").value == 6
    assert scenario_view(m, None) is m
    with pytest.raises(TradeoffError, match="no scenario named 'wet'"):
        scenario_view(m, "wet")
    with pytest.raises(TradeoffError, match="no scenarios"):
        analyse_scenarios(small_matrix())


def test_scenario_weights_equal_without_probabilities():
    m = with_scenarios()
    assert scenario_weights(m).tolist() == [0.25, 0.75]
    for s in m.scenarios:
        s.probability = None
    assert scenario_weights(m).tolist() == [0.5, 0.5]


def test_monte_carlo_over_scenarios_without_uncertainty_is_the_mix_of_winners():
    m = with_scenarios()
    profile = m.profile("even")
    spec = spec_for_matrix(m, profile, "profile", 0.0)  # weights held fixed, no score ranges
    result = run_smaa_over_scenarios(m, SmaaSettings(spec, samples=4000, seed=3))
    counts = scenario_draws(m, 4000, 3)
    assert counts.sum() == 4000 and 800 < counts[0] < 1200  # about a quarter
    best = dict(zip(result.options, result.probability_best, strict=True))
    assert best == pytest.approx({"a": counts[0] / 4000, "b": counts[1] / 4000, "c": 0.0})
    np.testing.assert_allclose(result.rank_acceptability.sum(axis=1), 1.0)
    np.testing.assert_allclose(result.rank_acceptability.sum(axis=0), 1.0)
    assert np.isnan(result.confidence[2])


def test_outcome_totals_are_exactly_those_of_score_on_the_view():
    m = load_matrix(example_path())
    for profile in m.profiles:
        a = analyse_scenarios(m, profile)
        for outcome in [a.base, *a.outcomes]:
            result = score(scenario_view(m, outcome.scenario), profile)
            np.testing.assert_array_equal(outcome.totals, result.totals.to_numpy())
            np.testing.assert_array_equal(outcome.ranks, result.ranks.to_numpy())
            assert outcome.result.table.equals(result.table)
            assert outcome.winners == [o for o in result.table.index
                                       if result.ranks[o] == 1]

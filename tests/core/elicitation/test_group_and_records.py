"""Group aggregation, and elicitation records stored in a profile and in the file."""

from __future__ import annotations

import math

import pytest

from factories import small_matrix
from tradeoff.core.elicitation import (
    ElicitationOutcome,
    apply_outcome,
    elicitation_levels,
    geometric_mean_judgements,
    group_ahp,
    level_items,
    mean_of_weights,
    stored_record,
)
from tradeoff.core.elicitation.group import group_outcome
from tradeoff.core.elicitation.records import (
    forget_level,
    judgements_record,
    read_judgements,
    read_numbers,
)
from tradeoff.core.errors import TradeoffError
from tradeoff.core.weights import normalised_weights
from tradeoff.io.matrix_file import dumps, loads


def test_mean_of_normalised_weights():
    """Ann 2:2 → .5/.5, Ben 3:1 → .75/.25; the group weighs .625/.375."""
    group = mean_of_weights({"Ann": {"a": 2, "b": 2}, "Ben": {"a": 3, "b": 1}})
    assert group == pytest.approx({"a": 0.625, "b": 0.375})


def test_mean_of_weights_names_the_odd_participant():
    with pytest.raises(TradeoffError, match="Ben weighs a different set of items"):
        mean_of_weights({"Ann": {"a": 1, "b": 1}, "Ben": {"a": 1}})
    with pytest.raises(TradeoffError, match="Cas's weights are all zero"):
        mean_of_weights({"Ann": {"a": 1}, "Cas": {"a": 0}})


def test_geometric_mean_keeps_judgements_reciprocal():
    """Aczél & Saaty (1983): 2 and 8 combine to 4; Ben's (b, a) = 1/8 is the same
    judgement as (a, b) = 8. A pair judged by Ann alone keeps her value."""
    combined = geometric_mean_judgements(
        ["a", "b", "c"], {"Ann": {("a", "b"): 2, ("b", "c"): 3}, "Ben": {("b", "a"): 1 / 8}})
    assert combined == pytest.approx({("a", "b"): 4.0, ("b", "c"): 3.0})


def test_geometric_mean_of_consistent_judges_is_consistent():
    """Ann: a = 2b, a = 4c, b = 2c; Ben: a = 8b, a = 8c, b = c. Geometric means
    4, √32, √2 still satisfy 4 · √2 = √32, so CR = 0 and w ∝ (√32, √2, 1)."""
    result = group_ahp(["a", "b", "c"], {
        "Ann": {("a", "b"): 2, ("a", "c"): 4, ("b", "c"): 2},
        "Ben": {("a", "b"): 8, ("a", "c"): 8, ("b", "c"): 1}})
    total = math.sqrt(32) + math.sqrt(2) + 1
    assert list(result.weights.values()) == pytest.approx(
        [math.sqrt(32) / total, math.sqrt(2) / total, 1 / total])
    assert result.cr == pytest.approx(0.0, abs=1e-9)


def test_a_participants_contradiction_is_reported_with_their_name():
    with pytest.raises(TradeoffError, match="Ben: the judgement b against a is given twice"):
        geometric_mean_judgements(["a", "b"], {"Ben": {("a", "b"): 2, ("b", "a"): 2}})


def test_levels_of_the_small_matrix():
    m = small_matrix()  # money holds only price, so it has nothing to weigh inside
    assert elicitation_levels(m) == [None, "quality"]
    assert level_items(m, None) == ["money", "quality"]
    assert level_items(m, "quality") == ["speed", "risk"]


def test_applying_an_outcome_sets_the_level_and_leaves_the_rest():
    m = small_matrix()
    before = normalised_weights(m, m.profile("quality"))
    outcome = ElicitationOutcome("quality", "swing", {"speed": 0.8, "risk": 0.2},
                                 {"points": {"speed": 100.0, "risk": 25.0}})
    new = apply_outcome(m.profile("quality"), outcome)
    assert new is not m.profile("quality") and m.profile("quality").method == "direct"
    assert new.weights["speed"] == 80 and new.weights["risk"] == 20
    assert new.weights["money"] == 1 and new.weights["quality"] == 3  # other level untouched
    assert new.method == "swing"
    after = normalised_weights(m, new)
    # price keeps its share (money 1 : quality 3 → 0.25); quality's 0.75 splits .8/.2
    assert after[0] == pytest.approx(before[0])
    assert list(after[1:]) == pytest.approx([0.75 * 0.8, 0.75 * 0.2])
    top = ElicitationOutcome(None, "roc", {"money": 0.75, "quality": 0.25},
                             {"ranks": {"money": 1, "quality": 2}})
    mixed = apply_outcome(new, top)
    assert mixed.method == "mixed"
    assert forget_level(mixed, None).method == "swing"
    assert stored_record(mixed, "quality", {"swing"})["points"] == {"speed": 100.0, "risk": 25.0}
    assert stored_record(mixed, "quality", {"ahp"}) is None


def test_records_survive_a_save_and_reload():
    m = small_matrix()
    judgements = {("money", "quality"): 1 / 3}
    outcome = ElicitationOutcome(None, "ahp", {"money": 0.25, "quality": 0.75},
                                 {"priority": "eigenvector",
                                  "judgements": judgements_record(judgements),
                                  "consistency_ratio": 0.0})
    m.profiles[0] = apply_outcome(m.profiles[0], outcome)
    back = loads(dumps(m), source="round trip").profile("even")
    assert back.method == "ahp"
    record = stored_record(back, None, {"ahp"})
    assert read_judgements(record["judgements"]) == pytest.approx(judgements)
    assert back.weights["money"] == 25 and back.weights["quality"] == 75


def test_malformed_records_are_skipped_not_fatal():
    assert read_judgements([{"row": "a", "col": "b", "value": "three"}, "junk",
                            {"row": "a", "col": "c", "value": 2}]) == {("a", "c"): 2.0}
    assert read_judgements("not a list") == {}
    assert read_numbers({"points": {"a": 100, "b": True, "c": "x"}}, "points") == {"a": 100.0}
    assert read_numbers(None, "points") == {}


def test_group_outcomes_store_every_participant_and_reload():
    m = small_matrix()
    by_weights = group_outcome(None, ["money", "quality"], "mean-of-weights",
                               {"Ann": {"money": 2, "quality": 2},
                                "Ben": {"money": 3, "quality": 1}})
    assert by_weights.weights == pytest.approx({"money": 0.625, "quality": 0.375})
    judges = {"Ann": {("speed", "risk"): 2}, "Ben": {("risk", "speed"): 1 / 8}}
    by_judgements = group_outcome("quality", ["speed", "risk"], "geometric-mean-of-judgements",
                                  judges)
    assert by_judgements.weights == pytest.approx({"speed": 0.8, "risk": 0.2})  # GM 4 → 4:1
    profile = apply_outcome(apply_outcome(m.profiles[0], by_weights), by_judgements)
    assert profile.method == "group"
    m.profiles[0] = profile
    back = loads(dumps(m)).profile("even")
    record = stored_record(back, "quality", {"group"})
    assert [p["name"] for p in record["participants"]] == ["Ann", "Ben"]
    assert read_judgements(record["participants"][1]["judgements"]) == pytest.approx(
        {("risk", "speed"): 1 / 8})
    with pytest.raises(TradeoffError, match="this level holds speed, risk"):
        group_outcome("quality", ["speed", "risk"], "mean-of-weights", {"Ann": {"speed": 1}})
    with pytest.raises(TradeoffError, match="unknown aggregation 'median'"):
        group_outcome(None, ["money"], "median", {})

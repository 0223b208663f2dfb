"""Renaming, moving and dissolving groups of the value tree, without Qt."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factories import small_matrix
from tradeoff.core import edits
from tradeoff.core.model import Criterion, DecisionMatrix, Group, WeightProfile
from tradeoff.core.validate import check_matrix
from tradeoff.core.weights import normalised_weights


def nested_matrix() -> DecisionMatrix:
    """small_matrix with Speed one level deeper: Quality › Pace › Speed, Risk under Quality."""
    m = small_matrix()
    m.groups.append(Group("pace", "Pace", parent="quality"))
    m.criterion("speed").group = "pace"
    for p in m.profiles:
        p.weights["pace"] = 2 if p.id == "quality" else 1
    m.profile("quality").weights["speed"] = 5  # alone under Pace: any points give it all
    return m


def dissolve(m: DecisionMatrix, group_id: str) -> None:
    """The steps the editor's Delete Group takes, in its order (profiles worked out first)."""
    group = m.group(group_id)
    profiles = [edits.ungrouped_profile(m, p, group_id) for p in m.profiles]
    edits.regroup(m, {c.id: group.parent for c in m.criteria if c.group == group_id},
                  {g.id: group.parent for g in m.groups if g.parent == group_id})
    for p in profiles:
        edits.replace_profile(m, p)
    edits.remove_group(m, group_id)


# -- rename and move ------------------------------------------------------------------------
def test_update_group_keeps_the_id_and_returns_the_old_group():
    m = small_matrix()
    old = edits.update_group(m, "quality", name="Performance", description="How well it works")
    assert old == Group("quality", "Quality")
    assert m.groups[1] == Group("quality", "Performance", None, "How well it works")
    assert m.criterion("speed").group == "quality"


def test_update_group_refuses_a_parent_that_would_make_a_cycle():
    m = nested_matrix()
    before = copy.deepcopy(m)
    with pytest.raises(ValueError, match="cannot sit under itself"):
        edits.update_group(m, "quality", parent="pace")
    with pytest.raises(ValueError, match="cannot sit under itself"):
        edits.update_group(m, "quality", parent="quality")
    with pytest.raises(ValueError, match="unknown group 'nowhere'"):
        edits.update_group(m, "pace", parent="nowhere")
    assert m == before
    edits.update_group(m, "pace", parent="money")
    assert m.group_path("speed") == ["money", "pace"]


def test_regroup_returns_what_undoes_it():
    m = nested_matrix()
    before = copy.deepcopy(m)
    old = edits.regroup(m, {"risk": None, "price": "pace"}, {"pace": None})
    assert old == ({"risk": "quality", "price": "money"}, {"pace": "quality"})
    assert [c.group for c in m.criteria] == ["pace", "pace", None]
    assert m.group("pace").parent is None
    assert before.criterion("risk").group == "quality"  # criteria are replaced, not changed
    edits.regroup(m, *old)
    assert m == before


def test_regroup_refuses_cycles_and_unknown_groups_and_changes_nothing():
    m = nested_matrix()
    before = copy.deepcopy(m)
    with pytest.raises(ValueError, match="unknown group 'nowhere'"):
        edits.regroup(m, {"risk": None}, {"pace": "nowhere"})
    with pytest.raises(ValueError, match="cannot sit under itself"):
        edits.regroup(m, {"risk": None, "price": None}, {"money": "pace", "quality": "money"})
    assert m == before


@pytest.mark.parametrize(("name", "problem"), [
    ("  ", "the name is empty"),
    ("Money", "another group is already called “Money”"),
    ("  money ", "another group is already called “Money”"),
    ("PRICE", "a criterion is already called “Price”"),
])
def test_group_names_must_differ_from_other_groups_and_criteria(name, problem):
    assert edits.group_name_problem(small_matrix(), name, "quality") == problem


def test_a_group_may_keep_its_own_name_in_another_case():
    m = small_matrix()
    assert edits.group_name_problem(m, "QUALITY", "quality") is None
    assert edits.group_name_problem(m, "Quality") == "another group is already called “Quality”"


# -- dissolving -------------------------------------------------------------------------------
def test_members_take_over_the_group_weight_in_proportion():
    m = nested_matrix()
    # Profile "quality": money 1, quality 3; under Quality: pace 2, risk 1.
    out = edits.ungrouped_profile(m, m.profile("quality"), "quality")
    # By hand: Pace gets 3 × 2/3 = 2 and Risk 3 × 1/3 = 1; the rest is untouched.
    assert out.weights == pytest.approx({"money": 1, "price": 1, "pace": 2, "speed": 5,
                                         "risk": 1})
    assert list(out.weights) == ["money", "price", "speed", "risk", "pace"]  # order kept
    assert "quality" in m.profile("quality").weights  # the profile itself is not changed


def test_dissolving_keeps_every_normalised_weight():
    m = nested_matrix()
    dissolve(m, "quality")
    assert [g.id for g in m.groups] == ["money", "pace"]
    assert m.group("pace").parent is None
    assert m.criterion("risk").group is None
    assert check_matrix(m) == []
    # By hand, profile "quality": top level money 1 : quality 3, under Quality pace 2 :
    # risk 1, Speed alone under Pace: price 1/4, speed 3/4 × 2/3 = 1/2, risk 3/4 × 1/3 = 1/4.
    assert list(normalised_weights(m, m.profile("quality"))) == pytest.approx([.25, .5, .25])
    # Profile "even": money 1 : quality 1, pace 1 : risk 1 → price 1/2, speed 1/4, risk 1/4.
    assert list(normalised_weights(m, m.profile("even"))) == pytest.approx([.5, .25, .25])


def test_zero_weight_group_and_unusable_levels():
    m = small_matrix()
    zero = WeightProfile("z", "Z", {"money": 1, "quality": 0, "price": 1, "speed": 0, "risk": 0})
    assert edits.ungrouped_profile(m, zero, "quality").weights == {
        "money": 1, "price": 1, "speed": 0.0, "risk": 0.0}
    # All zero under a weighted group cannot be normalised: the points stay as they were.
    broken = WeightProfile("b", "B", {"money": 1, "quality": 2, "price": 1, "speed": 0, "risk": 0})
    assert edits.ungrouped_profile(m, broken, "quality").weights == {
        "money": 1, "price": 1, "speed": 0, "risk": 0}
    missing = WeightProfile("m", "M", {"money": 1, "price": 1, "speed": 4, "risk": 2})
    assert edits.ungrouped_profile(m, missing, "quality").weights == missing.weights


def test_a_subgroup_without_criteria_keeps_its_points_and_carries_no_weight():
    m = small_matrix()
    m.groups.append(Group("empty", "Empty", parent="quality"))
    for p in m.profiles:
        p.weights["empty"] = 7
    out = edits.ungrouped_profile(m, m.profile("even"), "quality")
    assert out.weights["empty"] == 7
    assert out.weights["speed"] == pytest.approx(0.5)


def test_stale_elicitation_records_are_dropped():
    m = nested_matrix()
    even = m.profile("even")
    even.elicitation = {"_root": {"method": "ahp"}, "quality": {"method": "swing"},
                        "money": {"method": "swing"}, "pace": {"method": "ahp"}}
    even.method = "mixed"
    out = edits.ungrouped_profile(m, even, "quality")
    assert out.elicitation == {"money": {"method": "swing"}, "pace": {"method": "ahp"}}
    assert out.method == "mixed"
    out = edits.ungrouped_profile(m, even, "pace")  # its parent level is Quality's
    assert out.elicitation == {"_root": {"method": "ahp"}, "money": {"method": "swing"}}
    assert out.method == "mixed"
    only_root = WeightProfile("r", "R", dict(even.weights), method="swing",
                              elicitation={"_root": {"method": "swing"}})
    assert edits.ungrouped_profile(m, only_root, "money").method == "direct"
    untouched = WeightProfile("u", "U", dict(even.weights), method="swing",
                              elicitation={"money": {"method": "swing"}})
    assert edits.ungrouped_profile(m, untouched, "pace").method == "swing"


points = st.floats(min_value=0.01, max_value=1e6, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(st.lists(points, min_size=7, max_size=7), st.sampled_from(["quality", "pace", "money"]))
def test_dissolving_any_group_keeps_the_normalised_weights(raw, group_id):
    m = nested_matrix()
    m.criteria.append(Criterion("care", "Care", worst=0, best=1, group="pace"))
    nodes = ["money", "quality", "pace", "price", "speed", "risk", "care"]
    m.profiles = [WeightProfile("p", "P", dict(zip(nodes, raw, strict=True)))]
    before = normalised_weights(m, m.profile("p"))
    dissolve(m, group_id)
    after = normalised_weights(m, m.profile("p"))
    assert after.sum() == pytest.approx(1.0)
    assert list(after) == pytest.approx(list(before), rel=1e-9)

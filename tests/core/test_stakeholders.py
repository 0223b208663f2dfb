"""Stakeholder comparison on the small matrix, with totals worked out by hand."""

from __future__ import annotations

import pytest

from factories import small_matrix
from tradeoff.core.model import Option, Score, WeightProfile
from tradeoff.core.stakeholders import compare_profiles


def _with_money_profile():
    m = small_matrix()
    m.profiles.append(WeightProfile("money", "Money first", {
        "money": 3, "quality": 1, "price": 1, "speed": 1, "risk": 1}))
    return m


def test_profiles_side_by_side_with_hand_computed_totals():
    # Values: price a .6 b .8 c .3; speed a .6 b .3 c .9; risk a 2/3 b 1/3 c 1.
    # Even (.5, .25, .25): a .61667, b .55833, c .625.
    # Quality first (.25, .5, .25): a .61667, b .43333, c .775.
    # Money first (.75, .125, .125): a .60833, b .67917, c .4625.
    comparison = compare_profiles(_with_money_profile())
    assert comparison.totals.loc["a"].tolist() == pytest.approx([0.616667, 0.616667, 0.608333],
                                                                abs=1e-6)
    assert comparison.totals.loc["b"].tolist() == pytest.approx([0.558333, 0.433333, 0.679167],
                                                                abs=1e-6)
    assert comparison.ranks.to_dict("list") == {"even": [2, 3, 1], "quality": [2, 3, 1],
                                                "money": [2, 1, 3]}
    assert comparison.winners == {"even": ("c",), "quality": ("c",), "money": ("b",)}
    assert not comparison.winner_agreed


def test_disagreements_are_flagged_and_agreement_is_not():
    m = _with_money_profile()
    m.options.append(Option("d", "Delta"))  # worst everywhere: last under every profile
    for cid, v in (("price", 100), ("speed", 0), ("risk", "very high")):
        m.scores[("d", cid)] = Score(v)
    comparison = compare_profiles(m)
    # a is 2nd everywhere but only because b and c swap around it.
    assert comparison.disagreeing_options == ["b", "c"]
    assert not comparison.is_disagreement("d") and not comparison.is_disagreement("a")
    pairs = {(p.first, p.second): (p.first_ahead, p.second_ahead) for p in comparison.contested}
    assert pairs == {("a", "b"): (("even", "quality"), ("money",)),
                     ("a", "c"): (("money",), ("even", "quality")),
                     ("b", "c"): (("money",), ("even", "quality"))}


def test_profiles_that_agree_raise_no_flag():
    comparison = compare_profiles(small_matrix())
    assert comparison.winner_agreed
    assert comparison.disagreeing_options == [] and comparison.contested == []


def _contested_by_brute_force(ranks):
    out = []
    ids = list(ranks.index)
    for x in range(len(ids)):
        for y in range(x + 1, len(ids)):
            a, b = ranks.loc[ids[x]], ranks.loc[ids[y]]
            ahead = tuple(p for p in ranks.columns if a[p] < b[p])
            behind = tuple(p for p in ranks.columns if b[p] < a[p])
            if ahead and behind:
                out.append((ids[x], ids[y], ahead, behind))
    return out


@pytest.mark.parametrize("block_elements", [4_000_000, 7])
def test_contested_pairs_match_a_pair_by_pair_comparison(monkeypatch, block_elements):
    import numpy as np

    from robustness_factories import random_matrix
    from tradeoff.core import stakeholders
    monkeypatch.setattr(stakeholders, "CONTEST_ELEMENTS", block_elements)  # force many blocks
    rng = np.random.default_rng(4)
    m = random_matrix(rng, n=25, m=4)
    for k in range(3):
        m.profiles.append(WeightProfile(f"q{k}", f"Q{k}", {f"c{j}": float(rng.uniform(0.1, 5))
                                                           for j in range(4)}))
    m.scores[("o3", "c1")] = Score(None)  # o3 has no rank: never contested
    comparison = compare_profiles(m)
    found = [(p.first, p.second, p.first_ahead, p.second_ahead)
             for p in comparison.contested]
    expected = _contested_by_brute_force(comparison.ranks)
    assert found == expected and len(expected) > 20
    assert all("o3" not in pair[:2] for pair in found)

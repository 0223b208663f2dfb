"""The results at 10,000 options: the order and the chart's sentence are worked out
with whole arrays, and say the same as the definitions they replace."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tradeoff.gui.results.results_chart import CHART_TOP, ranking_sentence
from tradeoff.gui.results.results_model import ranking_order


def tuple_sort_order(totals, higher_is_better=True):
    """The definition: missing last, best first, ties in matrix order."""
    sign = -1.0 if higher_is_better else 1.0
    keyed = [(math.isnan(t), sign * t if not math.isnan(t) else 0.0, i)
             for i, t in enumerate(totals)]
    return [i for _, _, i in sorted(keyed)]


totals_lists = st.lists(st.one_of(st.sampled_from([0.0, -0.0, 0.5, 1.0, math.nan]),
                                  st.floats(-2, 2, allow_nan=False)), max_size=60)


@given(totals_lists, st.booleans())
@settings(max_examples=300, deadline=None)
def test_ranking_order_is_the_stable_sort_of_its_definition(totals, higher_is_better):
    assert ranking_order(np.array(totals, dtype=float), higher_is_better) == \
        tuple_sort_order(totals, higher_is_better)


def test_the_sentence_names_the_leaders_the_chart_shows_and_counts_the_rest():
    n = CHART_TOP + 40
    names = [f"Option {i}" for i in range(n)]
    totals = np.linspace(0.9, 0.1, n)
    totals[[3, 7]] = np.nan  # two without a total
    order = ranking_order(totals)
    words = ranking_sentence(names, totals, order, "Total")
    assert words.startswith("Total, best first: 1. Option 0 0.900; 2. Option 1 0.888;")
    said = [name for name in names if f" {name} " in words]
    assert said == [names[i] for i in order[:CHART_TOP]]
    assert f"; and {n - 2 - CHART_TOP} more Not ranked (missing scores): Option 3, Option 7." \
        in words


def test_a_short_ranking_is_said_in_full():
    names = ["A", "B", "C"]
    totals = np.array([0.2, np.nan, 0.7])
    words = ranking_sentence(names, totals, ranking_order(totals), "Total")
    assert words == "Total, best first: 1. C 0.700; 2. A 0.200 Not ranked (missing scores): B."


def test_the_sentence_says_ranks_and_totals_as_the_ranking_table_does():
    # B leads A by 0.00001; C and D tie; E has no total
    names = ["A", "B", "C", "D", "E"]
    totals = np.array([0.5, 0.50001, 0.3, 0.3, np.nan])
    words = ranking_sentence(names, totals, ranking_order(totals), "Total")
    assert words == ("Total, best first: 1. B 0.500010; 2. A 0.500000; 3. C 0.300; "
                     "3. D 0.300 Not ranked (missing scores): E.")
    lower = ranking_sentence(names, totals, ranking_order(totals, higher_is_better=False), "Q")
    assert lower.startswith("Q, best first: 1. C 0.300; 1. D 0.300; 3. A 0.500000; "
                            "4. B 0.500010")

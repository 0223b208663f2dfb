"""Printed totals keep the ranking's order and its ties; printed weight thresholds stay
on the safe side of the change point and apart from the weight now."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from tradeoff.core.printed_numbers import (
    decimals_apart,
    decimals_from_zero,
    share_text,
    threshold_shares,
)
from tradeoff.core.scoring import competition_ranks

totals_lists = st.lists(st.floats(0, 1), min_size=2, max_size=12)


@given(totals_lists, st.data())
def test_ranked_apart_print_apart_and_ties_print_alike(values, data):
    # near-neighbours and exact ties, as close totals are where the rounding bites
    extra = [values[0] + data.draw(st.sampled_from([0.0, 1e-4, -3e-4, 5e-4, 1e-3, 2e-7]))]
    t = np.array(values + extra)
    ranks = competition_ranks(t)
    decimals = decimals_apart(t)
    assert (decimals >= 3).all()
    order = np.argsort(-t, kind="stable")
    for a, b in itertools.pairwise(order):
        text_a, text_b = f"{t[a]:.{decimals[a]}f}", f"{t[b]:.{decimals[b]}f}"
        if ranks[a] == ranks[b]:
            assert text_a == text_b
        else:
            assert float(text_a) > float(text_b), (text_a, text_b)
            assert float(f"{t[a] - t[b]:.{decimals[a]}f}") > 0  # the lead is not "0.000"


def test_three_decimals_unless_a_neighbour_is_closer():
    assert decimals_apart(np.array([0.625, 0.6248, 0.5583])).tolist() == [4, 4, 3]
    assert decimals_apart(np.array([0.5, 0.5, 0.4999, np.nan, 0.2])).tolist() == [5, 5, 5, 3, 3]


@given(st.floats(0.001, 0.999), st.floats(0.001, 0.999))
def test_a_threshold_is_rounded_toward_the_weight_now(at, now):
    if abs(at - now) < 1e-7:
        return
    at_text, now_text = threshold_shares(at, now)
    x, y = float(at_text.removesuffix(" %")), float(now_text.removesuffix(" %"))
    if at > now:  # "holds unless it rises above x": true for every weight up to x
        assert y < x <= at * 100 + 1e-6
    else:
        assert at * 100 - 1e-6 <= x < y


@given(st.floats(0, 1))
def test_a_share_reads_0_or_100_percent_only_when_it_is_exactly_so(x):
    text = share_text(x)
    assert text.endswith("%")
    number = text.removesuffix("%")
    if number[0] in "<>":  # beyond the decimals shown: a bound on the right side
        bound = float(number[1:]) / 100
        assert (x < bound) if number[0] == "<" else (x > bound)
        return
    shown = float(number)
    assert (shown == 0) == (x == 0) and (shown == 100) == (x == 1), (x, text)
    decimals = len(number.split(".")[1])
    assert abs(shown - x * 100) <= 0.5 * 10 ** -decimals + 1e-9
    if 0.000501 <= x <= 0.999499:
        assert decimals == 1


def test_shares_near_the_ends_show_the_digit_that_differs():
    assert [share_text(x) for x in (0.0, 1.0, 0.9998, 0.0002, 0.4567, -0.0)] == [
        "0.0%", "100.0%", "99.98%", "0.02%", "45.7%", "0.0%"]
    assert share_text(0.9998, " ") == "99.98 %"


@given(st.floats(-1, 1))
def test_a_lead_prints_as_zero_only_when_the_ranking_counts_it_as_none(x):
    text = f"{abs(x):.{decimals_from_zero(x)}f}"
    assert (float(text) == 0) == (round(abs(x), 12) == 0), (x, text)

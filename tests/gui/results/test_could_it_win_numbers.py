"""The "Could it win?" column's tooltips say a weight change as it is: never "0 %" of the
weight for a change that must happen."""

from __future__ import annotations

import re

import numpy as np

from robustness_factories import numeric_matrix
from tradeoff.gui.results.standing import standing_texts


def test_could_it_win_never_says_0_percent_of_the_weight_moves_when_some_must():
    # O1 trails O0 by 0.00005: a hundredth of a percent of the weight puts it first
    view = numeric_matrix([[6, 4], [4, 5.999], [1, 1]], [0.5, 0.5])
    texts = standing_texts(view, set(), reference=np.array([0.5, 0.5]))
    tip = texts[1][1]
    found = re.fullmatch(r"It comes first if ([\d.]+)% of the weight moves: (.+)\.", tip)
    assert found, tip
    assert float(found[1]) > 0
    moves = dict(m.split(" ") for m in found[2].split(", "))
    assert float(moves["C1"].removesuffix("%")) > 0 > float(moves["C0"].removesuffix("%"))

"""PROMETHEE II against the worked example of Brans, Vincke & Mareschal (1986).

Source: Brans, J.-P., Vincke, Ph. & Mareschal, B. (1986), "How to select and
how to rank projects: the PROMETHEE method", *European Journal of Operational
Research* 24(2), 228–238, numerical example (location of a hydroelectric
power station): the evaluation table of six projects a1…a6 on six criteria,
the table of generalised criteria (one of each of the six types, with its q, p
or σ), equal weights, the valued outranking table π(a, b) printed to three
decimals, and the net flows φ(a) with the complete ranking
a5 > a2 > a4 > a6 > a3 > a1.

The 1986 paper prints its flows as sums over the other five projects; this
module divides by n − 1 (Brans & Mareschal 2005, ch. 5), so the printed figures
are compared with 5 φ.

The evaluation table and the printed π table were cross-checked with the test
``unit_tests/preference/test_PrometheePreference.py`` of the repository
WAndraszyk/Construct-your-own-PROMETHEE-with-Python-for-MCDA, which quotes the
same example (with f3 and f4 written in units 100 and 10 times larger and the
thresholds scaled to match) and the same π table. The printed net flows are
exactly the row sums minus the column sums of the printed π table.
"""

from __future__ import annotations

from itertools import permutations

import numpy as np
import pytest
from mcda_tables import table_matrix

from tradeoff.core.methods import PreferenceFunction, promethee

PROJECTS = ["a1", "a2", "a3", "a4", "a5", "a6"]
CRITERIA = ["f1", "f2", "f3", "f4", "f5", "f6"]
# f1 manpower (min), f2 power in MW (max), f3 construction cost (min),
# f4 maintenance cost (min), f5 villages to evacuate (min), f6 security (max)
DIRECTIONS = "cbcccb"
EVALUATIONS = [
    [80, 90, 600, 54, 8, 5],
    [65, 58, 200, 97, 1, 1],
    [83, 60, 400, 72, 4, 7],
    [40, 80, 1000, 75, 7, 10],
    [52, 72, 600, 20, 3, 8],
    [94, 96, 700, 36, 5, 6],
]
EQUAL_WEIGHTS = [1, 1, 1, 1, 1, 1]
# Types I–VI: f1 II (U-shape), f2 III (V-shape), f3 V (linear), f4 IV (level),
# f5 I (usual), f6 VI (Gaussian).
GENERALISED_CRITERIA = {
    "f1": PreferenceFunction("u-shape", q=10),
    "f2": PreferenceFunction("v-shape", p=30),
    "f3": PreferenceFunction("linear", q=50, p=500),
    "f4": PreferenceFunction("level", q=10, p=60),
    "f5": PreferenceFunction("usual"),
    "f6": PreferenceFunction("gaussian", s=5),
}

# π(a, b), row a, column b, as printed (three decimals).
PRINTED_PI = np.array([
    [0.000, 0.296, 0.250, 0.268, 0.100, 0.185],
    [0.462, 0.000, 0.389, 0.333, 0.296, 0.500],
    [0.236, 0.180, 0.000, 0.333, 0.056, 0.429],
    [0.399, 0.505, 0.305, 0.000, 0.223, 0.212],
    [0.444, 0.515, 0.487, 0.380, 0.000, 0.448],
    [0.286, 0.399, 0.250, 0.432, 0.133, 0.000],
])
# Net flows as printed: sums over the other projects, not divided by n − 1.
PRINTED_NET_FLOW_SUMS = [-0.728, 0.085, -0.447, -0.102, 1.466, -0.274]
PRINTED_RANKING = ["a5", "a2", "a4", "a6", "a3", "a1"]

# The printed π entries are rounded (a few truncated) to three decimals: every
# one lies within one unit of the third decimal of the exact index.
PI_TOLERANCE = 0.001
# A printed flow adds ten such entries; the largest gap left by that rounding
# is a4's (printed −0.102, exact −0.1000).
NET_FLOW_SUM_TOLERANCE = 0.0025


def example(rows: list[int] | None = None, evaluations=EVALUATIONS):
    """The example as a matrix, optionally limited to some projects (by index)."""
    rows = list(range(len(PROJECTS))) if rows is None else rows
    return table_matrix([evaluations[i] for i in rows], DIRECTIONS, EQUAL_WEIGHTS,
                        options=[PROJECTS[i] for i in rows], criteria=CRITERIA)


def test_transcribed_net_flows_are_the_printed_pi_row_minus_column_sums():
    """Guards the transcription: the two printed tables agree with each other."""
    assert PRINTED_PI.sum(axis=1) - PRINTED_PI.sum(axis=0) == \
        pytest.approx(PRINTED_NET_FLOW_SUMS, abs=1e-9)


@pytest.mark.parametrize(("a", "b"), list(permutations(range(6), 2)),
                         ids=[f"{PROJECTS[a]}-{PROJECTS[b]}"
                              for a, b in permutations(range(6), 2)])
def test_preference_index_matches_the_printed_pi_table(a, b):
    """π(a, b) does not depend on the other projects, and with only a and b in
    the matrix (n − 1 = 1) a's leaving flow is π(a, b) and its entering flow
    π(b, a)."""
    result = promethee(example([a, b]), preferences=GENERALISED_CRITERIA)
    flows = result.details.loc[PROJECTS[a]]
    assert flows["positive flow"] == pytest.approx(PRINTED_PI[a, b], abs=PI_TOLERANCE)
    assert flows["negative flow"] == pytest.approx(PRINTED_PI[b, a], abs=PI_TOLERANCE)


def test_net_flows_match_the_printed_flows():
    result = promethee(example(), preferences=GENERALISED_CRITERIA)
    net = result.totals.to_numpy()
    assert net * (len(PROJECTS) - 1) == pytest.approx(PRINTED_NET_FLOW_SUMS,
                                                      abs=NET_FLOW_SUM_TOLERANCE)
    assert net.sum() == pytest.approx(0.0, abs=1e-12)


def test_leaving_and_entering_flows_are_the_printed_pi_row_and_column_sums():
    result = promethee(example(), preferences=GENERALISED_CRITERIA)
    n_others = len(PROJECTS) - 1
    # five entries, each within PI_TOLERANCE, averaged over five
    assert result.details["positive flow"].to_numpy() == pytest.approx(
        PRINTED_PI.sum(axis=1) / n_others, abs=PI_TOLERANCE)
    assert result.details["negative flow"].to_numpy() == pytest.approx(
        PRINTED_PI.sum(axis=0) / n_others, abs=PI_TOLERANCE)


def test_complete_ranking_matches_the_printed_ranking():
    result = promethee(example(), preferences=GENERALISED_CRITERIA)
    assert list(result.ranking().index) == PRINTED_RANKING
    assert [int(result.ranks[p]) for p in PRINTED_RANKING] == [1, 2, 3, 4, 5, 6]


def test_thresholds_in_other_units_give_the_same_flows():
    """The same example with f3 in units 100 times larger (q = 0.5, p = 5) and
    f4 in units 10 times larger (q = 1, p = 6), as the cross-checked repository
    writes it: thresholds are in the criterion's own units, so the flows agree."""
    rescaled = [[r[0], r[1], r[2] / 100, r[3] / 10, r[4], r[5]] for r in EVALUATIONS]
    functions = dict(GENERALISED_CRITERIA,
                     f3=PreferenceFunction("linear", q=0.5, p=5),
                     f4=PreferenceFunction("level", q=1, p=6))
    result = promethee(example(evaluations=rescaled), preferences=functions)
    assert result.totals.to_numpy() * (len(PROJECTS) - 1) == pytest.approx(
        PRINTED_NET_FLOW_SUMS, abs=NET_FLOW_SUM_TOLERANCE)
    assert list(result.ranking().index) == PRINTED_RANKING

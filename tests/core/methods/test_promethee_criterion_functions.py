"""Per-criterion PROMETHEE preference functions saved in the matrix file.

Source: Brans, J.-P., Vincke, Ph. & Mareschal, B. (1986), "How to select and
how to rank projects: the PROMETHEE method", *European Journal of Operational
Research* 24(2), 228–238, numerical example: the evaluation table of the six
projects a1…a6 and the table of generalised criteria, which gives each of the
six criteria a different preference function (f1 U-shape q = 10, f2 V-shape
p = 30, f3 linear q = 50, p = 500, f4 level q = 10, p = 60, f5 usual, f6
Gaussian σ = 5), equal weights, and the net flows with the complete ranking
a5 > a2 > a4 > a6 > a3 > a1. The tables are transcribed once, in
test_promethee_published.py; here the same example is written as a matrix
file whose criteria carry those functions, and scored by the command line in
a real process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from mcda_tables import table_matrix
from test_promethee_published import (
    EVALUATIONS,
    GENERALISED_CRITERIA,
    NET_FLOW_SUM_TOLERANCE,
    PRINTED_NET_FLOW_SUMS,
    PRINTED_RANKING,
    PROJECTS,
)

from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods import PreferenceFunction, promethee
from tradeoff.io.matrix_file import dumps, load_matrix

# The example as a user would write it by hand. The anchors lie outside the
# data (PROMETHEE does not read them; the additive model needs them).
BRANS_1986 = """\
format = 1

[matrix]
title = "Hydroelectric power station (Brans, Vincke & Mareschal 1986)"

[[criteria]]
id = "f1"
name = "Manpower"
direction = "cost"
worst = 100
best = 0
promethee = { function = "u-shape", q = 10 }

[[criteria]]
id = "f2"
name = "Power"
unit = "MW"
worst = 0
best = 100
promethee = { function = "v-shape", p = 30 }

[[criteria]]
id = "f3"
name = "Construction cost"
direction = "cost"
worst = 1200
best = 0
promethee = { function = "linear", q = 50, p = 500 }

[[criteria]]
id = "f4"
name = "Maintenance cost"
direction = "cost"
worst = 100
best = 0
promethee = { function = "level", q = 10, p = 60 }

[[criteria]]
id = "f5"
name = "Villages to evacuate"
direction = "cost"
worst = 10
best = 0
promethee = { function = "usual" }

[[criteria]]
id = "f6"
name = "Security"
worst = 0
best = 10
promethee = { function = "gaussian", s = 5 }

[[options]]
id = "a1"
name = "a1"

[[options]]
id = "a2"
name = "a2"

[[options]]
id = "a3"
name = "a3"

[[options]]
id = "a4"
name = "a4"

[[options]]
id = "a5"
name = "a5"

[[options]]
id = "a6"
name = "a6"

[scores]
a1 = { f1 = 80, f2 = 90, f3 = 600, f4 = 54, f5 = 8, f6 = 5 }
a2 = { f1 = 65, f2 = 58, f3 = 200, f4 = 97, f5 = 1, f6 = 1 }
a3 = { f1 = 83, f2 = 60, f3 = 400, f4 = 72, f5 = 4, f6 = 7 }
a4 = { f1 = 40, f2 = 80, f3 = 1000, f4 = 75, f5 = 7, f6 = 10 }
a5 = { f1 = 52, f2 = 72, f3 = 600, f4 = 20, f5 = 3, f6 = 8 }
a6 = { f1 = 94, f2 = 96, f3 = 700, f4 = 36, f5 = 5, f6 = 6 }

[[profiles]]
id = "equal"
name = "Equal weights"
weights = { f1 = 1, f2 = 1, f3 = 1, f4 = 1, f5 = 1, f6 = 1 }
"""


@pytest.fixture
def brans_file(tmp_path: Path) -> Path:
    path = tmp_path / "brans-1986.toml"
    path.write_text(BRANS_1986, encoding="utf-8")
    return path


def score_json(path: Path, *options: str) -> dict:
    r = subprocess.run([sys.executable, "-m", "tradeoff.cli", "score", str(path),
                        "--method", "promethee", "--format", "json", *options],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def printed_flows_by_project() -> dict[str, float]:
    return dict(zip(PROJECTS, PRINTED_NET_FLOW_SUMS, strict=True))


def test_the_file_holds_the_transcribed_example(brans_file):
    """Guards the hand-written file against the transcription of the paper's tables."""
    m = load_matrix(brans_file)
    assert [[m.score(o, c.id).value for c in m.criteria] for o in PROJECTS] == EVALUATIONS
    assert {c.id: c.promethee for c in m.criteria} == GENERALISED_CRITERIA


def test_command_line_scores_the_file_with_each_criterion_s_own_function(brans_file):
    data = score_json(brans_file)
    assert [row["option"] for row in data["ranking"]] == PRINTED_RANKING
    assert [row["rank"] for row in data["ranking"]] == [1, 2, 3, 4, 5, 6]
    printed = printed_flows_by_project()
    for row in data["ranking"]:
        # the paper sums over the five other projects; the tool divides by n − 1 = 5
        assert row["score"] * 5 == pytest.approx(printed[row["option"]],
                                                 abs=NET_FLOW_SUM_TOLERANCE)
    assert "Manpower: u-shape (q = 10)" in data["normalisation"]
    assert "Security: gaussian (s = 5)" in data["normalisation"]
    assert "range of scores" not in data["normalisation"]


def test_run_setting_applies_only_to_criteria_without_their_own(brans_file, tmp_path):
    """f5 loses its own function: the run's setting now decides it. With
    --preference usual (the paper's function for f5) the published flows come
    back; with the default v-shape over the range they do not, and the result
    names the default for the other criteria."""
    m = load_matrix(brans_file)
    m.criteria[4] = replace(m.criteria[4], promethee=None)
    partial = tmp_path / "f5-unset.toml"
    partial.write_text(dumps(m), encoding="utf-8")

    usual = score_json(partial, "--preference", "usual")
    printed = printed_flows_by_project()
    assert [row["option"] for row in usual["ranking"]] == PRINTED_RANKING
    for row in usual["ranking"]:
        assert row["score"] * 5 == pytest.approx(printed[row["option"]],
                                                 abs=NET_FLOW_SUM_TOLERANCE)
    # every other criterion kept its own function under --preference usual
    assert "Manpower: u-shape (q = 10)" in usual["normalisation"]
    assert "Villages to evacuate: usual" in usual["normalisation"]

    default = score_json(partial)
    flows = {row["option"]: row["score"] * 5 for row in default["ranking"]}
    assert flows != pytest.approx(printed, abs=NET_FLOW_SUM_TOLERANCE)
    assert default["normalisation"].startswith("others: v-shape, p = range of scores")
    assert "Villages to evacuate" not in default["normalisation"]


def test_own_function_comes_before_the_run_s():
    """Through the API: a criterion's own function wins over ``preferences``."""
    rows = [r[:] for r in EVALUATIONS]
    m = table_matrix(rows, "cbcccb", [1] * 6, options=PROJECTS,
                     criteria=["F1", "F2", "F3", "F4", "F5", "F6"])
    m.criteria = [replace(c, promethee=GENERALISED_CRITERIA[c.id]) for c in m.criteria]
    run_wide = {c.id: PreferenceFunction("usual") for c in m.criteria}
    result = promethee(m, preferences=run_wide)
    assert list(result.ranking().index) == PRINTED_RANKING
    assert result.extras["preferences"] == GENERALISED_CRITERIA


def test_a_bad_own_function_built_in_code_is_refused_naming_the_criterion():
    m = table_matrix([[1, 4], [3, 9]], "bc", [1, 1])
    m.criteria[1] = replace(m.criteria[1], promethee=PreferenceFunction("level", q=3, p=1))
    with pytest.raises(TradeoffError, match=r"for C2: p: must be at least q \(3\)"):
        promethee(m)


def test_linear_with_p_equal_to_q_is_a_step_at_q():
    """The ramp of width 0 (Brans & Vincke 1985, type V with q = p) is type II at q."""
    step = PreferenceFunction("linear", q=2, p=2)
    assert step.problems() == []
    assert list(step([1, 2, 2.5, 9])) == list(PreferenceFunction("u-shape", q=2)([1, 2, 2.5, 9]))

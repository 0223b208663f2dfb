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

# The example as a user would write it by hand, with each criterion's own function.
BRANS_1986 = Path(__file__).with_name("brans-1986.toml")


@pytest.fixture
def brans_file(tmp_path: Path) -> Path:
    """A copy, so a test can never change the shared file."""
    path = tmp_path / BRANS_1986.name
    path.write_bytes(BRANS_1986.read_bytes())
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

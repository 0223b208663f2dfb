"""``tradeoff score --method`` and ``tradeoff crosscheck``, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from mcda_tables import table_matrix

from tradeoff.io.matrix_file import save_matrix
from tradeoff.paths import example_path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tradeoff.cli", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def tzeng_huang_file(tmp_path):
    """The Tzeng & Huang (2011) TOPSIS example (see test_topsis_method.py) on disk."""
    path = tmp_path / "tzeng-huang.toml"
    save_matrix(table_matrix([[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]], "bbb",
                             [0.3, 0.4, 0.3]), path)
    return path


def test_score_topsis_json_keeps_the_ranking_shape(tzeng_huang_file):
    r = run("score", str(tzeng_huang_file), "--method", "topsis", "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["method"] == "TOPSIS" and data["normalisation"].startswith("vector")
    ranking = data["ranking"]
    assert [row["option"] for row in ranking] == ["A3", "A2", "A1", "A4"]
    assert [row["rank"] for row in ranking] == [1, 2, 3, 4]
    assert [row["score"] for row in ranking] == pytest.approx([0.7482, 0.6581, 0.5037, 0.3340],
                                                             abs=1e-4)
    assert {"distance to ideal", "distance to anti-ideal"} <= ranking[0]["details"].keys()


def test_score_vikor_reports_lower_is_better_and_the_compromise(tmp_path):
    """Opricovic & Tzeng (2004) example: A2 is the compromise, Q(A2) = 0."""
    path = tmp_path / "ot2004.toml"
    save_matrix(table_matrix([[1, 3000], [2, 3750], [5, 4500]], "cb", [1, 1]), path)
    data = json.loads(run("score", str(path), "--method", "vikor", "--format", "json").stdout)
    assert data["higher_is_better"] is False
    assert data["ranking"][0]["option"] == "A2" and data["ranking"][0]["score"] == 0
    assert data["compromise"]["compromise_set"] == ["A2"]
    text = run("score", str(path), "--method", "vikor").stdout
    assert "Q (lower is better)" in text
    assert "A2 is a stable compromise solution" in text


def test_normalisation_is_chosen_and_shown(tzeng_huang_file):
    text = run("score", str(tzeng_huang_file), "--method", "topsis",
               "--normalisation", "minmax").stdout
    assert "Normalisation: min–max" in text


def test_option_for_another_method_exits_2(tzeng_huang_file):
    r = run("score", str(tzeng_huang_file), "--method", "topsis", "--v", "0.3")
    assert r.returncode == 2
    assert "--v applies to --method vikor, not topsis" in r.stderr


def test_weighted_product_on_a_zero_exits_2_naming_the_cell(tmp_path):
    path = tmp_path / "zero.toml"
    save_matrix(table_matrix([[0, 2], [3, 1]], "bb", [1, 1]), path)
    r = run("score", str(path), "--method", "wpm")
    assert r.returncode == 2
    assert "A1 scores 0 on C1" in r.stderr and "Traceback" not in r.stderr


def test_crosscheck_of_the_budapest_example():
    r = run("crosscheck", str(example_path("budapest-summit.toml")))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    header = next(line for line in lines if line.startswith("Option"))
    for name in ("Additive value model", "Weighted product", "TOPSIS", "VIKOR", "PROMETHEE II"):
        assert name in header
    assert any(line.startswith("Kendall's τ vs additive") for line in lines)
    assert "TOPSIS: vector" in r.stdout
    data = json.loads(run("crosscheck", str(example_path("budapest-summit.toml")),
                          "--format", "json").stdout)
    assert [m["method"] for m in data["methods"]] == ["wsm", "wpm", "topsis", "vikor",
                                                      "promethee"]
    assert data["methods"][0]["kendall_tau"] == 1.0


def test_crosscheck_csv_marks_a_failed_method_blank(tmp_path):
    path = tmp_path / "zero.toml"
    save_matrix(table_matrix([[0, 2], [3, 1], [2, 3]], "bb", [1, 1]), path)
    out = run("crosscheck", str(path), "--format", "csv").stdout.splitlines()
    assert out[0] == "option,Additive value model,Weighted product,TOPSIS,VIKOR,PROMETHEE II"
    assert out[1].split(",")[2] == ""
    assert out[-1].startswith("kendall tau,1.0,,")

"""``tradeoff value`` and ``tradeoff portfolio`` run as a user runs them: real processes, files.

factories.small_matrix with Price (k€) as the cost: benefit = 100 · (speed value +
risk value) / 2 under "even" — Alpha 40 k€ 63.33, Beta 20 k€ 31.67, Gamma 70 k€ 95.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from factories import small_matrix
from tradeoff.core.model import Option, Score
from tradeoff.io.matrix_file import save_matrix


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tradeoff.cli", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def path(tmp_path):
    m = small_matrix()
    # Delta: dearer than Alpha and worse on both benefit criteria — off the frontier.
    m.options.append(Option("d", "Delta"))
    for cid, v in {"price": 50, "speed": 5, "risk": "medium"}.items():
        m.scores[("d", cid)] = Score(value=v)
    p = tmp_path / "small.toml"
    save_matrix(m, p)
    return p


def test_value_json_frontier_gaps_and_chart(path, tmp_path):
    chart = tmp_path / "vfm.svg"
    r = run("value", str(path), "--cost", "Price", "--format", "json", "--chart", str(chart))
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    rows = {row["option"]: row for row in data["options"]}
    assert data["frontier"] == ["Beta", "Alpha", "Gamma"]
    # Delta: (0.5 + 2/3)/2 = 58.33 at 50 k€; Alpha gives 63.33 for 40 k€.
    assert rows["Delta"]["benefit"] == pytest.approx(58.3333, abs=1e-3)
    assert not rows["Delta"]["efficient"]
    assert rows["Delta"]["benefit_gap"] == pytest.approx(5.0)
    assert rows["Delta"]["cost_gap"] == pytest.approx(10.0)
    assert rows["Gamma"]["benefit_per_cost"] == pytest.approx(95 / 70)
    svg = chart.read_text()
    assert svg.startswith("<?xml") and "Value for money" in svg and "Delta" in svg


def test_value_table_and_bad_cost_criteria(path):
    r = run("value", str(path), "--cost", "price")
    assert r.returncode == 0 and "+5.0" in r.stdout and "−10" in r.stdout
    r = run("value", str(path), "--cost", "Risk")
    assert r.returncode == 2 and "Risk is a level scale" in r.stderr and not r.stdout
    r = run("value", str(path), "--cost", "Colour")
    assert r.returncode == 2 and "no criterion named 'Colour'" in r.stderr
    r = run("value", str(path), "--cost", "Price", "--chart", str(path.with_suffix(".gif")))
    assert r.returncode == 2 and "saved as .png or .svg" in r.stderr


def test_portfolio_json_selects_within_budget(path, tmp_path):
    chart = tmp_path / "merit.png"
    r = run("portfolio", str(path), "--cost", "Price", "--budget", "110", "--format", "json",
            "--steps", "5", "--chart", str(chart))
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    # Within 110 k€: Alpha + Gamma (110, 158.3) beat Gamma + Beta (90, 126.7),
    # Alpha + Delta + Beta (110, 153.3) and every other set.
    assert data["selected"] == ["Alpha", "Gamma"]
    assert data["total_cost"] == pytest.approx(110)
    assert data["total_benefit"] == pytest.approx(158.3333, abs=1e-3)
    assert [row["budget"] for row in data["budget_curve"]] == pytest.approx(
        [0, 45, 90, 135, 180])
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    r = run("portfolio", str(path), "--cost", "Price", "--budget", "110", "--format", "json",
            "--exclude", "Gamma", "--at-most", "1", "Alpha", "d")
    data = json.loads(r.stdout)
    assert data["selected"] == ["Alpha", "Beta"]  # Alpha or Delta, not both


def test_screened_options_are_not_candidates(tmp_path):
    m = small_matrix()
    m.criterion("speed").must_reach = 5  # Beta (3) is screened
    p = tmp_path / "screened.toml"
    save_matrix(m, p)
    r = run("portfolio", str(p), "--cost", "Price", "--budget", "60", "--format", "json")
    data = json.loads(r.stdout)
    assert data["selected"] == ["Alpha"] and data["screened_out"] == ["Beta"]
    r = run("portfolio", str(p), "--cost", "Price", "--budget", "60", "--include", "Beta")
    assert r.returncode == 2
    assert "--include Beta: Beta scores 3 on Speed, below the required 5" in r.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--budget", "-5"], "--budget must be zero or a positive number, not -5"),
    (["--budget", "lots"], "--budget must be a number, not 'lots'"),
    (["--budget", "nan"], "--budget must be zero or a positive number"),
    (["--budget", "50", "--include", "Alpha", "--include", "Gamma"],
     "the options that must be included cost 110 together, over the budget of 50"),
    (["--budget", "50", "--include", "Zeta"], "no option named 'Zeta'"),
    (["--budget", "200", "--include", "Alpha", "--include", "Gamma", "--at-most", "1",
      "Alpha", "Gamma"], "2 must-include options (Alpha, Gamma) are in a group allowing at "
                         "most 1"),
    (["--budget", "50", "--at-most", "one", "Alpha"], "--at-most takes a whole number"),
])
def test_bad_portfolio_input_exits_2(path, args, message):
    r = run("portfolio", str(path), "--cost", "Price", *args)
    assert r.returncode == 2, r.stdout
    assert message in r.stderr and not r.stdout


def test_costs_and_the_budget_are_said_digit_for_digit(tmp_path):
    # six significant digits would say 1234567.5 as 1.23457e+06
    m = small_matrix()
    m.criteria[0].worst = 3_000_000
    costs = {"a": 1234567.5, "b": 2000000.25, "c": 1500000.75}
    for oid, cost in costs.items():
        m.scores[(oid, "price")] = Score(value=cost)
    path = tmp_path / "dear.toml"
    save_matrix(m, path)
    value = run("value", str(path), "--cost", "Price")
    assert value.returncode == 0, value.stderr
    portfolio = run("portfolio", str(path), "--cost", "Price", "--budget", "2734568.25")
    assert portfolio.returncode == 0, portfolio.stderr
    for out in (value.stdout, portfolio.stdout):
        assert "e+06" not in out
        for cost in costs.values():
            assert f" {cost} " in out, out
    assert "budget 2734568.25" in portfolio.stdout
    assert "costing 2734568.25 with" in portfolio.stdout  # Alpha + Gamma

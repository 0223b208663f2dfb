"""``tradeoff analyse``: the JSON contract, the text report and bad input."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest

from factories import small_matrix
from robustness_factories import numeric_matrix
from tradeoff import cli
from tradeoff.io.matrix_file import save_matrix
from tradeoff.paths import example_path, matrices_dir


@pytest.fixture
def small_file(tmp_path):
    path = tmp_path / "small.toml"
    save_matrix(small_matrix(), path)
    return path


def analyse_json(capsys, *args: str) -> dict:
    assert cli.main(["analyse", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_has_the_documented_keys_with_hand_checked_weights(capsys, small_file):
    data = analyse_json(capsys, str(small_file), "--samples", "2000", "--seed", "4")
    # Even profile: money and quality 1:1, price alone in money, speed and risk 1:1.
    weights = {name: entry["weight"] for name, entry in data["stability"].items()}
    assert weights == pytest.approx({"Price": 0.5, "Speed": 0.25, "Risk": 0.25})
    assert data["winner"] == "Gamma"
    for entry in data["stability"].values():
        low, high = entry["winner_interval"]
        assert 0 <= low <= entry["weight"] <= high <= 1
    assert set(data["rank_acceptability"]) == {"Alpha", "Beta", "Gamma"}
    for shares in data["rank_acceptability"].values():
        assert len(shares) == 3 and sum(shares) == pytest.approx(1.0)
    by_rank = [sum(s[r] for s in data["rank_acceptability"].values()) for r in range(3)]
    assert by_rank == pytest.approx([1.0, 1.0, 1.0])
    assert data["monte_carlo"]["samples"] == 2000 and data["monte_carlo"]["seed"] == 4
    assert {"flips", "tornado", "stakeholders", "probability_best", "central_weights",
            "confidence_factors", "pairwise_winning", "group_stability"} <= data.keys()
    assert set(data["group_stability"]) == {"Money", "Quality"}


def test_winner_interval_matches_hand_arithmetic(capsys, tmp_path):
    # A = (10, 0), B = (0, 10), weights 60/40: A leads while C0 weighs at least 1/2.
    path = tmp_path / "pair.toml"
    save_matrix(numeric_matrix([[10, 0], [0, 10]], [60, 40]), path)
    data = analyse_json(capsys, str(path), "--samples", "100")
    assert data["stability"]["C0"]["winner_interval"] == pytest.approx([0.5, 1.0])
    assert data["stability"]["C1"]["winner_interval"] == pytest.approx([0.0, 0.5])
    assert [p["weight"] for p in data["stability"]["C0"]["change_points"]] == pytest.approx([0.5])


def test_uniform_weights_and_fixed_seed_reproduce(capsys, small_file):
    args = (str(small_file), "--weights", "uniform", "--samples", "3000", "--seed", "9")
    first, second = analyse_json(capsys, *args), analyse_json(capsys, *args)
    assert first["rank_acceptability"] == second["rank_acceptability"]
    assert first["monte_carlo"]["weights"] == "uniform"
    other = analyse_json(capsys, *args[:-1], "10")
    assert other["rank_acceptability"] != first["rank_acceptability"]


def test_no_spread_and_no_ranges_gives_the_deterministic_ranking(capsys, small_file):
    data = analyse_json(capsys, str(small_file), "--spread", "0", "--samples", "500",
                        "--profile", "Quality first")
    # Quality first: Gamma .775, Alpha .617, Beta .433.
    assert data["rank_acceptability"] == {"Alpha": [0.0, 1.0, 0.0], "Beta": [0.0, 0.0, 1.0],
                                          "Gamma": [1.0, 0.0, 0.0]}


def test_profiles_mode_draws_the_stakeholder_profiles(capsys, small_file):
    data = analyse_json(capsys, str(small_file), "--weights", "profiles", "--spread", "0",
                        "--samples", "400")
    # Both profiles rank Gamma, Alpha, Beta: no doubt left.
    assert data["rank_acceptability"]["Gamma"] == [1.0, 0.0, 0.0]
    assert data["stakeholders"]["disagreements"] == []


def test_table_format_prints_every_section(capsys, small_file):
    assert cli.main(["analyse", str(small_file), "--samples", "500"]) == 0
    out = capsys.readouterr().out
    for title in ("Weight stability", "Change points", "Score-flip test", "Rank acceptability",
                  "Central weights", "Pairwise winning probability", "Tornado"):
        assert title in out
    assert "Gamma" in out and "%" in out


@pytest.mark.parametrize(("args", "message"), [
    (["--samples", "0"], "--samples must be at least 1"),
    (["--spread", "-5"], "--spread must be zero or a positive percentage"),
    (["--profile", "nobody"], "no weight profile named 'nobody'"),
])
def test_bad_options_exit_2_with_a_message(capsys, small_file, args, message):
    assert cli.main(["analyse", str(small_file), *args]) == 2
    assert message in capsys.readouterr().err


def test_missing_file_exits_2(capsys, tmp_path):
    assert cli.main(["analyse", str(tmp_path / "nope.toml")]) == 2
    assert "cannot read the file" in capsys.readouterr().err


def test_example_matrix_from_a_real_process():
    r = subprocess.run([sys.executable, "-m", "tradeoff.cli", "analyse", str(example_path()),
                        "--samples", "2000", "--format", "json"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["winner"] in data["rank_acceptability"]
    assert len(data["stability"]) >= 5
    assert any(f["possible"] for f in data["flips"])


def test_published_benefit_risk_example_from_the_command_line(capsys):
    # Tervonen et al. (2010), SOM Research Report 10001: Venlafaxine best in 0.39
    # of draws with no preference information (see tests/core/test_smaa_published.py).
    path = matrices_dir() / "antidepressants-benefit-risk.toml"
    data = analyse_json(capsys, str(path), "--weights", "uniform", "--samples", "50000",
                        "--seed", "3")
    assert data["rank_acceptability"]["Venlafaxine"][0] == pytest.approx(0.39, abs=0.02)
    assert data["monte_carlo"]["cell_distributions"] == {"normal": 20, "lognormal": 3}
    assert data["monte_carlo"]["distribution"] == "triangular"  # the run's, for other cells
    assert cli.main(["analyse", str(path), "--weights", "uniform", "--samples", "2000"]) == 0
    assert "normal (20 cells), lognormal (3 cells)" in capsys.readouterr().out


def test_normal_as_the_run_distribution(capsys, tmp_path):
    path = tmp_path / "ranged.toml"
    save_matrix(numeric_matrix([[5, 5], [5, 5.2]], [1, 1], ranges={(0, 0): (3, 7)}), path)
    data = analyse_json(capsys, str(path), "--distribution", "normal", "--samples", "20000",
                        "--seed", "1", "--spread", "0")
    # Equal weights: O0 wins when its first score, drawn as N(5, (2/1.96)²), rises
    # above 5.2 (the other option's second score).
    expected = 0.5 - 0.5 * math.erf(0.2 / (2 / 1.96) / 2 ** 0.5)
    assert data["rank_acceptability"]["O0"][0] == pytest.approx(expected, abs=0.01)
    assert data["monte_carlo"]["cell_distributions"] == {"normal": 1}


def test_bounds_keep_each_named_weight_within_its_interval(capsys, tmp_path):
    path = tmp_path / "three.toml"
    save_matrix(numeric_matrix([[9, 1, 5], [1, 9, 5]], [1, 1, 1]), path)
    data = analyse_json(capsys, str(path), "--weights", "bounds", "--bound", "C0=50:",
                        "--bound", "c1=:20", "--samples", "20000", "--seed", "2")
    # O0 leads C0 by 0.8 and trails on C1 by 0.8: with w0 ≥ 50 % and w1 ≤ 20 % it always wins.
    assert data["rank_acceptability"]["O0"] == [1.0, 0.0]
    assert data["monte_carlo"]["weights"] == "bounds"
    assert data["monte_carlo"]["bounds"] == {"C0": [0.5, 1.0], "C1": [0.0, 0.2]}
    assert cli.main(["analyse", str(path), "--weights", "bounds", "--bound", "C0=50:",
                     "--samples", "500"]) == 0
    out = capsys.readouterr().out
    assert "Weight of C0" in out and "50 % … 100 %" in out  # a rerun needs the bounds
    # Without the bounds the two options share first place evenly.
    free = analyse_json(capsys, str(path), "--weights", "uniform", "--samples", "20000")
    assert free["rank_acceptability"]["O0"][0] == pytest.approx(0.5, abs=0.02)


@pytest.mark.parametrize(("args", "message"), [
    (["--weights", "bounds"], "--weights bounds needs at least one --bound"),
    (["--bound", "Price=10:40"], "--bound needs --weights bounds"),
    (["--weights", "bounds", "--bound", "Price10:40"], "is written NAME=LOW:HIGH"),
    (["--weights", "bounds", "--bound", "Price=ten:40"], "'ten' in the weight bound"),
    (["--weights", "bounds", "--bound", "Colour=10:40"], "no criterion named 'Colour'"),
    (["--weights", "bounds", "--bound", "Price=60:40"],
     "the weight bounds of Price must satisfy 0 % ≤ lower ≤ upper ≤ 100 %, not 60 % … 40 %"),
    (["--weights", "bounds", "--bound", "Price=70:", "--bound", "Speed=40:"],
     "no weights fit these bounds: the lower bounds add up to 110 %"),
    (["--weights", "bounds", "--bound", "Price=50:", "--bound", "price=:60"],
     "Price is bounded twice; give its lower and upper bound in one NAME=LOW:HIGH"),
])
def test_bad_bounds_exit_2_with_a_message(capsys, small_file, args, message):
    assert cli.main(["analyse", str(small_file), "--samples", "100", *args]) == 2
    assert message in capsys.readouterr().err

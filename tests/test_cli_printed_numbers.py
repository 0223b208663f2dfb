"""Numbers the command line prints about a ranking never contradict it: options ranked
apart print apart, and a lead that ranks them apart never prints as zero."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from robustness_factories import numeric_matrix, one_pair_swapped
from tradeoff.core.model import Scenario, Score
from tradeoff.io.matrix_file import save_matrix


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tradeoff.cli", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def close_file(tmp_path: Path) -> Path:
    """O0 beats O1 by 0.00001 (totals 0.50001 and 0.5); O2 trails far behind."""
    path = tmp_path / "close.toml"
    save_matrix(numeric_matrix([[5.0001], [5.0], [2.0]], [1.0]), path)
    return path


def table_rows(text: str) -> list[list[str]]:
    """The ranking table's rows (rank, option, total, margin), below its rule line."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("----")) + 1
    rows = []
    for line in lines[start:]:
        if not line.strip():
            break
        rows.append(line.split())
    return rows


def test_score_table_prints_options_of_different_rank_apart(close_file):
    r = run("score", str(close_file))
    assert r.returncode == 0, r.stderr
    rows = table_rows(r.stdout)
    assert [row[:2] for row in rows] == [["1", "O0"], ["2", "O1"], ["3", "O2"]]
    (_, _, first, lead), (_, _, second, _), _ = rows
    assert float(first) > float(second), r.stdout
    assert float(lead) > 0, r.stdout
    assert float(first) == pytest.approx(0.50001) and float(second) == pytest.approx(0.5)
    # far from any neighbour, a total keeps the usual three decimals
    assert rows[2][2] == "0.200"


@pytest.fixture
def nearly_sure_file(tmp_path: Path) -> Path:
    """O0 ranks first in nearly every draw around the profile (±20 %, seed 1), not in all:
    O1 wins the draws where the weight on C0 falls below half."""
    path = tmp_path / "nearly_sure.toml"
    save_matrix(numeric_matrix([[9, 1], [1, 9], [4, 4]], [0.5833, 0.4167]), path)
    return path


def first_place_shares(path: Path) -> dict[str, float]:
    r = run("analyse", str(path), "--format", "json")
    assert r.returncode == 0, r.stderr
    shares = json.loads(r.stdout)["probability_best"]
    assert 0.99 < shares["O0"] < 1 and 0 < shares["O1"] < 0.01, shares  # the case at hand
    return shares


def test_analyse_never_prints_a_share_of_draws_as_0_or_100_percent_unless_it_is(
        nearly_sure_file):
    shares = first_place_shares(nearly_sure_file)
    r = run("analyse", str(nearly_sure_file))
    assert r.returncode == 0, r.stderr
    block = r.stdout.split("Rank acceptability\n", 1)[1].split("\n\n", 1)[0]
    rows = {line.split()[0]: line.split()[1:] for line in block.splitlines()[2:]}
    o0_first, o1_first = rows["O0"][0], rows["O1"][0]
    assert o0_first != "100.0%" and o1_first != "0.0%", block
    assert float(o0_first.removesuffix("%")) == pytest.approx(shares["O0"] * 100, abs=0.005)
    assert float(o1_first.removesuffix("%")) == pytest.approx(shares["O1"] * 100, abs=0.005)
    assert rows["O2"][0] == "0.0%"  # never first: exactly none of the draws


def test_brief_never_says_the_winner_came_first_in_every_draw_when_it_did_not(
        nearly_sure_file, tmp_path):
    shares = first_place_shares(nearly_sure_file)
    out = tmp_path / "brief.md"
    r = run("brief", str(nearly_sure_file), "-o", str(out))
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    rank_1 = text.split("| Rank 1 | ")[1].split(" |\n")[0].split(" | ")
    assert rank_1[:2] != ["100.0 %", "0.0 %"] and rank_1[2] == "0.0 %", rank_1
    headline = re.search(r"ranks first in ([\d.]+) % of 10,000 Monte Carlo draws", text)
    assert headline, text
    assert float(headline[1]) == pytest.approx(shares["O0"] * 100, abs=0.005)
    named = re.search(r"O0 ranked first in ([\d.]+) % of draws; O1 in ([\d.]+) %", text)
    assert named, text
    assert float(named[2]) == pytest.approx(shares["O1"] * 100, abs=0.005)
    assert float(named[2]) > 0


@pytest.fixture
def close_scenarios_file(tmp_path: Path) -> Path:
    """O0 leads O1 by 0.00001 in the base case and in "Dry", trails it by 0.00001 in "Wet"."""
    matrix = numeric_matrix([[5.0001], [5.0], [2.0]], [1.0])
    matrix.scenarios = [
        Scenario("wet", "Wet", probability=0.5, scores={("o0", "c0"): Score(4.9999)}),
        Scenario("dry", "Dry", probability=0.5, scores={("o2", "c0"): Score(3.0)})]
    path = tmp_path / "close_scenarios.toml"
    save_matrix(matrix, path)
    return path


def block(text: str, title: str) -> dict[str, list[str]]:
    """A titled table of ``scenarios``' text output, by option name."""
    lines = text.split(f"\n{title}", 1)[1].split("\n\n", 1)[0].splitlines()[3:]
    return {line.split()[0]: line.split()[1:] for line in lines}


def test_scenarios_text_never_prints_a_lead_or_a_regret_that_ranks_apart_as_zero(
        close_scenarios_file):
    r = run("scenarios", str(close_scenarios_file))
    assert r.returncode == 0, r.stderr
    text = r.stdout
    for who, where in (("O1", "Wet"), ("O0", "Dry"), ("O0", "Base case \\(not counted\\)")):
        margin = re.search(rf"{where}: {who} \(margin ([\d.]+)\)", text)
        assert margin and float(margin[1]) == pytest.approx(1e-5, rel=0.1), text
    behind = re.search(r"never more than ([\d.]+) behind the best", text)
    assert behind and float(behind[1]) == pytest.approx(1e-5, rel=0.1), text
    moves = re.search(r"moves the margin ([\d.]+) toward O0", text)
    assert moves and float(moves[1]) == pytest.approx(2e-5, rel=0.1), text
    totals = block(text, "Totals (rank) by scenario")
    for column in range(3):  # base case, Wet, Dry: a total, then its rank in brackets
        (o0, o0_rank), (o1, o1_rank) = (totals[o][2 * column:2 * column + 2] for o in ("O0", "O1"))
        assert o0_rank != o1_rank and o0 != o1, totals
        assert (float(o0) > float(o1)) == (o0_rank == "(1)"), totals
    regret = block(text, "Regret (how far behind the best option in each scenario)")
    assert float(regret["O0"][0]) > 0 and float(regret["O1"][0]) == 0  # Wet
    assert float(regret["O1"][1]) > 0 and float(regret["O0"][1]) == 0  # Dry
    assert float(regret["O0"][2]) > 0 and float(regret["O1"][2]) > 0  # max regret


def test_analyse_says_the_spread_given_and_a_lead_above_zero(close_file):
    r = run("analyse", str(close_file), "--spread", "0.4", "--samples", "1000")
    assert r.returncode == 0, r.stderr
    spread = re.search(r"^Spread +(\S+)$", r.stdout, re.MULTILINE)
    assert spread and spread[1] == "±0.4%", r.stdout  # not "±0%": the weights did move
    margin = re.search(r"Winner O0, margin ([\d.]+)\.", r.stdout)
    assert margin and float(margin[1]) == pytest.approx(1e-5, rel=0.1), r.stdout


def test_score_never_says_0_percent_of_the_weight_moves_when_some_must(tmp_path):
    # O1 trails O0 by 0.00005: a hundredth of a percent of the weight puts it first
    path = tmp_path / "near.toml"
    save_matrix(numeric_matrix([[6, 4], [4, 5.999], [1, 1]], [0.5, 0.5]), path)
    r = run("score", str(path))
    assert r.returncode == 0, r.stderr
    line = re.search(r"  - O1: ([\d.]+)% of the weight moves \((.*)\)", r.stdout)
    assert line, r.stdout
    assert float(line[1]) == pytest.approx(0.0125, rel=0.5)
    moves = dict(m.split(" ") for m in line[2].split(", "))
    assert moves.keys() == {"C0", "C1"}, line[2]
    assert float(moves["C1"].removesuffix("%")) > 0 > float(moves["C0"].removesuffix("%"))


def test_the_brief_quotes_a_users_scores_digit_for_digit(tmp_path):
    # six significant digits would quote 1234567.89 as 1.23457e+06 and 0.1234567 as 0.123457
    matrix = numeric_matrix([[1234567.89, 0.1234567], [1000000.0, 0.5]], [0.5, 0.5],
                            scale=(0, 2_000_000))
    matrix.criteria[1].worst, matrix.criteria[1].best = 0, 1
    path = tmp_path / "digits.toml"
    save_matrix(matrix, path)
    out = tmp_path / "brief.md"
    r = run("brief", str(path), "-o", str(out), "--samples", "0")
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    assert "1234567.89" in text and "0.1234567" in text, text
    assert "1.23457e+06" not in text and "0.123457 " not in text


def test_a_net_flow_the_ranking_counts_as_zero_never_prints_as_minus_zero(tmp_path):
    # O0's PROMETHEE net flow is 0, left by the arithmetic a hair below it
    path = tmp_path / "flows.toml"
    save_matrix(numeric_matrix([[1, 3], [0, 1], [3, 3], [3, 0], [2, 0]], [2.0, 1.0]), path)
    r = run("score", str(path), "--method", "promethee")
    assert r.returncode == 0, r.stderr
    rows = {row[1]: row for row in table_rows(r.stdout)}
    assert rows["O0"][2] == "0.000", r.stdout
    assert "-0.0" not in r.stdout


def test_crosscheck_says_tau_is_1_only_for_the_same_order(tmp_path):
    path = tmp_path / "swapped.toml"
    save_matrix(one_pair_swapped(), path)
    r = run("crosscheck", str(path))
    assert r.returncode == 0, r.stderr
    rows = {line.split("  ")[0]: line.split()[-5:] for line in r.stdout.splitlines()
            if line.startswith(("O28 ", "Kendall"))}
    assert rows["O28"][1] == "12*", r.stdout  # the weighted product swaps the pair
    tau = rows["Kendall's τ vs additive"]
    assert tau[0] == "1.00"  # the additive model against itself
    assert float(tau[1]) < 1, r.stdout

"""The Python API gives the command line's numbers, on every example matrix.

Both run the same functions; these tests catch a table that relabels, drops or
reorders what the command line reports.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

import tradeoff
import tradeoff.paths
from tradeoff import cli
from tradeoff.paths import example_matrices

EXAMPLES = example_matrices()
METHODS = ["wsm", "wpm", "topsis", "vikor", "promethee"]


def cli_json(capsys, *args: str) -> dict:
    assert cli.main([*args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def same(got: object, expected: float | None) -> bool:
    """Equal to float precision, or both missing (the JSON's null is the frame's NaN)."""
    if expected is None:
        return bool(pd.isna(got))
    return got == pytest.approx(expected)


def test_there_are_examples_to_compare():
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("method", METHODS)
def test_score_matches_cli_for_every_profile(capsys, path, method):
    m = tradeoff.load(path)
    for profile in m.profiles:
        data = cli_json(capsys, "score", str(path), "--profile", profile, "--method", method)
        frame = m.score(profile=profile, method=method)
        assert list(frame.index) == [r["option"] for r in data["ranking"]]
        for row in data["ranking"]:
            option = row["option"]
            assert same(frame.at[option, "total"], row["score"])
            rank = frame.at[option, "rank"]
            assert (None if pd.isna(rank) else int(rank)) == row["rank"]
            assert same(frame.at[option, "margin"], row["margin"])
            for criterion, value in row["contributions"].items():
                assert same(frame.at[option, criterion], value)
        weights = m.weights(profile)
        assert weights.to_dict() == pytest.approx(data["weights"])
        assert weights.sum() == pytest.approx(1.0)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_analyse_matches_cli(capsys, path):
    data = cli_json(capsys, "analyse", str(path), "--samples", "600", "--seed", "7")
    a = tradeoff.load(path).analyse(samples=600, seed=7)
    assert a.winner == data["winner"]
    acceptability = a.rank_acceptability
    assert acceptability.to_dict("index") == {
        o: dict(enumerate(shares, start=1)) for o, shares in data["rank_acceptability"].items()}
    assert acceptability.sum(axis=1).to_numpy() == pytest.approx(1.0)
    for name, entry in data["stability"].items():
        row = a.stability.loc[name]
        assert row["weight"] == pytest.approx(entry["weight"])
        assert [row["winner_low"], row["winner_high"]] == pytest.approx(entry["winner_interval"])
        assert [row["ranking_low"], row["ranking_high"]] == pytest.approx(
            entry["ranking_interval"])
    assert len(a.flips) == len(data["flips"])
    assert a.flips["text"].tolist() == [f["text"] for f in data["flips"]]
    for got, flip in zip(a.flips["change"], data["flips"], strict=True):
        assert same(got, flip["change"])
    assert a.probability_best.to_dict() == pytest.approx(data["probability_best"])


def test_analyse_settings_reach_the_run(capsys):
    path = EXAMPLES[0]
    args = ["--samples", "400", "--seed", "3", "--weights", "uniform"]
    data = cli_json(capsys, "analyse", str(path), *args)
    a = tradeoff.load(path).analyse(samples=400, seed=3, weights="uniform")
    assert a.report["monte_carlo"]["weights"] == data["monte_carlo"]["weights"] == "uniform"
    assert a.rank_acceptability.to_dict("index") == {
        o: dict(enumerate(s, start=1)) for o, s in data["rank_acceptability"].items()}


def test_analyse_default_seed_is_the_command_lines(capsys):
    path = tradeoff.load(EXAMPLES[0])
    data = cli_json(capsys, "analyse", str(EXAMPLES[0]), "--samples", "300")
    a = path.analyse(samples=300)
    assert a.seed == data["monte_carlo"]["seed"]
    assert a.probability_best.to_dict() == pytest.approx(data["probability_best"])


def test_bounds_are_passed_as_the_command_line_reads_them(capsys):
    path = str(tradeoff.paths.example_path())
    data = cli_json(capsys, "analyse", path, "--samples", "300", "--weights", "bounds",
                    "--bound", "Escalation risk=20:40")
    a = tradeoff.load(path).analyse(samples=300, weights="bounds",
                                    bounds={"Escalation risk": (20, 40)})
    assert a.report["monte_carlo"]["bounds"] == data["monte_carlo"]["bounds"]
    assert a.probability_best.to_dict() == pytest.approx(data["probability_best"])


@pytest.mark.parametrize("path", [p for p in EXAMPLES if tradeoff.load(p).scenarios],
                         ids=lambda p: p.stem)
def test_scenarios_match_cli(capsys, path):
    m = tradeoff.load(path)
    for scenario in m.scenarios:
        data = cli_json(capsys, "score", str(path), "--scenario", scenario)
        frame = m.score(scenario=scenario)
        assert list(frame.index) == [r["option"] for r in data["ranking"]]
        assert frame["total"].tolist() == pytest.approx([r["score"] for r in data["ranking"]])
    data = cli_json(capsys, "analyse", str(path), "--samples", "400", "--scenario", "all")
    a = m.analyse(samples=400, scenario="all")
    assert a.report["monte_carlo"]["scenarios"] == data["monte_carlo"]["scenarios"]
    assert a.probability_best.to_dict() == pytest.approx(data["probability_best"])


def test_an_unknown_scenario_gets_the_cli_message(capsys):
    path = str(tradeoff.paths.example_path())
    assert cli.main(["score", path, "--scenario", "Nowhere"]) == 2
    expected = capsys.readouterr().err.strip().split(": ", 1)[1]
    with pytest.raises(tradeoff.MatrixError) as caught:
        tradeoff.load(path).score(scenario="Nowhere")
    assert str(caught.value) == expected


def test_options_screened_by_a_must_have_leave_the_ranking_as_on_the_cli(capsys, tmp_path):
    from tradeoff.io.matrix_file import load_matrix, save_matrix

    model = load_matrix(tradeoff.paths.example_path())
    model.criterion("leverage").must_reach = 3  # Holding pattern (2) and Press Kyiv (1) fail
    path = tmp_path / "screened.toml"
    save_matrix(model, path)
    data = cli_json(capsys, "score", str(path))
    m = tradeoff.load(path)
    frame = m.score()
    assert list(frame.index) == [r["option"] for r in data["ranking"]]
    assert "Holding pattern" not in frame.index and len(frame) == 3
    assert set(m.screened_out()["option"]) == {"Holding pattern",
                                               "Press Kyiv toward an interim arrangement"}
    analysed = cli_json(capsys, "analyse", str(path), "--samples", "300")
    a = m.analyse(samples=300)
    assert set(a.rank_acceptability.index) == set(analysed["rank_acceptability"])
    assert a.probability_best.to_dict() == pytest.approx(analysed["probability_best"])


@pytest.mark.parametrize("path", [p for p in EXAMPLES if tradeoff.load(p).scenarios],
                         ids=lambda p: p.stem)
def test_scenario_comparison_matches_cli(capsys, path):
    data = cli_json(capsys, "scenarios", str(path))
    c = tradeoff.load(path).compare_scenarios()
    assert c.minimax_regret == data["minimax_regret"]
    assert c.max_regret.to_dict() == pytest.approx(data["max_regret"])
    for scenario in data["scenarios"]:
        assert c.winners[scenario["name"]] == scenario["winner"]
        for row in scenario["ranking"]:
            assert same(c.totals.at[row["option"], scenario["name"]], row["score"])
            assert same(c.regret.at[row["option"], scenario["name"]],
                        data["regret"][row["option"]][scenario["name"]])
    # Regret is how far behind the scenario's best: zero for each scenario's winner.
    for scenario in data["scenarios"]:
        assert c.regret.at[scenario["winner"], scenario["name"]] == pytest.approx(0)


def test_comparing_scenarios_without_any_says_so(capsys, tmp_path):
    path = next(p for p in EXAMPLES if not tradeoff.load(p).scenarios)
    assert cli.main(["scenarios", str(path)]) == 2
    expected = capsys.readouterr().err.strip().split(": ", 1)[1]
    with pytest.raises(tradeoff.MatrixError) as caught:
        tradeoff.load(path).compare_scenarios()
    assert str(caught.value) == expected

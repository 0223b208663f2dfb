"""The Sensitivity and Uncertainty sheet contents as plain tables."""

from __future__ import annotations

import json

import pytest

from factories import small_matrix
from tradeoff import cli
from tradeoff.core.model import Score
from tradeoff.core.robustness_report import (
    robustness_sheets,
    sensitivity_tables,
    uncertainty_tables,
)
from tradeoff.core.smaa import SmaaSettings, run_smaa
from tradeoff.core.smaa_sampling import uniform_weights
from tradeoff.io.matrix_file import load_matrix, save_matrix
from tradeoff.paths import example_path

PLAIN = (str, float, int, type(None))


def _check_shape(tables):
    for t in tables:
        assert t.title
        for row in t.rows:
            assert len(row) == len(t.headers), t.title
            assert all(type(v) in PLAIN for v in row), (t.title, row)
            for col in t.percent:
                value = row[col]
                assert value is None or isinstance(value, str) or -1e-12 <= value <= 1 + 1e-12


def test_sensitivity_tables_of_the_small_matrix():
    m = small_matrix()
    tables = {t.title: t for t in sensitivity_tables(m, m.profile())}
    assert list(tables) == ["Weight stability", "Change points", "Score-flip test",
                            "Stakeholder comparison (rank under each profile)"]
    _check_shape(tables.values())
    stability = {row[0]: row for row in tables["Weight stability"].rows}
    # Price weighs 1/2; Gamma leads until Alpha catches it at 19/37 (see the GUI test).
    assert stability["Price"][2:5] == pytest.approx([0.5, 0.0, 19 / 37])
    assert stability["Price"][1] == "criterion" and stability["Money"][1] == "group"
    flips = tables["Score-flip test"]
    assert len(flips.rows) == 9 and flips.headers[-1] == "In words"


def test_uncertainty_tables_with_and_without_a_run():
    m = small_matrix()
    m.scores[("a", "speed")] = Score(6, 4, 9)
    result = run_smaa(m, SmaaSettings(uniform_weights(3), samples=2000, seed=3))
    tables = {t.title: t for t in uncertainty_tables(m, m.profile(), result, None)}
    assert list(tables) == ["Monte Carlo (SMAA-2) settings", "Rank acceptability",
                            "Central weights", "Pairwise winning probability",
                            "Tornado: winner's margin over the runner-up"]
    _check_shape(tables.values())
    for row in tables["Rank acceptability"].rows:
        assert sum(row[1:4]) == pytest.approx(1.0)
    settings = dict(tables["Monte Carlo (SMAA-2) settings"].rows)
    assert settings["Draws"] == 2000 and settings["Seed"] == 3 and settings["Spread"] == "—"
    (bar,) = tables["Tornado: winner's margin over the runner-up"].rows
    assert bar[:4] == ["Alpha", "Speed", "4", "9"]
    only_tornado = uncertainty_tables(m, m.profile(), None)
    assert [t.title for t in only_tornado] == ["Tornado: winner's margin over the runner-up"]


def test_example_matrix_tables_are_plain():
    m = load_matrix(example_path())
    result = run_smaa(m, SmaaSettings(uniform_weights(len(m.criteria)), samples=1000, seed=1))
    _check_shape(sensitivity_tables(m, m.profile()))
    _check_shape(uncertainty_tables(m, m.profile(), result, 0.2))


def test_robustness_sheets_run_the_cli_default_monte_carlo(capsys, tmp_path):
    m = small_matrix()
    m.scores[("a", "speed")] = Score(6, 3, 9)
    sheets = robustness_sheets(m, m.profile())
    assert list(sheets) == ["Sensitivity", "Uncertainty"]
    acceptability = next(t for t in sheets["Uncertainty"] if t.title == "Rank acceptability")
    # The workbook and `tradeoff analyse` with its defaults give the same numbers.
    path = tmp_path / "m.toml"
    save_matrix(m, path)
    assert cli.main(["analyse", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for row in acceptability.rows:
        assert row[1:4] == data["rank_acceptability"][row[0]]


def test_robustness_sheets_without_a_rankable_matrix_keep_the_tornado_only():
    m = small_matrix()
    for o in ("a", "b"):
        del m.scores[(o, "speed")]
    sheets = robustness_sheets(m, m.profile())
    assert [t.title for t in sheets["Uncertainty"]] == [
        "Tornado: winner's margin over the runner-up"]

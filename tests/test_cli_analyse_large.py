"""``tradeoff analyse`` on a matrix of many options: the leaders' report, --full, --tables."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from robustness_factories import random_matrix
from tradeoff import cli
from tradeoff.commands.analyse_compact import COMPACT_ABOVE, LEADERS
from tradeoff.io.matrix_file import save_matrix


@pytest.fixture
def many_file(tmp_path):
    path = tmp_path / "many.toml"
    save_matrix(random_matrix(np.random.default_rng(5), COMPACT_ABOVE + 30, 6, ranged=1 / 7),
                path)
    return path


def analyse(capsys, *args: str) -> dict:
    assert cli.main(["analyse", *args, "--format", "json", "--samples", "3000"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_default_report_keeps_to_the_leaders_and_full_has_every_option(capsys, many_file):
    compact = analyse(capsys, str(many_file))
    full = analyse(capsys, str(many_file), "--full")
    leaders = compact["report"]["leaders"]
    assert len(leaders) == LEADERS and compact["report"]["options"] == COMPACT_ABOVE + 30
    assert "report" not in full and len(full["rank_acceptability"]) == COMPACT_ABOVE + 30
    # the same draws: each leader's figures are the full report's
    for name in leaders:
        assert compact["rank_acceptability"][name] == full["rank_acceptability"][name]
        for other in leaders:
            assert compact["pairwise_winning"][name][other] == pytest.approx(
                full["pairwise_winning"][name][other], abs=1e-12)
    # the leaders are the options most often first, best first
    best = sorted(full["probability_best"].values(), reverse=True)[:LEADERS]
    assert [compact["probability_best"][n] for n in leaders] == best
    # only the change points where the leader changes, and every one of them
    for crit, entry in full["stability"].items():
        want = [p["weight"] for p in entry["change_points"] if p["winner_changes"]]
        got = [p["weight"] for p in compact["stability"][crit]["change_points"]]
        assert got == pytest.approx(want, abs=1e-9)
    assert all(f["possible"] for f in compact["flips"])
    assert len(json.dumps(compact)) < len(json.dumps(full)) / 3


def test_tables_are_written_as_csv_that_read_back(capsys, many_file, tmp_path):
    folder = tmp_path / "tables"
    analyse(capsys, str(many_file), "--tables", str(folder))
    with open(folder / "rank_acceptability.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert len(rows) == COMPACT_ABOVE + 30 + 1 and len(rows[1]) == COMPACT_ABOVE + 30 + 1
    assert sum(float(x) for x in rows[1][1:]) == pytest.approx(1.0)
    with open(folder / "pairwise_winning.csv", newline="", encoding="utf-8") as f:
        pairs = list(csv.reader(f))
    assert len(pairs) == LEADERS + 1
    assert {p.name for p in folder.iterdir()} == {
        "rank_acceptability.csv", "options.csv", "central_weights.csv",
        "pairwise_winning.csv", "change_points.csv"}


def test_tables_into_a_missing_parent_folder_is_refused_by_name(capsys, many_file, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    status = cli.main(["analyse", str(many_file), "--samples", "100", "--tables",
                       str(blocker / "sub")])
    assert status == 2
    assert "sub" in capsys.readouterr().err


def test_the_compact_report_keeps_the_widest_swings_of_the_tornado(capsys, many_file,
                                                                   monkeypatch):
    from tradeoff.commands import analyse_compact

    full = analyse(capsys, str(many_file), "--full")
    assert len(full["tornado"]["bars"]) > 5
    monkeypatch.setattr(analyse_compact, "TORNADO_SHOWN", 5)
    compact = analyse(capsys, str(many_file))
    assert compact["tornado"]["bars"] == full["tornado"]["bars"][:5]
    assert f"(of {len(full['tornado']['bars']):,})" in compact["report"]["note"]


def test_tables_hold_every_digit_of_the_json_report(capsys, tmp_path):
    # central weights are means over draws and change points exact crossings: their digits
    # run past ten, and a table that cut them would disagree with the JSON report
    path = tmp_path / "small.toml"
    save_matrix(random_matrix(np.random.default_rng(2), 6, 3), path)
    folder = tmp_path / "tables"
    report = analyse(capsys, str(path), "--full", "--tables", str(folder))
    with open(folder / "central_weights.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows
    long_digits = 0
    for row in rows:
        for crit, text in row.items():
            if crit == "option" or text == "":
                continue
            want = report["central_weights"][row["option"]][crit]
            assert float(text) == want, (row["option"], crit, text, want)
            long_digits += len(repr(want)) > 12
    assert long_digits  # the case at hand: numbers that ten significant digits would cut
    with open(folder / "change_points.csv", newline="", encoding="utf-8") as f:
        weights = [float(r["weight"]) for r in csv.DictReader(f)]
    want = [p["weight"] for entry in report["stability"].values()
            for p in entry["change_points"]]
    want += [p["weight"] for entry in report["group_stability"].values()
             for p in entry["change_points"]]
    assert sorted(weights) == sorted(want)

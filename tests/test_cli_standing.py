"""``tradeoff score`` beside the ranking: screened options, dominance, potential optimality.

The matrix is factories.small_matrix plus two options; values by hand
(price 100 → 0 k€, speed 0 → 10, risk "very high" → "low"):

    Alpha   (0.6, 0.6, 2/3)     Beta  (0.8, 0.3, 1/3)  ← speed 3 < must_reach 4
    Gamma   (0.3, 0.9, 1)       Delta (0.2, 0.8, 1)    ← Gamma ≥ it everywhere
    Epsilon (0.1, 0.5, 2/3)     ← Alpha, Gamma and Delta ≥ it everywhere

Delta ties Gamma at best (all weight on risk); Epsilon can never be first and
at best ranks third (weight on risk: Gamma and Delta ahead, Alpha tied).
"""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from factories import small_matrix
from tradeoff.core.model import Option, Score
from tradeoff.io.matrix_file import dumps, save_matrix


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tradeoff.cli", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def path(tmp_path):
    m = small_matrix()
    m.options += [Option("d", "Delta"), Option("e", "Epsilon")]
    for oid, cells in {"d": (80, 8, "low"), "e": (90, 5, "medium")}.items():
        for cid, v in zip(("price", "speed", "risk"), cells, strict=True):
            m.scores[(oid, cid)] = Score(value=v)
    m.criterion("speed").must_reach = 4
    p = tmp_path / "standing.toml"
    save_matrix(m, p)
    return p


def test_score_json_lists_screened_dominated_and_potentially_optimal(path):
    r = run("score", str(path), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert [(s["option"], s["criterion"], s["score"], s["threshold"])
            for s in data["screened_out"]] == [("Beta", "Speed", 3, 4)]
    rows = {row["option"]: row for row in data["ranking"]}
    assert list(rows) == ["Gamma", "Alpha", "Delta", "Epsilon"]  # Beta is not ranked
    assert {o: row["dominated_by"] for o, row in rows.items()} == {
        "Gamma": [], "Alpha": [], "Delta": ["Gamma"], "Epsilon": ["Alpha", "Gamma", "Delta"]}
    assert {o: row["potentially_optimal"] for o, row in rows.items()} == {
        "Gamma": True, "Alpha": True, "Delta": True, "Epsilon": False}
    assert rows["Delta"]["only_tied"] and not rows["Alpha"]["only_tied"]
    assert rows["Epsilon"]["witness_weights"] is None
    assert {o: row["best_rank"] for o, row in rows.items()} == {
        "Gamma": 1, "Alpha": 1, "Delta": 1, "Epsilon": 3}
    values = {"Gamma": (0.3, 0.9, 1), "Alpha": (0.6, 0.6, 2 / 3), "Delta": (0.2, 0.8, 1),
              "Epsilon": (0.1, 0.5, 2 / 3)}
    for name, row in rows.items():  # each witness really puts its option first
        if row["witness_weights"] is None:
            continue
        w = np.array([row["witness_weights"][c] for c in ("Price", "Speed", "Risk")])
        assert w.sum() == pytest.approx(1) and (w >= 0).all()
        totals = {o: float(np.dot(w, v)) for o, v in values.items()}
        assert totals[name] >= max(totals.values()) - 1e-9
    blend = rows["Epsilon"]["beaten_by_blend"]
    mixed = sum(share * np.array(values[o]) for o, share in blend.items())
    assert (mixed - np.array(values["Epsilon"]) >= rows["Epsilon"]["shortfall"] - 1e-9).all()


def test_score_text_says_it_in_words(path):
    r = run("score", str(path))
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "Screened out (fail a must-have; not ranked):\n  - Beta scores 3 on Speed, below " \
           "the required 4" in out
    assert "  - Delta: by Gamma" in out and "  - Epsilon: by Alpha, Gamma, Delta" in out
    assert "Never first under any weights:\n  - Epsilon (best rank 3): " in out
    assert "Beta" not in out.split("Screened out")[0]  # not in the ranking table


def test_weights_ranking_and_bounds_narrow_the_judgement(path):
    # Speed at least 60 %: only options good on speed can lead; Alpha (0.6) loses to
    # Gamma (0.9) there whatever the rest: 0.6·w1 + 0.6·w2 + … ≤ Gamma's total.
    r = run("score", str(path), "--format", "json", "--weights", "bounds",
            "--bound", "Speed=60:")
    data = json.loads(r.stdout)
    verdicts = {row["option"]: row["potentially_optimal"] for row in data["ranking"]}
    assert verdicts == {"Gamma": True, "Alpha": False, "Delta": False, "Epsilon": False}
    assert data["admissible_weights"]["mode"] == "bounds"
    for row in data["ranking"]:
        if row["witness_weights"]:
            assert row["witness_weights"]["Speed"] >= 0.6 - 1e-9


def test_screened_options_leave_crosscheck_and_analyse(path):
    r = run("crosscheck", str(path), "--format", "json")
    assert r.returncode == 0, r.stderr
    for method in json.loads(r.stdout)["methods"]:
        assert "Beta" not in {row["option"] for row in method["ranking"]}
    r = run("analyse", str(path), "--format", "json", "--samples", "200")
    assert r.returncode == 0, r.stderr
    assert "Beta" not in json.loads(r.stdout)["rank_acceptability"]


@pytest.mark.parametrize(("args", "message"), [
    (["--bound", "Speed=10:50"], "--bound needs --weights bounds"),
    (["--weights", "bounds"], "--weights bounds needs at least one --bound"),
    (["--weights", "bounds", "--bound", "Colour=10:50"], "no criterion named 'Colour'"),
    (["--weights", "bounds", "--bound", "Speed=70:", "--bound", "Price=40:"],
     "no weights fit these bounds"),
])
def test_bad_weight_information_exits_2(path, args, message):
    r = run("score", str(path), *args)
    assert r.returncode == 2 and message in r.stderr and not r.stdout


def test_threshold_off_the_scale_exits_2_with_its_key(tmp_path):
    p = tmp_path / "bad.toml"
    m = small_matrix()
    m.criterion("speed").must_reach = 12
    p.write_text(dumps(m))
    before = p.read_text()
    r = run("score", str(p))
    assert r.returncode == 2
    assert "criteria[1].must_reach: 12 is above the scale's best anchor 10" in r.stderr
    assert p.read_text() == before


def test_closest_win_is_the_smallest_weight_change(path):
    # Under "even" (price ½, speed ¼, risk ¼) Gamma leads; Alpha needs more price weight.
    data = json.loads(run("score", str(path), "--format", "json").stdout)
    rows = {row["option"]: row for row in data["ranking"]}
    assert rows["Gamma"]["closest_win"]["weight_shift"] == pytest.approx(0, abs=1e-9)
    alpha = rows["Alpha"]["closest_win"]
    w = np.array([alpha["weights"][c] for c in ("Price", "Speed", "Risk")])
    assert alpha["weight_shift"] == pytest.approx(0.5 * np.abs(w - [0.5, 0.25, 0.25]).sum())
    values = {"Gamma": (0.3, 0.9, 1), "Alpha": (0.6, 0.6, 2 / 3), "Delta": (0.2, 0.8, 1)}
    totals = {o: float(np.dot(w, v)) for o, v in values.items()}
    assert totals["Alpha"] >= max(totals.values()) - 1e-9
    assert "closest_win" not in rows["Epsilon"]  # never first
    out = run("score", str(path)).stdout
    assert "Smallest change of weights that puts each other option first:" in out


def test_very_large_matrices_say_what_was_left_out(path, capsys, monkeypatch):
    from tradeoff import cli
    from tradeoff.commands import standing

    monkeypatch.setattr(standing, "DOMINANCE_OPTIONS", 3)
    monkeypatch.setattr(standing, "OPTIMALITY_OPTIONS", 3)
    assert cli.main(["score", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["not_worked_out"] == [
        "dominance is not worked out for more than 3 options",
        "potential optimality is not worked out for more than 3 options"]
    row = data["ranking"][0]
    assert row["dominated_by"] is None and "potentially_optimal" not in row
    assert cli.main(["score", str(path)]) == 0
    assert "Left out on a matrix this large: dominance" in capsys.readouterr().out

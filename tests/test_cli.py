"""The command line, run as a user runs it: a real process, real files."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from factories import small_matrix
from tradeoff import __version__, cli
from tradeoff.io.matrix_file import save_matrix
from tradeoff.paths import example_path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tradeoff.cli", *args],
                          capture_output=True, text=True, timeout=120)


def test_version():
    r = run("--version")
    assert r.returncode == 0
    assert r.stdout.strip() == f"tradeoff {__version__}"


def test_score_example_as_json_gives_the_ranking():
    r = run("score", str(example_path()), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    ranking = data["ranking"]
    assert {"option", "score", "rank", "contributions"} <= ranking[0].keys()
    assert ranking[0]["rank"] == 1
    names = {row["option"] for row in ranking}
    assert {"Harder line", "Holding pattern"} <= names
    for row in ranking:
        assert sum(row["contributions"].values()) == pytest.approx(row["score"], abs=1e-12)


def test_score_json_matches_hand_computed_totals(tmp_path):
    path = tmp_path / "small.toml"
    save_matrix(small_matrix(), path)
    data = json.loads(run("score", str(path), "--format", "json").stdout)
    scores = {row["option"]: row["score"] for row in data["ranking"]}
    assert scores == pytest.approx({"Gamma": 0.625, "Alpha": 0.6166666667, "Beta": 0.5583333333})
    r = run("score", str(path), "--profile", "Quality first", "--format", "csv")
    assert r.stdout.splitlines()[0] == "rank,option,total,margin,Price,Speed,Risk"
    assert r.stdout.splitlines()[1].startswith("1,Gamma,0.775")


def test_table_output_lists_options_best_first(tmp_path):
    path = tmp_path / "small.toml"
    save_matrix(small_matrix(), path)
    out = run("score", str(path)).stdout
    assert out.index("Gamma") < out.index("Alpha") < out.index("Beta")


def test_malformed_file_exits_2_with_a_message_and_no_traceback(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\n[[options]]\nid = 'x'\nname = 'X'\nflavour = 1\n")
    for command in (["validate", str(bad)], ["score", str(bad)]):
        r = run(*command)
        assert r.returncode == 2
        assert "options[0].flavour: unknown key" in r.stderr
        assert "bad.toml" in r.stderr
        assert "Traceback" not in r.stderr


def test_unknown_profile_exits_2(tmp_path):
    path = tmp_path / "small.toml"
    save_matrix(small_matrix(), path)
    r = run("score", str(path), "--profile", "Nobody")
    assert r.returncode == 2
    assert "no weight profile named 'Nobody' (profiles: Even, Quality first)" in r.stderr


def test_validate_reports_each_file(tmp_path):
    good = tmp_path / "good.toml"
    save_matrix(small_matrix(), good)
    r = run("validate", str(good), str(example_path()))
    assert r.returncode == 0
    assert r.stdout.count(": ok (") == 2
    assert f"{good}: ok (3 options, 3 criteria, 2 profiles)" in r.stdout.splitlines()
    single = small_matrix()
    del single.profiles[1]
    single.active_profile = single.profiles[0].id
    save_matrix(single, good)
    assert "ok (3 options, 3 criteria, 1 profile)" in run("validate", str(good)).stdout


def test_internal_error_exits_1_with_a_short_message(monkeypatch, capsys, tmp_path):
    path = tmp_path / "small.toml"
    save_matrix(small_matrix(), path)
    import tradeoff.commands.score as score_command

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(score_command, "score", broken)
    assert cli.main(["score", str(path)]) == 1
    err = capsys.readouterr().err
    assert "internal error: ZeroDivisionError: boom" in err
    assert "Traceback" not in err


def test_too_many_files_for_the_gui_exits_2(capsys):
    assert cli.main(["a.toml", "b.toml"]) == 2
    assert "at most one FILE" in capsys.readouterr().err

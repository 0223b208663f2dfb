"""``tradeoff brief``: the Markdown brief agrees with ``score`` and ``analyse``; bad input
exits 2 and leaves no file behind; HTML and Markdown are the same bytes on every run."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from factories import small_matrix
from tradeoff import cli
from tradeoff.io.matrix_file import save_matrix
from tradeoff.paths import example_path

BUDAPEST = str(example_path())
NUMBER = r"(-?\d+(?:\.\d+)?)"


def run_json(capsys, *args: str) -> dict:
    assert cli.main([*args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def budapest_md(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("brief") / "brief.md"
    assert cli.main(["brief", BUDAPEST, "-o", str(out), "--samples", "20000", "--seed", "1"]) == 0
    return out.read_text(encoding="utf-8")


def one(pattern: str, text: str) -> re.Match:
    found = re.search(pattern, text)
    assert found, f"not in the brief: {pattern}"
    return found


def test_recommendation_and_ranking_agree_with_score(capsys, budapest_md):
    scored = run_json(capsys, "score", BUDAPEST)
    ranking = scored["ranking"]
    m = one(rf"recommendation is (.+?), with a total of {NUMBER} \(out of 1\), {NUMBER} ahead "
            rf"of the runner-up, (.+?) \({NUMBER}\)", budapest_md)
    assert m.group(1) == ranking[0]["option"] and m.group(4) == ranking[1]["option"]
    assert float(m.group(2)) == round(ranking[0]["score"], 3)
    assert float(m.group(3)) == round(ranking[0]["margin"], 3)
    assert float(m.group(5)) == round(ranking[1]["score"], 3)
    # the ranking table: every option's rank and total
    for entry in ranking:
        row = one(rf"\| {entry['rank']} \| {re.escape(entry['option'])} \| {NUMBER} \|",
                  budapest_md)
        assert float(row.group(1)) == round(entry["score"], 3)


def test_why_names_contribution_differences_that_score_reports(capsys, budapest_md):
    ranking = run_json(capsys, "score", BUDAPEST)["ranking"]
    first, second = ranking[0]["contributions"], ranking[1]["contributions"]
    reasons = re.findall(rf"\*\*([^*]+)\*\* \(weight {NUMBER} %\): .+? this adds {NUMBER} to "
                         "the margin", budapest_md)
    assert len(reasons) >= 2
    diffs = sorted((first[c] - second[c] for c in first), reverse=True)
    for k, (name, _weight, adds) in enumerate(reasons):
        assert float(adds) == round(first[name] - second[name], 3)
        assert float(adds) == round(diffs[k], 3)  # largest first


def test_how_sure_agrees_with_analyse(capsys, budapest_md):
    data = run_json(capsys, "analyse", BUDAPEST, "--samples", "20000", "--seed", "1")
    # the nearest end of a stability interval (criteria and groups alike)
    ends = []
    for entry in [*data["stability"].values(), *data["group_stability"].values()]:
        low, high = entry["winner_interval"]
        if high < 1:
            ends.append((high - entry["weight"], high, entry["weight"]))
        if low > 0:
            ends.append((entry["weight"] - low, low, entry["weight"]))
    _, at, now = min(ends)
    m = one(rf"holds unless the weight on (.+?) (rises above|falls below) {NUMBER} % "
            rf"\(now {NUMBER} %\), when (.+?) would rank first", budapest_md)
    assert float(m.group(3)) == round(at * 100, 1) and float(m.group(4)) == round(now * 100, 1)
    # the smallest flip
    flip = data["flips"][0]
    m = one(rf"the score of (.+?) on (.+?) (improves|worsens) by more than {NUMBER} \w+ .+?, "
            rf"(.+?) would rank first \(a change of {NUMBER} % of the scale\)", budapest_md)
    assert (m.group(1), m.group(2)) == (flip["option"], flip["criterion"])
    assert float(m.group(4)) == round(abs(flip["change"]), 3)
    assert m.group(5) == flip["new_winner"]
    assert float(m.group(6)) == round(flip["share_of_scale"] * 100, 1)
    # the Monte Carlo: same draws, same seed, same share
    m = one(rf"In ([\d,]+) Monte Carlo draws \(seed (\d+), score sampler [\w-]+;.+?\), "
            rf"(.+?) ranked first in {NUMBER} % of draws", budapest_md)
    assert int(m.group(1).replace(",", "")) == data["monte_carlo"]["samples"] == 20000
    assert int(m.group(2)) == data["monte_carlo"]["seed"]
    assert float(m.group(4)) == round(data["probability_best"][m.group(3)] * 100, 1)
    # the stakeholder lenses
    for profile, winners in data["stakeholders"]["winners"].items():
        assert re.search(rf"{re.escape(profile)}\b[^.]*? puts? {re.escape(winners[0])} first",
                         budapest_md), profile


def test_key_uncertainties_are_the_tornado_top_three(capsys, budapest_md):
    bars = run_json(capsys, "analyse", BUDAPEST, "--samples", "100")["tornado"]["bars"][:3]
    found = re.findall(rf"\*\*(.+?) on (.+?)\*\*: .+? \(swing {NUMBER}\)", budapest_md)
    assert [(o, c) for o, c, _ in found] == [(b["option"], b["criterion"]) for b in bars]
    assert [float(s) for *_, s in found] == [round(b["swing"], 3) for b in bars]


def test_every_format_is_written_and_reported(tmp_path, capsys):
    for ext in ("html", "md", "docx", "pdf"):
        out = tmp_path / f"brief.{ext}"
        assert cli.main(["brief", BUDAPEST, "-o", str(out), "--samples", "500"]) == 0
        assert out.stat().st_size > 1000
        assert "recommends Pause for deliverables" in capsys.readouterr().out


def test_html_and_markdown_are_byte_identical_across_runs(tmp_path):
    """Two separate processes (with different hash seeds) write the same bytes."""
    for ext in ("html", "md"):
        outputs = []
        for seed in ("1", "2"):
            out = tmp_path / f"{seed}.{ext}"
            env = {**os.environ, "PYTHONHASHSEED": seed}
            subprocess.run([sys.executable, "-m", "tradeoff", "brief", BUDAPEST, "-o", str(out),
                            "--samples", "2000", "--seed", "7"], check=True, env=env,
                           capture_output=True)
            outputs.append(out.read_bytes())
        assert outputs[0] == outputs[1], ext


def test_a_different_profile_says_a_different_thing(tmp_path):
    out = tmp_path / "kyiv.md"
    assert cli.main(["brief", BUDAPEST, "-o", str(out), "--profile", "Kyiv",
                     "--samples", "0"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Under the Kyiv weights, the recommendation is Harder line" in text
    assert "Monte Carlo draws" not in text  # --samples 0 leaves it out


@pytest.mark.parametrize("args, words", [
    (["--profile", "Nobody"], ["Nobody", "Balanced", "Washington", "Kyiv", "EU capitals"]),
    (["--scenario", "nowhere"], ["nowhere", "scenarios"]),
])
def test_unknown_profile_or_scenario_exits_2_naming_what_exists(tmp_path, capsys, args, words):
    out = tmp_path / "b.html"
    assert cli.main(["brief", BUDAPEST, "-o", str(out), *args]) == 2
    err = capsys.readouterr().err
    for w in words:
        assert w in err
    assert not out.exists()


def test_unknown_extension_exits_2_naming_the_file(tmp_path, capsys):
    out = tmp_path / "brief.txt"
    assert cli.main(["brief", BUDAPEST, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(out) in err and ".html" in err
    assert list(tmp_path.iterdir()) == []


def test_unwritable_output_exits_2_and_leaves_no_partial_file(tmp_path, capsys):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "brief.pdf").write_bytes(b"the old brief")
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who may write anywhere")
        assert cli.main(["brief", BUDAPEST, "-o", str(folder / "brief.pdf"),
                         "--samples", "100"]) == 2
    finally:
        folder.chmod(0o700)
    assert str(folder / "brief.pdf") in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["brief.pdf"]
    assert (folder / "brief.pdf").read_bytes() == b"the old brief"


def test_missing_folder_exits_2_naming_it(tmp_path, capsys):
    out = tmp_path / "no" / "such" / "brief.md"
    assert cli.main(["brief", BUDAPEST, "-o", str(out), "--samples", "100"]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


def test_refuses_to_overwrite_the_matrix(tmp_path, capsys):
    path = tmp_path / "m.md"
    save_matrix(small_matrix(), path)
    before = path.read_bytes()
    assert cli.main(["brief", str(path), "-o", str(path)]) == 2
    assert path.read_bytes() == before
    assert "overwrite" in capsys.readouterr().err


def test_output_that_is_a_folder_exits_2_and_leaves_nothing_behind(tmp_path, capsys):
    (tmp_path / "brief.pdf").mkdir()
    assert cli.main(["brief", BUDAPEST, "-o", str(tmp_path / "brief.pdf"),
                     "--samples", "100"]) == 2
    assert "that is a folder" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]
    assert list((tmp_path / "brief.pdf").iterdir()) == []


def test_scenarios_section_agrees_with_the_scenarios_command(capsys, budapest_md):
    data = run_json(capsys, "scenarios", BUDAPEST)
    section = budapest_md.split("## Scenarios", 1)[1].split("\n## ", 1)[0]
    contingent = "; ".join(f"{'If' if k == 0 else 'if'} {s['name']}: {s['winner']}"
                           for k, s in enumerate(data["scenarios"])) + "."
    assert contingent in section
    m = one(rf"\(minimax regret\) is (.+?): it is never more than {NUMBER} behind", section)
    assert [m.group(1)] == data["minimax_regret"]
    assert float(m.group(2)) == round(data["max_regret"][m.group(1)], 3)


def test_a_scenario_argues_from_that_scenarios_scores(capsys, tmp_path):
    data = run_json(capsys, "scenarios", BUDAPEST)
    resists = next(s for s in data["scenarios"] if s["id"] == "moscow-resists")
    out = tmp_path / "resists.md"
    assert cli.main(["brief", BUDAPEST, "-o", str(out), "--scenario", "moscow-resists",
                     "--samples", "0"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Budapest summit: US policy options — Moscow resists a ceasefire")
    m = one(rf"recommendation is (.+?), with a total of {NUMBER}", text)
    assert m.group(1) == resists["winner"]
    assert float(m.group(2)) == round(resists["ranking"][0]["score"], 3)
    assert "## Scenarios" not in text  # the view is one world, not the comparison

"""The command line under hostile conditions: unwritable outputs, narrow terminals, odd names.

Bad input (including an output path that cannot be written) exits 2 with a
message naming the file; nothing is left half-written; JSON stays valid and
keeps every option; tables stay aligned whatever the names hold.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factories import small_matrix
from robustness_factories import numeric_matrix
from tradeoff import cli
from tradeoff.io.matrix_file import save_matrix


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tradeoff.cli", *args], capture_output=True,
                          text=True, timeout=120, env={**os.environ, **env})


def no_json_constants(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


@pytest.fixture
def small_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.toml"
    save_matrix(small_matrix(), path)
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("command", ["export", "import"])
def test_an_output_in_a_missing_folder_exits_2_naming_it(command, small_file, tmp_path, capsys):
    target = tmp_path / "no such folder" / ("out.xlsx" if command == "export" else "out.toml")
    source = small_file
    if command == "import":
        source = tmp_path / "table.csv"
        source.write_text("option,Speed\nAlpha,1\nBeta,2\n", encoding="utf-8")
    args = [command, str(source), str(target)] if command == "export" else \
        [command, str(source), "-o", str(target)]
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert str(target) in err and "does not exist" in err
    assert "internal error" not in err


@pytest.mark.parametrize("command", ["export", "import"])
def test_an_output_that_is_a_folder_exits_2_and_leaves_nothing(command, small_file, tmp_path,
                                                               capsys):
    target = tmp_path / ("out.xlsx" if command == "export" else "out.toml")
    target.mkdir()
    if command == "export":
        args = [command, str(small_file), str(target)]
    else:
        table = tmp_path / "table.csv"
        table.write_text("option,Speed\nAlpha,1\nBeta,2\n", encoding="utf-8")
        args = [command, str(table), "-o", str(target)]
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert f"{target}: cannot write the file: that is a folder" in err
    assert target.is_dir() and not any(target.iterdir())
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_on_stdout_is_not_reported_as_an_internal_error(small_file):
    with open("/dev/full", "w") as full:
        r = subprocess.run([sys.executable, "-m", "tradeoff.cli", "score", str(small_file)],
                           stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert r.returncode == 2
    assert "No space left on device" in r.stderr
    assert "internal error" not in r.stderr and "Traceback" not in r.stderr


def test_an_ascii_only_stdout_gets_escapes_not_a_crash(tmp_path):
    m = small_matrix()
    m.options[0].name = "Ålpha ☢"
    path = tmp_path / "m.toml"
    save_matrix(m, path)
    table = run("crosscheck", str(path), PYTHONIOENCODING="ascii")  # τ, √ and — in the text
    assert table.returncode == 0, table.stderr
    assert "\\xc5lpha \\u2622" in table.stdout and "Kendall's \\u03c4" in table.stdout
    data = run("score", str(path), "--format", "json", PYTHONIOENCODING="ascii")
    assert data.returncode == 0, data.stderr
    names = {row["option"] for row in json.loads(data.stdout)["ranking"]}
    assert names == {"Ålpha ☢", "Beta", "Gamma"}


def _twins(tmp_path: Path) -> Path:
    """Two options named "Twin" (ids o0, o1) and two criteria named "Same" (c0, c1)."""
    m = numeric_matrix([[9, 1], [5, 5], [2, 9]], [1, 1])
    m.options[0].name = m.options[1].name = "Twin"
    m.criteria[0].name = m.criteria[1].name = "Same"
    path = tmp_path / "twins.toml"
    save_matrix(m, path)
    return path


def test_analyse_json_keeps_options_that_share_a_name(tmp_path, capsys):
    path = _twins(tmp_path)
    assert cli.main(["analyse", str(path), "--samples", "300", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out, parse_constant=no_json_constants)
    assert list(data["rank_acceptability"]) == ["Twin (o0)", "Twin (o1)", "O2"]
    assert list(data["stability"]) == ["Same (c0)", "Same (c1)"]
    assert list(data["central_weights"]["O2"]) == ["Same (c0)", "Same (c1)"]
    for shares in data["rank_acceptability"].values():
        assert len(shares) == 3


def test_score_json_and_csv_keep_criteria_that_share_a_name(tmp_path, capsys):
    path = _twins(tmp_path)
    assert cli.main(["score", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out, parse_constant=no_json_constants)
    assert data["weights"] == {"Same (c0)": 0.5, "Same (c1)": 0.5}
    first = data["ranking"][0]
    # O2 scores 2 and 9 on 0..10, half weight each: 0.1 + 0.45 beats 0.5 and 0.5, by hand
    assert first["option"] == "O2" and first["contributions"] == pytest.approx(
        {"Same (c0)": 0.1, "Same (c1)": 0.45})
    assert cli.main(["score", str(path), "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header == "rank,option,total,margin,Same (c0),Same (c1)"


def test_table_columns_stay_aligned_with_line_breaks_tabs_and_wide_characters(tmp_path,
                                                                             capsys):
    m = numeric_matrix([[10], [5], [0]], [1])
    m.options[0].name = "two\nlines"   # shown on one line: "two lines", 9 columns
    m.options[1].name = "😀😀"          # two wide characters: 4 columns
    m.options[2].name = "a\tb"          # "a b", 3 columns
    path = tmp_path / "names.toml"
    save_matrix(m, path)
    assert cli.main(["score", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    table = lines.index("Rank  Option     Total  Margin")  # notes on dominance follow it
    assert lines[table:table + 5] == [
        "Rank  Option     Total  Margin",
        "----  ---------  -----  ------",
        "   1  two lines  1.000   0.500",
        "   2  😀😀       0.500   0.500",
        "   3  a b        0.000       —",
    ]


def test_control_characters_never_reach_the_terminal_from_a_table(tmp_path, capsys):
    m = numeric_matrix([[10], [0]], [1])
    m.options[0].name = "evil\x1b[2Jname"  # an escape sequence that would clear the screen
    path = tmp_path / "escape.toml"
    save_matrix(m, path)
    assert cli.main(["score", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "evil\ufffd[2Jname" in out


@pytest.mark.parametrize("command", ["crosscheck", "export"])
def test_vikor_v_outside_0_to_1_is_refused_before_anything_is_written(command, small_file,
                                                                      tmp_path, capsys):
    out = tmp_path / "out.xlsx"
    args = [command, str(small_file)] + ([str(out)] if command == "export" else []) + \
        ["--v", "7"]
    assert cli.main(args) == 2
    assert "--v weighs VIKOR's majority strategy and must lie between 0 and 1, not 7" in \
        capsys.readouterr().err
    assert not out.exists()


def test_a_negative_seed_exits_2(small_file, capsys):
    assert cli.main(["analyse", str(small_file), "--seed", "-1"]) == 2
    assert "--seed must be zero or a positive whole number, not -1" in capsys.readouterr().err


def test_an_integer_too_large_in_a_file_exits_2_not_1(tmp_path):
    path = tmp_path / "huge.toml"
    path.write_text(f"format = 1\n[[criteria]]\nid = \"x\"\nname = \"X\"\nworst = 0\n"
                    f"best = {'9' * 400}\n", encoding="utf-8")
    for command in ("validate", "score"):
        r = run(command, str(path))
        assert r.returncode == 2, r.stderr
        assert "criteria[0].best: 999999999999…(400 digits) is too large" in r.stderr
        assert "internal error" not in r.stderr


def test_analyse_of_a_matrix_without_criteria_says_so(tmp_path, capsys):
    path = tmp_path / "bare.toml"
    path.write_text('format = 1\n[[options]]\nid = "a"\nname = "A"\n[[options]]\nid = "b"\n'
                    'name = "B"\n[[profiles]]\nid = "p"\nname = "P"\nweights = {}\n',
                    encoding="utf-8")
    for mode in ("profile", "uniform"):
        assert cli.main(["analyse", str(path), "--weights", mode]) == 2
        assert "the matrix has no criteria" in capsys.readouterr().err


def test_titles_warnings_and_errors_never_pass_control_characters_on(tmp_path, capsys):
    m = numeric_matrix([[10, 5], [0, 0]], [1, 1])
    m.metadata.title = "Plan\x1b]0;pwned\x07"  # would retitle the terminal window
    m.options[1].name = "Zero\rMask"  # a carriage return would overwrite the line
    m.scores[("o0", "c1")].value = None  # a warning that names O0
    m.options[0].name = "Gap\x1b[31m"
    path = tmp_path / "controls.toml"
    save_matrix(m, path)
    assert cli.main(["score", str(path)]) == 0
    assert cli.main(["crosscheck", str(path)]) == 0
    assert cli.main(["analyse", str(path), "--samples", "50", "--weights", "uniform"]) == 2
    assert cli.main(["score", str(path), "--method", "wpm"]) == 2  # Zero\rMask scores 0
    out, err = capsys.readouterr()
    assert "Plan\ufffd]0;pwned\ufffd" in out and "Gap\ufffd[31m has no score on C1" in out
    assert "Zero\ufffdMask scores 0" in err
    for text in (out, err):
        assert not any(ch in text for ch in "\x1b\x07\r")


def test_export_refuses_to_write_over_the_matrix_it_reads(tmp_path, capsys):
    # A matrix file whose name happens to end in .xlsx, exported onto itself.
    path = tmp_path / "plan.toml.xlsx"
    save_matrix(small_matrix(), path)
    before = path.read_bytes()
    assert cli.main(["export", str(path), str(path)]) == 2
    assert "would overwrite the matrix file being exported" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_a_column_of_numbers_is_right_aligned_even_when_its_first_row_has_none(tmp_path,
                                                                               capsys):
    # O0 never ranks first, so its confidence factor is empty ("—"); O1's is 100 %.
    path = tmp_path / "dominated.toml"
    save_matrix(numeric_matrix([[1, 1], [9, 9]], [1, 1]), path)
    assert cli.main(["analyse", str(path), "--samples", "100"]) == 0
    lines = capsys.readouterr().out.splitlines()
    start = lines.index("Rank acceptability")
    assert lines[start + 1:start + 5] == [
        "Option  Rank 1  Rank 2  Confidence factor",
        "------  ------  ------  -----------------",
        "O0        0.0%  100.0%                  —",
        "O1      100.0%    0.0%             100.0%",
    ]


def test_a_windowed_build_without_stdout_still_exits_0(small_file, monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)  # what a GUI-subsystem executable has
    assert cli.main(["score", str(small_file)]) == 0

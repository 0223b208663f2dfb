"""Numbers the command line prints about a ranking never contradict it: options ranked
apart print apart, and a lead that ranks them apart never prints as zero."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from robustness_factories import numeric_matrix
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

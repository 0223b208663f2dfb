"""A tampered hidden layout in a Tradeoff workbook is refused naming the sheet and cell.

The hidden sheet's cell B2 holds a JSON description of where the editable
values sit. Whatever a hostile or careless edit puts there — a list, a number,
a table missing a key, a cell address that is no address — the import says
which cell is wrong (exit 2 in the CLI), never an internal error.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from factories import small_matrix
from tradeoff.core.errors import ValidationError
from tradeoff.io.excel import layout as L
from tradeoff.io.excel.export import export_workbook
from tradeoff.io.excel.importer import import_matrix


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("wb") / "small.xlsx"
    export_workbook(small_matrix(), path)
    return path


def _layout(path: Path) -> dict:
    wb = openpyxl.load_workbook(path)
    return json.loads(wb[L.EMBEDDED]["B2"].value)


def _with_layout(source: Path, target: Path, layout: object) -> Path:
    wb = openpyxl.load_workbook(source)
    wb[L.EMBEDDED]["B2"] = json.dumps(layout)
    wb.save(target)
    return target


def _without(d: dict, *path: str) -> dict:
    d = json.loads(json.dumps(d))
    inner = d
    for key in path[:-1]:
        inner = inner[key]
    del inner[path[-1]]
    return d


def _replaced(d: dict, value: object, *path: str) -> dict:
    d = json.loads(json.dumps(d))
    inner = d
    for key in path[:-1]:
        inner = inner[key]
    inner[path[-1]] = value
    return d


TAMPERINGS = {
    "a list": lambda d: [1, 2, 3],
    "a number": lambda d: 7,
    "a string": lambda d: "scores",
    "no active profile": lambda d: _without(d, "active_profile"),
    "active profile a list": lambda d: _replaced(d, [], "active_profile"),
    "active profile cell missing": lambda d: _without(d, "active_profile", "cell"),
    "active profile cell not an address": lambda d: _replaced(d, "nowhere", "active_profile",
                                                              "cell"),
    "active profile cell a number": lambda d: _replaced(d, 12, "active_profile", "cell"),
    "scores a number": lambda d: _replaced(d, 3, "scores"),
    "scores sheet a list": lambda d: _replaced(d, ["Scores"], "scores", "sheet"),
    "first row a string": lambda d: _replaced(d, "seven", "scores", "first_row"),
    "first row zero": lambda d: _replaced(d, 0, "scores", "first_row"),
    "first row huge": lambda d: _replaced(d, 10**12, "scores", "first_row"),
    "first col a float": lambda d: _replaced(d, 2.5, "scores", "first_col"),
    "worst row missing": lambda d: _without(d, "scores", "worst_row"),
    "weights missing": lambda d: _without(d, "weights"),
    "nodes a number": lambda d: _replaced(d, 5, "weights", "nodes"),
    "nodes hold numbers": lambda d: _replaced(d, [1, 2], "weights", "nodes"),
    "nodes a dict": lambda d: _replaced(d, {"price": 1}, "weights", "nodes"),
    "points column a bool": lambda d: _replaced(d, True, "weights", "first_points_col"),
}


@pytest.mark.parametrize("name", sorted(TAMPERINGS))
def test_a_tampered_layout_is_refused_naming_the_hidden_sheet_cell(exported, tmp_path, name):
    path = _with_layout(exported, tmp_path / "bad.xlsx", TAMPERINGS[name](_layout(exported)))
    with pytest.raises(ValidationError) as caught:
        import_matrix(path)
    message = str(caught.value)
    assert f"{L.EMBEDDED}!B2" in message
    assert str(path) in message


def test_an_untouched_layout_still_imports(exported):
    assert import_matrix(exported).matrix == small_matrix()


def test_the_cli_exits_2_on_a_layout_that_is_a_list(exported, tmp_path):
    path = _with_layout(exported, tmp_path / "bad.xlsx", [1, 2, 3])
    done = subprocess.run([sys.executable, "-m", "tradeoff", "import", str(path),
                           "-o", str(tmp_path / "out.toml")], capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    assert f"{L.EMBEDDED}!B2" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out.toml").exists()


def test_a_deeply_nested_layout_is_refused_not_a_recursion_error(exported, tmp_path):
    wb = openpyxl.load_workbook(exported)
    wb[L.EMBEDDED]["B2"] = "[" * 30_000 + "]" * 30_000
    wb.save(tmp_path / "deep.xlsx")
    with pytest.raises(ValidationError, match=f"{L.EMBEDDED}!B1:B3"):
        import_matrix(tmp_path / "deep.xlsx")

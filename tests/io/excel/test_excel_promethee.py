"""The workbook's Methods sheet uses each criterion's own PROMETHEE preference
function, and the export keeps those functions for the way back.

Source: Brans, J.-P., Vincke, Ph. & Mareschal, B. (1986), "How to select and
how to rank projects: the PROMETHEE method", *European Journal of Operational
Research* 24(2), 228–238, numerical example: six projects, a different
generalised criterion on each of six criteria, equal weights, and the complete
PROMETHEE II ranking a5 > a2 > a4 > a6 > a3 > a1. The matrix file
tests/core/methods/brans-1986.toml holds that example with the functions.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from tradeoff.core.methods.promethee import PreferenceFunction
from tradeoff.io.excel import layout as L
from tradeoff.io.excel.export import export_workbook
from tradeoff.io.excel.importer import import_matrix
from tradeoff.io.matrix_file import load_matrix

BRANS_1986 = Path(__file__).resolve().parents[2] / "core" / "methods" / "brans-1986.toml"
PRINTED_RANKING = ["a5", "a2", "a4", "a6", "a3", "a1"]
PROMETHEE = "PROMETHEE II"


def promethee_column(path: Path) -> tuple[dict[str, object], str]:
    """Each option's PROMETHEE II rank on the Methods sheet, and the column's normalisation."""
    rows = [list(r) for r in openpyxl.load_workbook(path)["Methods"].iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(rows) if r[0] == "Option")
    column = rows[header].index(PROMETHEE)
    assert rows[header + 1][0] == "Normalisation"
    ranks = {r[0]: r[column] for r in rows[header + 4:] if r[0] is not None}
    return ranks, rows[header + 1][column]


@pytest.fixture(scope="module")
def brans_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("brans") / "brans.xlsx"
    export_workbook(load_matrix(BRANS_1986), path)
    return path


def test_methods_sheet_ranks_with_each_criterion_s_own_function(brans_book):
    ranks, normalisation = promethee_column(brans_book)
    assert sorted(ranks, key=ranks.__getitem__) == PRINTED_RANKING
    assert [ranks[p] for p in PRINTED_RANKING] == [1, 2, 3, 4, 5, 6]
    for text in ("Manpower: u-shape (q = 10)", "Power: v-shape (p = 30)",
                 "Construction cost: linear (q = 50, p = 500)",
                 "Maintenance cost: level (q = 10, p = 60)", "Villages to evacuate: usual",
                 "Security: gaussian (s = 5)"):
        assert text in normalisation
    assert "range of scores" not in normalisation


def test_without_the_functions_the_sheet_ranks_otherwise(tmp_path):
    """The check above can fail: the data-driven default ranks the example differently."""
    m = load_matrix(BRANS_1986)
    m.criteria = [replace(c, promethee=None) for c in m.criteria]
    export_workbook(m, tmp_path / "default.xlsx")
    ranks, normalisation = promethee_column(tmp_path / "default.xlsx")
    assert sorted(ranks, key=ranks.__getitem__) != PRINTED_RANKING
    assert normalisation == "v-shape, p = range of scores"


def test_the_functions_survive_the_excel_round_trip(brans_book, tmp_path):
    original = load_matrix(BRANS_1986)
    back = import_matrix(brans_book).matrix
    assert back == original
    assert back.criterion("f3").promethee == PreferenceFunction("linear", q=50, p=500)
    # A reader's edit of an anchor in the workbook keeps the criterion's function.
    wb = openpyxl.load_workbook(brans_book)
    scores = wb[L.SCORES]
    assert scores["D1"].value == "Construction cost"
    assert scores[f"D{L.SCORES_WORST_ROW}"].value == 1200
    scores[f"D{L.SCORES_WORST_ROW}"] = 1500
    wb.save(tmp_path / "edited.xlsx")
    edited = import_matrix(tmp_path / "edited.xlsx").matrix
    assert edited.criterion("f3").worst == 1500
    assert edited.criterion("f3").promethee == PreferenceFunction("linear", q=50, p=500)

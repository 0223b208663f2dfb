"""A number exported to a workbook comes back as the very same number on import:
the same float to the last bit, an integer as the same integer (even beyond 2**53,
where a float would round it)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import openpyxl
import pytest

from tradeoff.core.model import (
    Criterion,
    DecisionMatrix,
    Metadata,
    Option,
    Scenario,
    Score,
    WeightProfile,
)
from tradeoff.io.excel import embed
from tradeoff.io.excel import layout as L
from tradeoff.io.excel.embed import document_text
from tradeoff.io.excel.export import export_workbook
from tradeoff.io.excel.importer import import_matrix
from tradeoff.io.matrix_file import dumps

BIG = 2 ** 53 + 1  # the first integer a float cannot hold


def _matrix(worst: float, best: float, scores: list[float]) -> DecisionMatrix:
    m = DecisionMatrix(metadata=Metadata(title="Exact"),
                       criteria=[Criterion("c", "C", worst=worst, best=best)],
                       options=[Option(f"o{i}", f"O{i}") for i in range(len(scores))],
                       profiles=[WeightProfile("p", "P", {"c": 1})])
    for i, v in enumerate(scores):
        m.scores[(f"o{i}", "c")] = Score(value=v)
    return m


def test_integer_anchors_beyond_a_floats_reach_come_back_exact(tmp_path):
    m = _matrix(0, BIG, [1, BIG])
    export_workbook(m, tmp_path / "m.xlsx", analysis=False)
    back = import_matrix(tmp_path / "m.xlsx").matrix
    assert back.criteria[0].best == BIG  # was 2**53, a float
    assert type(back.criteria[0].best) is int
    assert dumps(back) == dumps(m)


def test_a_value_function_ending_at_such_an_anchor_imports(tmp_path):
    # The rounded anchor no longer met the last point: the import was refused
    # ("points must start and end at the anchors …").
    m = _matrix(0, BIG, [1, BIG])
    m.criteria[0].value_points = [(0, 0.0), (10, 0.5), (BIG, 1.0)]
    export_workbook(m, tmp_path / "m.xlsx", analysis=False)
    assert import_matrix(tmp_path / "m.xlsx").matrix == m


THIRD, POINT3 = 1 / 3, 0.1 + 0.2  # 0.3333333333333333, 0.30000000000000004


def _precise_matrix() -> DecisionMatrix:
    """Numbers that need all 17 digits, in every place the import reads from a sheet:
    anchors, scores (one with a range it touches), weights, a scenario's override."""
    m = _matrix(-THIRD, 2 ** 54 + 2, [POINT3, THIRD, 2 ** 53 + 1, 7.5])
    m.scores[("o1", "c")] = Score(value=THIRD, low=THIRD, high=5)
    m.profiles[0].weights["c"] = POINT3
    m.scenarios = [Scenario("s", "S", scores={("o3", "c"): Score(value=2 / 3 + 1)})]
    return m


def _resaved(path: Path, digits: int | None) -> Path:
    """The workbook opened and saved by another program: openpyxl itself saves numbers
    with 16 significant digits; ``digits`` rounds every number cell further, as
    LibreOffice (15 digits) saves them."""
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if digits and type(cell.value) in (int, float):
                    cell.value = type(cell.value)(float(f"{cell.value:.{digits}g}"))
    out = path.with_name(f"resaved-{digits}.xlsx")
    wb.save(out)
    return out


@pytest.mark.parametrize("digits", [None, 15])
def test_numbers_a_spreadsheet_saved_with_fewer_digits_come_back_exact(tmp_path, digits):
    # Before, each came back as saved: 0.3, 0.333333333333333, 9007199254740990 …,
    # and the ranged score, now below its low, was refused.
    m = _precise_matrix()
    export_workbook(m, tmp_path / "m.xlsx", analysis=False)
    result = import_matrix(_resaved(tmp_path / "m.xlsx", digits))
    assert result.matrix == m
    assert dumps(result.matrix) == dumps(m)


def test_a_number_edited_in_the_spreadsheet_still_comes_back(tmp_path):
    m = _precise_matrix()
    export_workbook(m, tmp_path / "m.xlsx", analysis=False)
    wb = openpyxl.load_workbook(tmp_path / "m.xlsx")
    wb[L.SCORES].cell(L.SCORES_FIRST_ROW, 2).value = 0.31  # o0 on c, was 0.30000000000000004
    wb[L.SCORES].cell(L.SCORES_WORST_ROW, 2).value = -0.5  # was -0.3333333333333333
    wb.save(tmp_path / "edited.xlsx")
    back = import_matrix(tmp_path / "edited.xlsx").matrix
    assert back.scores[("o0", "c")].value == 0.31
    assert back.criteria[0].worst == -0.5
    assert back.scores[("o1", "c")].value == THIRD


def test_numbers_saved_by_one_program_and_then_another_come_back_exact(tmp_path):
    # 16 digits then 15 can round differently from 15 at once: 0.30331272607892745
    # becomes 0.3033127260789275, then 0.303312726078928 (15 at once: …927).
    m = _matrix(0, 1, [0.30331272607892745, POINT3])
    export_workbook(m, tmp_path / "m.xlsx", analysis=False)
    twice = _resaved(_resaved(tmp_path / "m.xlsx", None), 15)
    assert import_matrix(twice).matrix == m


def test_the_hidden_document_carries_exact_values_beside_a_cells_other_fields():
    # A row with a reasoned cell ([scores.o0.c]) and a bare value of another
    # criterion ([scores.o0] below it): valid TOML to the standard library too.
    m = _matrix(0, 1, [POINT3, 0.5])
    m.criteria.append(Criterion("d", "D", worst=0, best=1))
    m.profiles[0].weights["d"] = 1
    m.scores[("o0", "c")].rationale = 'said "so"\n'
    m.scores[("o0", "d")] = Score(value=THIRD)
    m.scores[("o1", "d")] = Score(value=0.25)
    doc = tomllib.loads(document_text(m))
    assert doc["scores"] == {"o0": {"c": {"value": POINT3, "rationale": 'said "so"\n'},
                                    "d": THIRD}}


def test_a_matrix_too_large_for_its_exact_values_still_imports(tmp_path, monkeypatch):
    # The import reads a document up to a size limit; beyond it the exact values
    # are left out, and the workbook imports with the numbers its cells hold.
    monkeypatch.setattr(embed, "MAX_DOCUMENT_CHARS", len(document_text(_matrix(0, 1, [0.5]))))
    m = _matrix(0, 1, [POINT3, 0.5])
    assert "0.30000000000000004" not in document_text(m)
    export_workbook(m, tmp_path / "m.xlsx", analysis=False)
    assert import_matrix(tmp_path / "m.xlsx").matrix == m

"""Export then import gives back the same matrix; a reader's edits in the workbook come back."""

from __future__ import annotations

import copy
import string
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from excel_cases import (
    deep_tree_matrix,
    hostile_matrix,
    missing_and_ties_matrix,
    piecewise_matrix,
    random_matrix,
    wildcard_levels_matrix,
)
from factories import small_matrix
from tradeoff.core.errors import ValidationError
from tradeoff.core.model import Criterion, DecisionMatrix, Direction, Option, Score, WeightProfile
from tradeoff.core.validate import check_matrix
from tradeoff.io.excel import layout as L
from tradeoff.io.excel.export import export_workbook
from tradeoff.io.excel.importer import import_matrix
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_matrices

CASES = {"small": small_matrix, "piecewise": piecewise_matrix, "wildcards": wildcard_levels_matrix,
         "hostile": hostile_matrix, "gaps": missing_and_ties_matrix, "deep": deep_tree_matrix,
         "random": lambda: random_matrix(40, 7, seed=5, rationale_every=3)}
EXAMPLES = {p.stem: p for p in example_matrices()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_test_matrices_come_back_equal(tmp_path, name):
    matrix = CASES[name]()
    export_workbook(matrix, tmp_path / "m.xlsx")
    result = import_matrix(tmp_path / "m.xlsx")
    assert result.matrix == matrix
    assert result.warnings == [] and result.kind == "Tradeoff workbook"


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_matrices_come_back_equal(tmp_path, name):
    matrix = load_matrix(EXAMPLES[name])
    export_workbook(matrix, tmp_path / "m.xlsx", source_name=EXAMPLES[name].name)
    assert import_matrix(tmp_path / "m.xlsx").matrix == matrix


def test_the_exported_profile_comes_back_active(tmp_path):
    export_workbook(small_matrix(), tmp_path / "m.xlsx", profile="quality")
    assert import_matrix(tmp_path / "m.xlsx").matrix.active_profile == "quality"


names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                min_size=1, max_size=12).filter(lambda s: s.strip())
numbers = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def matrices(draw: st.DrawFn) -> DecisionMatrix:
    n_options = draw(st.integers(1, 5))
    n_criteria = draw(st.integers(1, 4))
    m = DecisionMatrix()
    for j in range(n_criteria):
        low = draw(numbers)
        high = draw(numbers.filter(lambda x, low=low: x > low))
        cost = draw(st.booleans())
        m.criteria.append(Criterion(f"c{j}", draw(names), worst=high if cost else low,
                                    best=low if cost else high,
                                    direction=Direction.COST if cost else Direction.BENEFIT))
    m.options = [Option(f"o{i}", draw(names)) for i in range(n_options)]
    for o in m.options:
        for c in m.criteria:
            if draw(st.booleans()):
                value = draw(st.floats(min_value=c.low, max_value=c.high))
                ranged = draw(st.booleans())
                inside = ranged and c.low < value < c.high  # a normal needs a two-sided range
                kinds = [None, "triangular", "pert", *(["normal"] if inside else [])]
                m.scores[(o.id, c.id)] = Score(
                    value=value, low=c.low if ranged else None, high=c.high if ranged else None,
                    distribution=draw(st.sampled_from(kinds)),
                    rationale=draw(st.text(max_size=20)), source=draw(st.text(max_size=5)))
    m.profiles = [WeightProfile("p", draw(names), {c.id: draw(st.floats(0.001, 1e3))
                                                   for c in m.criteria})]
    return m


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matrix=matrices())
def test_any_matrix_comes_back_exactly(tmp_path_factory, matrix):
    assert check_matrix(matrix) == []
    path = tmp_path_factory.mktemp("prop") / "m.xlsx"
    export_workbook(matrix, path)
    assert import_matrix(path).matrix == matrix


def _edited(source: Path, target: Path, edits: dict[tuple[str, str], object]) -> Path:
    wb = openpyxl.load_workbook(source)
    for (sheet, cell), value in edits.items():
        wb[sheet][cell] = value
    wb.save(target)
    return target


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    path = tmp_path / "small.xlsx"
    export_workbook(small_matrix(), path)
    return path


def test_scores_anchors_weights_and_the_active_profile_edited_in_the_workbook_come_back(
        exported, tmp_path):
    path = _edited(exported, tmp_path / "edited.xlsx", {
        (L.SCORES, "C7"): 8.5,  # Beta's speed
        (L.SCORES, "D8"): "Very High",  # Gamma's risk, typed in another case
        (L.SCORES, "B4"): 120,  # Price's worst anchor
        (L.WEIGHTS, "E9"): 7,  # speed's points in "Quality first"
        (L.WEIGHTS, L.ACTIVE_CELL): 2,
        (L.SCORES, "A6"): "Alpha prime",
    })
    result = import_matrix(path)
    want = copy.deepcopy(small_matrix())
    want.scores[("b", "speed")].value = 8.5
    want.scores[("c", "risk")].value = "very high"
    want.criteria[0].worst = 120
    want.profiles[1].weights["speed"] = 7
    want.active_profile = "quality"
    want.options[0].name = "Alpha prime"
    assert result.matrix == want
    assert result.warnings == ["Scores!A6: renamed from 'Alpha' to 'Alpha prime'"]


def test_swapped_anchors_make_a_cost_criterion(exported, tmp_path):
    path = _edited(exported, tmp_path / "swapped.xlsx", {(L.SCORES, "C4"): 10,
                                                         (L.SCORES, "C5"): 0})
    speed = import_matrix(path).matrix.criteria[1]
    assert (speed.worst, speed.best, speed.direction) == (10, 0, Direction.COST)


@pytest.mark.parametrize("edits, message", [
    ({(L.SCORES, "C7"): "fast"}, "Scores!C7: 'fast' is not a number"),
    ({(L.SCORES, "D6"): "enormous"}, "Scores!D6: 'enormous' is not a level of 'Risk'"),
    ({(L.SCORES, "B6"): 140}, "Scores!B6: 140 is above the scale's worst anchor 100"),
    ({(L.SCORES, "B5"): None}, "Scores!B5: the 'Price' anchor is empty"),
    ({(L.SCORES, "A9"): "Delta"}, "Scores!A9: an option 'Delta' was added in the workbook"),
    ({(L.SCORES, "E1"): "Colour"}, "Scores!E1: a criterion 'Colour' was added"),
    ({(L.SCORES, "A7"): None}, "Scores!A7: the name is empty"),
    ({(L.WEIGHTS, "D8"): -1}, "Weights!D8: -1 is negative"),
    ({(L.WEIGHTS, "E9"): "lots"}, "Weights!E9: 'lots' is not a number"),
    ({(L.WEIGHTS, "D9"): None}, "Weights!D9: no weight for 'speed'"),
    ({(L.WEIGHTS, L.ACTIVE_CELL): 3}, "Weights!B2: the active profile must be a number from 1"),
    ({(L.WEIGHTS, "A8"): "Speed", (L.WEIGHTS, "A9"): "Price"},
     "Weights!A8: expected 'Price' here"),
])
def test_bad_edits_are_refused_naming_the_cell(exported, tmp_path, edits, message):
    path = _edited(exported, tmp_path / "bad.xlsx", edits)
    with pytest.raises(ValidationError) as caught:
        import_matrix(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_a_workbook_without_its_hidden_sheet_is_read_as_a_plain_table(exported, tmp_path):
    wb = openpyxl.load_workbook(exported)
    del wb[L.EMBEDDED]
    for sheet in (L.SUMMARY, L.WEIGHTS, L.VALUES, L.SCALES, L.NOTES):
        del wb[sheet]
    ws = wb[L.SCORES]
    ws["B3"], ws["C3"], ws["D3"] = "cost", "benefit", "cost"  # the live formulas, as values
    ws["D4"], ws["D5"] = 3, 0  # a plain table has numbers only
    for r, v in ((6, 1), (7, 2), (8, 0)):
        ws.cell(r, 4).value = v
    wb.save(tmp_path / "plain.xlsx")
    result = import_matrix(tmp_path / "plain.xlsx")
    assert result.kind == "plain sheet"
    assert [c.name for c in result.matrix.criteria] == ["Price", "Speed", "Risk"]
    assert [c.direction for c in result.matrix.criteria] == [Direction.COST, Direction.BENEFIT,
                                                             Direction.COST]
    assert result.matrix.scores[("alpha", "price")].value == 40


def test_names_from_every_script_survive(tmp_path):
    m = small_matrix()
    m.options[1].name = "Бета ß 中文 🚀 " + string.punctuation
    export_workbook(m, tmp_path / "m.xlsx")
    assert import_matrix(tmp_path / "m.xlsx").matrix == m


def test_a_distribution_without_a_range_or_notes_comes_back(tmp_path):
    # How a score would be drawn is kept even before its range is typed in.
    m = small_matrix()
    m.scores[("c", "speed")] = Score(7, distribution="pert")
    export_workbook(m, tmp_path / "m.xlsx")
    assert import_matrix(tmp_path / "m.xlsx").matrix.score("c", "speed").distribution == "pert"

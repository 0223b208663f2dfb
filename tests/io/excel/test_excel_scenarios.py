"""The Scenarios sheet: its layout read back with openpyxl, and its formulas
recalculated by LibreOffice to the numbers ``tradeoff scenarios`` prints.

Every workbook is exported without cached values and all are converted in
one ``soffice`` run, so every number checked here was computed by LibreOffice.
Copies edited the way a reader would (a weight, a base score, an override)
check that the sheet follows the workbook's own inputs.
"""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path

import openpyxl
import pytest

from factories import small_matrix
from libreoffice import recalculate, soffice
from tradeoff import cli
from tradeoff.core.model import DecisionMatrix, Scenario, Score
from tradeoff.core.scenarios import analyse_scenarios
from tradeoff.io.excel import layout as L
from tradeoff.io.excel.export import export_workbook
from tradeoff.io.excel.layout import build_layout
from tradeoff.io.excel.scenario_sheet import FIRST_ROW, MINIMAX, SCENARIOS, ScenarioSheet
from tradeoff.io.excel.xlsx_stream import col
from tradeoff.io.matrix_file import load_matrix, save_matrix
from tradeoff.paths import example_path

TOLERANCE = 1e-9


def gappy_matrix() -> DecisionMatrix:
    """small_matrix with scenarios that tie, leave a score out and fill one in."""
    m = small_matrix()
    del m.scores[("b", "speed")]  # Beta has no total in the base case
    m.scenarios = [
        Scenario("filled", "Beta measured", probability=0.5,
                 scores={("b", "speed"): Score(value=8), ("a", "risk"): Score(value="low")}),
        Scenario("tie", "Alpha matches Gamma", probability=0.5,
                 scores={("a", "price"): Score(value=70), ("a", "speed"): Score(value=9),
                         ("a", "risk"): Score(value="low")}),
    ]
    return m


def test_the_sheet_is_left_out_without_scenarios(tmp_path):
    export_workbook(small_matrix(), tmp_path / "plain.xlsx", analysis=False)
    assert SCENARIOS not in openpyxl.load_workbook(tmp_path / "plain.xlsx").sheetnames


def test_overrides_are_written_as_scores_and_the_rest_follow_the_scores_sheet(tmp_path):
    m = load_matrix(example_path())
    export_workbook(m, tmp_path / "b.xlsx", analysis=False)
    wb = openpyxl.load_workbook(tmp_path / "b.xlsx")
    assert wb.sheetnames.index(SCENARIOS) == wb.sheetnames.index("Notes") + 1
    ws = wb[SCENARIOS]
    sheet = ScenarioSheet(build_layout(m, 1))
    for k, s in enumerate(m.scenarios):
        assert ws.cell(4, sheet.total_col(k)).value == s.name
        for i, o in enumerate(m.options):
            for j, c in enumerate(m.criteria):
                got = ws.cell(sheet.block_row(k, i), sheet.score_col(j)).value
                if (o.id, c.id) in s.scores:
                    assert got == s.scores[(o.id, c.id)].value
                else:
                    assert got == f'=IF(Scores!{col(j + 2)}{6 + i}="","",' \
                                  f'Scores!{col(j + 2)}{6 + i})'
    # the hidden sheet carries the scenarios for re-import
    assert "[[scenarios]]" in "".join(str(c.value or "") for row in wb["tradeoff"].iter_rows()
                                      for c in row)


# -- LibreOffice ---------------------------------------------------------------------
def _edit(source: Path, target: Path, sheet: str, cell: str, value: object) -> None:
    wb = openpyxl.load_workbook(source)
    wb[sheet][cell] = value
    wb.save(target)


def _cases(folder: Path) -> dict[str, tuple[DecisionMatrix, Path]]:
    cases: dict[str, tuple[DecisionMatrix, Path]] = {}
    sources = {"budapest": load_matrix(example_path()),
               "sites": load_matrix(example_path("site-selection.toml")),
               "gappy": gappy_matrix()}
    for name, matrix in sources.items():
        for profile in matrix.profiles:
            m = copy.deepcopy(matrix)
            m.active_profile = profile.id
            path = folder / f"{name}--{profile.id}.xlsx"
            export_workbook(m, path, analysis=False)
            cases[path.stem] = (m, path)
    sites, path = cases["sites--even"]
    layout = build_layout(sites, 1)
    # a weight: rent's points ×6 on the active profile
    m = copy.deepcopy(sites)
    m.profile().weights["rent"] = 6
    target = folder / "sites--weight.xlsx"
    _edit(path, target, L.WEIGHTS, f"{col(layout.points_col(0))}{layout.node_row('rent')}", 6)
    cases[target.stem] = (m, target)
    # a base score no scenario overrides: the Old Town loft's desks
    m = copy.deepcopy(sites)
    m.scores[("old-town", "desks")].value = 48
    target = folder / "sites--score.xlsx"
    _edit(path, target, L.SCORES, f"D{L.SCORES_FIRST_ROW}", 48)
    cases[target.stem] = (m, target)
    # an override, changed on the Scenarios sheet: the tram makes Riverside 20 minutes away
    m = copy.deepcopy(sites)
    m.find_scenario("tram-extension").scores[("riverside", "commute")].value = 20
    sheet = ScenarioSheet(layout)
    target = folder / "sites--override.xlsx"
    _edit(path, target, SCENARIOS, f"{col(sheet.score_col(1))}{sheet.block_row(1, 1)}", 20)
    cases[target.stem] = (m, target)
    return cases


CASE_NAMES = ["budapest--balanced", "budapest--washington", "budapest--kyiv",
              "budapest--eu-capitals", "sites--even", "sites--budget", "gappy--even",
              "gappy--quality", "sites--weight", "sites--score", "sites--override"]


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory):
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    cases = _cases(tmp_path_factory.mktemp("scenario-books"))
    out = recalculate([p for _m, p in cases.values()], tmp_path_factory.mktemp("recalc"),
                      tmp_path_factory.mktemp("lo-profile"))
    return {name: (m, out[p]) for name, (m, p) in cases.items()}


def _close(got: object, want: float) -> bool:
    if math.isnan(want):
        return got is None or got == ""
    return isinstance(got, int | float) and abs(got - want) <= TOLERANCE


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", CASE_NAMES)
def test_recalculated_sheet_equals_the_core(recalculated, name):
    m, out = recalculated[name]
    a = analyse_scenarios(m)
    ws = openpyxl.load_workbook(out, data_only=True)[SCENARIOS]
    errors = [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "e"
              or (isinstance(c.value, str) and c.value.startswith(("#", "Err:")))]
    assert errors == []
    sheet = ScenarioSheet(build_layout(m, 1))
    for i, o in enumerate(m.options):
        r = FIRST_ROW + i
        assert _close(ws.cell(r, sheet.BASE_COL).value, a.base.result.totals[o.id])
        for k, s in enumerate(m.scenarios):
            assert _close(ws.cell(r, sheet.total_col(k)).value, a.totals.at[o.id, s.id]), \
                (o.name, s.name)
            assert _close(ws.cell(r, sheet.regret_col(k)).value, a.regret.at[o.id, s.id])
        assert _close(ws.cell(r, sheet.max_regret_col).value, a.max_regret[o.id])
        mark = ws.cell(r, sheet.minimax_col).value or ""
        assert (mark == MINIMAX) == (o.id in a.minimax), o.name
        if a.expected is not None:
            assert _close(ws.cell(r, sheet.expected_col).value, a.expected[o.id])
    names = {o.id: o.name for o in m.options}
    for k, outcome in enumerate(a.outcomes):
        assert ws.cell(sheet.winner_row, sheet.total_col(k)).value == names[outcome.winners[0]]


@pytest.mark.libreoffice
def test_recalculated_sheet_equals_the_cli_json(recalculated, tmp_path, capsys):
    m, out = recalculated["sites--weight"]
    path = tmp_path / "sites.toml"
    save_matrix(m, path)
    assert cli.main(["scenarios", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    ws = openpyxl.load_workbook(out, data_only=True)[SCENARIOS]
    sheet = ScenarioSheet(build_layout(m, 1))
    rows = {ws.cell(FIRST_ROW + i, 1).value: FIRST_ROW + i for i in range(len(m.options))}
    for option, worst in data["max_regret"].items():
        assert abs(ws.cell(rows[option], sheet.max_regret_col).value - worst) <= TOLERANCE
    for k, item in enumerate(data["scenarios"]):
        assert ws.cell(sheet.winner_row, sheet.total_col(k)).value == item["winner"]
        for row in item["ranking"]:
            assert abs(ws.cell(rows[row["option"]], sheet.total_col(k)).value
                       - row["score"]) <= TOLERANCE
    marked = [o for o, r in rows.items() if ws.cell(r, sheet.minimax_col).value == MINIMAX]
    assert marked == data["minimax_regret"]
    # the weight edit changed the answer: with rent weighing most, Riverside wins everywhere
    assert [item["winner"] for item in data["scenarios"]] == ["Riverside business park"] * 4


def test_reimport_takes_the_overrides_a_reader_changed(tmp_path):
    from tradeoff.core.errors import ValidationError
    from tradeoff.io.excel.importer import import_matrix

    m = load_matrix(example_path("site-selection.toml"))
    path = tmp_path / "sites.xlsx"
    export_workbook(m, path, analysis=False)
    assert import_matrix(path).matrix.scenarios == m.scenarios  # nothing edited, nothing lost
    sheet = ScenarioSheet(build_layout(m, 1))
    tram = m.scenarios.index(m.find_scenario("tram-extension"))
    ref = f"{col(sheet.score_col(1))}{sheet.block_row(tram, 1)}"  # Riverside's commute
    _edit(path, tmp_path / "edited.xlsx", SCENARIOS, ref, 25)  # within its range 24…32
    back = import_matrix(tmp_path / "edited.xlsx").matrix
    override = back.find_scenario("tram-extension").scores[("riverside", "commute")]
    assert override.value == 25 and override.rationale.startswith("A tram stop")
    assert back.scores == m.scores  # the base case is untouched
    _edit(path, tmp_path / "bad.xlsx", SCENARIOS, ref, 75)  # beyond the 60-minute worst anchor
    with pytest.raises(ValidationError) as e:
        import_matrix(tmp_path / "bad.xlsx")
    assert f"{SCENARIOS}!{ref}: 75 is above the scale's worst anchor 60" in str(e.value)


def _sites_book(tmp_path: Path) -> tuple[DecisionMatrix, Path, ScenarioSheet]:
    m = load_matrix(example_path("site-selection.toml"))
    path = tmp_path / "sites.xlsx"
    export_workbook(m, path, analysis=False)
    return m, path, ScenarioSheet(build_layout(m, 1))


def _cell(m: DecisionMatrix, sheet: ScenarioSheet, scenario: str, option: str,
          criterion: str) -> str:
    k = [s.id for s in m.scenarios].index(scenario)
    return (f"{col(sheet.score_col(m.criterion_index(criterion)))}"
            f"{sheet.block_row(k, m.option_index(option))}")


@pytest.mark.parametrize(("criterion", "typed", "want", "shown"), [
    ("commute", 22, 22, "22 minutes"),  # a number over the formula following Scores
    ("surroundings", "Excellent", "excellent", "excellent"),  # a level, in any case
    ("commute", None, None, "no score"),  # the formula deleted: no score in this scenario
])
def test_reimport_makes_a_score_typed_over_a_formula_a_new_override_and_says_so(
        tmp_path, criterion, typed, want, shown):
    from tradeoff.io.excel.importer import import_matrix

    m, path, sheet = _sites_book(tmp_path)
    tram = m.find_scenario("tram-extension")
    assert ("station", criterion) not in tram.scores
    ref = _cell(m, sheet, "tram-extension", "station", criterion)
    _edit(path, tmp_path / "typed.xlsx", SCENARIOS, ref, typed)
    result = import_matrix(tmp_path / "typed.xlsx")
    back = result.matrix
    assert back.find_scenario("tram-extension").scores[("station", criterion)] == Score(value=want)
    assert back.scores == m.scores  # the base case is untouched
    for s in m.scenarios:  # and nothing else was added anywhere
        added = {("station", criterion)} if s.id == "tram-extension" else set()
        assert set(back.find_scenario(s.id).scores) == set(s.scores) | added, s.id
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith(f"{SCENARIOS}!{ref}: ")
    assert "Tram reaches Riverside" in result.warnings[0] and shown in result.warnings[0]


def test_reimport_of_the_base_score_typed_over_its_formula_changes_nothing(tmp_path):
    from tradeoff.io.excel.importer import import_matrix

    m, path, sheet = _sites_book(tmp_path)
    ref = _cell(m, sheet, "tram-extension", "station", "commute")
    _edit(path, tmp_path / "same.xlsx", SCENARIOS, ref, m.score("station", "commute").value)
    result = import_matrix(tmp_path / "same.xlsx")
    assert result.matrix.scenarios == m.scenarios and result.warnings == []


def test_reimport_refuses_a_typed_score_off_the_scale_naming_its_cell(tmp_path):
    from tradeoff.core.errors import ValidationError
    from tradeoff.io.excel.importer import import_matrix

    m, path, sheet = _sites_book(tmp_path)
    ref = _cell(m, sheet, "tram-extension", "station", "commute")
    _edit(path, tmp_path / "far.xlsx", SCENARIOS, ref, 75)
    with pytest.raises(ValidationError) as e:
        import_matrix(tmp_path / "far.xlsx")
    assert f"{SCENARIOS}!{ref}: 75 is above the scale's worst anchor 60" in str(e.value)


@pytest.mark.libreoffice
def test_a_workbook_saved_again_by_libreoffice_gains_no_overrides(recalculated):
    from tradeoff.io.excel.importer import import_matrix

    m, out = recalculated["sites--score"]  # saved by LibreOffice, formulas and all
    result = import_matrix(out)
    assert result.matrix.scenarios == m.scenarios
    assert not [w for w in result.warnings if SCENARIOS in w]


def test_reimport_refuses_a_formula_of_the_readers_own_with_no_computed_value(tmp_path):
    from tradeoff.core.errors import ValidationError
    from tradeoff.io.excel.importer import import_matrix

    m, path, sheet = _sites_book(tmp_path)
    ref = _cell(m, sheet, "tram-extension", "station", "commute")
    _edit(path, tmp_path / "formula.xlsx", SCENARIOS, ref, "=20+10")  # saved uncomputed
    with pytest.raises(ValidationError) as e:
        import_matrix(tmp_path / "formula.xlsx")
    assert f"{SCENARIOS}!{ref}: holds a formula of its own with no computed value" \
        in str(e.value)

"""The Methods, Sensitivity and Uncertainty sheets of the exported workbook.

Every number on these sheets is computed at export by the core; the tests
read the written workbook back (openpyxl, and the raw XML for formulas) and
compare it with the core's own functions run independently here.
"""

from __future__ import annotations

import copy
import math
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from test_excel_text_safety import cells

from excel_cases import HOSTILE, hostile_matrix, random_matrix
from factories import small_matrix
from libreoffice import recalculate, soffice
from tradeoff import cli
from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods.crosscheck import crosscheck
from tradeoff.core.methods.registry import METHODS
from tradeoff.core.model import Criterion, DecisionMatrix, Score
from tradeoff.core.robustness_report import robustness_sheets
from tradeoff.core.screening import without_screened
from tradeoff.core.sensitivity import all_sweeps
from tradeoff.core.smaa import SmaaSettings, run_smaa
from tradeoff.core.smaa_sampling import spec_for_matrix
from tradeoff.io.excel.analysis import AnalysisLimits
from tradeoff.io.excel.export import ExportCancelled, export_workbook
from tradeoff.io.excel.importer import import_matrix
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_matrices

ANALYSIS = ["Methods", "Sensitivity", "Uncertainty"]
BEFORE = ["Summary", "Scores", "Weights", "Values", "Scales", "Notes"]
EXAMPLES = {p.stem: p for p in example_matrices()}
SHADED = "00FCE4D6"  # the fill of a rank that differs from the additive model's


def _values(ws: Worksheet) -> list[list[object]]:
    return [list(row) for row in ws.iter_rows(values_only=True)]


def _row_of(rows: list[list[object]], first_cell: object, start: int = 0) -> int:
    """0-based index of the first row from ``start`` whose first cell is ``first_cell``."""
    return next(i for i in range(start, len(rows)) if rows[i] and rows[i][0] == first_cell)


def read_table(ws: Worksheet, title: str, headers: list[str]) -> list[list[object]]:
    """The data rows of the table titled ``title``: below its header row, up to a blank row."""
    rows = _values(ws)
    start = _row_of(rows, title)
    header = next(i for i in range(start + 1, len(rows))
                  if rows[i][:len(headers)] == headers)
    out = []
    for row in rows[header + 1:]:
        if all(v is None for v in row):
            break
        out.append(row[:len(headers)])
    return out


def methods_ranks(ws: Worksheet) -> tuple[list[str], dict[str, dict[str, object]]]:
    """Method names and, per option name, its rank under each method (None: no rank)."""
    rows = _values(ws)
    header = _row_of(rows, "Option")
    names = [n for n in rows[header][1:-1]]
    ranks = {}
    for row in rows[header + 4:]:
        ranks[row[0]] = dict(zip(names, row[1:1 + len(names)], strict=True))
    return names, ranks


def _export(matrix: DecisionMatrix, path: Path, **kwargs: object) -> openpyxl.Workbook:
    export_workbook(matrix, path, **kwargs)
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def small_book(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    return _export(small_matrix(), tmp_path_factory.mktemp("small") / "small.xlsx")


def test_the_three_sheets_follow_notes_with_their_headers(small_book):
    assert small_book.sheetnames == [*BEFORE, *ANALYSIS, "tradeoff"]
    assert [ws.sheet_state for ws in small_book.worksheets][-4:] == ["visible"] * 3 + ["hidden"]
    methods = small_book["Methods"]
    rows = _values(methods)
    header = _row_of(rows, "Option")
    assert rows[header] == ["Option", "Additive value model", "Weighted product", "TOPSIS",
                            "VIKOR", "PROMETHEE II", "Ranked differently by"]
    assert [r[0] for r in rows[header + 1:header + 4]] == [
        "Normalisation", "Kendall's τ against the Additive value model", "Note"]
    assert methods.freeze_panes == f"B{header + 5}"  # names, method facts stay in view
    assert "profile 'Even'" in rows[1][0] and "not recalculated" in rows[1][0]
    sensitivity, uncertainty = _values(small_book["Sensitivity"]), \
        _values(small_book["Uncertainty"])
    stability = _row_of(sensitivity, "Weight stability")
    assert sensitivity[stability + 2][:9] == [
        "Criterion or group", "Kind", "Weight now", "Winner first from", "Winner first to",
        "Ranking same from", "Ranking same to", "Ranking changes", "Winner changes"]
    for title in ("Change points", "Score-flip test",
                  "Stakeholder comparison (rank under each profile)"):
        _row_of(sensitivity, title)
    for title in ("Monte Carlo (SMAA-2) settings", "Rank acceptability", "Central weights",
                  "Pairwise winning probability", "Tornado: winner's margin over the runner-up"):
        _row_of(uncertainty, title)
    for name in ("Sensitivity", "Uncertainty"):
        ws = small_book[name]
        assert ws.freeze_panes == "B3" and ws["A1"].font.b and ws["A4"].font.b
        assert ws.column_dimensions["A"].width >= 30
        assert "not recalculated when weights or scores change" in ws["A2"].value
    assert methods["A1"].font.b and methods.column_dimensions["B"].width >= 15


def test_shares_are_percentages_and_the_table_layout_has_blank_rows_between(small_book):
    ws = small_book["Sensitivity"]
    rows = _values(ws)
    first = _row_of(rows, "Weight stability")
    # title, note, header, one row per criterion and movable group, blank, next title
    sweeps = all_sweeps(small_matrix(), small_matrix().profile())
    data = first + 3
    assert all(v is None for v in rows[data + len(sweeps)])
    assert rows[data + len(sweeps) + 1][0] == "Change points"
    for c in "CDEFG":
        assert ws[f"{c}{data + 1}"].number_format == "0.0%"
    assert ws[f"H{data + 1}"].number_format == "General"


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_methods_ranks_tau_and_normalisation_equal_the_crosscheck(tmp_path, name):
    matrix = load_matrix(EXAMPLES[name])
    for profile in matrix.profiles:
        wb = _export(matrix, tmp_path / f"{profile.id}.xlsx", profile=profile)
        ws = wb["Methods"]
        cc = crosscheck(without_screened(matrix), profile)  # screened options leave it
        expected = cc.ranks_frame()
        names, ranks = methods_ranks(ws)
        assert names == list(expected.columns)
        assert sorted(ranks) == sorted(expected.index)
        for option, row in expected.iterrows():
            for method, rank in row.items():
                shown = ranks[option][method]
                assert (shown is None) if math.isnan(rank) else shown == rank, \
                    (profile.id, option, method)
        rows = _values(ws)
        header = _row_of(rows, "Option")
        summary = cc.summary_frame()
        assert rows[header + 1][1:len(names) + 1] == list(summary["normalisation"])
        for shown, tau in zip(rows[header + 2][1:len(names) + 1], summary["kendall tau"],
                              strict=True):
            assert shown == "—" if math.isnan(tau) else shown == pytest.approx(tau, abs=0)
        _assert_shading(ws, header, cc)


def _assert_shading(ws: Worksheet, header: int, cc) -> None:
    """Shaded exactly where the cross-check says a method ranks the option differently."""
    by_name = dict(zip(cc.option_names, cc.option_ids, strict=True))
    for r in range(header + 5, ws.max_row + 1):
        oid = by_name[ws.cell(r, 1).value]
        expected_names = []
        for j, m in enumerate(cc.outcomes):
            differs = j > 0 and m.result is not None and cc.differs(oid, m.key)
            fill = ws.cell(r, j + 2).fill
            assert (fill.fill_type == "solid" and fill.fgColor.rgb == SHADED) is differs
            if differs:
                expected_names.append(m.display_name)
        assert ws.cell(r, len(cc.outcomes) + 2).value == (", ".join(expected_names) or None)


def test_a_method_that_cannot_run_shows_why_and_shades_nothing(tmp_path):
    m = random_matrix(12, 4, seed=2)
    m.scores[("o3", "c1")] = Score(value=0.0)  # the weighted product needs scores above zero
    ws = _export(m, tmp_path / "m.xlsx")["Methods"]
    rows = _values(ws)
    header = _row_of(rows, "Option")
    wpm = rows[header].index(METHODS["wpm"].display_name)
    assert "above zero" in rows[header + 3][wpm]
    assert rows[header + 2][wpm] == "—"
    assert all(r[wpm] is None for r in rows[header + 4:])
    assert all(ws.cell(r, wpm + 1).fill.fill_type is None for r in range(header + 5, 30))


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_sensitivity_winner_intervals_equal_the_core_sweeps(tmp_path, name):
    matrix = load_matrix(EXAMPLES[name])
    headers = ["Criterion or group", "Kind", "Weight now", "Winner first from",
               "Winner first to"]
    ws = _export(matrix, tmp_path / "m.xlsx")["Sensitivity"]
    shown = {(r[0], r[1]): r[2:5] for r in read_table(ws, "Weight stability", headers)}
    sweeps = all_sweeps(without_screened(matrix), matrix.profile())
    assert len(shown) == len(sweeps) > 0
    for s in sweeps:
        assert shown[(s.name, s.kind)] == [s.current_weight, *s.winner_interval], s.name


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_robustness_table_is_written_whole(tmp_path, name):
    """Nothing is left out of a small matrix: the sheets are robustness_sheets(), cell by cell."""
    matrix = load_matrix(EXAMPLES[name])
    wb = _export(matrix, tmp_path / "m.xlsx")
    kept = without_screened(matrix)  # options failing a must-have leave the analyses
    for sheet, tables in robustness_sheets(kept, kept.profile()).items():
        for table in tables:
            rows = read_table(wb[sheet], table.title, table.headers)
            assert len(rows) == len(table.rows), table.title
            for got, want in zip(rows, table.rows, strict=True):
                # an empty value is an empty cell
                assert got == [None if v == "" or (isinstance(v, float) and math.isnan(v))
                               else v for v in want], table.title


def test_hostile_names_stay_text_on_the_analysis_sheets(tmp_path):
    path = tmp_path / "hostile.xlsx"
    export_workbook(hostile_matrix(), path)
    found = [c for c in cells(path) if c[0] in ANALYSIS]
    assert found and [c for c in found if c[2] is not None] == []  # not one <f> on them
    texts = {(sheet, t) for sheet, _r, _f, t in found if t is not None}
    for text in HOSTILE:
        assert ("Methods", text) in texts and ("Uncertainty", text) in texts, text
    for text in ("=A1", "-B2", "@C3", "=profile", "\t=tabbed profile"):
        assert ("Sensitivity", text) in texts, text
    wb = openpyxl.load_workbook(path)
    names = {ws.cell(r, 1).value: ws.cell(r, 1) for ws in (wb["Methods"],)
             for r in range(1, ws.max_row + 1)}
    for text in HOSTILE:
        cell = names[text]
        assert (cell.data_type, cell.quotePrefix) == ("s", True), text


def test_the_reimport_ignores_the_analysis_sheets_even_when_edited(tmp_path):
    path, edited = tmp_path / "m.xlsx", tmp_path / "edited.xlsx"
    wb = _export(small_matrix(), path)
    for name in ANALYSIS:
        wb[name]["B12"] = "=1/0"
        wb[name]["A14"] = "not an option"
    wb.save(edited)
    for workbook in (path, edited):
        result = import_matrix(workbook)
        assert result.matrix == small_matrix() and result.warnings == []


def test_no_analysis_leaves_the_sheets_out_in_the_api_and_the_cli(tmp_path, capsys):
    export_workbook(small_matrix(), tmp_path / "plain.xlsx", analysis=False)
    assert openpyxl.load_workbook(tmp_path / "plain.xlsx").sheetnames == [*BEFORE, "tradeoff"]
    example = next(iter(EXAMPLES.values()))
    assert cli.main(["export", str(example), str(tmp_path / "cli.xlsx"), "--no-analysis"]) == 0
    assert openpyxl.load_workbook(tmp_path / "cli.xlsx").sheetnames == [*BEFORE, "tradeoff"]
    assert cli.main(["export", str(example), str(tmp_path / "full.xlsx"),
                     "--normalisation", "minmax"]) == 0
    capsys.readouterr()
    ws = openpyxl.load_workbook(tmp_path / "full.xlsx")["Methods"]
    rows = _values(ws)
    header = _row_of(rows, "Option")
    topsis = rows[header].index("TOPSIS")
    assert rows[header + 1][topsis] == "min–max ((x − min) / (max − min))"


def test_a_given_monte_carlo_result_is_the_one_shown(tmp_path):
    matrix = load_matrix(EXAMPLES["budapest-summit"] if "budapest-summit" in EXAMPLES
                         else next(iter(EXAMPLES.values())))
    profile = matrix.profile()
    result = run_smaa(matrix, SmaaSettings(spec_for_matrix(matrix, profile, "uniform"),
                                           samples=2_000, seed=7))
    ws = _export(matrix, tmp_path / "m.xlsx", smaa_result=result, smaa_spread=None)["Uncertainty"]
    settings = dict(read_table(ws, "Monte Carlo (SMAA-2) settings", ["Setting", "Value"]))
    assert (settings["Draws"], settings["Seed"], settings["Weights drawn"],
            settings["Spread"]) == (2_000, 7, "uniform", "—")
    n = len(result.options)
    rows = read_table(ws, "Rank acceptability",
                      ["Option", *[f"Rank {r + 1}" for r in range(n)]])
    assert np.array_equal(np.array([r[1:] for r in rows], dtype=float),
                          result.rank_acceptability)


def test_a_monte_carlo_result_for_another_matrix_is_refused(tmp_path):
    matrix = small_matrix()
    result = run_smaa(matrix, SmaaSettings(spec_for_matrix(matrix, matrix.profile(), "uniform"),
                                           samples=200, seed=1))
    fewer = copy.deepcopy(matrix)
    fewer.options.pop()
    more = copy.deepcopy(matrix)
    more.criteria.append(Criterion("extra", "Extra", worst=0, best=1))
    for p in more.profiles:
        p.weights["extra"] = 1
    for m in (fewer, more):
        with pytest.raises(TradeoffError, match="different version of the matrix"):
            export_workbook(m, tmp_path / "m.xlsx", smaa_result=result)
    assert list(tmp_path.iterdir()) == []


def test_above_the_limits_analyses_are_left_out_with_a_note(tmp_path):
    m = random_matrix(30, 4, seed=4)
    m.profiles.append(copy.deepcopy(m.profiles[0]))
    m.profiles[1].id, m.profiles[1].name = "second", "Second"
    limits = AnalysisLimits(crosscheck_max_options=20, sweep_max_pair_targets=100,
                            flip_max_cells=100, stakeholder_max_pairs=100, smaa_max_options=20)
    wb = _export(m, tmp_path / "m.xlsx", analysis_limits=limits)
    rows = _values(wb["Methods"])
    header = _row_of(rows, "Option")
    promethee = rows[header].index("PROMETHEE II")
    assert "left out above 20 options" in rows[header + 3][promethee]
    expected_cc = crosscheck(m, m.profile(), methods=["wpm", "topsis", "vikor"])
    taus = {o.display_name: o.tau for o in expected_cc.outcomes}
    names = rows[header][1:promethee]
    assert rows[header + 2][1:promethee] == pytest.approx([taus[n] for n in names])  # τ is cheap
    assert rows[header + 2][promethee] == "—"
    expected = expected_cc.ranks_frame()
    _names, ranks = methods_ranks(wb["Methods"])
    for option, row in expected.iterrows():
        assert [ranks[option][k] for k in row.index] == list(row)
    notes = " ".join(r[0] for r in _values(wb["Sensitivity"])[:8] if r[0])
    for left_out in ("Weight stability and change points left out", "Score-flip test left out",
                     "Stakeholder comparison left out"):
        assert left_out in notes
    uncertainty = _values(wb["Uncertainty"])
    assert "Monte Carlo (SMAA-2) left out: 30 options" in uncertainty[2][0]
    assert [r[0] for r in uncertainty if r[0] and r[0].startswith("Tornado")]
    assert not [r for r in uncertainty if r[0] == "Rank acceptability"]


def test_the_monte_carlo_is_thinned_and_long_tables_are_cut_with_a_note(tmp_path):
    m = random_matrix(40, 3, seed=6)
    limits = AnalysisLimits(smaa_draw_budget=40 * 40 * 1_500, smaa_chunk_budget=40 * 40 * 700,
                            max_table_rows=5)
    ws = _export(m, tmp_path / "m.xlsx", analysis_limits=limits)["Uncertainty"]
    rows = _values(ws)
    assert "thinned to 1,500 draws (instead of 10,000) for 40 options" in rows[2][0]
    assert "700 at a time" in rows[3][0]
    assert dict(read_table(ws, "Monte Carlo (SMAA-2) settings", ["Setting", "Value"]))[
        "Draws"] == 1_500
    acceptability = _row_of(rows, "Rank acceptability")
    assert "The first 5 of 40 rows are shown." in rows[acceptability + 1][0]
    assert len(read_table(ws, "Rank acceptability", ["Option", "Rank 1"])) == 5


def test_progress_runs_through_the_analyses_and_cancel_stops_them(tmp_path):
    m = random_matrix(80, 5, seed=8)  # every analysis runs at this size

    def reports_before_writing(target: Path, **kwargs: object) -> list[float]:
        """Progress reported while no file (nor temporary file) exists yet."""
        early: list[float] = []
        seen: list[float] = []

        def progress(fraction: float) -> None:
            seen.append(fraction)
            if not any(p.name.startswith((target.name, f".{target.name}"))
                       for p in tmp_path.iterdir()):
                early.append(fraction)

        export_workbook(m, target, progress=progress, **kwargs)
        assert seen == sorted(seen) and seen[0] > 0 and seen[-1] == 1.0
        return early

    assert len(reports_before_writing(tmp_path / "plain.xlsx", analysis=False)) == 1
    # methods, sensitivity, each chunk of draws, the tables, then the package's frame
    assert len(reports_before_writing(tmp_path / "m.xlsx")) >= 6
    calls: list[float] = []
    target = tmp_path / "cancelled.xlsx"
    with pytest.raises(ExportCancelled):
        export_workbook(m, target, progress=calls.append, should_cancel=lambda: len(calls) >= 3)
    assert len(calls) == 3  # stopped in the Monte Carlo, before anything was written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.xlsx", "plain.xlsx"]


@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_recalculates_the_workbook_without_error_cells(tmp_path):
    failing = random_matrix(12, 4, seed=2)
    failing.scores[("o3", "c1")] = Score(value=0.0)
    matrices = {"hostile": hostile_matrix(), "failing": failing,
                **{name: load_matrix(path) for name, path in EXAMPLES.items()}}
    paths = []
    for name, matrix in matrices.items():
        paths.append(tmp_path / f"{name}.xlsx")
        export_workbook(matrix, paths[-1])
    limited = tmp_path / "limited.xlsx"
    export_workbook(random_matrix(30, 4, seed=4), limited, analysis_limits=AnalysisLimits(
        crosscheck_max_options=20, sweep_max_pair_targets=100, smaa_max_options=20))
    out = recalculate([*paths, limited], tmp_path / "out", tmp_path / "profile")
    for source, recalculated in out.items():
        wb = openpyxl.load_workbook(recalculated, data_only=True)
        assert [n for n in wb.sheetnames if n in ANALYSIS] == ANALYSIS
        errors = [f"{ws.title}!{c.coordinate}: {c.value}" for ws in wb.worksheets
                  for row in ws.iter_rows() for c in row
                  if c.data_type == "e" or (isinstance(c.value, str)
                                            and c.value.startswith(("#", "Err:")))]
        assert errors == [], source.name
        before = openpyxl.load_workbook(source)
        for name in ANALYSIS:
            # fixed numbers survive a spreadsheet's save (to its 15 significant digits)
            for old, new in zip(_values(before[name]), _values(wb[name]), strict=False):
                for a, b in zip(old, new, strict=False):
                    if isinstance(a, float):
                        assert b == pytest.approx(a, rel=1e-14, abs=1e-300), (name, a, b)
                    elif a is not None:  # text (hostile text too) and whole numbers
                        assert b == a, (name, a, b)

"""Exported workbooks recalculated by LibreOffice give exactly the core's results.

Every workbook is exported without cached values, so every number read back
here was computed by LibreOffice from the formulas. All workbooks (every test
matrix and every example matrix, under every profile, plus copies edited the
way a reader would edit them) are converted in one ``soffice`` run.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from excel_cases import (
    HOSTILE,
    deep_tree_matrix,
    hostile_matrix,
    missing_and_ties_matrix,
    piecewise_matrix,
    random_matrix,
    wildcard_levels_matrix,
)
from factories import small_matrix
from libreoffice import recalculate, soffice
from tradeoff.core.model import DecisionMatrix
from tradeoff.core.scoring import score
from tradeoff.core.weights import group_weight, normalised_weights
from tradeoff.io.excel import layout as L
from tradeoff.io.excel.export import export_workbook
from tradeoff.io.excel.importer import import_matrix
from tradeoff.io.excel.layout import build_layout
from tradeoff.io.excel.sheets import summary_info
from tradeoff.io.excel.xlsx_stream import col
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_matrices

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed; "
                                                 "scripts/install-system-deps.sh installs it"),
]

TOLERANCE = 1e-9
ERROR_TEXTS = ("#NAME?", "#VALUE!", "#REF!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "Err:")


def _matrices() -> dict[str, DecisionMatrix]:
    found = {"small": small_matrix(), "piecewise": piecewise_matrix(),
             "wildcards": wildcard_levels_matrix(), "hostile": hostile_matrix(),
             "gaps": missing_and_ties_matrix(), "deep": deep_tree_matrix(),
             "random": random_matrix(30, 8, seed=3)}
    for path in example_matrices():
        found[f"example-{path.stem}"] = load_matrix(path)
    return found


@dataclass
class Case:
    name: str
    matrix: DecisionMatrix  # what the workbook should compute: edits applied, profile active
    workbook: Path
    edited: bool = False


def _edit(source: Path, target: Path, sheet: str, cell: str, value: object) -> None:
    """Change one cell the way a reader would, with openpyxl, and save a copy."""
    wb = openpyxl.load_workbook(source)
    wb[sheet][cell] = value
    wb.save(target)


def _edited_cases(folder: Path, exported: dict[str, Case]) -> list[Case]:
    cases = []
    # A weight: the least-weighted criterion of every matrix gains twenty times its points.
    for name, case in list(exported.items()):
        if not name.endswith(f"--{case.matrix.profiles[0].id}"):
            continue
        m = copy.deepcopy(case.matrix)
        profile = m.profile()
        weights = normalised_weights(m, profile)
        j = min(range(len(weights)), key=lambda k: (weights[k] == 0, weights[k]))
        cid = m.criteria[j].id
        # as a reader types it: a spreadsheet keeps 15 significant digits
        profile.weights[cid] = float(f"{profile.weights[cid] * 20:.15g}") or 5
        layout = build_layout(m, 1)
        cell = f"{col(layout.points_col(0))}{layout.node_row(cid)}"
        target = folder / f"{name}--weight.xlsx"
        _edit(case.workbook, target, L.WEIGHTS, cell, profile.weights[cid])
        cases.append(Case(target.stem, m, target, edited=True))
    for name, case in exported.items():
        flipped = _winner_flip(case.matrix) if name.startswith("example-") and \
            name.endswith(f"--{case.matrix.profiles[0].id}") else None
        if flipped is not None:
            m, cid = flipped
            layout = build_layout(m, 1)
            target = folder / f"{name.split('--')[0]}--flip.xlsx"
            _edit(case.workbook, target, L.WEIGHTS, f"{col(layout.points_col(0))}"
                  f"{layout.node_row(cid)}", m.profile().weights[cid])
            cases.append(Case(target.stem, m, target, edited=True))
    small = exported["small--even"]
    m = copy.deepcopy(small.matrix)
    m.profile().weights["money"] = 5  # a group's points: Beta overtakes Gamma
    layout = build_layout(m, 1)
    target = folder / "small--money.xlsx"
    _edit(small.workbook, target, L.WEIGHTS, f"{col(layout.points_col(0))}"
          f"{layout.node_row('money')}", 5)
    cases.append(Case(target.stem, m, target, edited=True))
    m = copy.deepcopy(small.matrix)
    m.active_profile = "quality"
    target = folder / "small--active-2.xlsx"
    _edit(small.workbook, target, L.WEIGHTS, L.ACTIVE_CELL, 2)
    cases.append(Case(target.stem, m, target, edited=True))
    m = copy.deepcopy(small.matrix)
    m.scores[("b", "speed")].value = 10
    m.scores[("a", "risk")].value = "very high"
    target = folder / "small--scores.xlsx"
    wb = openpyxl.load_workbook(small.workbook)
    wb[L.SCORES]["C7"] = 10  # Beta's speed
    wb[L.SCORES]["D6"] = "very high"  # Alpha's risk
    wb.save(target)
    cases.append(Case(target.stem, m, target, edited=True))
    gaps = exported["gaps--even"]
    m = copy.deepcopy(gaps.matrix)
    m.scores[("o2", "x")] = copy.deepcopy(m.scores.get(("o2", "x"))) or type(
        m.scores[("o0", "x")])(value=7)
    target = folder / "gaps--filled.xlsx"
    _edit(gaps.workbook, target, L.SCORES, "B8", 7)  # Option 2 on X was missing
    cases.append(Case(target.stem, m, target, edited=True))
    return cases


def _winner_flip(matrix: DecisionMatrix) -> tuple[DecisionMatrix, str] | None:
    """A copy of ``matrix`` in which raising one criterion's points changes the winner."""
    winner = score(matrix).winner
    for c in matrix.criteria:
        for factor in (5, 20, 100):
            m = copy.deepcopy(matrix)
            m.profile().weights[c.id] = (m.profile().weights[c.id] or 1) * factor
            if score(m).winner != winner:
                return m, c.id
    return None


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Case, Path]]:
    folder = tmp_path_factory.mktemp("exported")
    exported: dict[str, Case] = {}
    for name, matrix in _matrices().items():
        for profile in matrix.profiles:
            m = copy.deepcopy(matrix)
            m.active_profile = profile.id
            path = folder / f"{name}--{profile.id}.xlsx"
            export_workbook(m, path, source_name=f"{name}.toml")
            exported[path.stem] = Case(path.stem, m, path)
    cases = list(exported.values()) + _edited_cases(folder, exported)
    out = recalculate([c.workbook for c in cases], tmp_path_factory.mktemp("recalculated"),
                      tmp_path_factory.mktemp("lo-profile"))
    return {c.name: (c, out[c.workbook]) for c in cases}


def _case_names() -> list[str]:
    names = []
    for name, matrix in _matrices().items():
        names += [f"{name}--{p.id}" for p in matrix.profiles]
        names.append(f"{name}--{matrix.profiles[0].id}--weight")
    flips = [f"example-{p.stem}--flip" for p in example_matrices()
             if _winner_flip(load_matrix(p)) is not None]
    return [*names, *flips, "small--money", "small--active-2", "small--scores", "gaps--filled"]


CASES = _case_names()


def _is_blank(value: object) -> bool:
    return value is None or value == ""


def _shown(text: str | None) -> str | None:
    """Text as an XML reader returns it: a carriage return becomes a line feed."""
    return None if text is None else text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("name", CASES)
def test_totals_ranks_values_and_contributions_match_the_core(recalculated, name):
    case, out = recalculated[name]
    m = case.matrix
    expected = score(m)
    layout = build_layout(m, 1)
    ws = openpyxl.load_workbook(out, data_only=True)[L.VALUES]
    for i, o in enumerate(m.options):
        r = L.VALUES_FIRST_ROW + i
        total = ws.cell(r, layout.total_col).value
        rank = ws.cell(r, layout.rank_col).value
        if math.isnan(expected.totals[o.id]):
            assert _is_blank(total) and _is_blank(rank), (o.name, total, rank)
        else:
            assert abs(total - expected.totals[o.id]) <= TOLERANCE, (o.name, total)
            assert rank == expected.ranks[o.id], (o.name, rank)
        for j, c in enumerate(m.criteria):
            want_value = expected.values().at[o.id, c.id]
            want_part = expected.contributions().at[o.id, c.id]
            got_value = ws.cell(r, layout.value_col(j)).value
            got_part = ws.cell(r, layout.contribution_col(j)).value
            if math.isnan(want_value):
                assert _is_blank(got_value) and _is_blank(got_part)
            else:
                assert abs(got_value - want_value) <= TOLERANCE, (o.name, c.name, got_value)
                assert abs(got_part - want_part) <= TOLERANCE, (o.name, c.name, got_part)


@pytest.mark.parametrize("name", CASES)
def test_summary_ranking_is_sorted_like_the_core(recalculated, name):
    case, out = recalculated[name]
    m = case.matrix
    result = score(m)
    info = summary_info(build_layout(m, 1), None)
    ws = openpyxl.load_workbook(out, data_only=True)[L.SUMMARY]
    rows = [[ws.cell(info.first_rank_row + k, c).value for c in range(1, 5)]
            for k in range(len(m.options))]
    ranked = result.ranking().dropna(subset=["rank"])
    # The core sorts ties by name and the workbook by matrix order: compare the
    # sequence of ranks, totals and margins, and the names within each rank.
    assert [int(r[0]) for r in rows[:len(ranked)]] == [int(x) for x in ranked["rank"]]
    for got, want in zip(rows, ranked.itertuples(), strict=False):
        assert abs(got[2] - want.total) <= TOLERANCE
    # Margins follow the core's own order (totals falling, ties in matrix order); totals
    # that differ in the last bit may swap places, so compare the sequences.
    table = result.table.dropna(subset=[("total", "")])
    margins = table.sort_values(("total", ""), ascending=False, kind="stable")[("margin", "")]
    for got, want in zip(rows, margins, strict=False):
        if math.isnan(want):
            assert _is_blank(got[3])
        else:
            assert abs(got[3] - want) <= TOLERANCE
    for rank in set(ranked["rank"]):
        assert {_shown(r[1]) for r in rows if r[0] == rank} == \
            {_shown(n) for n in ranked[ranked["rank"] == rank]["option"]}
    unranked = rows[len(ranked):]
    assert {r[1] for r in unranked} == set(result.ranking()["option"][len(ranked):])
    assert all(_is_blank(r[0]) and _is_blank(r[2]) and _is_blank(r[3]) for r in unranked)
    active = m.profile()
    assert _shown(ws["B4"].value) == _shown(active.name)


@pytest.mark.parametrize("name", CASES)
def test_weights_sheet_matches_the_core(recalculated, name):
    case, out = recalculated[name]
    m = case.matrix
    layout = build_layout(m, 1)
    ws = openpyxl.load_workbook(out, data_only=True)[L.WEIGHTS]
    for p, profile in enumerate(m.profiles):
        weights = dict(zip([c.id for c in m.criteria], normalised_weights(m, profile),
                           strict=True))
        for node in layout.nodes:
            got = ws.cell(node.row, layout.weight_col(p)).value
            want = weights[node.node_id] if node.kind == "criterion" else \
                group_weight(m, profile, node.node_id)
            assert abs(got - want) <= TOLERANCE, (profile.name, node.name, got, want)
        assert abs(ws.cell(layout.weights_last_row + 2, layout.weight_col(p)).value - 1) \
            <= TOLERANCE


@pytest.mark.parametrize("name", CASES)
def test_no_cell_shows_an_error(recalculated, name):
    _case, out = recalculated[name]
    wb = openpyxl.load_workbook(out, data_only=True)
    errors = [f"{ws.title}!{cell.coordinate}: {cell.value}"
              for ws in wb.worksheets for row in ws.iter_rows() for cell in row
              if cell.data_type == "e"
              or (isinstance(cell.value, str) and cell.value.startswith(ERROR_TEXTS))]
    assert errors == []


@pytest.mark.parametrize("name", CASES)
def test_recalculated_workbook_imports_back_as_the_same_matrix(recalculated, name):
    case, out = recalculated[name]
    # LibreOffice saves numbers with 15 significant digits; the exact ones come back.
    assert import_matrix(out).matrix == case.matrix


FLIPS = [("small--even", "small--money")] + [
    (n.replace("--flip", f"--{load_matrix(p).profiles[0].id}"), n)
    for p in example_matrices() for n in CASES if n == f"example-{p.stem}--flip"]


@pytest.mark.parametrize("before_name, after_name", FLIPS)
def test_a_changed_weight_changes_the_winner_in_the_workbook(recalculated, before_name,
                                                              after_name):
    """The point of a live workbook: a reader changes a weight and the ranking follows."""
    before, before_out = recalculated[before_name]
    after, after_out = recalculated[after_name]
    first = [score(c.matrix).winner for c in (before, after)]
    assert first[0] != first[1]  # the edit does change the winner
    layout = build_layout(after.matrix, 1)
    info = summary_info(layout, None)
    for case, out in ((before, before_out), (after, after_out)):
        ws = openpyxl.load_workbook(out, data_only=True)[L.SUMMARY]
        winner = case.matrix.option(score(case.matrix).winner).name
        assert ws.cell(info.first_rank_row, 2).value == winner


def test_hostile_text_is_displayed_as_text(recalculated):
    case, out = recalculated["hostile--p1"]
    wb = openpyxl.load_workbook(out, data_only=True)
    shown = [wb[L.SCORES].cell(L.SCORES_FIRST_ROW + i, 1).value for i in range(len(HOSTILE))]
    assert [_shown(s) for s in shown] == [_shown(h) for h in HOSTILE]
    notes = {(wb[L.NOTES].cell(r, 1).value, wb[L.NOTES].cell(r, 6).value)
             for r in range(2, wb[L.NOTES].max_row + 1)}
    assert {_shown(n) for _o, n in notes if n != "=1/0"} == {_shown(h) for h in HOSTILE}
    assert wb[L.SCORES]["B1"].value == "=A1"
    assert wb[L.WEIGHTS]["D5"].value == "=profile"
    assert wb[L.SUMMARY]["A1"].value == "=TITLE()"
    ranking = summary_info(build_layout(case.matrix, 1), None).first_rank_row
    names = {wb[L.SUMMARY].cell(ranking + k, 2).value for k in range(len(HOSTILE))}
    assert {_shown(n) for n in names} == {_shown(h) for h in HOSTILE}

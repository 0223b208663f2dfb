"""The cross-check panel: ranks side by side, differences highlighted, normalisations shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from factories import small_matrix
from robustness_factories import one_pair_swapped
from tradeoff.core.model import Criterion, DecisionMatrix, Option, Score, WeightProfile
from tradeoff.gui.document import Document
from tradeoff.gui.document.commands import SetWeight
from tradeoff.gui.results.crosscheck_view import (
    DIFFERS_BRUSH,
    DIFFERS_ROLE,
    TAU_LABEL,
    CrossCheckView,
)
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_path

TOOLTIP = Qt.ItemDataRole.ToolTipRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole


def cell(view, row: int, col: int, role=Qt.ItemDataRole.DisplayRole):
    return view.model.data(view.model.index(row, col), role)


def column(view, name: str) -> int:
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(view.model.columnCount())]
    return headers.index(name)


def test_budapest_example_shows_every_method_and_the_tau_row(qtbot, qtmodeltester):
    view = CrossCheckView()
    qtbot.addWidget(view)
    m = load_matrix(example_path("budapest-summit.toml"))
    view.set_matrix(m)
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == len(m.options) + 1
    assert [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Additive value model", "Weighted product", "TOPSIS", "VIKOR", "PROMETHEE II"]
    last = len(m.options)
    assert view.model.headerData(last, Qt.Orientation.Vertical) == TAU_LABEL
    assert cell(view, last, 0) == "1.00"
    assert "TOPSIS: vector (x / √Σx²)" in view.normalisations.text()
    assert "VIKOR:" in view.notes.text()


def test_ranks_that_differ_from_the_additive_model_are_highlighted(qtbot):
    """small_matrix: the additive model ranks Alpha 2nd and Gamma 1st; TOPSIS on
    the raw scores puts Alpha 1st and Gamma 3rd, so both cells are flagged."""
    view = CrossCheckView()
    qtbot.addWidget(view)
    view.set_matrix(small_matrix(), "even")
    topsis = column(view, "TOPSIS")
    names = [view.model.headerData(r, Qt.Orientation.Vertical) for r in range(3)]
    alpha, gamma = names.index("Alpha"), names.index("Gamma")
    assert cell(view, alpha, 0) == "2" and cell(view, alpha, topsis) == "1"
    assert cell(view, alpha, topsis, DIFFERS_ROLE) is True
    assert cell(view, alpha, topsis, BACKGROUND) == DIFFERS_BRUSH
    assert cell(view, alpha, 0, DIFFERS_ROLE) is False
    assert cell(view, alpha, 0, BACKGROUND) is None
    assert cell(view, gamma, topsis, TOOLTIP).endswith("(the additive model ranks it 1)")


def test_normalisation_and_v_are_selectable_and_shown(qtbot):
    view = CrossCheckView()
    qtbot.addWidget(view)
    view.set_matrix(load_matrix(example_path("supplier-selection.toml")))
    topsis = column(view, "TOPSIS")
    view.normalisation_box.setCurrentIndex(view.normalisation_box.findData("minmax"))
    assert "TOPSIS: min–max" in view.normalisations.text()
    header_tip = view.model.headerData(topsis, Qt.Orientation.Horizontal, TOOLTIP)
    assert "Normalisation: min–max" in header_tip and "Hwang & Yoon (1981)" in header_tip
    assert view.current.outcome("topsis").result.normalisation.startswith("min–max")
    view.v_box.setValue(1.0)
    assert view.current.outcome("vikor").result.extras["v"] == 1.0


def test_a_method_that_cannot_run_says_why(qtbot):
    crits = [Criterion("c1", "Yield", worst=-1, best=10), Criterion("c2", "Grip", worst=0, best=5)]
    m = DecisionMatrix(criteria=crits, options=[Option("a", "Ant"), Option("b", "Bee")],
                       profiles=[WeightProfile("w", "W", {"c1": 1, "c2": 1})])
    for (o, c), v in {("a", "c1"): 0, ("a", "c2"): 2, ("b", "c1"): 3, ("b", "c2"): 1}.items():
        m.scores[(o, c)] = Score(value=v)
    view = CrossCheckView()
    qtbot.addWidget(view)
    view.set_matrix(m)
    wpm = column(view, "Weighted product")
    assert cell(view, 0, wpm) == "n/a"
    assert "Ant scores 0 on Yield" in cell(view, 0, wpm, TOOLTIP)
    assert "Weighted product could not run" in view.notes.text()
    assert cell(view, 2, wpm) == "—"  # no τ for a method that did not run


def test_following_a_document_recomputes_after_an_edit(qtbot):
    view = CrossCheckView()
    qtbot.addWidget(view)
    doc = Document(small_matrix(), parent=view)
    view.follow(doc)
    names = [view.model.headerData(r, Qt.Orientation.Vertical) for r in range(3)]
    beta = names.index("Beta")
    assert cell(view, beta, 0) == "3"
    # Money (where Beta is cheapest) made ten times as important as quality.
    doc.push(SetWeight(doc, "even", "money", 10.0))
    qtbot.waitUntil(lambda: cell(view, beta, 0) == "1", timeout=2000)


def test_empty_matrix_explains_what_is_needed(qtbot):
    view = CrossCheckView()
    qtbot.addWidget(view)
    view.set_matrix(DecisionMatrix())
    assert view.model.rowCount() == 0 and view.model.columnCount() == 0
    assert "Add options, criteria and a weight profile" in view.notes.text()


def test_the_promethee_setting_reaches_the_table_and_the_export(qtbot, tmp_path):
    from tradeoff.core.methods.registry import run_method
    from tradeoff.core.preference_functions import PreferenceFunction
    view = CrossCheckView()
    qtbot.addWidget(view)
    m = load_matrix(example_path("supplier-selection.toml"))
    view.set_matrix(m)
    assert "usual" not in view.current.outcome("promethee").result.normalisation
    view.preference_box.setCurrentIndex(view.preference_box.findData("usual"))
    result = view.current.outcome("promethee").result
    assert "usual" in result.normalisation
    usual = run_method("promethee", m, None, type(view.settings())(promethee_preferences={
        c.id: PreferenceFunction("usual") for c in m.criteria}))
    assert result.totals.to_numpy() == pytest.approx(usual.totals.to_numpy())
    assert view.settings().promethee_preferences  # what File › Export hands the workbook


@pytest.mark.parametrize("missing", [False, True])
def test_every_cell_says_what_the_crosscheck_says(qtbot, missing):
    """The table reads the ranks from one array; each cell must agree with the
    CrossCheck's own rank() and differs() (which look each one up)."""
    import math

    m = load_matrix(example_path("budapest-summit.toml"))
    if missing:  # an option without a total: unranked by every method
        del m.scores[(m.options[1].id, m.criteria[0].id)]
    view = CrossCheckView()
    qtbot.addWidget(view)
    view.set_matrix(m)
    cc = view.model.cc
    assert cc is not None
    for r, option in enumerate(cc.option_ids):
        for c, method in enumerate(cc.outcomes):
            rank = cc.rank(option, method.key)
            want = "n/a" if method.result is None else (
                "—" if math.isnan(rank) else str(int(rank)))
            assert cell(view, r, c) == want, (option, method.key)
            differs = method.result is not None and cc.differs(option, method.key)
            assert cell(view, r, c, DIFFERS_ROLE) == differs, (option, method.key)
    if missing:
        assert any(cell(view, 1, c) == "—" for c in range(len(cc.outcomes)))


def test_tau_reads_1_only_for_the_same_order(qtbot):
    view = CrossCheckView()
    qtbot.addWidget(view)
    view.set_matrix(one_pair_swapped())
    last = view.model.rowCount() - 1
    assert cell(view, last, 0) == "1.00"
    wpm = column(view, "Weighted product")
    assert cell(view, 28, wpm) == "12"  # O28, above O29 by the product
    assert float(cell(view, last, wpm)) < 1

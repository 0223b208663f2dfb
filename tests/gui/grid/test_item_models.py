"""Every item model passes Qt's model tester, on the small matrix and the example."""

from __future__ import annotations

import numpy as np

from tradeoff.gui.document import Document
from tradeoff.gui.grid.matrix_model import MatrixModel
from tradeoff.gui.results.results_model import RankingModel, ranking_order


def test_matrix_model_passes_the_model_tester(qtmodeltester, window):
    qtmodeltester.check(window.grid.matrix_model)


def test_matrix_model_on_the_example(qtmodeltester, example_window):
    qtmodeltester.check(example_window.grid.matrix_model)


def test_matrix_model_on_an_empty_document(qtmodeltester, qapp):
    qtmodeltester.check(MatrixModel(Document()))


def test_ranking_model_passes_the_model_tester(qtmodeltester, window):
    qtmodeltester.check(window.results_panel.model)


def test_ranking_model_with_a_missing_total(qtmodeltester, qapp):
    model = RankingModel()
    model.set_results(["a", "b", "c"], np.array([0.2, np.nan, 0.7]),
                      np.array([2.0, np.nan, 1.0]), np.array([np.nan, np.nan, 0.5]))
    qtmodeltester.check(model)
    assert [model.index(r, 1).data() for r in range(3)] == ["c", "a", "b"]
    assert model.index(2, 0).data() == "—"


def test_ranking_order_puts_missing_totals_last():
    assert ranking_order(np.array([0.1, np.nan, 0.9, 0.5])) == [2, 3, 0, 1]

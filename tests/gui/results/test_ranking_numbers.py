"""The ranking table's numbers: never "-0.000" for a score the ranking counts as zero."""

from __future__ import annotations

import numpy as np

from tradeoff.gui.results.results_model import RankingModel


def test_a_score_left_a_hair_below_zero_reads_0(qtmodeltester):
    model = RankingModel()
    totals = np.array([0.5, -1.3877787807814457e-17, -0.5])  # net flows summing to zero
    model.set_results(["A", "B", "C"], totals, np.array([1.0, 2.0, 3.0]),
                      np.array([0.5, 0.5, np.nan]))
    qtmodeltester.check(model)
    assert [model.index(r, 2).data() for r in range(3)] == ["0.500", "0.000", "-0.500"]

"""The Monte Carlo panel: runs off the GUI thread, reports progress, can be cancelled."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QThread, QTimer

from factories import small_matrix
from robustness_factories import numeric_matrix, random_matrix
from tradeoff.core.smaa import run_smaa
from tradeoff.gui.robustness.smaa import PROGRESS_STEPS, SmaaPanel


def _panel(qtbot, matrix, profile_id=None, **controls):
    panel = SmaaPanel(matrix, profile_id)
    qtbot.addWidget(panel)
    for name, value in controls.items():
        widget = getattr(panel, name)
        if hasattr(widget, "findData"):
            widget.setCurrentIndex(widget.findData(value))
        else:
            widget.setValue(value)
    return panel


def test_run_completes_with_the_same_numbers_as_the_core(qtbot, qtmodeltester):
    panel = _panel(qtbot, small_matrix(), "even", samples=3000, seed=7, mode="uniform")
    panel.show()
    expected = run_smaa(small_matrix(), panel.settings())
    with qtbot.waitSignal(panel.result_ready, timeout=20_000) as blocker:
        panel.run_button.click()
    result = blocker.args[0]
    np.testing.assert_array_equal(result.rank_acceptability, expected.rank_acceptability)
    assert panel.progress_bar.value() == PROGRESS_STEPS
    assert panel.run_button.isEnabled() and not panel.cancel_button.isEnabled()
    qtmodeltester.check(panel.table_model)
    assert panel.table_model.rowCount() == 3
    assert panel.table_model.index(0, 0).data() == "Alpha"
    # Stacked bars: one segment per rank, and each option's bar adds up to 100 %.
    widths = np.array([[bar.get_width() for bar in segment] for segment in panel.chart.segments])
    assert widths.shape == (3, 3)
    assert widths.sum(axis=0) == pytest.approx(np.ones(3))
    assert "3,000 draws, seed 7, weights uniform" in panel.status.text()


def test_the_window_stays_responsive_and_cancel_stops_the_run(qtbot):
    m = random_matrix(np.random.default_rng(0), n=20, m=8, ranged=0.8)
    panel = _panel(qtbot, m, samples=5_000_000, mode="uniform")
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    panel.run_button.click()
    assert panel.running and panel.cancel_button.isEnabled() and not panel.run_button.isEnabled()
    assert panel._thread is not QThread.currentThread()
    qtbot.waitUntil(lambda: panel.progress_bar.value() > 0, timeout=20_000)
    before = len(ticks)
    qtbot.wait(200)
    assert len(ticks) - before >= 5  # the GUI thread kept turning while the draws ran
    assert panel.running
    panel.cancel_button.click()
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
    timer.stop()
    assert panel.result is None
    assert panel.status.text().startswith("Cancelled")
    assert panel.run_button.isEnabled() and panel.progress_bar.value() == 0


def test_closing_the_panel_mid_run_stops_the_thread(qtbot):
    m = random_matrix(np.random.default_rng(1), n=20, m=8, ranged=0.8)
    panel = _panel(qtbot, m, samples=5_000_000, mode="uniform")
    panel.run_button.click()
    qtbot.waitUntil(lambda: panel.progress_bar.value() > 0, timeout=20_000)
    thread = panel._thread
    panel.close()
    assert not panel.running and thread.isFinished()


@pytest.mark.parametrize("mode", ["profile", "profiles", "ranking"])
def test_every_weight_mode_runs(qtbot, mode):
    panel = _panel(qtbot, small_matrix(), "quality", samples=1000, mode=mode)
    with qtbot.waitSignal(panel.result_ready, timeout=20_000) as blocker:
        panel.start()
    assert blocker.args[0].weight_mode == mode
    assert panel.spread.isEnabled() == (mode in ("profile", "profiles"))


def test_a_matrix_it_cannot_rank_reports_why(qtbot):
    m = small_matrix()
    for cid in ("price", "speed"):
        del m.scores[("a", cid)]
        del m.scores[("b", cid)]
    panel = _panel(qtbot, m, samples=500)
    panel.start()
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
    assert "at least two options with every score" in panel.status.text()
    assert panel.result is None


def test_edits_after_run_starts_do_not_reach_the_running_copy(qtbot):
    m = small_matrix()
    panel = _panel(qtbot, m, "even", samples=2000, spread=0.0)
    with qtbot.waitSignal(panel.result_ready, timeout=20_000) as blocker:
        panel.start()
        m.options[0].name = "Renamed"  # the run works on the copy taken at Run
    assert panel.table_model.index(0, 0).data() == "Alpha"
    assert blocker.args[0].rank_acceptability[2, 0] == 1.0  # Gamma, as scored under Even


def test_bounds_mode_draws_weights_within_the_typed_bounds(qtbot):
    panel = _panel(qtbot, small_matrix(), "even", samples=2000, seed=3, mode="bounds")
    panel.show()
    assert panel.bounds.isVisible() and panel.bounds.rowCount() == 3
    panel.bounds.set_bound("price", "60", "")
    panel.bounds.set_bound("risk", "", "10 %")
    settings = panel.settings()
    assert settings.weights.mode == "bounds"
    np.testing.assert_allclose(settings.weights.lower, [0.6, 0, 0])
    np.testing.assert_allclose(settings.weights.upper, [1, 1, 0.1])
    with qtbot.waitSignal(panel.result_ready, timeout=20_000) as blocker:
        panel.start()
    result = blocker.args[0]
    assert result.weight_mode == "bounds"
    assert result.weight_bounds == {"price": (0.6, 1.0), "risk": (0.0, 0.1)}
    firsts = ~np.isnan(result.central_weights[:, 0])
    assert (result.central_weights[firsts, 0] >= 0.6).all()
    assert (result.central_weights[firsts, 2] <= 0.1).all()
    # Typed bounds survive a change of matrix; other modes hide the table.
    panel.set_matrix(small_matrix(), "even")
    assert panel.bounds.item(0, 1).text() == "60"
    panel.mode.setCurrentIndex(panel.mode.findData("uniform"))
    assert not panel.bounds.isVisible()


@pytest.mark.parametrize(("low", "high", "message"), [
    ("", "", "type a min % or max % for at least one criterion"),
    ("lots", "", "Min % of Price: 'lots' is not a percentage"),
    ("80", "20", "the weight bounds of Price must satisfy"),
])
def test_bad_bounds_say_what_and_where(qtbot, low, high, message):
    panel = _panel(qtbot, small_matrix(), "even", samples=500, mode="bounds")
    panel.bounds.set_bound("price", low, high)
    panel.start()
    assert not panel.running
    assert panel.status.text().startswith("Cannot run:") and message in panel.status.text()


def test_the_published_benefit_risk_analysis_from_the_panel(qtbot):
    # Tervonen et al. (2010), SOM Research Report 10001 (see tests/core/test_smaa_published.py):
    # with no preference information Venlafaxine is best in 0.39 of draws, Paroxetine in
    # 0.25, Fluoxetine in 0.20 and Sertraline in 0.17.
    from tradeoff.io.matrix_file import load_matrix
    from tradeoff.paths import matrices_dir
    m = load_matrix(matrices_dir() / "antidepressants-benefit-risk.toml")
    panel = _panel(qtbot, m, samples=40_000, seed=5, mode="uniform")
    with qtbot.waitSignal(panel.result_ready, timeout=30_000) as blocker:
        panel.run_button.click()
    result = blocker.args[0]
    best = dict(zip(result.options, result.probability_best, strict=True))
    assert best == pytest.approx({"fluoxetine": 0.20, "paroxetine": 0.25, "sertraline": 0.17,
                                  "venlafaxine": 0.39}, abs=0.02)
    assert "normal (20 cells), lognormal (3 cells)" in panel.status.text()


def test_a_seed_past_2_31_is_taken_as_typed(qtbot):
    """The command line takes any seed; one copied from its report into the panel must
    give the report's numbers, not lose its last digit to a spin box's ceiling."""
    from PySide6.QtCore import Qt

    panel = _panel(qtbot, small_matrix(), "even", samples=2000, mode="uniform")
    panel.show()
    panel.seed.selectAll()
    qtbot.keyClicks(panel.seed, "3000000000")
    qtbot.keyClick(panel.seed, Qt.Key.Key_Tab)
    assert panel.seed.value() == 3_000_000_000 and panel.seed.text() == "3000000000"
    expected = run_smaa(small_matrix(), panel.settings())
    assert expected.seed == 3_000_000_000
    with qtbot.waitSignal(panel.result_ready, timeout=20_000) as blocker:
        panel.run_button.click()
    np.testing.assert_array_equal(blocker.args[0].rank_acceptability,
                                  expected.rank_acceptability)
    assert "seed 3000000000" in panel.status.text()
    # Emptied and left, the box shows the seed it still holds.
    panel.seed.selectAll()
    qtbot.keyClick(panel.seed, Qt.Key.Key_Delete)
    assert panel.seed.value() == 3_000_000_000
    panel.seed.editingFinished.emit()
    assert panel.seed.text() == "3000000000"


def test_a_share_of_draws_reads_100_or_0_percent_only_when_it_is(qtbot):
    # O0 comes first in nearly every draw around the profile, not in all; O2 in none
    matrix = numeric_matrix([[9, 1], [1, 9], [4, 4]], [0.5833, 0.4167])
    panel = _panel(qtbot, matrix, samples=10_000, seed=1)
    expected = run_smaa(matrix, panel.settings()).rank_acceptability[:, 0]
    assert 0.99 < expected[0] < 1 and 0 < expected[1] < 0.01 and expected[2] == 0
    with qtbot.waitSignal(panel.result_ready, timeout=20_000):
        panel.run_button.click()
    model = panel.table_model
    assert [model.index(row, 0).data() for row in range(3)] == ["O0", "O1", "O2"]
    first = [model.index(row, 1).data() for row in range(3)]
    assert first[0] != "100.0%" and first[1] != "0.0%" and first[2] == "0.0%", first
    shown = [float(text.removesuffix("%")) / 100 for text in first]
    assert shown == pytest.approx(expected.tolist(), abs=5e-5)

"""Weights drive the ranking table and the chart live, as the core predicts."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from tradeoff.core.scoring import score
from tradeoff.io.matrix_file import dumps


def row_for(panel, node_id):
    return next(r for r in panel.rows if r.node_id == node_id)


def table_totals(window) -> dict[str, float]:
    model = window.results_panel.model
    return {model.index(r, 1).data(): float(model.index(r, 2).data())
            for r in range(model.rowCount())}


def table_order(window) -> list[str]:
    model = window.results_panel.model
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def test_initial_ranking_matches_hand_computed_totals(window):
    # small_matrix under "Even": Alpha 0.6·0.5 + 0.6·0.25 + (2/3)·0.25 = 0.6167,
    # Beta 0.8·0.5 + 0.3·0.25 + (1/3)·0.25 = 0.5583, Gamma 0.3·0.5 + 0.9·0.25 + 1·0.25 = 0.625
    assert table_order(window) == ["Gamma", "Alpha", "Beta"]
    assert table_totals(window) == pytest.approx(
        {"Alpha": 0.617, "Beta": 0.558, "Gamma": 0.625}, abs=1e-3)


def test_slider_drag_updates_ranking_and_chart_in_one_undo_step(qtbot, window):
    window.results_panel.show_chart()
    doc = window.document
    before = dumps(doc.matrix)
    count = doc.undo_stack.count()
    slider = row_for(window.weights_panel, "money").slider
    slider.sliderPressed.emit()
    for position in range(slider.value(), slider.value() + 400, 50):
        slider.setValue(position)  # what a drag does, step by step
    slider.sliderReleased.emit()
    raw = doc.matrix.profile().weights["money"]
    assert raw == pytest.approx(slider.value() * window.weights_panel.scale / 1000, abs=0.05)
    assert doc.undo_stack.count() == count + 1  # the whole drag is one step
    expected = score(doc.matrix)
    assert table_totals(window) == pytest.approx(
        {doc.matrix.option(o).name: t for o, t in expected.totals.items()}, abs=5e-4)
    # Money now outweighs quality, so cheap Beta (price 20) overtakes Gamma.
    assert table_order(window)[0] == "Beta"
    widths = window.results_panel.chart.bar_widths()
    assert np.allclose(widths, expected.contributions().to_numpy())
    doc.undo_stack.undo()
    assert dumps(doc.matrix) == before
    assert table_order(window) == ["Gamma", "Alpha", "Beta"]
    assert np.allclose(window.results_panel.chart.bar_widths(),
                       score(doc.matrix).contributions().to_numpy())


def test_separate_drags_are_separate_steps(window):
    doc = window.document
    slider = row_for(window.weights_panel, "speed").slider
    count = doc.undo_stack.count()
    for target in (300, 500):
        slider.sliderPressed.emit()
        slider.setValue(target)
        slider.sliderReleased.emit()
    assert doc.undo_stack.count() == count + 2


def test_keyboard_on_a_slider_changes_the_weight(qtbot, window):
    slider = row_for(window.weights_panel, "speed").slider
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)
    assert window.document.matrix.profile().weights["speed"] > 1.0


def test_spin_box_sets_raw_points_and_percentages_follow(qtbot, window):
    row = row_for(window.weights_panel, "speed")
    row.spin.setValue(3.0)
    assert window.document.matrix.profile().weights["speed"] == 3.0
    # speed 3 : risk 1 inside quality (half the total): 37.5 % and 12.5 %
    assert row.percent.text() == "37.5 %"
    assert row_for(window.weights_panel, "risk").percent.text() == "12.5 %"


def test_profile_switch_changes_the_ranking(window):
    panel = window.weights_panel
    index = panel.profile_combo.findData("quality")
    panel.profile_combo.setCurrentIndex(index)
    panel.profile_combo.activated.emit(index)
    m = window.document.matrix
    assert m.active_profile == "quality"
    expected = score(m, "quality")
    assert table_totals(window) == pytest.approx(
        {m.option(o).name: t for o, t in expected.totals.items()}, abs=5e-4)
    assert row_for(panel, "quality").spin.value() == 3.0
    window.document.undo_stack.undo()
    assert m.active_profile == "even"
    assert panel.profile_combo.currentData() == "even"


def test_add_rename_duplicate_delete_profiles(window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    panel, m = window.weights_panel, window.document.matrix
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Cautious", True))
    panel.add_profile()
    assert m.profile().name == "Cautious"
    assert all(w == 1.0 for w in m.profile().weights.values())
    panel.duplicate_profile()
    assert m.profile().name == "Cautious (copy)"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Bold", True))
    panel.rename_profile()
    assert m.profile().name == "Bold"
    assert panel.profile_combo.currentText() == "Bold"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.delete_profile()
    assert [p.name for p in m.profiles] == ["Even", "Quality first", "Cautious"]
    window.document.undo_stack.undo()
    assert [p.name for p in m.profiles] == ["Even", "Quality first", "Cautious", "Bold"]


def test_all_zero_weights_say_why_there_is_no_ranking(window):
    for node in ("money", "quality"):
        row_for(window.weights_panel, node).spin.setValue(0.0)
    assert window.results_panel.model.rowCount() == 0
    assert window.results_panel.title.text().startswith("No ranking:")
    assert "zero" in window.results_panel.title.text()
    assert "zero" in window.weights_panel.status.text()


def test_points_show_the_decimals_they_need(window):
    from tradeoff.gui.document import commands
    doc, panel = window.document, window.weights_panel
    doc.push(commands.SetWeight(doc, "even", "speed", 0.0627))
    spin = row_for(panel, "speed").spin
    assert spin.value() == pytest.approx(0.0627) and spin.text() == "0.0627"
    assert row_for(panel, "risk").spin.text() == "1.0"  # typed points stay short
    spin.setValue(2.5)
    assert doc.matrix.profile("even").weights["speed"] == 2.5 and spin.text() == "2.5"


@pytest.mark.parametrize(("language", "typed", "shown"), [
    ("de_DE", "2,5", "2,5"), ("en_GB", "2.5", "2.5"), ("fr_FR", "1234,75", "1234,75")])
def test_points_read_back_in_the_users_locale(qtbot, language, typed, shown):
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QValidator

    from tradeoff.gui.weights.weights_panel import PointsSpinBox
    spin = PointsSpinBox()
    qtbot.addWidget(spin)
    spin.setLocale(QLocale(language))
    spin.setRange(0, 1e6)
    spin.setValue(float(typed.replace(",", ".")))
    assert spin.text() == shown
    assert spin.valueFromText(spin.text()) == pytest.approx(float(typed.replace(",", ".")))
    assert spin.validate(spin.text(), 0)[0] == QValidator.State.Acceptable
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), typed)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert spin.value() == pytest.approx(float(typed.replace(",", ".")))


def test_rename_profile_with_ok_alone_keeps_the_stored_name(window):
    """A name written in a file with spaces around it is not trimmed by OK alone."""
    from gui_helpers import when_modal

    panel, doc = window.weights_panel, window.document
    doc.matrix.profile().name = " Even "
    steps = doc.undo_stack.count()
    when_modal(lambda dialog: dialog.accept())
    panel.rename_profile()
    assert doc.matrix.profile().name == " Even " and doc.undo_stack.count() == steps
    when_modal(lambda dialog: (dialog.setTextValue("  Balanced "), dialog.accept()))
    panel.rename_profile()
    assert doc.matrix.profile().name == "Balanced"

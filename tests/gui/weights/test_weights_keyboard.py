"""The weight sliders by keyboard: each arrow press moves the weight, Tab reaches the first
slider without invisible stops, and undoing a profile switch gives the sliders that
profile's scale back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from factories import small_matrix
from tradeoff.gui.weights.weights_panel import SLIDER_STEPS
from tradeoff.gui.window.app import create_app
from tradeoff.gui.window.main_window import MainWindow
from tradeoff.io.matrix_file import save_matrix


@pytest.fixture
def two_scales(qtbot, tmp_path: Path):
    """Profile "even" weighs in ones, "quality" in hundreds."""
    m = small_matrix()
    m.profiles[1].weights = {k: v * 100 for k, v in m.profiles[1].weights.items()}
    path = tmp_path / "scales.toml"
    save_matrix(m, path, touch_modified=False)
    create_app()
    window = MainWindow(autosave_folder=tmp_path / "autosave")
    assert window.files.open_path(path, ask=False)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def _positions(panel) -> list[int]:
    return [row.slider.value() for row in panel.rows]


def test_undoing_a_profile_switch_gives_the_sliders_their_scale_back(two_scales):
    panel, doc = two_scales.weights_panel, two_scales.document
    before = _positions(panel)
    assert before == [SLIDER_STEPS // 10] * len(panel.rows)  # 1 point on a 0–10 scale
    panel.profile_combo.setCurrentIndex(1)
    panel.profile_combo.activated.emit(1)
    assert doc.active_profile_id() == "quality" and panel.scale == 500
    doc.undo_stack.undo()
    assert doc.active_profile_id() == "even"
    assert panel.scale == 10 and _positions(panel) == before
    doc.undo_stack.redo()
    assert panel.scale == 500


def test_the_first_arrow_press_moves_the_weight(two_scales):
    panel, doc = two_scales.weights_panel, two_scales.document
    row = panel.rows[0]
    row.slider.setFocus()
    QTest.keyClick(row.slider, Qt.Key.Key_Right)
    assert doc.active_profile().weights[row.node_id] == pytest.approx(1.1)
    QTest.keyClick(row.slider, Qt.Key.Key_Left)
    QTest.keyClick(row.slider, Qt.Key.Key_Left)
    assert doc.active_profile().weights[row.node_id] == pytest.approx(0.9)


def test_tab_reaches_the_first_slider_through_visible_controls_only(two_scales):
    panel = two_scales.weights_panel
    panel.profile_combo.setFocus()
    stops = []
    while QApplication.focusWidget() is not panel.rows[0].slider and len(stops) < 12:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    assert stops[-1] is panel.rows[0].slider, [type(w).__name__ for w in stops]
    for widget in stops:
        assert not isinstance(widget, QScrollArea) and type(widget) is not QWidget
        assert widget.isVisible() and widget.accessibleName(), widget

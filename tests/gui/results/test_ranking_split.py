"""The ranking table's first width follows the window's, so option names are not cut
to a few letters on a wide window; a split the user chose (or the settings restore)
is kept as the window changes size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt

from tradeoff.gui.common import settings
from tradeoff.gui.window import main_window
from tradeoff.gui.window.app import create_app
from tradeoff.gui.window.main_window import MainWindow

EXAMPLE = Path(__file__).resolve().parents[3] / "matrices" / "budapest-summit.toml"


def _window(qtbot, tmp_path: Path, monkeypatch, size: tuple[int, int],
            saved_split: QByteArray) -> MainWindow:
    monkeypatch.setattr(main_window, "first_start_size", lambda: size)
    create_app()
    for setting in (settings.GEOMETRY, settings.WINDOW_STATE):
        settings.write(setting, QByteArray())
    settings.write(settings.RESULTS_SPLITTER, saved_split)
    window = MainWindow(autosave_folder=tmp_path / "autosave")
    assert window.files.open_path(EXAMPLE, ask=False)
    window.show()
    qtbot.waitExposed(window)
    return window


def _close(window: MainWindow) -> None:
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def _names_cut_short(panel) -> list[str]:
    table, model = panel.table, panel.model
    room = table.columnWidth(1) - 2 * table.style().pixelMetric(
        table.style().PixelMetric.PM_FocusFrameHMargin) - 6
    names = [model.index(r, 1).data() for r in range(model.rowCount())]
    return [n for n in names if table.fontMetrics().horizontalAdvance(n) > room]


def test_a_wide_window_gives_the_names_room_and_a_narrow_one_the_chart(
        qtbot, tmp_path, monkeypatch):
    window = _window(qtbot, tmp_path, monkeypatch, (1600, 900), QByteArray())
    try:
        panel = window.results_panel
        qtbot.waitUntil(lambda: panel.model.rowCount() == 5)
        qtbot.waitUntil(lambda: panel.splitter.sizes()[0] >= 0.35 * panel.splitter.width())
        wide_table = panel.splitter.sizes()[0]
        # at most the longest names are cut, and the tooltip gives each name whole
        assert len(_names_cut_short(panel)) <= 2, _names_cut_short(panel)
        model = panel.model
        assert all(model.index(r, 1).data(Qt.ItemDataRole.ToolTipRole)
                   == model.index(r, 1).data() for r in range(model.rowCount()))
        window.resize(1000, 700)
        # the chart gets the larger part, down to the table's least width
        qtbot.waitUntil(lambda: panel.splitter.sizes()[0]
                        <= max(panel.table.minimumWidth(), 0.45 * panel.splitter.width()) + 1)
        assert panel.splitter.sizes()[0] < wide_table
    finally:
        _close(window)


def test_a_restored_split_is_kept_when_the_window_grows(qtbot, tmp_path, monkeypatch):
    first = _window(qtbot, tmp_path, monkeypatch, (1400, 900), QByteArray())
    try:
        splitter = first.results_panel.splitter
        total = sum(splitter.sizes())
        splitter.setSizes([260, total - 260])
        saved = splitter.saveState()
    finally:
        _close(first)
    window = _window(qtbot, tmp_path, monkeypatch, (1400, 900), saved)
    try:
        splitter = window.results_panel.splitter
        qtbot.waitUntil(lambda: splitter.width() > 0)
        assert abs(splitter.sizes()[0] - 260) <= 2
        window.resize(1600, 950)
        qtbot.waitUntil(lambda: splitter.width() > 1000)
        assert abs(splitter.sizes()[0] - 260) <= 2  # the chart took the new width
    finally:
        _close(window)

"""On a 1280 × 720 screen the first-start layout still shows several Monte Carlo rows
and more than four of the example's nine criteria in the grid."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray

from tradeoff.gui.common import settings
from tradeoff.gui.robustness.smaa import SmaaPanel
from tradeoff.gui.window import main_window
from tradeoff.gui.window.app import create_app
from tradeoff.gui.window.main_window import MainWindow

EXAMPLE = Path(__file__).resolve().parents[3] / "matrices" / "budapest-summit.toml"
SCREEN = (1280, 720)


def _fully_visible_columns(grid) -> int:
    width = grid.viewport().width()
    return sum(1 for c in range(grid.model().columnCount())
               if grid.columnViewportPosition(c) >= 0
               and grid.columnViewportPosition(c) + grid.columnWidth(c) <= width)


def test_monte_carlo_rows_and_grid_criteria_fit_at_1280_by_720(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(main_window, "first_start_size", lambda: SCREEN)
    create_app()
    settings.write(settings.GEOMETRY, QByteArray())
    settings.write(settings.WINDOW_STATE, QByteArray())
    window = MainWindow(autosave_folder=tmp_path / "autosave")
    try:
        assert window.files.open_path(EXAMPLE, ask=False)
        window.show()
        qtbot.waitExposed(window)
        window.install_features()
        assert window.size().toTuple() == SCREEN
        grid = window.grid
        assert grid.model().columnCount() == 9
        assert _fully_visible_columns(grid) > 4
        window.actions["monte_carlo"].trigger()
        panel = window.findChildren(SmaaPanel)[0]
        panel.samples.setValue(2000)
        panel.start()
        qtbot.waitUntil(lambda: not panel.running and panel.table.model().rowCount() > 1,
                        timeout=60_000)
        table = panel.table
        qtbot.waitUntil(lambda: table.isVisible())
        rows_shown = table.viewport().height() // table.rowHeight(0)
        assert rows_shown > 1, (table.viewport().height(), table.rowHeight(0))
        assert _fully_visible_columns(grid) > 4  # the dock's growth did not cost columns
    finally:
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()

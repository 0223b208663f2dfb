"""The real score grid painted many times shows what the matrix holds, and only that.

Hundreds of repaints over a 400 × 20 matrix (every role the delegate asks for,
scrolled across the whole grid) must leave the grid's pixels a function of its
data: painting a cell twice gives the same pixels, a changed score changes
that cell's pixels and no other cell's, and the text each cell shows is the
score formatted on its scale. A model that returned stale or wrong values
after heavy painting, or a delegate that painted a neighbour, fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from excel_cases import random_matrix
from tradeoff.gui.window.app import create_app
from tradeoff.gui.window.main_window import MainWindow
from tradeoff.io.matrix_file import save_matrix

ROWS, COLUMNS, REPAINTS = 400, 20, 300


@pytest.fixture
def big_window(qtbot, tmp_path: Path):
    path = tmp_path / "big.toml"
    save_matrix(random_matrix(ROWS, COLUMNS, seed=9), path, touch_modified=False)
    create_app()
    window = MainWindow(autosave_folder=tmp_path / "autosave")
    assert window.files.open_path(path, ask=False)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def _cell_image(view, row: int, col: int) -> QImage:
    view.viewport().repaint()
    rect: QRect = view.visualRect(view.model().index(row, col))
    return view.viewport().grab(rect.adjusted(1, 1, -1, -1)).toImage()


def test_heavy_painting_leaves_the_grid_a_faithful_picture_of_the_matrix(big_window):
    view, model = big_window.grid, big_window.grid.matrix_model
    m = big_window.document.matrix
    for i in range(REPAINTS):
        view.scrollTo(model.index((i * 37) % ROWS, (i * 7) % COLUMNS))
        view.viewport().repaint()
    view.scrollTo(model.index(0, 0))
    first = _cell_image(view, 1, 1)
    neighbour = _cell_image(view, 2, 1)
    assert _cell_image(view, 1, 1) == first  # the same data paints the same pixels
    for row in range(ROWS):
        for col in range(COLUMNS):
            c = m.criteria[col]
            assert model.index(row, col).data() == c.format_value(
                m.score(m.options[row].id, c.id).value)
    old = m.score(m.options[1].id, m.criteria[1].id).value
    assert model.setData(model.index(1, 1), "10" if old != 10 else "0")
    assert _cell_image(view, 1, 1) != first  # the edit shows at once
    assert _cell_image(view, 2, 1) == neighbour  # and only in its own cell
    big_window.document.undo_stack.undo()
    assert _cell_image(view, 1, 1) == first

"""The score grid on a long matrix: fitting the columns reads a sample of rows, not
a thousand per column, and still gives the widths the first rows ask for."""

from __future__ import annotations

import numpy as np

from robustness_factories import numeric_matrix
from tradeoff.gui.document import Document
from tradeoff.gui.grid.grid_view import FIT_ROWS, MatrixView
from tradeoff.gui.window.app import create_app


def _long_matrix(rows: int):
    rng = np.random.default_rng(11)
    scores = np.round(rng.uniform(0, 10, (rows, 3)), 1).tolist()
    scores[2][1] = 1234567.25  # one long value near the top widens its column
    return numeric_matrix(scores, [1.0, 2.0, 3.0], scale=(0, 2_000_000))


def test_fitting_the_columns_of_a_long_matrix_reads_a_sample_of_rows(qtbot):
    create_app()
    doc = Document(_long_matrix(3_000))
    view = MatrixView(doc)
    qtbot.addWidget(view)
    reads = []
    real_view = doc.view
    doc.view = lambda: reads.append(1) or real_view()  # data() asks for it once per call
    view.fit_columns()
    doc.view = real_view
    # Qt asks about each cell for about eight roles; a thousand rows per column (Qt's
    # default) would be 24,000 questions here.
    assert 0 < len(reads) <= FIT_ROWS * 3 * 10


def test_a_long_matrix_gets_the_column_widths_of_its_first_rows(qtbot):
    create_app()
    long_view = MatrixView(Document(_long_matrix(3_000)))
    short_view = MatrixView(Document(_long_matrix(FIT_ROWS)))
    qtbot.addWidget(long_view)
    qtbot.addWidget(short_view)
    long_view.fit_columns()
    short_view.fit_columns()
    widths = [long_view.columnWidth(c) for c in range(3)]
    assert widths == [short_view.columnWidth(c) for c in range(3)]
    assert widths[1] > widths[0]  # the long value was seen

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
    scores[2][1] = 1234567890.25  # one long value near the top widens its column
    return numeric_matrix(scores, [1.0, 2.0, 3.0], scale=(0, 2_000_000_000))


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


def _mixed_matrix():
    """Every kind of cell the grid shows: ints, floats, big and small numbers, level
    names, an unknown level, ranges, reasons, a source alone, empty and absent cells."""
    from factories import small_matrix
    from tradeoff.core.model import Option, Score

    m = small_matrix()
    m.options.append(Option("d", "Delta"))
    m.options.append(Option("e", "Epsilon"))
    m.scores[("a", "price")] = Score(40)  # a bare int
    m.scores[("b", "price")] = Score(20.5, 18, 22)  # a range
    m.scores[("c", "price")] = Score(1234567.0)  # printed in short form
    m.scores[("d", "price")] = Score(-0.0)
    m.scores[("d", "speed")] = Score(1.0, source="a source, no reason")
    m.scores[("d", "risk")] = Score("unheard of")  # not one of the levels
    m.scores[("e", "price")] = Score()  # a cell with nothing in it
    m.scores[("e", "speed")] = Score(0.1 + 0.2)  # all its digits matter to format_value
    return m  # ("e", "risk") has no cell at all


def test_every_cell_reads_as_its_score_says(qtbot):
    """The grid answers the common roles from the document's arrays: what it shows
    must be what the cell's Score object says."""
    from PySide6.QtCore import Qt

    from tradeoff.gui.grid.matrix_model import NOTE_ROLE

    create_app()
    doc = Document(_mixed_matrix())
    view = MatrixView(doc)
    qtbot.addWidget(view)
    model, m = view.matrix_model, doc.matrix
    for r, option in enumerate(m.options):
        for c, criterion in enumerate(m.criteria):
            score = m.scores.get((option.id, criterion.id))
            index = model.index(r, c)
            shown = criterion.format_value(score.value) if score is not None else ""
            assert model.data(index, Qt.ItemDataRole.DisplayRole) == shown, (option, criterion)
            noted = score is not None and (score.has_range or bool(score.rationale))
            assert model.data(index, NOTE_ROLE) == noted, (option.id, criterion.id)
    assert model.data(model.index(2, 0), Qt.ItemDataRole.DisplayRole) == "1234567 k€"
    assert model.data(model.index(4, 1), Qt.ItemDataRole.DisplayRole) == "0.3"


def test_the_grid_follows_an_edit_and_an_undo_of_a_bare_value(qtbot):
    from PySide6.QtCore import Qt

    from tradeoff.core.model import Score
    from tradeoff.gui.document.commands import SetScore
    from tradeoff.gui.grid.matrix_model import NOTE_ROLE

    create_app()
    doc = Document(_mixed_matrix())
    view = MatrixView(doc)
    qtbot.addWidget(view)
    model = view.matrix_model
    index = model.index(0, 0)  # Alpha's bare 40
    assert model.data(index, NOTE_ROLE) is False
    doc.push(SetScore(doc, "a", "price", Score(60, 55, 70), "Score Alpha on Price"))
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "60 k€"
    assert model.data(index, NOTE_ROLE) is True  # now it has a range
    doc.undo_stack.undo()
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "40 k€"
    assert model.data(index, NOTE_ROLE) is False
    assert model.setData(index, "45")  # typed in the grid
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "45 k€"
    doc.undo_stack.clear()


def test_repainting_a_grid_of_bare_values_builds_no_score_objects(qtbot, monkeypatch):
    from tradeoff.core.score_store import ScoreStore

    create_app()
    doc = Document(_long_matrix(400))
    view = MatrixView(doc)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    built = []
    real = ScoreStore.__getitem__
    monkeypatch.setattr(ScoreStore, "__getitem__",
                        lambda self, key: built.append(key) or real(self, key))
    picture = view.viewport().grab()  # paints every cell in view, through the delegate
    assert not picture.isNull()
    assert built == [], len(built)

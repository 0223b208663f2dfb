"""The cell details panel edits a cell's range, rationale and source; the banner
states missing and out-of-scale scores, constant criteria and renormalised weights."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tradeoff.core.model import Score
from tradeoff.gui.document import commands
from tradeoff.gui.grid.matrix_model import NOTE_ROLE
from tradeoff.gui.window.messages import document_messages


def test_cell_panel_follows_the_current_cell(window):
    window.grid.select_cell(1, 0)
    panel = window.cell_panel
    assert "Beta" in panel.heading.text() and "Price" in panel.heading.text()
    assert panel.value.currentText() == "20"
    assert panel.rationale.toPlainText() == "b on price"


def test_edit_range_rationale_and_source_with_undo(window):
    window.grid.select_cell(0, 1)
    panel, m = window.cell_panel, window.document.matrix
    panel.low.setText("5")
    panel.high.setText("8")
    panel.rationale.setPlainText("Benchmarked twice")
    panel.source.setText("Lab report 3")
    panel.commit()
    assert m.score("a", "speed") == Score(6, 5, 8, "Benchmarked twice", "Lab report 3")
    assert window.grid.matrix_model.index(0, 1).data(NOTE_ROLE)  # the corner marker shows
    window.document.undo_stack.undo()
    assert m.score("a", "speed") == Score(6, rationale="a on speed", source="test")
    assert panel.low.text() == "" and panel.rationale.toPlainText() == "a on speed"


def test_cell_panel_refuses_an_inverted_range(window):
    window.grid.select_cell(0, 1)
    panel = window.cell_panel
    panel.low.setText("7")
    panel.commit()
    assert "low is above the value" in panel.error.text()
    assert window.document.matrix.score("a", "speed").low is None


def test_messages_name_missing_outside_and_constant(window):
    doc = window.document
    assert document_messages(doc) == [
        "Weights of “Even” add up to 2 points and are renormalised to 100 %."]
    doc.push(commands.SetScore(doc, "a", "speed", None))
    for option in ("a", "b", "c"):
        doc.push(commands.SetScore(doc, option, "risk", Score("high")))
    text = " ".join(document_messages(doc))
    assert "1 missing score(s)" in text and "Alpha / Speed" in text
    assert "Same score for every option" in text and "Risk" in text
    doc.matrix.scores[("b", "price")] = Score(150)  # as an older file might hold
    doc.push(commands.SetScore(doc, "c", "price", Score(70)))  # any edit refreshes the cache
    assert "outside the scale: Beta / Price" in " ".join(document_messages(doc))
    window.update_banner()
    assert "missing" in window.banner.text()


def test_cell_panel_sets_how_the_score_is_drawn_with_undo(window):
    window.grid.select_cell(0, 1)
    panel, m = window.cell_panel, window.document.matrix
    panel.low.setText("5")
    panel.high.setText("8")
    panel.commit()
    assert panel.distribution.currentData() is None  # the Monte Carlo's setting
    panel.distribution.setCurrentIndex(panel.distribution.findData("normal"))
    panel.distribution.activated.emit(panel.distribution.currentIndex())
    assert m.score("a", "speed").distribution == "normal"
    assert m.score("a", "speed").low == 5  # the rest of the cell is kept
    assert window.document.undo_stack.undoText().startswith("Edit details of Alpha")
    window.document.undo_stack.undo()
    assert m.score("a", "speed").distribution is None
    assert panel.distribution.currentData() is None


def test_cell_panel_refuses_a_lognormal_score_at_zero_and_on_levels(window, qtbot):
    panel, m = window.cell_panel, window.document.matrix
    window.grid.select_cell(0, 1)
    panel.value.setCurrentText("0")
    panel.distribution.setCurrentIndex(panel.distribution.findData("lognormal"))
    panel.commit()
    assert "log-normal distribution needs scores above 0" in panel.error.text()
    assert m.score("a", "speed").value == 6 and m.score("a", "speed").distribution is None
    window.grid.select_cell(0, 2)  # risk, a level scale: log-normal is not offered
    assert panel.error.text() == ""  # the refusal belonged to the other cell
    lognormal = panel.distribution.findData("lognormal")
    item = panel.distribution.model().item(lognormal)
    assert not item.isEnabled()
    panel.distribution.setFocus()
    for _ in range(6):  # the arrow keys skip it too
        qtbot.keyClick(panel.distribution, Qt.Key.Key_Down)
    assert panel.distribution.currentData() != "lognormal"
    window.grid.select_cell(0, 1)
    assert panel.distribution.model().item(lognormal).isEnabled()


def test_a_refused_distribution_is_reset_and_the_rest_of_the_cell_still_saves(window):
    panel, m = window.cell_panel, window.document.matrix
    window.grid.select_cell(0, 1)  # speed 6, no range
    panel.low.setText("6")
    panel.high.setText("8")
    panel.commit()
    panel.distribution.setCurrentIndex(panel.distribution.findData("normal"))
    panel.commit()
    assert "needs a low below and a high above the value" in panel.error.text()
    assert panel.distribution.currentData() is None  # back to what the cell holds
    panel.source.setText("Bench test, May")
    panel.commit()
    assert m.score("a", "speed").source == "Bench test, May"
    assert m.score("a", "speed").low == 6 and m.score("a", "speed").distribution is None


def test_clearing_a_value_clears_how_it_was_drawn(window):
    from tradeoff.gui.common.cell_values import with_value
    m = window.document.matrix
    old = Score(6, 5, 8, "r", "s", distribution="normal")
    cleared = with_value(m.criterion("speed"), old, None)
    assert cleared == Score(None, None, None, "r", "s", distribution=None)


def test_the_cell_tooltip_says_how_a_range_is_read(window):
    doc, model = window.document, window.grid.matrix_model
    doc.push(commands.SetScore(doc, "a", "speed", Score(6, 5, 8)))
    tip = model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "Range: 5 … 8" in tip and "95 %" not in tip
    doc.push(commands.SetScore(doc, "a", "speed", Score(6, 5, 7, distribution="normal")))
    tip = model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "Range: 5 … 7 (95 % interval of a normal)" in tip


def test_the_banner_is_a_quiet_note_for_renormalised_weights_and_a_warning_for_problems(window):
    from tradeoff.gui.window.main_window import BANNER_NOTE, BANNER_WARNING
    doc = window.document
    window.update_banner()
    assert window.banner.text().endswith("renormalised to 100 %.")
    assert window.banner_is_note and window.banner_frame.styleSheet() == BANNER_NOTE
    doc.push(commands.SetScore(doc, "a", "speed", None))  # a missing score is a problem
    window.update_banner()
    assert "missing" in window.banner.text()
    assert not window.banner_is_note and window.banner_frame.styleSheet() == BANNER_WARNING
    doc.undo_stack.undo()
    window.update_banner()
    assert window.banner_frame.styleSheet() == BANNER_NOTE

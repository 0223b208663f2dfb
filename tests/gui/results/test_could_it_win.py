"""Must-have thresholds in the app (criterion dialog, dimmed rows, ranking) and the
ranking's "Could it win?" column, on the small matrix (tests/factories.py):
Alpha 40 k€ / 6 / medium, Beta 20 k€ / 3 / high, Gamma 70 k€ / 9 / low."""

from __future__ import annotations

from gui_helpers import when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tradeoff.core.model import Score
from tradeoff.gui.document.commands import SetScore

FOREGROUND = Qt.ItemDataRole.ForegroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def ranking(window) -> dict[str, tuple[str, str | None, str]]:
    """Option → (rank, rank tooltip, Could it win?) as the results table shows them."""
    model = window.results_panel.model
    return {model.index(r, 1).data(): (model.index(r, 0).data(),
                                       model.index(r, 0).data(TOOLTIP),
                                       model.index(r, 4).data())
            for r in range(model.rowCount())}


def set_speed_threshold(window, text: str) -> str:
    """Type ``text`` as Speed's must-have in the criterion dialog; its problems, if any."""
    seen: dict[str, str] = {}

    def handle(dialog: QDialog) -> None:
        dialog.must_reach.setText(text)
        dialog._try_accept()
        seen["problems"] = dialog.problems.text()
        if dialog.isVisible():
            dialog.reject()

    window.grid.select_cell(0, 1)
    when_modal(handle)
    window.actions["edit_criterion"].trigger()
    return seen["problems"]


def test_a_threshold_screens_dims_and_unranks_in_one_undo_step(window, qtbot, qtmodeltester):
    doc, grid = window.document, window.grid.matrix_model
    steps = doc.undo_stack.count()
    assert set_speed_threshold(window, "5") == ""
    assert doc.matrix.criterion("speed").must_reach == 5
    assert doc.undo_stack.count() == steps + 1  # one undo step
    shown = ranking(window)
    assert shown["Beta"][0] == "—"
    assert shown["Beta"][1] == ("Screened out, not ranked: Beta scores 3 on Speed, below the "
                                "required 5")
    assert shown["Gamma"][0] == "1" and shown["Alpha"][0] == "2"
    assert grid.index(1, 0).data(FOREGROUND) is not None  # Beta's row is dimmed …
    assert grid.index(0, 0).data(FOREGROUND) is None  # … Alpha's is not
    assert "Screened out: Beta scores 3 on Speed" in grid.index(1, 2).data(TOOLTIP)
    assert "not ranked" in grid.headerData(1, Qt.Orientation.Vertical, TOOLTIP)
    qtmodeltester.check(window.results_panel.model)
    doc.undo_stack.undo()
    assert doc.matrix.criterion("speed").must_reach is None
    assert ranking(window)["Beta"][0] == "3" and grid.index(1, 0).data(FOREGROUND) is None
    doc.undo_stack.redo()
    assert ranking(window)["Beta"][0] == "—"
    # Clearing it in the dialog is one undo step too.
    assert set_speed_threshold(window, "") == ""
    assert doc.matrix.criterion("speed").must_reach is None
    assert doc.undo_stack.count() == steps + 2 and ranking(window)["Beta"][0] == "3"
    doc.undo_stack.undo()
    assert ranking(window)["Beta"][0] == "—"
    # Raising Beta's speed to 5 passes the threshold: ranked and no longer dimmed.
    doc.push(SetScore(doc, "b", "speed", Score(value=5)))
    assert ranking(window)["Beta"][0] != "—" and grid.index(1, 0).data(FOREGROUND) is None


def test_a_threshold_off_the_scale_is_refused_and_changes_nothing(window):
    steps = window.document.undo_stack.count()
    problems = set_speed_threshold(window, "11")
    assert "the must-have threshold: 11 is outside the scale of Speed (0 … 10)" in problems
    problems = set_speed_threshold(window, "lots")
    assert "the must-have threshold: 'lots' is not a number" in problems
    assert window.document.undo_stack.count() == steps
    assert window.document.matrix.criterion("speed").must_reach is None


def test_could_it_win_column_follows_edits(window, qtbot):
    panel = window.results_panel
    qtbot.waitUntil(lambda: len(panel.model.standing) == 3, timeout=5000)
    assert {name: s[2] for name, s in ranking(window).items()} == {
        "Alpha": "yes", "Beta": "yes", "Gamma": "yes"}
    assert panel.model.index(0, 4).data(TOOLTIP) == "It comes first under the current weights."
    tip = panel.model.index(1, 4).data(TOOLTIP)  # the runner-up: how far the weights must move
    assert tip.startswith("It comes first if ") and "% of the weight moves: " in tip
    # Beta at 70 k€ (values 0.3, 0.3, 1/3) is worse than Alpha (0.6, 0.6, 2/3) on every
    # criterion, and no better than Gamma (0.3, 0.9, 1) on any.
    doc = window.document
    doc.push(SetScore(doc, "b", "price", Score(value=70)))
    qtbot.waitUntil(lambda: ranking(window)["Beta"][2] == "never · dominated", timeout=5000)
    beta_row = next(r for r in range(panel.model.rowCount())
                if panel.model.index(r, 1).data() == "Beta")
    tip = panel.model.index(beta_row, 4).data(TOOLTIP)
    assert tip.startswith("Never first under any weights: Alpha scores higher under every "
                          "weighting; its best possible rank is 2.")
    assert "Dominated by Alpha, Gamma" in tip
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: ranking(window)["Beta"][2] == "yes", timeout=5000)


def test_screened_options_leave_the_crosscheck_and_the_monte_carlo(wired, qtbot):
    from dataclasses import replace

    from tradeoff.gui.document.commands import ReplaceCriterion
    from tradeoff.gui.results.crosscheck_view import CrossCheckView
    from tradeoff.gui.robustness.smaa import SmaaPanel

    doc = wired.document
    leverage = doc.matrix.criterion("leverage")
    lowest = min(doc.matrix.options, key=lambda o: doc.matrix.score(o.id, "leverage").value)
    floor = doc.matrix.score(lowest.id, "leverage").value + 1
    doc.push(ReplaceCriterion(doc, replace(leverage, must_reach=floor)))
    cross = wired.findChild(CrossCheckView)
    carlo = wired.findChild(SmaaPanel)

    def kept(view) -> set[str]:
        return {o.id for o in view.matrix.options} if view.matrix is not None else set()

    qtbot.waitUntil(lambda: lowest.id not in kept(cross) and len(kept(cross)) == 4,
                    timeout=5000)
    qtbot.waitUntil(lambda: lowest.id not in kept(carlo) and len(kept(carlo)) == 4,
                    timeout=5000)
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: lowest.id in kept(cross), timeout=5000)
    wired.raise_dock("Results")  # the layout saved on closing keeps Results in front


def test_dominated_options_are_marked_in_the_grid(window):
    doc, grid = window.document, window.grid.matrix_model
    vertical = Qt.Orientation.Vertical
    assert grid.headerData(1, vertical, Qt.ItemDataRole.FontRole) is None
    doc.push(SetScore(doc, "b", "price", Score(value=70)))  # Beta now dominated (see above)
    font = grid.headerData(1, vertical, Qt.ItemDataRole.FontRole)
    assert font is not None and font.italic()
    assert "Dominated by Alpha, Gamma" in grid.headerData(1, vertical, TOOLTIP)
    assert grid.headerData(0, vertical, Qt.ItemDataRole.FontRole) is None
    doc.undo_stack.undo()
    assert grid.headerData(1, vertical, Qt.ItemDataRole.FontRole) is None


def test_could_it_win_is_filled_for_a_matrix_just_opened(small_file, tmp_path, qtbot):
    """Not only after an edit: the column is worked out for the matrix the app starts on
    (created as run_app creates it) and for one opened later."""
    from tradeoff.gui.window.app import create_window

    window = create_window(str(small_file), tmp_path / "autosave")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.panels_built, timeout=5000)  # just after the first paint
    qtbot.waitUntil(lambda: all(verdict for _rank, _tip, verdict in ranking(window).values()),
                    timeout=5000)
    window.files.open_path(small_file, ask=False)
    qtbot.waitUntil(lambda: all(verdict for _rank, _tip, verdict in ranking(window).values()),
                    timeout=5000)
    window.document.undo_stack.setClean()

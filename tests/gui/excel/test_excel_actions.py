"""Export to Excel and Import run on a worker thread behind a progress dialog with Cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from excel_cases import random_matrix
from factories import small_matrix
from tradeoff.core.model import DecisionMatrix
from tradeoff.gui.excel.actions import PROGRESS_STEPS, ExcelActions
from tradeoff.io.excel.importer import import_matrix


def make_actions(qtbot, matrix: DecisionMatrix, **kwargs: object) -> tuple[QWidget, ExcelActions]:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    actions = ExcelActions(window, lambda: matrix, **kwargs)
    return window, actions


def test_the_actions_are_named_for_the_file_menu(qtbot):
    _window, actions = make_actions(qtbot, small_matrix())
    assert actions.export_action.text() == "Export to &Excel…"
    assert actions.import_action.text() == "&Import from Excel or CSV…"


def test_export_writes_the_workbook_in_the_background(qtbot, tmp_path):
    matrix = small_matrix()
    _window, actions = make_actions(qtbot, matrix, source_path=lambda: Path("small.toml"),
                                    profile_id=lambda: "quality")
    target = tmp_path / "small.xlsx"
    with qtbot.waitSignal(actions.exported, timeout=30_000) as done:
        runner = actions.export_to(target)
    assert done.args == [str(target)]
    assert not runner.thread.isRunning() and not runner.dialog.isVisible()
    back = import_matrix(target).matrix
    assert back.active_profile == "quality"
    back.active_profile = matrix.active_profile
    assert back == matrix


def test_a_big_export_shows_progress_and_the_window_stays_responsive(qtbot, tmp_path):
    _window, actions = make_actions(qtbot, random_matrix(4000, 30))
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    steps: list[int] = []
    with qtbot.waitSignal(actions.exported, timeout=120_000):
        runner = actions.export_to(tmp_path / "big.xlsx")
        runner.job.progress.connect(steps.append)
    timer.stop()
    assert steps == sorted(steps) and steps[-1] == PROGRESS_STEPS and len(steps) > 20
    assert len(ticks) > 10  # the GUI thread kept running its timers throughout
    assert (tmp_path / "big.xlsx").exists()


def test_cancel_stops_the_export_and_leaves_no_file(qtbot, tmp_path):
    _window, actions = make_actions(qtbot, random_matrix(20_000, 30))
    target = tmp_path / "cancelled.xlsx"
    runner = actions.export_to(target)
    qtbot.waitUntil(lambda: runner.dialog.value() > 0, timeout=60_000)
    assert runner.dialog.isVisible()
    cancel = runner.dialog.findChild(QPushButton)
    with qtbot.waitSignal(runner.cancelled, timeout=60_000):
        cancel.click()
    assert list(tmp_path.iterdir()) == []
    assert not runner.thread.isRunning()


def test_a_second_job_waits_for_the_first(qtbot, tmp_path):
    _window, actions = make_actions(qtbot, random_matrix(5000, 20))
    first = actions.export_to(tmp_path / "one.xlsx")
    assert actions.export_to(tmp_path / "two.xlsx") is None
    with qtbot.waitSignal(first.cancelled, timeout=60_000):
        actions.shutdown()
    assert not first.thread.isRunning()


def test_import_reports_the_matrix_and_its_notes(qtbot, tmp_path):
    source = tmp_path / "cars.csv"
    source.write_text("option,Range,Price\ndirection,,cost\nA,300,20\nB,450,35\n")
    _window, actions = make_actions(qtbot, small_matrix())
    with qtbot.waitSignal(actions.imported, timeout=30_000) as done:
        actions.import_from(source)
    result = done.args[0]
    assert [o.name for o in result.matrix.options] == ["A", "B"]
    assert result.warnings[-1] == "no 'weight' row: every criterion weighs the same"


def test_a_failed_import_says_which_cell_and_shows_a_message(qtbot, tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text("option,X,Y\nA,1,2\nB,3,abc\n")
    window, actions = make_actions(qtbot, small_matrix())
    with qtbot.waitSignal(actions.failed, timeout=30_000) as done:
        actions.import_from(source)
    assert done.args == [f"{source}: C3: 'abc' is not a number"]
    box = actions.message_box
    assert isinstance(box, QMessageBox) and box.isVisible() and box.parent() is window
    assert "C3: 'abc' is not a number" in box.text()
    box.close()


@pytest.mark.parametrize("breakage, message", [
    (lambda m: m.profiles.clear(), "nothing to export: the matrix has no weight profiles"),
    (lambda m: m.options.clear(), "nothing to export"),
])
def test_a_failed_export_reports_why(qtbot, tmp_path, breakage, message):
    matrix = small_matrix()
    breakage(matrix)
    _window, actions = make_actions(qtbot, matrix, show_messages=False)
    with qtbot.waitSignal(actions.failed, timeout=30_000) as done:
        actions.export_to(tmp_path / "x.xlsx")
    assert message in done.args[0]
    assert actions.message_box is None
    assert list(tmp_path.iterdir()) == []

"""Take the guide's screenshots from the real app, offscreen.

    python -m scripts.guide.screenshots [--quick] [--out DIR] [--only NAME ...]

Opens the main window on the Budapest example with every feature installed,
drives it to each state the guide shows (a weight moved, a cell selected, the
Monte Carlo run with its fixed seed…) and saves one PNG per state in
docs/images/. Settings go to a throwaway folder, the window has a fixed size
and the light palette, so a rerun changes a picture only when the app changes.
``--quick`` takes only the first picture (the tests run it).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "docs" / "images"
WINDOW_SIZE = (1400, 900)
ROBUSTNESS_HEIGHT = 460
SIDE_WIDTH, SIDE_HEIGHTS, RESULTS_HEIGHT = 460, (440, 300), 340  # the docks, in pixels
STEADY_INTERVAL_MS = 400  # two grabs this far apart must agree before a picture is kept
STEADY_TIMEOUT = 20.0


def _prepare_environment() -> Path:
    """Offscreen Qt and a scratch settings folder, before Qt is imported."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("MPLBACKEND", "Agg")
    scratch = Path(tempfile.mkdtemp(prefix="tradeoff-shots-"))
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    return scratch


def settle(ms: int = 300) -> None:
    """Let timers (debounced recomputes, chart layouts) fire and paint."""
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def open_window(scratch: Path):  # -> MainWindow (Qt types load only here)
    from PySide6.QtCore import QByteArray, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    from tradeoff.gui.common import settings
    from tradeoff.gui.window.app import create_app
    from tradeoff.gui.window.main_window import MainWindow
    from tradeoff.paths import example_path

    app = create_app()
    app.setCursorFlashTime(0)  # a text cursor that blinks would make pictures differ
    settings.write(settings.DARK_PALETTE, False)
    settings.write(settings.GEOMETRY, QByteArray())
    settings.write(settings.WINDOW_STATE, QByteArray())
    # the test-mode settings outlive a run: a split saved by an earlier window (a test's,
    # say) would otherwise decide how wide the ranking table is in the pictures
    settings.write(settings.RESULTS_SPLITTER, QByteArray())
    window = MainWindow(autosave_folder=scratch / "autosave")
    if not window.files.open_path(example_path(), ask=False):
        raise SystemExit("the example matrix did not open")
    window.resize(*WINDOW_SIZE)
    window.show()
    window.results_panel.show_chart()
    window.install_features()
    settle(800)
    pin_layout(window)
    return window


def pin_layout(window) -> None:
    """Dock sizes in pixels, so that no start-up timing can change the pictures' layout."""
    from PySide6.QtCore import Qt

    side = [window.docks["Weights"], window.docks["Cell details"]]
    window.resizeDocks(side, [SIDE_WIDTH] * 2, Qt.Orientation.Horizontal)
    window.resizeDocks(side, list(SIDE_HEIGHTS), Qt.Orientation.Vertical)
    window.resizeDocks([window.docks["Results"]], [RESULTS_HEIGHT], Qt.Orientation.Vertical)
    window.statusBar().clearMessage()  # a passing message would come and go between runs
    settle(500)


def steady_picture(widget, timeout: float = STEADY_TIMEOUT):
    """The widget's picture once two grabs a moment apart agree: charts, debounced
    recomputes and deferred views have caught up, however busy the machine is."""
    settle(300)
    picture = widget.grab().toImage()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        settle(STEADY_INTERVAL_MS)
        again = widget.grab().toImage()
        if again == picture:
            return again
        picture = again
    raise SystemExit(f"{widget.objectName() or type(widget).__name__} kept changing for "
                     f"{timeout:.0f} s")


def _save(widget, name: str, out: Path) -> Path:
    path = out / f"{name}.png"
    if not steady_picture(widget).save(str(path)):
        raise SystemExit(f"could not write {path}")
    return path


# -- the states the guide shows ------------------------------------------------------------
def shot_window(window, out: Path) -> Path:
    """The whole window as it first opens on the example."""
    return _save(window, "window", out)


def shot_grid(window, out: Path) -> Path:
    window.grid.select_cell(0, 0)
    return _save(window.grid, "grid", out)


def shot_cell_details(window, out: Path) -> Path:
    window.grid.select_cell(0, 1)  # Harder line × Escalation risk: a range and a rationale
    return _save(window.cell_panel, "cell-details", out)


def shot_weights(window, out: Path) -> Path:
    return _save(window.weights_panel, "weights", out)


def shot_criterion(window, out: Path) -> Path:
    """The criterion dialog (Matrix › Edit Criterion…) on a level scale: Escalation risk."""
    from tradeoff.gui.matrix.criterion_dialog import CriterionDialog

    matrix = window.document.matrix
    dialog = CriterionDialog(matrix, matrix.criterion("escalation-risk"), "Edit Criterion",
                             window)
    dialog.show()
    try:
        return _save(dialog, "criterion-dialog", out)
    finally:
        dialog.reject()
        dialog.deleteLater()
        settle()


def _dialog_shot(window, action: str, class_name: str, name: str, out: Path,
                 fill: Callable | None = None) -> Path:
    """Open a Weights dialog from its menu entry (``fill`` it in), picture it, cancel it."""
    from PySide6.QtWidgets import QDialog

    window.actions[action].trigger()
    settle(500)
    dialog = window.findChild(QDialog, class_name)
    if dialog is None:
        raise SystemExit(f"{action} opened no {class_name}")
    if fill is not None:
        fill(dialog)
    try:
        return _save(dialog, name, out)
    finally:
        dialog.reject()
        settle()


def shot_swing(window, out: Path) -> Path:
    return _dialog_shot(window, "swing_weights", "SwingDialog", "swing-weights", out)


# Illustrative judgements for the three top-level pairs, by the value each choice stands
# for: pressure 2× defence, pressure 3× diplomacy, defence 3× diplomacy (slightly
# inconsistent, so the consistency ratio shows).
AHP_JUDGEMENTS = (2.0, 3.0, 3.0)


def _judge(dialog) -> None:
    for combo, value in zip(dialog.pairs.values(), AHP_JUDGEMENTS, strict=False):
        combo.setCurrentIndex(combo.findData(value))
    settle(300)


def shot_ahp(window, out: Path) -> Path:
    return _dialog_shot(window, "ahp_weights", "AhpDialog", "ahp-weights", out, fill=_judge)


def shot_weight_moved(window, out: Path) -> Path:
    """Escalation risk weighed three times as heavily: the ranking follows."""
    panel = window.weights_panel
    row = next(r for r in panel.rows if r.node_id == "escalation-risk")
    profile = window.document.active_profile()
    panel.set_weight(row, 3 * profile.weights["escalation-risk"])
    settle(1500)  # the chart re-sorts its bars a moment after the last change
    path = _save(window, "weight-moved", out)
    window.document.undo_stack.undo()
    settle()
    return path


def _robustness(window, tab: str):
    from PySide6.QtCore import Qt

    from tradeoff.gui.robustness.panel import RobustnessPanel

    dock = window.raise_dock("Robustness")
    # Taller than at first start, so a table shows more than two rows.
    window.resizeDocks([dock], [ROBUSTNESS_HEIGHT], Qt.Orientation.Vertical)
    panel = window.findChild(RobustnessPanel, "robustness_panel")
    view = getattr(panel, tab)
    panel.setCurrentWidget(view)
    settle(600)
    return panel, view


def shot_sensitivity(window, out: Path) -> Path:
    panel, _ = _robustness(window, "sensitivity")
    return _save(panel, "sensitivity", out)


def shot_flips(window, out: Path) -> Path:
    panel, _ = _robustness(window, "flips")
    return _save(panel, "flips", out)


def shot_monte_carlo(window, out: Path) -> Path:
    panel, view = _robustness(window, "monte_carlo")
    view.start()
    deadline = time.monotonic() + 60
    while view.running and time.monotonic() < deadline:
        settle(100)
    if view.running:
        raise SystemExit("the Monte Carlo run did not finish within a minute")
    return _save(panel, "monte-carlo", out)


def shot_tornado(window, out: Path) -> Path:
    panel, _ = _robustness(window, "tornado")
    return _save(panel, "tornado", out)


def shot_stakeholders(window, out: Path) -> Path:
    panel, _ = _robustness(window, "stakeholders")
    return _save(panel, "stakeholders", out)


def shot_scenario_grid(window, out: Path) -> Path:
    """The window showing one scenario: its overridden scores in bold in the grid."""
    doc = window.document
    window.raise_dock("Results")
    scenario = doc.matrix.scenarios[-1]
    doc.select_scenario(scenario.id)
    settle(1500)  # the results and the chart follow
    try:
        return _save(window, "scenario-window", out)
    finally:
        doc.select_scenario(None)
        settle()


def shot_scenarios(window, out: Path) -> Path:
    """The Scenarios view: winners, regret and signposts."""
    from PySide6.QtCore import Qt

    dock = window.raise_dock("Scenarios")
    window.resizeDocks([dock], [ROBUSTNESS_HEIGHT], Qt.Orientation.Vertical)
    return _save(dock.widget(), "scenarios", out)


def shot_brief(window, out: Path) -> Path:
    """File › Export Brief…: the options beside the preview, once it is built."""
    from tradeoff.gui.brief.dialog import ExportBriefDialog

    window.actions["export_brief"].trigger()
    settle(300)
    dialog = window.findChild(ExportBriefDialog)
    if dialog is None:
        raise SystemExit("Export Brief opened no dialog")
    dialog.resize(1200, 760)
    deadline = time.monotonic() + 90
    while not dialog.preview.toPlainText().strip() and time.monotonic() < deadline:
        settle(200)
    try:
        return _save(dialog, "brief", out)
    finally:
        dialog.reject()
        settle()


SHOTS: dict[str, Callable] = {
    "window": shot_window, "grid": shot_grid, "cell-details": shot_cell_details,
    "criterion-dialog": shot_criterion, "weights": shot_weights,
    "weight-moved": shot_weight_moved, "scenario-window": shot_scenario_grid,
    "swing-weights": shot_swing,
    "ahp-weights": shot_ahp, "sensitivity": shot_sensitivity, "flips": shot_flips,
    "monte-carlo": shot_monte_carlo, "tornado": shot_tornado,
    "stakeholders": shot_stakeholders, "scenarios": shot_scenarios, "brief": shot_brief,
}


def take(names: list[str], out: Path) -> list[Path]:
    scratch = _prepare_environment()
    out.mkdir(parents=True, exist_ok=True)
    window = open_window(scratch)
    try:
        return [SHOTS[name](window, out) for name in names]
    finally:
        window.document.undo_stack.setClean()
        window.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="take only the first picture")
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder (default {OUT})")
    parser.add_argument("--only", nargs="+", choices=list(SHOTS), help="take these only")
    args = parser.parse_args(argv)
    names = args.only or (list(SHOTS)[:1] if args.quick else list(SHOTS))
    for path in take(names, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

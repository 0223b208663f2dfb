"""Every feature is reachable from the main window and does its job there.

The real window on the real example matrix, with the feature modules
installed as the app installs them after the first paint: File › Import and
Export to Excel, the Weights menu's elicitation dialogs, the Cross-check and
Robustness docks and their Analysis menu entries, the method selector of the
results panel, Help › About, and background work stopped when the window
closes.
"""

from __future__ import annotations

import copy
from pathlib import Path

import openpyxl
import pytest
from gui_helpers import when_modal
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QMessageBox

from app_process import run_app_code
from tradeoff import __version__
from tradeoff.core.methods.registry import MethodSettings, run_method
from tradeoff.core.preference_functions import PreferenceFunction
from tradeoff.core.scoring import score
from tradeoff.core.weights import normalised_weights
from tradeoff.gui.document.commands import ReplaceCriterion, SetActiveProfile, SetWeight
from tradeoff.gui.excel.actions import ExcelActions
from tradeoff.gui.weights.ahp_dialog import AhpDialog
from tradeoff.gui.weights.elicitation_dialogs import RankDialog, SwingDialog
from tradeoff.gui.window import main_window
from tradeoff.gui.window.about_dialog import AboutDialog
from tradeoff.gui.window.app import create_app
from tradeoff.gui.window.main_window import MainWindow
from tradeoff.io.excel.importer import import_matrix

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "matrices" / "budapest-summit.toml"
VERTICAL = Qt.Orientation.Vertical
HORIZONTAL = Qt.Orientation.Horizontal
PLAIN_CSV = ("option,Cost,Quality,Speed\n"
             "direction,cost,benefit,benefit\n"
             "Alpha,100,7,3\n"
             "Beta,80,5,4\n"
             "Gamma,120,9,2\n")


def texts(window: MainWindow, menu: str) -> list[str]:
    return [a.text().replace("&", "") for a in window.menu(menu).actions()]


def excel_of(window: MainWindow) -> ExcelActions:
    excel = window.findChild(ExcelActions, "excel_actions")
    assert excel is not None
    return excel


def choose_file(path: Path) -> None:
    """Answer the next file dialog with ``path``, as a user typing it in would."""
    def answer(dialog) -> None:
        dialog.selectFile(str(path))
        dialog.accept()
    when_modal(answer)


def shown_ranking(window: MainWindow) -> list[str]:
    model = window.results_panel.model
    return [model.data(model.index(r, 1)) for r in range(model.rowCount())]


# -- menus and docks ----------------------------------------------------------------------
def test_every_feature_has_its_menu_entries_and_docks(wired):
    file_actions = wired.menu("File").actions()
    at = file_actions.index(wired.file_export_separator)
    assert file_actions[at - 3:at] == [wired.actions["import_matrix"],
                                       wired.actions["export_excel"],
                                       wired.actions["export_brief"]]
    assert wired.actions["export_excel"].shortcut() == QKeySequence("Ctrl+E")
    assert texts(wired, "Weights")[-4:] == ["Swing Weights…", "Weights from a Ranking…",
                                            "AHP Pairwise Comparisons…",
                                            "Combine Participants…"]
    analysis = texts(wired, "Analysis")
    for entry in ["Cross-check Methods", "Weight Sensitivity", "Score Flips",
                  "Monte Carlo (SMAA-2)…", "Tornado", "Stakeholder Comparison", "Scenarios",
                  "Value for Money", "Portfolio Under a Budget"]:
        assert entry in analysis
    results = wired.docks["Results"]
    assert {d.windowTitle() for d in wired.tabifiedDockWidgets(results)} == {
        "Cross-check", "Robustness", "Scenarios", "Value for money", "Portfolio"}
    assert not results.visibleRegion().isEmpty()  # Results stays the tab in front
    view = texts(wired, "View")
    assert view.index("Robustness") < view.index("Dark Palette")  # toggles stay together
    seen: dict[str, str] = {}
    for name, action in wired.actions.items():
        for key in action.shortcuts():
            assert key.toString() not in seen, f"{key.toString()}: {seen.get(key.toString())}"
            seen[key.toString()] = name


# -- Excel ----------------------------------------------------------------------------------
def test_export_to_excel_from_the_file_menu_writes_the_workbook_of_the_active_profile(
        wired, qtbot, tmp_path):
    doc = wired.document
    doc.push(SetActiveProfile(doc, "kyiv"))
    target = tmp_path / "budapest.xlsx"
    choose_file(target)
    with qtbot.waitSignal(excel_of(wired).exported, timeout=60_000) as done:
        wired.actions["export_excel"].trigger()
    assert done.args == [str(target)]
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[:6] == ["Summary", "Scores", "Weights", "Values", "Scales", "Notes"]
    summary = [str(c.value) for row in book["Summary"].iter_rows() for c in row if c.value]
    assert any(EXAMPLE.name in text for text in summary)  # the source file is named
    assert [c.value for c in book["Scores"][1][1:]][:2] == [c.name for c in
                                                           doc.matrix.criteria[:2]]
    back = import_matrix(target).matrix
    assert back.active_profile == "kyiv"
    assert [o.name for o in back.options] == [o.name for o in doc.matrix.options]


def settings_rows(book, sheet: str) -> dict[str, object]:
    """First column → second column of a sheet (its settings and notes tables)."""
    return {str(row[0]): row[1] for row in book[sheet].iter_rows(values_only=True)
            if row and row[0] is not None and len(row) > 1}


def export_now(window: MainWindow, qtbot, target: Path):
    with qtbot.waitSignal(excel_of(window).exported, timeout=60_000):
        excel_of(window).export_to(target)
    return openpyxl.load_workbook(target)


def test_the_workbook_reports_the_analyses_the_window_shows(wired, qtbot, tmp_path):
    doc = wired.document
    monte_carlo = wired.docks["Robustness"].widget().monte_carlo
    monte_carlo.mode.setCurrentIndex(monte_carlo.mode.findData("uniform"))
    monte_carlo.samples.setValue(2000)
    monte_carlo.seed.setValue(77)
    with qtbot.waitSignal(monte_carlo.result_ready, timeout=30_000):
        monte_carlo.start()
    # TOPSIS's normalisation chosen beside the method selector is the cross-check's too.
    box = wired.results_panel.normalisation_box
    box.setCurrentIndex(box.findData("minmax"))
    book = export_now(wired, qtbot, tmp_path / "shown.xlsx")
    assert {"Methods", "Sensitivity", "Uncertainty"} <= set(book.sheetnames)
    run = settings_rows(book, "Uncertainty")
    assert (run["Draws"], run["Seed"], run["Weights drawn"], run["Spread"]) == (
        2000, 77, "uniform", "—")
    methods = list(book["Methods"].iter_rows(values_only=True))
    header = next(r for r in methods if r[0] == "Option")
    normalisation = next(r for r in methods if r[0] == "Normalisation")
    assert normalisation[header.index("TOPSIS")].startswith("min–max")
    # After an edit the run on screen describes another matrix: the export makes its own.
    doc.push(SetWeight(doc, doc.active_profile_id(), "leverage", 4.0))
    run = settings_rows(export_now(wired, qtbot, tmp_path / "edited.xlsx"), "Uncertainty")
    assert (run["Draws"], run["Seed"]) != (2000, 77)


def test_import_opens_a_csv_as_a_new_untitled_document_and_lists_its_notes(
        wired, qtbot, tmp_path):
    source = tmp_path / "plain.csv"
    source.write_text(PLAIN_CSV, encoding="utf-8")
    choose_file(source)
    with qtbot.waitSignal(excel_of(wired).imported, timeout=30_000):
        wired.actions["import_matrix"].trigger()
    doc = wired.document
    assert [o.name for o in doc.matrix.options] == ["Alpha", "Beta", "Gamma"]
    assert [c.name for c in doc.matrix.criteria] == ["Cost", "Quality", "Speed"]
    assert doc.path is None and doc.display_name() == "Untitled"
    assert doc.modified  # never saved: closing it asks first
    assert wired.windowTitle().startswith("Untitled")
    assert sorted(shown_ranking(wired)) == ["Alpha", "Beta", "Gamma"]
    box = wired.findChild(QMessageBox, "import_warnings")
    assert box is not None and box.isVisible()
    assert "taken from the data" in box.informativeText()
    box.accept()


def test_import_over_unsaved_changes_asks_and_cancel_keeps_the_document(
        wired, qtbot, tmp_path):
    source = tmp_path / "plain.csv"
    source.write_text(PLAIN_CSV, encoding="utf-8")
    doc = wired.document
    doc.push(SetWeight(doc, doc.active_profile_id(), "leverage", 3.0))
    before = copy.deepcopy(doc.matrix)
    asked: list[str] = []

    def cancel(box) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    when_modal(cancel)
    with qtbot.waitSignal(excel_of(wired).imported, timeout=30_000):
        excel_of(wired).import_from(source)
    assert asked and "unsaved changes" in asked[0]
    assert doc.matrix == before and doc.path == EXAMPLE.resolve() and doc.modified


# -- weight elicitation --------------------------------------------------------------------
def set_swing_points(dialog: SwingDialog) -> list[float]:
    points = [100, 50, 25]
    for item, value in zip(dialog.items, points, strict=True):
        dialog.findChild(QDoubleSpinBox, f"points_{item}").setValue(value)
    return [100 * p / sum(points) for p in points]


def keep_rank_order(_dialog: RankDialog) -> list[float]:
    # Rank-order centroid for three items (Barron & Barrett 1996): w_k = (1/n) Σ_{i≥k} 1/i.
    return [100 * (1 + 1 / 2 + 1 / 3) / 3, 100 * (1 / 2 + 1 / 3) / 3, 100 * (1 / 3) / 3]


def judge_all_equal(dialog: AhpDialog) -> list[float]:
    for combo in dialog.findChildren(QComboBox):
        if combo.objectName().startswith("pair_"):
            combo.setCurrentIndex(combo.findData(1.0))
    return [100 / 3] * 3


@pytest.mark.parametrize(("action", "dialog_class", "answer", "method", "shown"), [
    ("swing_weights", SwingDialog, set_swing_points, "swing", "swing weighting"),
    ("rank_weights", RankDialog, keep_rank_order, "roc", "rank-order centroid"),
    ("ahp_weights", AhpDialog, judge_all_equal, "ahp", "AHP pairwise comparisons"),
])
def test_elicitation_from_the_weights_menu_is_one_undo_step(
        wired, qtbot, action, dialog_class, answer, method, shown):
    doc = wired.document
    before = copy.deepcopy(doc.active_profile())
    steps = doc.undo_stack.count()
    wired.actions[action].trigger()
    dialog = wired.findChild(dialog_class)
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    assert dialog.level is None and len(dialog.items) == 3  # the three top-level groups
    expected = answer(dialog)
    items = list(dialog.items)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    profile = doc.active_profile()
    assert profile.method == method
    assert [profile.weights[k] for k in items] == pytest.approx(expected, abs=1e-4)
    assert doc.undo_stack.count() == steps + 1
    assert shown in wired.weights_panel.method_label.text()
    doc.undo_stack.undo()
    assert doc.active_profile() == before
    assert "points typed in" in wired.weights_panel.method_label.text()


def test_typing_a_weight_over_swing_weights_forgets_them_in_the_same_undo_step(wired, qtbot):
    doc = wired.document
    wired.actions["swing_weights"].trigger()
    dialog = wired.findChild(SwingDialog)
    set_swing_points(dialog)
    first = dialog.items[0]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    elicited = copy.deepcopy(doc.active_profile())
    assert "_root" in elicited.elicitation
    steps = doc.undo_stack.count()
    row = next(r for r in wired.weights_panel.rows if r.node_id == first)
    row.spin.setValue(42.0)
    row.spin.setValue(43.0)  # a run of steps on one spin box: still one undo step
    typed = doc.active_profile()
    assert typed.weights[first] == 43.0
    assert "_root" not in typed.elicitation and typed.method == "direct"
    assert doc.undo_stack.count() == steps + 1
    assert "points typed in" in wired.weights_panel.method_label.text()
    doc.undo_stack.undo()
    assert doc.active_profile() == elicited
    assert "swing" in wired.weights_panel.method_label.text()
    doc.undo_stack.redo()
    assert doc.active_profile().weights[first] == 43.0
    assert "_root" not in doc.active_profile().elicitation


# -- cross-check and method selector -------------------------------------------------------
def test_crosscheck_dock_shows_a_row_per_option_and_follows_edits(wired, qtbot, qtmodeltester):
    doc = wired.document
    wired.actions["crosscheck"].trigger()
    dock = wired.docks["Cross-check"]
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
    view = dock.widget()
    qtmodeltester.check(view.model)
    options = doc.matrix.options
    assert view.model.rowCount() == len(options) + 1  # and the Kendall's τ row
    assert [view.model.headerData(r, VERTICAL) for r in range(len(options))] == [
        o.name for o in options]
    winner_before = score(doc.matrix).ranking().index[0]
    doc.push(SetWeight(doc, doc.active_profile_id(), "leverage", 10.0))
    expected = score(doc.matrix).ranks
    assert expected.idxmin() != winner_before  # the edit changes the winner

    def additive_column() -> list[str]:
        return [view.model.data(view.model.index(r, 0)) for r in range(len(options))]

    qtbot.waitUntil(lambda: additive_column() == [str(int(expected[o.id])) for o in options],
                    timeout=3000)


def test_method_selector_shows_topsis_with_its_normalisation(wired, qtbot, qtmodeltester):
    doc, panel = wired.document, wired.results_panel
    assert panel.method == "wsm" and "Additive value model" in panel.title.text()
    panel.method_box.setCurrentIndex(panel.method_box.findData("topsis"))
    topsis = run_method("topsis", doc.matrix, None, MethodSettings(topsis_normalisation="vector"))
    assert shown_ranking(wired) == topsis.ranking()["option"].tolist()
    assert panel.model.headerData(2, HORIZONTAL) == "Closeness"
    assert "Method: TOPSIS" in panel.title.text() and "vector" in panel.title.text()
    assert panel.normalisation_box.isVisible()
    names = [o.name for o in doc.matrix.options]
    widths = panel.chart.bar_widths()[:, 0]
    assert widths == pytest.approx(topsis.totals.to_numpy())
    assert panel.chart.option_names == names
    qtmodeltester.check(panel.model)

    panel.normalisation_box.setCurrentIndex(panel.normalisation_box.findData("minmax"))
    minmax = run_method("topsis", doc.matrix, None, MethodSettings(topsis_normalisation="minmax"))
    assert "min–max" in panel.title.text()
    assert shown_ranking(wired) == minmax.ranking()["option"].tolist()

    panel.set_method("vikor")  # lower Q is better: the lowest Q heads the table
    vikor = run_method("vikor", doc.matrix)
    assert shown_ranking(wired)[0] == vikor.table.loc[vikor.totals.idxmin(), ("name", "")]
    assert not panel.normalisation_box.isVisible()

    doc.push(SetWeight(doc, doc.active_profile_id(), "leverage", 10.0))  # still live
    assert shown_ranking(wired) == run_method("vikor", doc.matrix).ranking()["option"].tolist()

    panel.set_method("wsm")
    assert panel.model.headerData(2, HORIZONTAL) == "Total"
    assert shown_ranking(wired) == score(doc.matrix).ranking()["option"].tolist()


# -- robustness --------------------------------------------------------------------------------
def test_robustness_dock_opens_on_the_asked_view_and_follows_a_weight_change(wired, qtbot):
    doc = wired.document
    dock = wired.docks["Robustness"]
    panel = dock.widget()
    wired.actions["sensitivity"].trigger()
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
    assert panel.currentWidget() is panel.sensitivity
    # Its chart is built now that it is on screen (not while it waited behind Results).
    qtbot.waitUntil(lambda: panel.sensitivity.chart.ready, timeout=3000)
    panel.sensitivity.select("leverage")
    row = next(r for r in wired.weights_panel.rows if r.node_id == "leverage")
    row.spin.setValue(5.0)
    expected = normalised_weights(doc.matrix, doc.active_profile())[0]
    qtbot.waitUntil(lambda: panel.sensitivity.current_sweep().current_weight
                    == pytest.approx(expected), timeout=3000)
    wired.actions["monte_carlo"].trigger()
    assert panel.currentWidget() is panel.monte_carlo
    wired.actions["stakeholders"].trigger()
    assert panel.currentWidget() is panel.stakeholders


def test_a_large_matrix_waits_for_recompute_instead_of_freezing_on_every_edit(
        wired, qtbot, monkeypatch):
    """Above the live limits the docks stop following edits and offer Recompute.

    The limits are lowered so that the example counts as large: the real large
    case (500 options take some 20 s of weight sweeps) is what the limits prevent.
    """
    from tradeoff.gui.results import crosscheck_view, results_panel
    from tradeoff.gui.robustness import panel as robustness_panel

    monkeypatch.setattr(robustness_panel, "LIVE_WORK_LIMIT", 10)
    monkeypatch.setattr(crosscheck_view, "LIVE_OPTION_LIMIT", 3)
    monkeypatch.setattr(results_panel, "PAIRWISE_LIVE_WORK", 3)
    doc = wired.document
    panel = wired.docks["Robustness"].widget()
    crosscheck = wired.docks["Cross-check"].widget()
    panel.sensitivity.select("leverage")
    shown_before = panel.sensitivity.current_sweep().current_weight
    column_before = crosscheck.current
    doc.push(SetWeight(doc, doc.active_profile_id(), "leverage", 10.0))
    qtbot.waitUntil(lambda: panel.out_of_date
                    and "out of date" in crosscheck.recompute_button.text(), timeout=3000)
    qtbot.wait(robustness_panel.REFRESH_DELAY_MS + 100)  # nothing recomputes by itself
    assert panel.sensitivity.current_sweep().current_weight == shown_before
    assert crosscheck.current is column_before
    expected = normalised_weights(doc.matrix, doc.active_profile())[0]
    qtbot.mouseClick(panel.recompute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.recomputing, timeout=30_000)  # worked out aside
    assert panel.sensitivity.current_sweep().current_weight == pytest.approx(expected)
    assert not panel.out_of_date and panel.recompute_button.isVisible()
    qtbot.mouseClick(crosscheck.recompute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not crosscheck.recomputing, timeout=30_000)  # worked out aside
    assert crosscheck.current is not column_before
    assert crosscheck.current.rank(score(doc.matrix).ranks.idxmin(), "wsm") == 1
    wired.results_panel.set_method("promethee")  # v-shapes: one sort per criterion, live
    assert wired.results_panel.model.rowCount() == len(doc.matrix.options)
    gaussian = copy.deepcopy(doc.matrix.criteria[0])
    gaussian.promethee = PreferenceFunction("gaussian", s=1.0)  # every pair, one by one
    doc.push(ReplaceCriterion(doc, gaussian))
    qtbot.waitUntil(lambda: "too slow to follow edits live"
                    in wired.results_panel.title.text(), timeout=3000)
    assert wired.results_panel.model.rowCount() == 0


def test_closing_the_window_stops_a_running_monte_carlo(wired, qtbot):
    monte_carlo = wired.docks["Robustness"].widget().monte_carlo
    monte_carlo.samples.setValue(5_000_000)  # seconds of work: still running at close
    monte_carlo.start()
    assert monte_carlo.running
    assert wired.close()
    assert not monte_carlo.running
    assert "Running" in monte_carlo.status.text()  # stopped, not finished


# -- about and start-up ------------------------------------------------------------------------
def test_help_about_opens_the_about_box(wired):
    shown = []

    def read_and_close(dialog) -> None:
        shown.append((type(dialog), dialog.title_label.text()))
        dialog.reject()

    when_modal(read_and_close)
    wired.actions["about"].trigger()
    assert shown and shown[0][0] is AboutDialog and __version__ in shown[0][1]


def test_the_app_names_its_desktop_entry_and_carries_its_icon(qapp):
    app = create_app()
    assert app.desktopFileName() == "org.tradeoff.Tradeoff"
    assert not app.windowIcon().pixmap(32, 32).isNull()


def test_quit_after_closes_the_app_by_itself(tmp_path):
    code = "import sys; from tradeoff.gui.window.app import run_app; sys.exit(run_app(sys.argv[1]))"
    done = run_app_code(code, tmp_path / "config", str(EXAMPLE), TRADEOFF_QUIT_AFTER_MS="1500",
                        XDG_DATA_HOME=str(tmp_path / "data"),
                        XDG_CACHE_HOME=str(tmp_path / "cache"))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "UserWarning" not in done.stderr  # e.g. a chart laid out before it had a size


def test_installing_the_features_loads_no_heavy_module(tmp_path):
    """openpyxl, matplotlib and scipy wait until an export, a chart or a dialog needs them.

    The window's delayed work (the "could it win?" column's linear programmes, run
    once edits pause) is stopped first: on a slow machine its timer falls due within
    the first processEvents, and what is checked here is the installing itself."""
    code = ("import sys\n"
            "from tradeoff.gui.window.app import create_app, create_window\n"
            "app = create_app()\n"
            "window = create_window(sys.argv[1], None)\n"
            "from PySide6.QtCore import QTimer\n"
            "def stop_timers():\n"
            "    for timer in window.findChildren(QTimer):\n"
            "        timer.stop()\n"
            "stop_timers()\n"
            "window.show()\n"
            "app.processEvents()\n"
            "installed = window.install_features()\n"
            "stop_timers()\n"
            "app.processEvents()\n"
            "heavy = sorted(m for m in ('openpyxl', 'matplotlib', 'scipy') if m in sys.modules)\n"
            "print(len(installed), ','.join(heavy) or 'none')\n")
    done = run_app_code(code, tmp_path / "config", str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(len(main_window.FEATURE_MODULES)), "none"]


# Modules the first painted window does without: the heavy libraries, the TOML
# fallback reader and the writer (a valid file is read by rtoml, nothing is saved),
# the scenario arithmetic (the example opens on its base case), the feature modules
# (installed after the first paint) and the dialogs (loaded when first opened).
NOT_BEFORE_FIRST_PAINT = (
    "openpyxl", "matplotlib", "scipy", "docx", "tomllib", "tomli_w",
    "tradeoff.core.scenarios", "tradeoff.core.methods.registry",
    *(f"tradeoff.gui.{name}" for name in main_window.FEATURE_MODULES),
    "tradeoff.gui.matrix.option_dialog", "tradeoff.gui.matrix.criterion_dialog",
    "tradeoff.gui.matrix.group_rename_dialog", "tradeoff.gui.window.about_dialog",
)
# Qt classes PySide6 sets up (with all their enums) only when first looked up: the
# dialogs (reached through tradeoff.gui.common.dialogs), and classes the app never
# uses, which PySide6 sets up all at once if it is asked to wrap a plain widget Qt
# made (see tradeoff.gui.grid.group_header.header_viewport).
QT_CLASSES_NOT_BEFORE_FIRST_PAINT = (
    "QMessageBox", "QFileDialog", "QInputDialog", "QDialogButtonBox",
    "QWizard", "QCalendarWidget", "QMdiArea",
)


def test_the_first_paint_loads_only_what_the_window_shows(tmp_path):
    """Start-up as the app and the start-up benchmark run it, up to the first paint."""
    code = ("import sys, time\n"
            "from tradeoff.gui.window.app import create_app, create_window\n"
            "app = create_app()\n"
            "window = create_window(sys.argv[1], None)\n"
            "window.show()\n"
            "deadline = time.monotonic() + 60\n"
            "while not window.painted and time.monotonic() < deadline:\n"
            "    app.processEvents()\n"
            "names, classes = sys.argv[2].split(','), sys.argv[3].split(',')\n"
            "from PySide6 import QtWidgets\n"
            "loaded = [n for n in names if n in sys.modules]\n"
            "loaded += [c for c in classes if c in vars(QtWidgets)]\n"
            "print(window.painted, ','.join(loaded) or 'none')\n")
    done = run_app_code(code, tmp_path / "config", str(EXAMPLE),
                        ",".join(NOT_BEFORE_FIRST_PAINT),
                        ",".join(QT_CLASSES_NOT_BEFORE_FIRST_PAINT))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "none"]


def test_promethee_in_the_results_panel_with_the_runs_preference_function(wired):
    from tradeoff.core.preference_functions import PreferenceFunction
    doc, panel = wired.document, wired.results_panel
    panel.set_method("promethee")
    assert panel.preference_box.isVisible() and not panel.normalisation_box.isVisible()
    assert panel.preference_label.isVisible() and not panel.normalisation_label.isVisible()
    default = run_method("promethee", doc.matrix)
    assert shown_ranking(wired) == default.ranking()["option"].tolist()
    panel.preference_box.setCurrentIndex(panel.preference_box.findData("usual"))
    usual = run_method("promethee", doc.matrix, None, MethodSettings(promethee_preferences={
        c.id: PreferenceFunction("usual") for c in doc.matrix.criteria}))
    assert shown_ranking(wired) == usual.ranking()["option"].tolist()
    assert usual.totals.to_numpy() != pytest.approx(default.totals.to_numpy())
    assert "usual" in panel.title.text()
    panel.set_method("topsis")
    assert not panel.preference_box.isVisible()

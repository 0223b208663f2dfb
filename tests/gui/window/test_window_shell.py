"""The window's shell: start-up file choice, settings, menus and docks for extensions,
shortcuts, the About box and keyboard focus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from tradeoff import __version__
from tradeoff.gui.common import settings
from tradeoff.gui.window.app import initial_file
from tradeoff.paths import example_path


def test_settings_live_under_the_test_organisation(qapp, tmp_path):
    store = settings.qsettings()
    assert store.organizationName() == settings.TEST_ORGANISATION
    assert store.format() == QSettings.Format.IniFormat
    # QStandardPaths test mode (conftest) moves the file away from the user's ~/.config.
    assert ".qttest" in store.fileName() or "tradeoff-test-config-" in store.fileName()


def test_settings_round_trip_with_types_and_defaults(qapp):
    settings.write(settings.RECENT_FILES, ["/one.toml"])
    assert settings.read(settings.RECENT_FILES) == ["/one.toml"]
    settings.write(settings.AUTOSAVE_SECONDS, "90")
    assert settings.read(settings.AUTOSAVE_SECONDS) == 90
    settings.write(settings.DARK_PALETTE, "false")
    assert settings.read(settings.DARK_PALETTE) is False
    for n in range(12):
        settings.add_recent_file(f"/file{n}.toml")
    recent = settings.read(settings.RECENT_FILES)
    assert len(recent) == settings.MAX_RECENT_FILES and recent[0] == "/file11.toml"


def test_first_start_opens_the_example_then_the_last_file(qapp, small_file):
    settings.write(settings.FIRST_START_DONE, False)
    assert initial_file(None) == example_path()
    settings.write(settings.LAST_FILE, str(small_file))
    assert initial_file(None) == small_file
    assert initial_file("/given.toml") == Path("/given.toml")
    settings.write(settings.LAST_FILE, "/gone/away.toml")
    assert initial_file(None) == example_path()


def test_menus_and_docks_for_extensions(window):
    analysis = window.menu("Analysis")
    assert analysis is window.menu("Analysis")
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "Matrix", "Weights", "Analysis", "View", "Help"]
    window.menu("Robustness")
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles.index("Robustness") == titles.index("Help") - 1
    dock = window.add_dock("Sensitivity", QLabel("test"), tabify_with="Results")
    assert "Sensitivity" in [a.text() for a in window.menu("View").actions()]
    assert window.docks["Sensitivity"] is dock
    file_actions = window.menu("File").actions()
    assert window.file_export_separator in file_actions


def test_document_signals_for_extensions(window, qtbot):
    with qtbot.waitSignals([window.document.changed, window.document.weights_changed]):
        window.weights_panel.rows[0].spin.setValue(4.0)


def test_shortcuts_are_set_and_unique(window):
    a = window.actions
    assert a["add_option"].shortcut() == QKeySequence("Ctrl+Shift+O")
    assert a["save"].shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert QKeySequence("Ctrl+Shift+Z") in a["redo"].shortcuts()
    seen: dict[str, str] = {}
    for name, action in a.items():
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text} is bound to both {seen[text]} and {name}"
            seen[text] = name


def test_about_names_the_version(window):
    from gui_helpers import when_modal

    from tradeoff.gui.window.about_dialog import AboutDialog

    shown = []

    def read_and_close(dialog):
        shown.append(dialog)
        shown.append(dialog.title_label.text())
        dialog.reject()

    when_modal(read_and_close)
    window.actions["about"].trigger()
    assert isinstance(shown[0], AboutDialog)
    assert __version__ in shown[1]


def test_focus_shortcuts_move_between_panels(window, qtbot):
    window.activateWindow()
    window.actions["focus_results"].trigger()
    assert window.results_panel.table.hasFocus() or \
        window.focusWidget() is window.results_panel.table
    window.actions["focus_grid"].trigger()
    assert window.focusWidget() is window.grid


def test_f2_edits_the_current_cell(window, qtbot):
    window.grid.select_cell(0, 1)
    window.grid.setFocus()
    qtbot.keyClick(window.grid, Qt.Key.Key_F2)
    assert window.grid.state() == window.grid.State.EditingState


def test_feature_modules_install_themselves(window, monkeypatch):
    import sys
    import types

    from tradeoff.gui.window import main_window

    feature = types.ModuleType("tradeoff.gui.feature_for_test")

    def install(w):
        w.menu("Analysis").addAction("Cross-check…")

    feature.install = install
    monkeypatch.setitem(sys.modules, "tradeoff.gui.feature_for_test", feature)
    monkeypatch.setattr(main_window, "FEATURE_MODULES", ("feature_for_test", "not_there"))
    assert window.install_features() == ["feature_for_test"]
    assert "Cross-check…" in [a.text() for a in window.menu("Analysis").actions()]


def test_create_window_on_a_file_and_on_a_bad_one(qapp, qtbot, small_file, tmp_path):
    from gui_helpers import when_modal

    from tradeoff.gui.window.app import create_window

    settings.write(settings.RECENT_FILES, [])
    window = create_window(str(small_file), tmp_path / "autosave")
    try:
        assert window.document.path == small_file.resolve()
        assert window.grid.currentIndex().row() == 0  # ready for typing
        assert settings.read(settings.RECENT_FILES) == []  # not before the first paint
        assert not window.panels_built  # nor the panels
        window.show()  # the recent-files list is written once the window is painted
        qtbot.waitUntil(lambda: settings.read(settings.RECENT_FILES)[:1]
                        == [str(small_file.resolve())])
        assert window.panels_built  # queued before it
        assert window.weights_panel.rows and window.results_panel.model.rowCount() == 3
        assert window.cell_panel.cell == (window.document.matrix.options[0].id,
                                          window.document.matrix.criteria[0].id)
    finally:
        window.close()
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 99\n", encoding="utf-8")
    seen = []
    when_modal(lambda box: (seen.append(box.informativeText()), box.accept()))
    window = create_window(str(bad), tmp_path / "autosave")
    try:
        assert "99" in seen[0]  # the validation message names the unsupported format
        assert window.document.path is None and window.document.matrix.options
    finally:
        window.close()


def test_work_waiting_for_the_first_paint_runs_after_it_in_order(qapp, qtbot, tmp_path):
    from tradeoff.gui.window.main_window import MainWindow

    window = MainWindow(autosave_folder=tmp_path / "autosave")
    ran: list[str] = []
    window.after_first_paint(lambda: ran.append("first"))
    window.after_first_paint(lambda: ran.append("second"))
    qapp.processEvents()
    assert ran == [] and not window.painted  # not shown yet: nothing painted
    window.show()
    qtbot.waitUntil(lambda: ran == ["first", "second"])
    assert window.painted
    window.after_first_paint(lambda: ran.append("late"))  # already painted: soon
    qtbot.waitUntil(lambda: ran[-1:] == ["late"])
    window.document.undo_stack.setClean()
    window.close()

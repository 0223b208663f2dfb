"""Help › About: version from the one source, the licence, notices for every shipped library."""

from __future__ import annotations

import importlib.metadata
import tomllib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

import tradeoff
from tradeoff.gui.window.about_dialog import AboutDialog, installed_version, notice_components

REPO = Path(__file__).resolve().parents[3]


def _dependency_names() -> list[str]:
    """Distribution names of the runtime dependencies declared in pyproject.toml."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = []
    for requirement in project["dependencies"]:
        name = requirement
        for stop in "<>=!~;[ ":
            name = name.split(stop)[0]
        names.append(name)
    return names


def _dialog(qtbot) -> AboutDialog:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    return dialog


def test_title_shows_the_package_version(qtbot):
    dialog = _dialog(qtbot)
    assert tradeoff.__version__ in dialog.title_label.text()
    assert "Tradeoff" in dialog.windowTitle()


def test_runtime_line_names_the_running_qt(qtbot):
    from PySide6.QtCore import qVersion

    dialog = _dialog(qtbot)
    assert f"Qt {qVersion()}" in dialog.runtime_label.text()


def test_licence_tab_holds_the_repository_licence_word_for_word(qtbot):
    dialog = _dialog(qtbot)
    licence = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert dialog.licence_view.toPlainText().strip() == licence.strip()
    assert dialog.licence_view.isReadOnly()


def test_bundled_licence_copy_matches_the_repository_licence():
    """resources/LICENSE.txt travels in wheels and bundles; it must not drift from LICENSE."""
    assert (REPO / "resources" / "LICENSE.txt").read_text(encoding="utf-8") == \
        (REPO / "LICENSE").read_text(encoding="utf-8")


def test_notices_cover_every_runtime_dependency_and_qt_under_the_lgpl(qtbot):
    dialog = _dialog(qtbot)
    shown = dialog.notices_view.toPlainText()
    listed = notice_components((REPO / "resources" / "NOTICES.md").read_text(encoding="utf-8"))
    for name in _dependency_names():
        assert name in listed, f"NOTICES.md has no section for {name}"
    assert "LGPLv3" in shown
    assert "download.qt.io" in shown
    assert "_internal/PySide6/Qt/lib/" in shown


def test_notice_links_open_in_the_browser(qtbot):
    dialog = _dialog(qtbot)
    assert dialog.notices_view.openExternalLinks()


def test_components_tab_shows_installed_versions(qtbot):
    dialog = _dialog(qtbot)
    cells = dialog.components_view.toPlainText().split()
    for name in ("pandas", "PySide6-Essentials", "openpyxl"):
        assert cells[cells.index(name) + 1] == importlib.metadata.version(name)
    assert cells[cells.index("Tradeoff") + 1] == tradeoff.__version__


def test_a_component_that_is_absent_says_so():
    assert installed_version("no-such-distribution-xyz") == "not part of this installation"


def test_close_button_rejects_the_dialog(qtbot):
    dialog = _dialog(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    with qtbot.waitSignal(dialog.finished, timeout=2000) as finished:
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert finished.args == [QDialog.DialogCode.Rejected.value]
    assert not dialog.isVisible()

"""A feature whose import fails is logged, named in the status bar and shown in About.

The import failure is real: ``None`` in ``sys.modules`` makes Python refuse
the import with ImportError, as a missing or broken module file would.
"""

from __future__ import annotations

import logging
import sys

from gui_helpers import when_modal
from PySide6.QtWidgets import QDialog

from tradeoff.gui.window.about_dialog import AboutDialog


def test_a_feature_that_cannot_be_imported_is_reported(window, monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "tradeoff.gui.value.feature", None)
    with caplog.at_level(logging.ERROR, logger="tradeoff.gui"):
        installed = window.install_features()
    assert "value.feature" not in installed and "results.feature" in installed
    assert [r.getMessage() for r in caplog.records if r.name == "tradeoff.gui"] == \
        ["the value.feature feature could not be loaded"]
    assert caplog.records[-1].exc_info is not None  # the traceback is in the log
    assert "value.feature" in window.statusBar().currentMessage()
    assert "Help › About" in window.statusBar().currentMessage()
    seen: list[str] = []

    def read(dialog: QDialog) -> None:
        assert isinstance(dialog, AboutDialog)
        seen.append(dialog.broken_label.text() if dialog.broken_label.isVisible() else "")
        dialog.reject()

    when_modal(read)
    window.about()
    assert "1 part(s) could not be loaded" in seen[0]
    assert "• value: ModuleNotFoundError: import of tradeoff.gui.value.feature halted" in seen[0]


def test_about_says_nothing_of_broken_parts_when_all_load(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.broken_label.isHidden() and dialog.broken_label.text() == ""

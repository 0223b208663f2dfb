"""Help › About: the version, the MIT licence and the notices for the libraries Tradeoff ships.

The version comes from ``tradeoff.version.__version__``, the one place it is written.
The licence and the notices are files in ``resources/`` (``LICENSE.txt``,
``NOTICES.md``) because a wheel or a standalone build carries the package's
resources but not the repository's top-level ``LICENSE``. The components tab
lists every library that ``NOTICES.md`` names, with the version actually
installed, so the notices and the running program can be compared.
"""

from __future__ import annotations

import importlib.metadata
import platform
import re
import sys

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tradeoff.paths import resource_path
from tradeoff.version import APP_NAME, __version__

ICON_FILE = "icons/org.tradeoff.Tradeoff.svg"
LICENCE_FILE = "LICENSE.txt"
NOTICES_FILE = "NOTICES.md"
SUMMARY = ("Score options against weighted criteria, see why one comes out ahead "
           "and how robust that is.")
# Headings in NOTICES.md that name a component rather than a Python distribution.
_NOT_DISTRIBUTIONS = {"Python"}
_HEADING = re.compile(r"^###\s+(\S.*?)\s*$", re.MULTILINE)


def read_resource_text(name: str) -> str | None:
    """A bundled text file, or None when this installation lacks it."""
    try:
        return resource_path(name).read_text(encoding="utf-8")
    except OSError:
        return None


def notice_components(notices: str) -> list[str]:
    """The components ``NOTICES.md`` gives a section each (its ``###`` headings), in order."""
    return _HEADING.findall(notices)


def installed_version(component: str) -> str:
    """The running version of a component, or a short phrase saying it is not present."""
    if component in _NOT_DISTRIBUTIONS:
        return platform.python_version()
    try:
        return importlib.metadata.version(component)
    except importlib.metadata.PackageNotFoundError:
        # PyInstaller only exists at build time; its bootloader has no metadata at run time.
        if component == "PyInstaller" and getattr(sys, "frozen", False):
            return "(bootloader of this build)"
        return "not part of this installation"


def runtime_line() -> str:
    return (f"Python {platform.python_version()} · Qt {qVersion()} · "
            f"PySide6 {PySide6.__version__}")


class AboutDialog(QDialog):
    """A modal box: name, version, summary, and tabs for licence, notices and components."""

    def __init__(self, parent: QWidget | None = None,
                 broken_features: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.setObjectName("about_dialog")
        self.resize(640, 520)

        icon_label = QLabel()
        app_icon = QIcon(str(resource_path(ICON_FILE)))
        if not app_icon.isNull():
            icon_label.setPixmap(app_icon.pixmap(64, 64))
        self.title_label = QLabel(f"<h2>{APP_NAME} {__version__}</h2>")
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label = QLabel(SUMMARY)
        self.summary_label.setWordWrap(True)
        self.runtime_label = QLabel(runtime_line())
        self.runtime_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text_column = QVBoxLayout()
        for label in (self.title_label, self.summary_label, self.runtime_label):
            text_column.addWidget(label)
        # A feature that failed to load is named here, so a broken installation is visible.
        self.broken_label = QLabel(broken_text(broken_features or {}))
        self.broken_label.setWordWrap(True)
        self.broken_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.broken_label.setAccessibleName("Parts that could not be loaded")
        self.broken_label.setVisible(bool(broken_features))
        text_column.addWidget(self.broken_label)
        header = QHBoxLayout()
        header.addWidget(icon_label, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(text_column, 1)

        self.tabs = QTabWidget()
        self.licence_view = self._licence_tab()
        self.notices_view = self._notices_tab()
        self.components_view = self._components_tab()
        self.tabs.addTab(self.licence_view, "Licence")
        self.tabs.addTab(self.notices_view, "Third-party notices")
        self.tabs.addTab(self.components_view, "Components")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _licence_tab(self) -> QPlainTextEdit:
        view = QPlainTextEdit()
        view.setReadOnly(True)
        view.setAccessibleName("Licence")
        text = read_resource_text(LICENCE_FILE)
        view.setPlainText(text if text is not None else
                          f"{APP_NAME} is free software under the MIT licence. The licence "
                          f"file ({LICENCE_FILE}) is missing from this installation.")
        return view

    def _notices_tab(self) -> QTextBrowser:
        view = QTextBrowser()
        view.setOpenExternalLinks(True)
        view.setAccessibleName("Third-party notices")
        text = read_resource_text(NOTICES_FILE)
        if text is None:
            view.setPlainText(f"The notices file ({NOTICES_FILE}) is missing from this "
                              "installation.")
        else:
            view.setMarkdown(text)
        return view

    def _components_tab(self) -> QTextBrowser:
        view = QTextBrowser()
        view.setAccessibleName("Components")
        notices = read_resource_text(NOTICES_FILE) or ""
        rows = [(APP_NAME, __version__)]
        rows += [(name, installed_version(name)) for name in notice_components(notices)]
        # Markdown keeps names such as "PySide6-Essentials" literal (no HTML escaping needed).
        table = ["| Component | Version |", "| --- | --- |"]
        table += [f"| {name} | {version} |" for name, version in rows]
        view.setMarkdown("\n".join(table))
        return view


def broken_text(broken_features: dict[str, str]) -> str:
    """Plain text naming each feature that could not be loaded, and why."""
    if not broken_features:
        return ""
    lines = [f"This installation is incomplete: {len(broken_features)} part(s) could not "
             "be loaded, so their menus and panels are missing. Reinstalling should help."]
    lines += [f"• {name.split('.')[0]}: {why}" for name, why in broken_features.items()]
    return "\n".join(lines)


def show_about(parent: QWidget | None = None,
               broken_features: dict[str, str] | None = None) -> None:
    """Open the About box modally over ``parent`` (for Help › About)."""
    AboutDialog(parent, broken_features).exec()

"""Fixtures for driving the real main window offscreen, shared by every room's tests
(tests/gui/<room>/ mirrors app/tradeoff/gui/<room>/)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray

from factories import small_matrix
from tradeoff.gui.common import settings
from tradeoff.gui.window import main_window
from tradeoff.gui.window.app import create_app
from tradeoff.gui.window.main_window import MainWindow
from tradeoff.io.matrix_file import save_matrix

REPO = Path(__file__).resolve().parents[2]
# gui_helpers.py sits beside this file; the rooms' tests sit one level down.
sys.path.insert(0, str(Path(__file__).resolve().parent))
EXAMPLE = REPO / "matrices" / "budapest-summit.toml"


@pytest.fixture
def small_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.toml"
    save_matrix(small_matrix(), path, touch_modified=False)
    return path


def _make_window(qtbot, tmp_path: Path, path: Path) -> MainWindow:
    create_app()
    # the settings outlive a window: start each test's with the first-start split
    settings.write(settings.RESULTS_SPLITTER, QByteArray())
    window = MainWindow(autosave_folder=tmp_path / "autosave")
    assert window.files.open_path(path, ask=False)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, tmp_path: Path, small_file: Path) -> MainWindow:
    """The main window on the small hand-checkable matrix (tests/factories.py)."""
    w = _make_window(qtbot, tmp_path, small_file)
    yield w
    _close(w)


@pytest.fixture
def example_window(qtbot, tmp_path: Path) -> MainWindow:
    """The main window on the bundled example matrix."""
    if not EXAMPLE.exists():
        pytest.skip("the example matrix is not there yet")
    w = _make_window(qtbot, tmp_path, EXAMPLE)
    yield w
    _close(w)


@pytest.fixture
def wired(qtbot, tmp_path: Path) -> MainWindow:
    """The main window on the example, first-start layout, every feature installed."""
    if not EXAMPLE.exists():
        pytest.skip("the example matrix is not there yet")
    create_app()
    settings.write(settings.GEOMETRY, QByteArray())
    settings.write(settings.WINDOW_STATE, QByteArray())
    window = MainWindow(autosave_folder=tmp_path / "autosave")
    assert window.files.open_path(EXAMPLE, ask=False)
    window.show()
    qtbot.waitExposed(window)
    window.results_panel.show_chart()
    assert window.install_features() == list(main_window.FEATURE_MODULES)
    yield window
    _close(window)


def _close(window: MainWindow) -> None:
    window.document.undo_stack.setClean()  # no unsaved-changes prompt on teardown
    window.close()
    window.deleteLater()

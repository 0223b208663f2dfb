"""Fixtures for driving the real main window offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest

from factories import small_matrix
from tradeoff.gui.window.app import create_app
from tradeoff.gui.window.main_window import MainWindow
from tradeoff.io.matrix_file import save_matrix

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "matrices" / "budapest-summit.toml"


@pytest.fixture
def small_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.toml"
    save_matrix(small_matrix(), path, touch_modified=False)
    return path


def _make_window(qtbot, tmp_path: Path, path: Path) -> MainWindow:
    create_app()
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


def _close(window: MainWindow) -> None:
    window.document.undo_stack.setClean()  # no unsaved-changes prompt on teardown
    window.close()
    window.deleteLater()

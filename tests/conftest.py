"""Test set-up shared by every test.

Qt must run headless and must never read or write the user's real settings,
so both are fixed here, before any test imports Qt.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("MPLBACKEND", "Agg")
# Settings written during tests land in a throwaway folder, never in ~/.config.
_SETTINGS_HOME = tempfile.mkdtemp(prefix="tradeoff-test-config-")
os.environ["XDG_CONFIG_HOME"] = _SETTINGS_HOME
os.environ["TRADEOFF_TEST_MODE"] = "1"

import pytest  # noqa: E402

import tradeoff.io  # noqa: E402,F401  (before any test imports openpyxl: see tradeoff/io/__init__.py)

REPO_ROOT = Path(__file__).resolve().parents[1]
MATRICES = REPO_ROOT / "matrices"
sys.path.insert(0, str(REPO_ROOT / "tests"))


@pytest.fixture(scope="session", autouse=True)
def _qt_test_mode():
    """QStandardPaths test mode, if Qt is in play, so QSettings stay out of $HOME."""
    try:
        from PySide6.QtCore import QStandardPaths
    except ImportError:  # pragma: no cover - Qt is a hard dependency
        yield
        return
    QStandardPaths.setTestModeEnabled(True)
    yield


@pytest.fixture
def example_paths() -> list[Path]:
    return sorted(MATRICES.glob("*.toml"))

"""Start-up as the app and the start-up benchmark run it: what is done before the first
paint, in what order, and what follows it.

The app is started in a child process (a fresh interpreter, as a user starts it), on the
example matrix; the child reports what it saw as JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "matrices" / "budapest-summit.toml"

START_UP = """
import json, sys, time
from tradeoff.gui.window.app import create_app, create_window
app = create_app()
window = create_window(sys.argv[1], None)
window.show()
deadline = time.monotonic() + 60
while not window.painted and time.monotonic() < deadline:
    app.processEvents()
# sys.modules keeps the order modules were first imported in.
order = list(sys.modules)
report = {"painted": window.painted, "modules": order}
print(json.dumps(report))
"""


@pytest.fixture(scope="module")
def start_up(tmp_path_factory) -> dict:
    if not EXAMPLE.exists():
        pytest.skip("the example matrix is not there yet")
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(QT_QPA_PLATFORM="offscreen", TRADEOFF_TEST_MODE="1",
               XDG_CONFIG_HOME=str(tmp_path_factory.mktemp("config")))
    done = subprocess.run([sys.executable, "-c", START_UP, str(EXAMPLE)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["painted"]
    return report


def test_the_qt_free_modules_of_the_first_paint_load_before_pyside6(start_up):
    """PySide6 reads the source of every module imported after it; Tradeoff's core and
    file modules, which do not need it, are imported first."""
    order = start_up["modules"]
    qt = order.index("PySide6")
    qt_free = [m for m in order if m.startswith(("tradeoff.core", "tradeoff.io", "tradeoff.paths"))]
    assert "tradeoff.core.model" in qt_free and "tradeoff.io.matrix_file" in qt_free
    late = [m for m in qt_free if order.index(m) > qt]
    assert late == []

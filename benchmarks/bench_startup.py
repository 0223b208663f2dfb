"""Start-up time: process start to the first painted main window with the example open.

Compared, in the same run, with a baseline process that imports PySide6,
numpy and pandas and paints an empty QMainWindow. Each is started several
times, alternating; the medians and their ratio are printed. Target: ≤ 1.2×.

Both children are timed from just before the process is spawned to the first
paint event of their window, so interpreter start-up counts in both.

    .venv/bin/python benchmarks/bench_startup.py [repetitions] [--json]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "matrices" / "budapest-summit.toml"

PAINT_WATCH = """
from PySide6.QtCore import QEvent, QObject, QTimer
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            import time
            print(time.time(), flush=True)
            QTimer.singleShot(0, app.quit)
            self.deleteLater()
        return False
"""

# Each script imports its heavy modules before the paint watcher: PySide6
# installs an import hook that inspects every module imported after it, so
# the order matters, and both sides get the faster one.
BASELINE = """
import numpy, pandas
from PySide6.QtWidgets import QApplication, QMainWindow
""" + PAINT_WATCH + """
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
watch = FirstPaint()
window.installEventFilter(watch)
window.show()
app.exec()
"""

APP = """
import sys
from tradeoff.gui.window.app import create_app, create_window
""" + PAINT_WATCH + """
app = create_app()
window = create_window(sys.argv[1], None)
watch = FirstPaint()
window.installEventFilter(watch)
window.show()
app.exec()
"""


def run_once(code: str, *args: str) -> float:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="tradeoff-bench-")
    env["TRADEOFF_TEST_MODE"] = "1"
    # An installed copy has its bytecode written; let the checkout have it too, even
    # where the environment says not to write it (compiling from source each run
    # would be timed otherwise).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.time()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=env, check=True, timeout=120)
    painted = float(done.stdout.strip().splitlines()[-1])
    return painted - started


def main() -> int:
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    repetitions = int(numbers[0]) if numbers else 5
    if not EXAMPLE.exists():
        print(f"the example matrix {EXAMPLE} is missing")
        return 1
    baseline, app = [], []
    run_once(BASELINE)  # warm the file cache so neither side pays for it alone
    run_once(APP, str(EXAMPLE))
    for _ in range(repetitions):
        baseline.append(run_once(BASELINE))
        app.append(run_once(APP, str(EXAMPLE)))
    b, a = statistics.median(baseline), statistics.median(app)
    if "--json" in sys.argv[1:]:
        print(json.dumps({"baseline_ms": round(b * 1000, 1), "app_ms": round(a * 1000, 1),
                          "ratio": round(a / b, 3)}))
        return 0
    print(f"start-up to first painted window, median of {repetitions} "
          f"({os.environ.get('QT_QPA_PLATFORM', 'offscreen')} platform)")
    print(f"  baseline (import PySide6, numpy, pandas; empty window): {b * 1000:.0f} ms")
    print(f"  Tradeoff with {EXAMPLE.name}:                          {a * 1000:.0f} ms")
    print(f"  ratio {a / b:.2f}× (target ≤ 1.2×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

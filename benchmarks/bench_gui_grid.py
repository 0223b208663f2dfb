"""Score grid repaint: a 50 × 50 page of the matrix view, offscreen, median ms.

Qt asks the model about every visible cell once per role on each repaint, so
this is mostly the cost of ``MatrixModel.data()``; it also prints the time of
one ``data()`` call for a served and an unserved role.

    .venv/bin/python benchmarks/bench_gui_grid.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="tradeoff-bench-"))
os.environ["TRADEOFF_TEST_MODE"] = "1"

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tradeoff.core.model import Criterion, DecisionMatrix, Option, Score, WeightProfile
from tradeoff.gui.document import Document
from tradeoff.gui.grid.grid_view import MatrixView

SIZE, REPAINTS = 50, 15


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    rng = np.random.default_rng(3)
    criteria = [Criterion(f"c{j}", f"C{j}", worst=0, best=10, unit="pt") for j in range(SIZE)]
    options = [Option(f"o{i}", f"Option {i}") for i in range(SIZE)]
    m = DecisionMatrix(criteria=criteria, options=options,
                       profiles=[WeightProfile("p", "P", {c.id: 1.0 for c in criteria})])
    for o in options:
        for c in criteria:
            m.scores[(o.id, c.id)] = Score(round(float(rng.uniform(0, 10)), 1),
                                           rationale="why" if rng.random() < 0.3 else "")
    view = MatrixView(Document(m))
    for col in range(SIZE):
        view.setColumnWidth(col, 60)
    view.resize(60 * SIZE + 150, 26 * SIZE + 120)
    view.show()
    app.processEvents()
    times = []
    for _ in range(REPAINTS):
        t0 = time.perf_counter()
        view.viewport().repaint()
        times.append((time.perf_counter() - t0) * 1000)
    model, index = view.matrix_model, view.matrix_model.index(10, 10)
    calls = 20000
    t0 = time.perf_counter()
    for _ in range(calls):
        model.data(index, Qt.ItemDataRole.DisplayRole.value)
    served = (time.perf_counter() - t0) / calls * 1e6
    t0 = time.perf_counter()
    for _ in range(calls):
        model.data(index, Qt.ItemDataRole.FontRole.value)
    unserved = (time.perf_counter() - t0) / calls * 1e6
    print(f"grid repaint, {SIZE} × {SIZE} cells visible: median "
          f"{statistics.median(times):.0f} ms over {REPAINTS} repaints")
    print(f"  data(): {served:.1f} µs for the display role, {unserved:.2f} µs for a role "
          "it does not serve")
    return 0


if __name__ == "__main__":
    sys.exit(main())

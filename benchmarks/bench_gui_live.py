"""Live update cost: one weight-slider step on a 50-option × 20-criterion matrix.

Each step pushes the same undo command a slider drag pushes; the Document
re-scores from its cached value matrix, the ranking table updates in place and
the chart rewrites its bars and repaints them (blitting over the cached axes).
Prints the median and 90th percentile per step, and how often the whole chart
had to be redrawn because the order of the options changed. Target: < 16 ms.

With ``--json`` it prints one JSON line instead: ``step_median_ms``,
``step_p90_ms``, ``step_max_ms`` and ``pause_resort_ms`` for 50 × 20, and the
same with a ``_500x40`` suffix for a 500-option × 40-criterion matrix.

    .venv/bin/python benchmarks/bench_gui_live.py [--json]
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="tradeoff-bench-"))
os.environ["TRADEOFF_TEST_MODE"] = "1"

import numpy as np
from PySide6.QtWidgets import QApplication

from tradeoff.core.model import (
    Criterion,
    DecisionMatrix,
    Group,
    Option,
    Score,
    WeightProfile,
)
from tradeoff.gui.document import Document
from tradeoff.gui.document.commands import SetWeight
from tradeoff.gui.results.results_panel import ResultsPanel
from tradeoff.gui.weights.weights_panel import WeightsPanel

OPTIONS, CRITERIA, STEPS = 50, 20, 200


def big_matrix(seed: int = 7, n_options: int = OPTIONS,
               n_criteria: int = CRITERIA) -> DecisionMatrix:
    rng = np.random.default_rng(seed)
    groups = [Group(f"g{k}", f"Group {k}") for k in range(4)]
    criteria = [Criterion(f"c{j}", f"Criterion number {j}", worst=0, best=10,
                          group=f"g{j % 4}") for j in range(n_criteria)]
    options = [Option(f"o{i}", f"Option {i}") for i in range(n_options)]
    m = DecisionMatrix(groups=groups, criteria=criteria, options=options)
    for o in options:
        for c in criteria:
            m.scores[(o.id, c.id)] = Score(round(float(rng.uniform(0, 10)), 1))
    weights = {c.id: float(rng.integers(1, 10)) for c in criteria}
    weights.update({g.id: 1.0 for g in groups})
    m.profiles = [WeightProfile("p", "Profile", weights)]
    m.active_profile = "p"
    return m


def drag(app: QApplication, n_options: int, n_criteria: int) -> dict[str, float]:
    """One slider drag on a fresh results panel: per-step times and the pause re-sort."""
    doc = Document(big_matrix(n_options=n_options, n_criteria=n_criteria))
    panel = ResultsPanel(doc)
    panel.resize(1000, 700)
    panel.show()
    panel.show_chart()
    app.processEvents()
    start = doc.matrix.profile().weights["c3"]
    times = []
    for step in range(STEPS):
        phase = step / (STEPS - 1)
        weight = round(start * (1 + 2 * (1 - abs(2 * phase - 1))), 1)
        t0 = time.perf_counter()
        doc.push(SetWeight(doc, "p", "c3", weight, merge_key=("c3", 0)))
        app.processEvents()
        times.append((time.perf_counter() - t0) * 1000)
    # The drag pauses at three times the weight, where the order has changed: the
    # re-sort then runs as the timer would run it.
    doc.push(SetWeight(doc, "p", "c3", round(start * 3, 1), merge_key=("c3", 0)))
    app.processEvents()
    panel.chart.resort_timer.stop()
    moved = panel.chart.order != panel.chart.shown_order
    resort = time.perf_counter()
    panel.chart._resort()
    app.processEvents()
    resort_ms = (time.perf_counter() - resort) * 1000
    quick = sorted(times)
    figures = {"step_median_ms": statistics.median(times),
               "step_p90_ms": quick[int(0.9 * len(quick))], "step_max_ms": quick[-1],
               "pause_resort_ms": resort_ms, "pause_order_changed": float(moved)}
    panel.close()
    panel.deleteLater()
    app.processEvents()
    return figures


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if "--json" in sys.argv[1:]:
        figures = drag(app, OPTIONS, CRITERIA)
        figures |= {f"{k}_500x40": v for k, v in drag(app, 500, 40).items()}
        print(json.dumps({k: round(v, 2) for k, v in figures.items()}), flush=True)
        return 0
    doc = Document(big_matrix())
    panel = ResultsPanel(doc)
    panel.resize(1000, 700)
    panel.show()
    panel.show_chart()
    app.processEvents()
    start = doc.matrix.profile().weights["c3"]
    full_before = panel.chart.full_draws
    times = []
    for step in range(STEPS):
        # a drag of one slider from its value up to three times as much and back
        phase = step / (STEPS - 1)
        weight = round(start * (1 + 2 * (1 - abs(2 * phase - 1))), 1)
        t0 = time.perf_counter()
        doc.push(SetWeight(doc, "p", "c3", weight, merge_key=("c3", 0)))
        app.processEvents()  # the ranking table's repaint too
        times.append((time.perf_counter() - t0) * 1000)
    full = panel.chart.full_draws - full_before
    resort = time.perf_counter()
    panel.chart.resort_timer.stop()
    panel.chart._resort()  # what the timer runs once the drag pauses
    app.processEvents()
    resort_ms = (time.perf_counter() - resort) * 1000
    quick = sorted(times)
    print(f"live update, {OPTIONS} options × {CRITERIA} criteria, {STEPS} slider steps")
    print(f"  median {statistics.median(times):.2f} ms per step, "
          f"90th percentile {quick[int(0.9 * len(quick))]:.2f} ms, max {quick[-1]:.1f} ms")
    print(f"  full chart redraws during the drag: {full} of {STEPS} steps; the re-sort "
          f"once the drag pauses takes {resort_ms:.0f} ms")
    print(f"  undo steps for the whole drag: {doc.undo_stack.count()}")
    # The same drag through the weights panel's slider: its spin boxes and
    # percentages refresh too, as in the app.
    weights = WeightsPanel(doc)
    weights.resize(360, 900)
    weights.show()
    app.processEvents()
    slider = next(r for r in weights.rows if r.node_id == "c5").slider
    slider.sliderPressed.emit()
    times = []
    for step in range(STEPS):
        t0 = time.perf_counter()
        slider.setValue(slider.value() + (3 if step < STEPS // 2 else -3))
        app.processEvents()
        times.append((time.perf_counter() - t0) * 1000)
    slider.sliderReleased.emit()
    print(f"  through the weights panel's slider (panel + results): median "
          f"{statistics.median(times):.2f} ms per step")
    # The cross-check methods in the results panel recompute in full on each step.
    for method in ("topsis", "promethee"):
        panel.set_method(method)
        app.processEvents()
        times = []
        for step in range(STEPS // 2):
            weight = round(start * (1 + (step % 20) / 10), 1)
            t0 = time.perf_counter()
            doc.push(SetWeight(doc, "p", "c3", weight, merge_key=("c3", method)))
            app.processEvents()
            times.append((time.perf_counter() - t0) * 1000)
        print(f"  with {method} selected in the results panel: median "
              f"{statistics.median(times):.2f} ms per step")
    print("  target: median < 16 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

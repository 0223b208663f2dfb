"""Start-up as the app and the start-up benchmark run it: what is done before the first
paint, in what order, and what follows it.

The app is started in a child process (a fresh interpreter, as a user starts it), on the
example matrix; the child reports what it saw as JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app_process import run_app_code

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "matrices" / "budapest-summit.toml"

START_UP = """
import gc, json, sys, time
from tradeoff.gui.window.app import create_app, create_window
app = create_app()
window = create_window(sys.argv[1], None)
window.show()
deadline = time.monotonic() + 60
while not window.painted and time.monotonic() < deadline:
    app.processEvents()
# sys.modules keeps the order modules were first imported in.
report = {"painted": window.painted, "modules": list(sys.modules),
          "full_collections": gc.get_stats()[2]["collections"], "frozen": gc.get_freeze_count(),
          "built_at_paint": window.panels_built,
          "docks_at_paint": {t: type(d.widget()).__name__ for t, d in window.docks.items()}}
# Then as the app runs on: the panels fill their docks, then the chart and the features.
window.after_first_paint(lambda: window.results_panel.show_chart())
window.after_first_paint(window.install_features)
deadline = time.monotonic() + 60
while not (window.panels_built and window.results_panel.chart.ready) \
        and time.monotonic() < deadline:
    app.processEvents()
app.processEvents()
panels = {"Weights": window.weights_panel, "Cell details": window.cell_panel,
          "Results": window.results_panel}
report["docks_after"] = {t: window.docks[t].widget() is p and p.isVisible()
                         for t, p in panels.items()}
report["weights_rows"] = len(window.weights_panel.rows)
report["cell"] = list(window.cell_panel.cell or ())
m = window.document.matrix
report["first_cell"] = [m.options[0].id, m.criteria[0].id]
report["ranking_rows"] = window.results_panel.model.rowCount()
report["options"] = len(window.document.matrix.options)
report["chart_ready"] = window.results_panel.chart.ready
print(json.dumps(report))
"""


@pytest.fixture(scope="module")
def start_up(tmp_path_factory) -> dict:
    if not EXAMPLE.exists():
        pytest.skip("the example matrix is not there yet")
    done = run_app_code(START_UP, tmp_path_factory.mktemp("config"), str(EXAMPLE))
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


PANEL_MODULES = ("tradeoff.gui.weights.weights_panel", "tradeoff.gui.grid.cell_panel",
                 "tradeoff.gui.results.results_panel", "tradeoff.gui.results.results_chart")


def test_the_docks_are_laid_out_for_the_first_paint_and_filled_after_it(start_up):
    assert start_up["built_at_paint"] is False
    assert set(start_up["docks_at_paint"]) == {"Weights", "Cell details", "Results"}
    assert set(start_up["docks_at_paint"].values()) == {"QWidget"}  # empty, laid out
    loaded = [m for m in PANEL_MODULES if m in start_up["modules"]]
    assert loaded == []


def test_the_panels_appear_after_the_first_paint_on_the_example(start_up):
    assert start_up["docks_after"] == {"Weights": True, "Cell details": True, "Results": True}
    assert start_up["weights_rows"] > 0
    assert start_up["cell"] == start_up["first_cell"]  # the grid's current cell, (0, 0)
    assert start_up["ranking_rows"] == start_up["options"] > 0
    assert start_up["chart_ready"]


def test_no_full_collection_scans_pandas_before_the_first_paint(start_up):
    """The objects made while numpy and pandas load are frozen before PySide6 loads; the
    start-up's later allocations would otherwise set off a full collection over them."""
    assert start_up["frozen"] > 20_000  # pandas alone leaves about 50,000 tracked objects
    assert start_up["full_collections"] == 0

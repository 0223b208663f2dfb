"""Opening a large matrix in the app: 10,000 options × 50 criteria, offscreen.

Writes the matrix with ``benchmarks/large_matrix.py`` (the same file File ›
Open reads), starts the real main window on the bundled example the way
``run_app`` does (features installed, chart shown), then opens the large file
through the File controller, as File › Open does once its dialog returns.

It reports:

- ``open_10000x50_s``: from the open to the window being usable — the file
  read, the grid and the results shown, and the event loop idle (no event
  handled for a second afterwards took more than a frame, 16 ms, so timers
  that fire a little after the open count too);
- ``open_10000x50_peak_mb``: the process's peak resident memory;
- ``scroll_page_median_ms`` / ``scroll_page_p90_ms``: one Page Down in the
  grid with the view repainted, over 50 pages;
- ``slider_step_median_ms``: one step of a weight slider (re-score, results
  table, chart), over 20 steps.

Targets: usable ≤ 5 s, peak memory ≤ 1 GB, a page ≤ 16 ms.

    .venv/bin/python benchmarks/bench_gui_open.py [--options N] [--criteria K] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="tradeoff-bench-"))
os.environ["TRADEOFF_TEST_MODE"] = "1"

HERE = Path(__file__).resolve().parent
FRAME_MS = 16.0  # an event taking longer than this is a frame the user would see missed
QUIET_S = 1.0  # idle for this long after the last long event: the window is usable
GIVE_UP_S = 120.0
PAGES = 50
STEPS = 20  # weight slider steps timed after the scrolling


def write_matrix(path: Path, options: int, criteria: int) -> float:
    """Write the generated matrix with large_matrix.py; returns the seconds it took."""
    started = time.perf_counter()
    subprocess.run([sys.executable, str(HERE / "large_matrix.py"), str(path),
                    "--options", str(options), "--criteria", str(criteria)],
                   check=True, capture_output=True, text=True)
    return time.perf_counter() - started


def wait_until_idle(app, started: float) -> float:
    """Handle events until none took more than a frame for QUIET_S; returns the moment
    (perf_counter) the last long one ended, or ``started`` if there was none."""
    last_busy = started
    while True:
        t0 = time.perf_counter()
        app.processEvents()
        t1 = time.perf_counter()
        if (t1 - t0) * 1000 > FRAME_MS:
            last_busy = t1
        if t1 - last_busy > QUIET_S or t1 - started > GIVE_UP_S:
            return last_busy
        time.sleep(0.002)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--options", type=int, default=10_000)
    parser.add_argument("--criteria", type=int, default=50)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--profile", metavar="FILE",
                        help="write a cProfile of the open (until idle) to FILE")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="tradeoff-open-"))
    large = folder / f"generated-{args.options}x{args.criteria}.toml"
    write_s = write_matrix(large, args.options, args.criteria)

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from tradeoff.gui.window.app import create_app, create_window
    from tradeoff.gui.window.main_window import DEFAULT_SIZE

    app = create_app()
    window = create_window(None, folder / "autosave")  # the bundled example, first start
    window.resize(*DEFAULT_SIZE)  # the offscreen screen is smaller than a real one
    window.show()
    window.build_panels()  # what the start-up does just after the first paint
    window.results_panel.show_chart()
    window.install_features()
    wait_until_idle(app, time.perf_counter())
    before_mb = peak_rss_mb()

    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.perf_counter()
    opened = window.files.open_path(large)
    returned = time.perf_counter()
    usable = wait_until_idle(app, returned)
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(args.profile)
    rows = window.grid.matrix_model.rowCount()
    ranked = window.results_panel.model.rowCount()
    if not opened or rows != args.options or ranked == 0:
        print(f"the large matrix did not open: opened={opened}, grid rows={rows}, "
              f"results rows={ranked}", file=sys.stderr)
        return 1

    grid = window.grid
    grid.setFocus()
    grid.select_cell(0, 0)
    app.processEvents()
    pages = []
    for _ in range(PAGES):
        t0 = time.perf_counter()
        QTest.keyClick(grid, Qt.Key.Key_PageDown)
        grid.viewport().repaint()
        app.processEvents()
        pages.append((time.perf_counter() - t0) * 1000)
    reached = grid.currentIndex().row()
    # A weight slider dragged on the large matrix: re-score, results table and chart.
    from tradeoff.gui.document.commands import SetWeight

    doc = window.document
    profile = doc.active_profile()
    node = doc.matrix.criteria[3].id
    start_weight = profile.weights[node]
    steps = []
    for k in range(STEPS):
        t0 = time.perf_counter()
        doc.push(SetWeight(doc, profile.id, node, round(start_weight * (1 + k / STEPS), 2),
                           merge_key=(node, 0)))
        app.processEvents()
        steps.append((time.perf_counter() - t0) * 1000)
    shown_rows = grid.rowAt(grid.viewport().height() - 1) - grid.rowAt(0) + 1
    shown_cols = grid.columnAt(grid.viewport().width() - 1) - grid.columnAt(0) + 1
    ordered = sorted(pages)
    figures = {
        "open_10000x50_s": usable - started,
        "open_call_s": returned - started,
        "open_10000x50_peak_mb": peak_rss_mb(),
        "before_open_peak_mb": before_mb,
        "scroll_page_median_ms": statistics.median(pages),
        "scroll_page_p90_ms": ordered[int(0.9 * len(ordered))],
        "scroll_page_max_ms": ordered[-1],
        "slider_step_median_ms": statistics.median(steps),
        "slider_step_max_ms": max(steps),
    }
    window.document.undo_stack.setClean()
    window.close()
    if args.json:
        print(json.dumps({k: round(v, 3) for k, v in figures.items()}), flush=True)
        return 0
    print(f"open {args.options:,} × {args.criteria} ({large.stat().st_size / 1e6:.1f} MB, "
          f"written in {write_s:.1f} s) from File › Open, offscreen")
    print(f"  usable after {figures['open_10000x50_s']:.2f} s "
          f"(open_path returned after {figures['open_call_s']:.2f} s); target ≤ 5 s")
    print(f"  peak memory {figures['open_10000x50_peak_mb']:.0f} MB "
          f"({before_mb:.0f} MB before the open); target ≤ 1024 MB")
    print(f"  Page Down with the grid ({shown_rows} × {shown_cols} cells in view) repainted, "
          f"{PAGES} pages (to row {reached:,}): median "
          f"{figures['scroll_page_median_ms']:.1f} ms, p90 {figures['scroll_page_p90_ms']:.1f}"
          f" ms, max {figures['scroll_page_max_ms']:.1f} ms; target ≤ 16 ms")
    print(f"  a weight slider step ({STEPS} steps): median "
          f"{figures['slider_step_median_ms']:.1f} ms, max {figures['slider_step_max_ms']:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

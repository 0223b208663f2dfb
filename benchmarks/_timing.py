"""Shared timing helper for the benchmark scripts: medians over repeats."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(fn: Callable[[], object], repeat: int = 7, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def wants_json(argv: list[str] | None = None) -> bool:
    """True when the script was run with ``--json`` (as ``make bench`` does)."""
    import sys

    return "--json" in (sys.argv[1:] if argv is None else argv)


def emit(figures: dict[str, float]) -> None:
    """Print the figures as one JSON line, the line ``benchmarks/run_all.py`` reads."""
    import json

    print(json.dumps({k: round(v, 4) if isinstance(v, float) else v
                      for k, v in figures.items()}), flush=True)

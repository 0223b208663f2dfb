"""Excel export speed: a whole Tradeoff workbook against pandas dumping the raw numbers.

Exports an N × M matrix (default 10,000 options × 50 criteria, random scores,
a third of the criteria costs, one profile) with ``export_workbook`` — every
sheet, every formula, and the analysis sheets (Methods, Sensitivity,
Uncertainty, which leave out or thin what is too big to compute at this size)
— then again with ``analysis=False`` (``tradeoff export --no-analysis``), and
times ``pandas.DataFrame.to_excel(engine="openpyxl")``
writing the same raw numbers (option names as the index, criterion names as
the header) in the same run. Prints both times, the file sizes and the ratio
(export time / pandas time; the target is at most 1.0).

    .venv/bin/python benchmarks/bench_export.py [--options 10000] [--criteria 50] [--repeat 1]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from tradeoff.core.model import (
    Criterion,
    DecisionMatrix,
    Direction,
    Metadata,
    Option,
    Score,
    WeightProfile,
)
from tradeoff.io.excel.export import export_workbook


def build_matrix(n_options: int, n_criteria: int, seed: int = 1) -> tuple[DecisionMatrix,
                                                                          np.ndarray]:
    rng = np.random.default_rng(seed)
    criteria = [Criterion(f"c{j}", f"Criterion {j}", worst=10, best=0, direction=Direction.COST)
                if j % 3 == 0 else Criterion(f"c{j}", f"Criterion {j}", worst=0, best=10)
                for j in range(n_criteria)]
    raw = np.round(rng.uniform(0, 10, (n_options, n_criteria)), 3)
    m = DecisionMatrix(
        metadata=Metadata(title=f"Benchmark {n_options} × {n_criteria}"),
        criteria=criteria,
        options=[Option(f"o{i}", f"Option {i}") for i in range(n_options)],
        profiles=[WeightProfile("w", "Weights", {c.id: float(w) for c, w in zip(
            criteria, rng.uniform(1, 5, n_criteria), strict=True)})],
    )
    for i, row in enumerate(raw.tolist()):
        oid = f"o{i}"
        for c, v in zip(criteria, row, strict=True):
            m.scores[(oid, c.id)] = Score(value=v)
    return m, raw


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--options", type=int, default=10_000)
    parser.add_argument("--criteria", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each (median reported)")
    args = parser.parse_args()
    matrix, raw = build_matrix(args.options, args.criteria)
    frame = pd.DataFrame(raw, index=[o.name for o in matrix.options],
                         columns=[c.name for c in matrix.criteria])
    ours, plain, theirs = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        ours_path, theirs_path = Path(folder) / "tradeoff.xlsx", Path(folder) / "pandas.xlsx"
        plain_path = Path(folder) / "no-analysis.xlsx"
        for _ in range(args.repeat):
            start = time.perf_counter()
            export_workbook(matrix, ours_path)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            export_workbook(matrix, plain_path, analysis=False)
            plain.append(time.perf_counter() - start)
            start = time.perf_counter()
            frame.to_excel(theirs_path, engine="openpyxl")
            theirs.append(time.perf_counter() - start)
        ours_size, theirs_size = ours_path.stat().st_size, theirs_path.stat().st_size
        plain_size = plain_path.stat().st_size
    t_ours, t_theirs = statistics.median(ours), statistics.median(theirs)
    t_plain = statistics.median(plain)
    cells = args.options * args.criteria
    print(f"matrix: {args.options:,} options × {args.criteria} criteria ({cells:,} scores), "
          f"{args.repeat} run(s) each, medians")
    print(f"tradeoff export_workbook (all sheets, live formulas): {t_ours:7.2f} s  "
          f"{ours_size / 1e6:6.1f} MB")
    print(f"tradeoff export_workbook, analysis=False:              {t_plain:7.2f} s  "
          f"{plain_size / 1e6:6.1f} MB")
    print(f"pandas DataFrame.to_excel (openpyxl, raw numbers):    {t_theirs:7.2f} s  "
          f"{theirs_size / 1e6:6.1f} MB")
    print(f"ratio export / pandas: {t_ours / t_theirs:.2f} (target ≤ 1.0); "
          f"without analysis {t_plain / t_theirs:.2f}")


if __name__ == "__main__":
    main()

"""Export a matrix as an Excel workbook whose formulas still calculate.

Sheets: **Summary** (what was exported, a live ranking and a chart of the
totals), **Scores** (the raw matrix with units, direction, anchors, data
validation and rationales as comments), **Weights** (raw points and
normalised weights of every profile; the active profile is a number a reader
can change), **Values** (value-function results, contributions, totals by
SUMPRODUCT, ranks and margins, all formulas), **Scales** (level tables and
value-function points), **Notes** (every rationale, source and score distribution),
**Scenarios** when the matrix has any (each scenario's totals, regret and
maximum regret as live formulas), then the
analyses as fixed numbers — **Methods** (the ranking under every scoring
method, with Kendall's τ), **Sensitivity** (weight stability, change points,
score flips, stakeholders) and **Uncertainty** (Monte Carlo rank
acceptability, tornado) — and a hidden **tradeoff** sheet that carries the
matrix for re-import. The analyses can be left out (``analysis=False``); on very
large matrices the slowest are left out or thinned, as
:mod:`tradeoff.io.excel.analysis` documents.

The formulas reproduce :func:`tradeoff.core.scoring.score` (a test recalculates
exported workbooks in LibreOffice and compares every total and rank). User
text is always written as text, never as a formula.

Large exports report progress and can be cancelled; the file is written under
a temporary name and moved into place when complete, so a cancelled or failed
export leaves no file (and any previous file as it was).
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path
from typing import TYPE_CHECKING

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.robustness_report import DEFAULT_SPREAD
from tradeoff.core.screening import without_screened
from tradeoff.core.weights import normalised_weights
from tradeoff.io.excel import layout as L
from tradeoff.io.excel.analysis import AnalysisLimits, compute_analysis
from tradeoff.io.excel.analysis_sheets import add_analysis_sheets
from tradeoff.io.excel.embed import document_text, embedded_rows
from tradeoff.io.excel.frames import build_frames
from tradeoff.io.excel.grid import scores_row_count, scores_rows, values_row_count, values_rows
from tradeoff.io.excel.layout import build_layout
from tradeoff.io.excel.scenario_sheet import add_scenario_sheet
from tradeoff.io.excel.sheets import (
    notes_cells,
    notes_rows,
    scales_row_count,
    scales_rows,
    summary_info,
    summary_row_count,
    summary_rows,
    weights_row_count,
    weights_rows,
)
from tradeoff.io.excel.value_sheets import ValueOptions, add_value_sheets, value_tables
from tradeoff.io.excel.xlsx_stream import (
    CancelCheck,
    ExportCancelled,
    ProgressCallback,
    SheetRows,
    col,
    write_package,
)

if TYPE_CHECKING:
    from tradeoff.core.methods.registry import MethodSettings
    from tradeoff.core.smaa import SmaaResult

__all__ = ["AnalysisLimits", "ExportCancelled", "export_workbook"]

# Share of the progress bar for building the package before the rows stream.
_FRAME_SHARE = 0.05
# Share for computing the analysis sheets (cross-check, sweeps, Monte Carlo).
_ANALYSIS_SHARE = 0.25


def export_workbook(matrix: DecisionMatrix, path: str | os.PathLike[str], *,
                    profile: WeightProfile | str | None = None,
                    source_name: str | None = None,
                    progress: ProgressCallback | None = None,
                    should_cancel: CancelCheck | None = None,
                    today: dt.date | None = None,
                    analysis: bool = True,
                    smaa_result: SmaaResult | None = None,
                    smaa_spread: float | None = DEFAULT_SPREAD,
                    method_settings: MethodSettings | None = None,
                    analysis_limits: AnalysisLimits | None = None,
                    value_options: ValueOptions | None = None) -> None:
    """Write ``matrix`` to the ``.xlsx`` file ``path``.

    ``profile`` (a profile, its id, or None for the matrix's active profile)
    is the one the workbook opens with; every profile is in it. ``source_name``
    is shown on the Summary (the matrix file's name). ``progress`` is called
    with fractions 0…1; when ``should_cancel()`` returns True the export stops
    with :class:`ExportCancelled` and writes nothing. The matrix must not change
    while the export runs. Raises :class:`TradeoffError` (before writing) for a
    matrix that cannot be exported: no options, criteria or profiles, unusable
    weights in ``profile``, or more rows or columns than a worksheet holds.

    With ``analysis`` (the default) the workbook also gets the Methods,
    Sensitivity and Uncertainty sheets, computed under ``profile``: the
    cross-check with ``method_settings``, and the Monte Carlo ``smaa_result``
    (with the weight ``smaa_spread`` it was run with) when given — pass the one
    the user saw — or else the default run. A ``smaa_result`` made for other
    options or criteria is refused. ``analysis_limits`` bounds the work on very
    large matrices (see :class:`~tradeoff.io.excel.analysis.AnalysisLimits`).
    Options failing a must-have are listed on a Screening sheet and left out of
    the analyses; ``value_options`` (a cost criterion, and a budget) adds the
    Value for money (and Portfolio) sheets (:mod:`tradeoff.io.excel.value_sheets`).
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise TradeoffError(f"{target}: the folder {target.parent} does not exist")
    if not matrix.profiles:
        raise TradeoffError("nothing to export: the matrix has no weight profiles")
    if not isinstance(profile, WeightProfile):
        try:
            profile = matrix.profile(profile)
        except KeyError as e:
            raise TradeoffError(f"no weight profile {e.args[0]!r} to export") from e
    normalised_weights(matrix, profile)  # a profile the core cannot use is refused here
    active_index = 1 + [p.id for p in matrix.profiles].index(profile.id)
    value_content = value_tables(matrix, profile, value_options)  # refused before writing
    layout = build_layout(matrix, active_index)
    info = summary_info(layout, source_name, today)
    notes = notes_cells(layout)
    analysed_share = _ANALYSIS_SHARE if analysis else 0.0
    content = None
    if analysis:
        def analysis_progress(fraction: float) -> None:
            if progress is not None:
                progress(analysed_share * fraction)

        # Screened options leave the analyses (and the app's Monte Carlo leaves them out too).
        analysed = without_screened(matrix)
        content = compute_analysis(
            analysed, profile, settings=method_settings, smaa=smaa_result, spread=smaa_spread,
            limits=analysis_limits, progress=analysis_progress, should_cancel=should_cancel)
    wb, styles = build_frames(layout, info, notes)
    extra_sheets = add_scenario_sheet(wb, layout, styles)
    extra_sheets += [] if content is None else add_analysis_sheets(wb, content, styles)
    extra_sheets += add_value_sheets(wb, value_content, profile.name, styles)
    if should_cancel is not None and should_cancel():
        raise ExportCancelled
    skeleton = io.BytesIO()
    wb.save(skeleton)
    if progress is not None:
        progress(analysed_share + _FRAME_SHARE)
    embedded, embedded_count = embedded_rows(layout, document_text(matrix))
    sheets = [
        SheetRows(L.SUMMARY, summary_rows(layout, info, styles),
                  summary_row_count(layout, info), f"E{info.header_row + layout.n_options}"),
        SheetRows(L.SCORES, scores_rows(layout, styles), scores_row_count(layout),
                  f"{col(layout.n_criteria + 1)}{layout.scores_last_row}"),
        SheetRows(L.WEIGHTS, weights_rows(layout, styles), weights_row_count(layout),
                  f"{col(layout.weight_col(layout.n_profiles - 1))}"
                  f"{weights_row_count(layout)}"),
        SheetRows(L.VALUES, values_rows(layout, styles), values_row_count(layout),
                  f"{col(layout.order_col)}{layout.values_last_row}"),
        SheetRows(L.SCALES, scales_rows(layout, styles), scales_row_count(layout),
                  f"G{max(L.SCALES_FIRST_ROW + layout.n_criteria, _scales_bottom(layout))}"),
        SheetRows(L.NOTES, notes_rows(layout, notes, styles), 1 + len(notes),
                  f"H{1 + len(notes)}"),
        *extra_sheets,
        SheetRows(L.EMBEDDED, embedded, embedded_count, f"B{embedded_count + 1}"),
    ]
    write_package(skeleton.getvalue(), sheets, target, progress=progress,
                  should_cancel=should_cancel, done_before=analysed_share + _FRAME_SHARE)


def _scales_bottom(layout: L.WorkbookLayout) -> int:
    rows = [b for block in layout.scales for b in (block.levels, block.points) if b]
    return max((last for _first, last in rows), default=0)

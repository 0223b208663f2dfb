"""What the workbook's Methods, Sensitivity and Uncertainty sheets hold, computed at export.

These sheets carry fixed numbers, not formulas: the cross-check methods, the
weight sweeps, the score-flip test and the Monte Carlo are computed here by the
core — :func:`tradeoff.core.methods.crosscheck.crosscheck`, and the two
halves of :func:`tradeoff.core.robustness_report.robustness_sheets`
(``sensitivity_tables`` and ``uncertainty_tables``, called one at a time so
that progress and cancel work between them) — so the workbook shows what the
app and ``tradeoff crosscheck`` / ``tradeoff analyse`` show.

Several of these analyses compare every pair of options, so their cost grows
with the square of the number of options (PROMETHEE II, Kendall's τ, the
weight sweeps, the stakeholder comparison, the Monte Carlo's tallies). An
export of a very large matrix must still finish in seconds, so
:class:`AnalysisLimits` names, for each analysis, the size above which it is
left out (or, for the Monte Carlo, run with fewer draws); whatever is left out
is said on the sheet, with the numbers. The defaults keep each analysis to
about two seconds on a two-core machine (figures in the class's comments).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from tradeoff.core import robustness_report as R
from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods.crosscheck import CrossCheck, MethodOutcome, crosscheck
from tradeoff.core.methods.registry import METHODS, PRIMARY, MethodSettings
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.robustness_report import ReportTable
from tradeoff.core.sensitivity import all_sweeps
from tradeoff.core.smaa import SmaaCancelled, SmaaResult, SmaaSettings, run_smaa
from tradeoff.io.excel.xlsx_stream import CancelCheck, ExportCancelled

METHODS_SHEET = "Methods"
SENSITIVITY_SHEET, UNCERTAINTY_SHEET = R.SENSITIVITY_SHEET, R.UNCERTAINTY_SHEET
ANALYSIS_SHEETS = (METHODS_SHEET, SENSITIVITY_SHEET, UNCERTAINTY_SHEET)
PAIRWISE_METHOD = "promethee"  # the one cross-check whose cost grows with options²
MIN_DRAWS = 1_000  # fewer Monte Carlo draws than this say too little to be worth a sheet

FractionCallback = Callable[[float], None]


@dataclass(frozen=True)
class AnalysisLimits:
    """Sizes above which the export leaves an analysis out (or thins the Monte Carlo).

    Timings measured on a 2-core machine with 50 criteria unless said otherwise.
    """

    # PROMETHEE II compares every pair of options (2,000 options: 1.5 s).
    crosscheck_max_options: int = 2_000
    # Weight sweeps: option pairs × (criteria + groups); 100 options × 50 criteria
    # (247,500) take 2.1 s, 300 options × 8 criteria (358,800) 3.3 s: 200,000 allows
    # 89 options with 50 criteria, 224 with 8.
    sweep_max_pair_targets: int = 200_000
    # Score-flip test: options × criteria; 1,000 × 50 take 1.1 s, 10,000 × 50 21 s.
    flip_max_cells: int = 50_000
    # Stakeholder comparison: option pairs; 300 options (44,850 pairs; 8 criteria,
    # 2 profiles) take 1.9 s.
    stakeholder_max_pairs: int = 50_000
    # Monte Carlo: its rank and pairwise tallies are options × options per draw;
    # 10,000 draws take 0.8 s for 200 options, 4.9 s for 500 (1,600 draws: 0.3 s).
    smaa_max_options: int = 500
    smaa_draw_budget: int = 400_000_000  # draws × options²: 10,000 draws up to 200 options
    # Draws per chunk × options², one byte each in the pairwise tally: at most 200 MB.
    # The core's chunk of 10,000 draws is kept up to 141 options.
    smaa_chunk_budget: int = 200_000_000
    # What a sheet shows of one table; the rest is counted in the table's note.
    max_table_rows: int = 5_000
    max_table_columns: int = 1_000


@dataclass
class AnalysisContent:
    """Everything the three sheets show, and what was left out (as sentences)."""

    profile_name: str
    limits: AnalysisLimits
    methods: CrossCheck
    methods_notes: list[str]
    tables: dict[str, list[ReportTable]]  # Sensitivity and Uncertainty, by sheet name
    sheet_notes: dict[str, list[str]] = field(default_factory=dict)


# Each step's share of the progress reported, in the order the steps run.
STEP_SHARES = {"methods": 0.2, "sensitivity": 0.35, "monte carlo": 0.35, "uncertainty": 0.1}


class _Steps:
    """Reports progress 0…1 over the analyses (each step has a share) and checks for cancel."""

    SHARES: ClassVar[dict[str, float]] = STEP_SHARES

    def __init__(self, progress: FractionCallback | None, should_cancel: CancelCheck | None):
        self.progress = progress
        self.should_cancel = should_cancel
        self.done = 0.0

    def check(self) -> None:
        if self.should_cancel is not None and self.should_cancel():
            raise ExportCancelled

    def within(self, step: str, fraction: float) -> None:
        """Part of ``step`` is done (Monte Carlo chunks)."""
        if self.progress is not None:
            self.progress(min(1.0, self.done + self.SHARES[step] * fraction))

    def finished(self, step: str) -> None:
        self.done += self.SHARES[step]
        if self.progress is not None:
            self.progress(min(1.0, self.done))


def compute_analysis(matrix: DecisionMatrix, profile: WeightProfile, *,
                     settings: MethodSettings | None = None,
                     smaa: SmaaResult | None = None,
                     spread: float | None = R.DEFAULT_SPREAD,
                     limits: AnalysisLimits | None = None,
                     progress: FractionCallback | None = None,
                     should_cancel: CancelCheck | None = None) -> AnalysisContent:
    """The contents of the Methods, Sensitivity and Uncertainty sheets.

    ``smaa`` is a Monte Carlo result to show (the one the window shows, with its
    ``spread``); without one the default run of
    :func:`~tradeoff.core.robustness_report.default_smaa_settings` is made here.
    ``progress`` receives fractions 0…1; when ``should_cancel()`` returns True
    the work stops with :class:`~tradeoff.io.excel.xlsx_stream.ExportCancelled`.
    Raises :class:`TradeoffError` when ``smaa`` does not belong to ``matrix``.
    """
    limits = limits or AnalysisLimits()
    if smaa is not None:
        _check_result_matches(matrix, smaa)
    steps = _Steps(progress, should_cancel)
    steps.check()
    methods, methods_notes = _methods(matrix, profile, settings, limits)
    steps.finished("methods")
    steps.check()
    notes: dict[str, list[str]] = {SENSITIVITY_SHEET: [], UNCERTAINTY_SHEET: []}
    sensitivity = _sensitivity(matrix, profile, limits, notes[SENSITIVITY_SHEET])
    steps.finished("sensitivity")
    steps.check()
    if smaa is None:
        smaa = _monte_carlo(matrix, profile, limits, steps, notes[UNCERTAINTY_SHEET])
        spread = R.DEFAULT_SPREAD
    steps.finished("monte carlo")
    steps.check()
    uncertainty = _guarded(lambda: R.uncertainty_tables(matrix, profile, smaa, spread),
                           "the Monte Carlo and tornado tables", notes[UNCERTAINTY_SHEET])
    tables = {SENSITIVITY_SHEET: sensitivity, UNCERTAINTY_SHEET: uncertainty}
    steps.finished("uncertainty")
    return AnalysisContent(profile.name, limits, methods, methods_notes, tables, notes)


def _check_result_matches(matrix: DecisionMatrix, result: SmaaResult) -> None:
    option_ids = {o.id for o in matrix.options}
    if (list(result.criteria) != [c.id for c in matrix.criteria]
            or not set(result.options) <= option_ids):
        raise TradeoffError("the Monte Carlo result was computed for a different version of "
                            "the matrix (its options or criteria have changed since); run it "
                            "again before exporting")


# -- Methods -------------------------------------------------------------------
def _methods(matrix: DecisionMatrix, profile: WeightProfile, settings: MethodSettings | None,
             limits: AnalysisLimits) -> tuple[CrossCheck, list[str]]:
    n = len(matrix.options)
    if n <= limits.crosscheck_max_options:
        return crosscheck(matrix, profile, settings), []
    # Above the limit PROMETHEE II, which compares every pair of options, is listed
    # with the reason it was left out; the others (and Kendall's τ, a merge-sort count
    # since it stopped comparing every pair) run as the cross-check runs them.
    cc = crosscheck(matrix, profile, settings,
                    methods=[k for k in METHODS if k != PAIRWISE_METHOD])
    skipped = MethodOutcome(
        PAIRWISE_METHOD, METHODS[PAIRWISE_METHOD].display_name, None,
        f"left out above {limits.crosscheck_max_options:,} options: it compares every "
        f"pair of options ({n:,} here)", math.nan)
    order = [PRIMARY, *(k for k in METHODS if k != PRIMARY)]
    cc.outcomes = sorted([*cc.outcomes, skipped], key=lambda o: order.index(o.key))
    return cc, []


# -- Sensitivity -----------------------------------------------------------------
def _sensitivity(matrix: DecisionMatrix, profile: WeightProfile, limits: AnalysisLimits,
                 notes: list[str]) -> list[ReportTable]:
    """The core's Sensitivity tables, less those too big for this matrix (with a note)."""
    n, k = len(matrix.options), len(matrix.criteria)
    pairs = n * (n - 1) // 2
    targets = k + len(matrix.groups)
    sweeps_fit = pairs * targets <= limits.sweep_max_pair_targets
    flips_fit = n * k <= limits.flip_max_cells
    stakeholders_fit = len(matrix.profiles) < 2 or pairs <= limits.stakeholder_max_pairs
    if sweeps_fit and flips_fit and stakeholders_fit:
        return _guarded(lambda: R.sensitivity_tables(matrix, profile), "the sensitivity tables",
                        notes)
    tables: list[ReportTable] = []
    if sweeps_fit:
        sweeps = all_sweeps(matrix, profile)
        tables += [R.stability_table(matrix, sweeps), R.change_point_table(matrix, sweeps)]
    else:
        notes.append(f"Weight stability and change points left out: {n:,} options × {targets:,} "
                     f"criteria and groups make {pairs * targets:,} pairs to sweep, above the "
                     f"export's limit of {limits.sweep_max_pair_targets:,}.")
    if flips_fit:
        tables += _guarded(lambda: [R.flip_report(matrix, profile)], "the score-flip test",
                           notes)
    else:
        notes.append(f"Score-flip test left out: {n * k:,} scores, above the export's limit "
                     f"of {limits.flip_max_cells:,}.")
    if len(matrix.profiles) > 1:
        if stakeholders_fit:
            tables.append(R.stakeholder_table(matrix))
        else:
            notes.append(f"Stakeholder comparison left out: {pairs:,} pairs of options, above "
                         f"the export's limit of {limits.stakeholder_max_pairs:,}.")
    return tables


def _guarded(make: Callable[[], list[ReportTable]], what: str,
             notes: list[str]) -> list[ReportTable]:
    """``make()``, or no tables and a note when the matrix does not allow it."""
    try:
        return make()
    except TradeoffError as e:
        notes.append(f"{what[0].upper()}{what[1:]} could not be computed: {e}")
        return []


# -- Monte Carlo -----------------------------------------------------------------
def smaa_settings_for_export(matrix: DecisionMatrix, profile: WeightProfile,
                             limits: AnalysisLimits) -> SmaaSettings | None:
    """The default Monte Carlo, thinned for large matrices; None above the size limit."""
    n = len(matrix.options)
    if n > limits.smaa_max_options:
        return None
    settings = R.default_smaa_settings(matrix, profile)
    square = max(1, n * n)
    draws = min(settings.samples, max(MIN_DRAWS, limits.smaa_draw_budget // square))
    chunk = min(settings.chunk, max(1, limits.smaa_chunk_budget // square))
    return dataclasses.replace(settings, samples=draws, chunk=chunk,
                               confidence_samples=min(settings.confidence_samples, draws))


def _monte_carlo(matrix: DecisionMatrix, profile: WeightProfile, limits: AnalysisLimits,
                 steps: _Steps, notes: list[str]) -> SmaaResult | None:
    n = len(matrix.options)
    settings = smaa_settings_for_export(matrix, profile, limits)
    if settings is None:
        notes.append(f"Monte Carlo (SMAA-2) left out: {n:,} options, above the export's limit "
                     f"of {limits.smaa_max_options:,} (its tallies grow with the square of the "
                     "options).")
        return None
    default = R.default_smaa_settings(matrix, profile)
    if settings.samples < default.samples:
        notes.append(f"Monte Carlo thinned to {settings.samples:,} draws (instead of "
                     f"{default.samples:,}) for {n:,} options.")
    if settings.chunk < default.chunk:
        # The samplers draw chunk by chunk, so other chunk sizes give other (equally valid) draws.
        notes.append(f"Monte Carlo drawn {settings.chunk:,} at a time to bound memory, so a run "
                     "of `tradeoff analyse` with the same seed differs within sampling error.")
    try:
        return run_smaa(matrix, settings,
                        progress=lambda done, total: steps.within("monte carlo", done / total),
                        cancelled=steps.should_cancel)
    except SmaaCancelled:
        raise ExportCancelled from None
    except TradeoffError as e:
        notes.append(f"Monte Carlo (SMAA-2) not run: {e}.")
        return None

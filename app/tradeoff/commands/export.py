"""``tradeoff export FILE OUT.xlsx``: the matrix as an Excel workbook that still calculates."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tradeoff.commands.common import (
    add_scenario_option,
    apply_scenario,
    load,
    pick_profile,
    writing,
)
from tradeoff.commands.score import add_method_options, settings_from_args
from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods.registry import MethodSettings
from tradeoff.core.model import DecisionMatrix, WeightProfile


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export", help="write an Excel workbook with live formulas",
        description="Write the matrix as an .xlsx workbook: a summary with the ranking and a "
                    "chart, the scores, every weight profile, and the value model as formulas, "
                    "so that changing a weight or a score in Excel or LibreOffice re-ranks the "
                    "options; then the analyses as fixed numbers: the ranking under every "
                    "scoring method (Methods), weight stability and score flips "
                    "(Sensitivity) and Monte Carlo rank acceptabilities (Uncertainty). The "
                    "workbook imports back with `tradeoff import`.")
    p.add_argument("file", metavar="FILE", help="the matrix file (.toml)")
    p.add_argument("output", metavar="OUT.xlsx",
                   help="the workbook to write (replaced if it exists)")
    p.add_argument("--profile", help="weight profile (name or id) the workbook opens with "
                                     "(default: the matrix's active profile)")
    p.add_argument("--cost", metavar="CRITERION",
                   help="add a Value for money sheet with this criterion (name or id) as the cost")
    p.add_argument("--budget", metavar="B",
                   help="with --cost: add a Portfolio sheet, the best options within this budget")
    p.add_argument("--no-analysis", dest="analysis", action="store_false",
                   help="leave out the Methods, Sensitivity and Uncertainty sheets (faster on "
                        "very large matrices)")
    add_method_options(p)
    add_scenario_option(p)
    p.set_defaults(func=run)


def check_workbook_name(output: Path) -> None:
    if output.suffix.casefold() != ".xlsx":
        raise TradeoffError(f"{output}: the workbook's name must end in .xlsx")


def write_workbook(matrix: DecisionMatrix, output: Path, profile: WeightProfile,
                   settings: MethodSettings, *, source_name: str = "", analysis: bool = True,
                   progress: Callable[[float], None] | None = None,
                   value_options: Any = None) -> None:
    """Write ``matrix`` as the workbook ``export`` makes (atomically; a failure names
    ``output``)."""
    from tradeoff.io.excel.export import export_workbook  # openpyxl loads only when needed

    check_workbook_name(output)
    with writing(output):
        export_workbook(matrix, output, profile=profile, source_name=source_name,
                        progress=progress, analysis=analysis, method_settings=settings,
                        value_options=value_options)


def _value_options(args: argparse.Namespace) -> Any:
    """--cost (and --budget) as the workbook's Value for money and Portfolio sheets."""
    if args.budget is not None and args.cost is None:
        raise TradeoffError("--budget needs --cost, the criterion the budget is spent on")
    if args.cost is None:
        return None
    from tradeoff.commands.portfolio import parse_budget
    from tradeoff.io.excel.value_sheets import ValueOptions

    budget = None if args.budget is None else parse_budget(args.budget)
    return ValueOptions(args.cost, budget)


def run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    check_workbook_name(output)
    if output.exists() and Path(args.file).exists() and output.samefile(args.file):
        raise TradeoffError(f"{output}: would overwrite the matrix file being exported")
    matrix = apply_scenario(load(args.file), args.scenario)
    profile = pick_profile(matrix, args.profile)
    settings = settings_from_args(args, matrix, None)
    value_options = _value_options(args)
    progress = _progress_line if sys.stderr.isatty() else None
    write_workbook(matrix, output, profile, settings, source_name=Path(args.file).name,
                   analysis=args.analysis, progress=progress, value_options=value_options)
    if progress is not None:
        sys.stderr.write("\r\033[K")
    print(f"{output}: {_count(matrix.options, 'option')} × "
          f"{_count(matrix.criteria, 'criterion')}, {_count(matrix.profiles, 'profile')} "
          f"(opens with {profile.name!r})")
    return 0


def _progress_line(fraction: float) -> None:
    sys.stderr.write(f"\rexporting… {fraction:4.0%}")
    sys.stderr.flush()


def _count(items: list, noun: str) -> str:
    plural = "criteria" if noun == "criterion" else f"{noun}s"
    return f"{len(items)} {noun if len(items) == 1 else plural}"

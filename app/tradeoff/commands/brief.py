"""``tradeoff brief FILE -o OUT``: the decision brief as HTML, PDF, Word or Markdown.

The format follows the output's extension. Every statement is worded from the
same analyses ``score`` and ``analyse`` print; the same file, profile and seed
give the same HTML and Markdown byte for byte.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tradeoff.commands.common import load, pick_profile, writing
from tradeoff.core.errors import TradeoffError
from tradeoff.core.robustness_report import DEFAULT_SAMPLES, DEFAULT_SEED


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "brief", help="write the decision brief (HTML, PDF, Word or Markdown)",
        description="Write a brief a principal can read in five minutes: the recommendation "
                    "and its margin, why (the criteria that carry the margin, with their "
                    "rationales), how sure (the nearest weight change point, the smallest "
                    "score change that flips the winner, the Monte Carlo share, what each "
                    "weight profile puts first), the key uncertainties and the assumptions, "
                    "with the scored matrix as an appendix. The format follows the "
                    "extension of OUT: .html, .pdf, .docx or .md.")
    p.add_argument("file", metavar="FILE", help="the matrix file (.toml)")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="the brief to write: OUT.html, OUT.pdf, OUT.docx or OUT.md "
                        "(replaced if it exists)")
    p.add_argument("--profile", help="weight profile name or id (default: the active one)")
    p.add_argument("--scenario", metavar="ID",
                   help="argue under this scenario's scores (a scenario's id or name); "
                        "without it the brief argues from the base case and, when the matrix "
                        "has scenarios, adds the recommendation in each")
    p.add_argument("--samples", type=int, default=DEFAULT_SAMPLES,
                   help=f"Monte Carlo draws (default {DEFAULT_SAMPLES:,}; 0 leaves the Monte "
                        "Carlo out)")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED,
                   help=f"random seed; the same seed gives the same brief (default "
                        f"{DEFAULT_SEED})")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tradeoff.core.brief import BriefOptions, build_brief
    from tradeoff.core.scenarios import scenario_view
    from tradeoff.io.brief import brief_format, write_brief

    output = Path(args.output)
    fmt = brief_format(output)  # before any work: a wrong extension costs nothing
    if args.samples < 0:
        raise TradeoffError(f"--samples must be 0 or more, not {args.samples}")
    if args.seed < 0:
        raise TradeoffError(f"--seed must be zero or a positive whole number, not {args.seed}")
    if output.exists() and Path(args.file).exists() and output.samefile(args.file):
        raise TradeoffError(f"{output}: would overwrite the matrix file the brief is made from")
    matrix = load(args.file)
    profile = pick_profile(matrix, args.profile) if matrix.profiles or args.profile else None
    if args.scenario is not None:  # unknown: exit 2 naming the scenarios there are
        matrix = scenario_view(matrix, args.scenario)
    brief = build_brief(matrix, profile, BriefOptions(samples=args.samples, seed=args.seed))
    with writing(output):
        write_brief(brief, output)
    said = (f"recommends {brief.recommended}" if brief.recommended
            else "no single recommendation")
    print(f"{output}: {fmt} brief ({said})")
    return 0

"""``tradeoff validate FILE…``: check matrix files and report every problem."""

from __future__ import annotations

import argparse
import sys

from tradeoff.core.errors import ValidationError
from tradeoff.io.matrix_file import load_matrix


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("validate", help="check matrix files",
                              description="Check one or more matrix files; exit 2 if any is bad.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    status = 0
    for path in args.files:
        try:
            m = load_matrix(path)
        except ValidationError as e:
            print(str(e), file=sys.stderr)
            status = 2
            continue
        counts = ", ".join(_count(len(items), noun) for items, noun in (
            (m.options, "option"), (m.criteria, "criterion"), (m.profiles, "profile")))
        if m.scenarios:
            counts += ", " + _count(len(m.scenarios), "scenario")
        print(f"{path}: ok ({counts})")
    return status


def _count(n: int, noun: str) -> str:
    plural = "criteria" if noun == "criterion" else f"{noun}s"
    return f"{n} {noun if n == 1 else plural}"

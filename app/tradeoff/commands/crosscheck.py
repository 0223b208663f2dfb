"""``tradeoff crosscheck FILE``: the ranking under every method, side by side."""

from __future__ import annotations

import argparse
import csv
import math
import sys

from tradeoff.commands.common import (
    add_scenario_option,
    apply_scenario,
    format_table,
    load,
    one_line,
    pick_profile,
    print_json,
)
from tradeoff.commands.score import add_method_options, settings_from_args
from tradeoff.core.methods.crosscheck import CrossCheck, crosscheck
from tradeoff.core.printed_numbers import correlation_text
from tradeoff.core.screening import without_screened

DIFFERS = "*"  # marks a rank that differs from the primary method's


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "crosscheck", help="rank the options under every method and compare",
        description="Rank the options with the additive value model and every cross-check "
                    "method, with Kendall's tau against the additive model. A rank marked * "
                    "differs from the additive model's.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--profile", help="weight profile name or id (default: the active one)")
    add_method_options(p)
    add_scenario_option(p)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # screened options are not ranked
    matrix = without_screened(apply_scenario(load(args.file), args.scenario))
    profile = pick_profile(matrix, args.profile)
    cc = crosscheck(matrix, profile, settings_from_args(args, matrix, None))
    if args.format == "json":
        print_json(as_json(cc, matrix.metadata.title, profile.name))
    elif args.format == "csv":
        write_csv(cc)
    else:
        print(as_text(cc, matrix.metadata.title, profile.name))
    return 0


def _rank(cc: CrossCheck, option_id: str, key: str) -> int | None:
    r = cc.rank(option_id, key)
    return None if math.isnan(r) else int(r)


def as_json(cc: CrossCheck, title: str, profile_name: str) -> dict:
    return {
        "matrix": title, "profile": profile_name,
        "methods": [{
            "method": m.key, "name": m.display_name, "normalisation": m.normalisation,
            "kendall_tau": m.tau, "error": m.error,
            "ranking": [{"option": name, "id": oid, "rank": _rank(cc, oid, m.key),
                         "score": None if m.result is None else m.result.totals[oid],
                         "differs": m.result is not None and cc.differs(oid, m.key)}
                        for oid, name in zip(cc.option_ids, cc.option_names, strict=True)],
        } for m in cc.outcomes],
    }


def write_csv(cc: CrossCheck) -> None:
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["option", *[m.display_name for m in cc.outcomes]])
    for oid, name in zip(cc.option_ids, cc.option_names, strict=True):
        w.writerow([name, *["" if (r := _rank(cc, oid, m.key)) is None else r
                            for m in cc.outcomes]])
    w.writerow(["kendall tau", *["" if math.isnan(m.tau) else repr(m.tau) for m in cc.outcomes]])


def as_text(cc: CrossCheck, title: str, profile_name: str) -> str:
    headers = ["Option", *[m.display_name for m in cc.outcomes]]
    rows = []
    for oid, name in zip(cc.option_ids, cc.option_names, strict=True):
        cells = [name]
        for m in cc.outcomes:
            r = _rank(cc, oid, m.key)
            if m.result is None:
                cells.append("n/a")
            elif r is None:
                cells.append("—")
            else:
                cells.append(f"{r}{DIFFERS if cc.differs(oid, m.key) else ''}")
        rows.append(cells)
    rows.append(["Kendall's τ vs additive",
                 *["—" if math.isnan(m.tau) else correlation_text(m.tau)
                   for m in cc.outcomes]])
    table = format_table(headers, rows, right=set(range(1, len(headers))))
    notes = [f"  {m.display_name}: {one_line(m.error or m.normalisation)}" for m in cc.outcomes]
    text = (f"{one_line(title)}\nProfile: {one_line(profile_name)}\n{table}\n\n"
            f"Ranks marked {DIFFERS} differ from the additive model's.\n"
            "Normalisation (or why a method could not run):\n" + "\n".join(notes))
    issues = sorted({i.message for m in cc.outcomes if m.result for i in m.result.issues})
    if issues:
        text += "\n\nWarnings:\n" + "\n".join(f"  - {one_line(msg)}" for msg in issues)
    return text

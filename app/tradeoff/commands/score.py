"""``tradeoff score FILE``: rank the options under a weight profile."""

from __future__ import annotations

import argparse
import csv
import sys

from tradeoff.commands.common import fmt_number, format_table, load, pick_profile, print_json
from tradeoff.core.model import DecisionMatrix
from tradeoff.core.scoring import ScoreResult, score


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("score", help="rank the options of a matrix",
                              description="Score a matrix with the additive value model.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--profile", help="weight profile name or id (default: the active one)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    matrix = load(args.file)
    profile = pick_profile(matrix, args.profile)
    result = score(matrix, profile)
    if args.format == "json":
        print_json(as_json(matrix, result, profile.name))
    elif args.format == "csv":
        write_csv(matrix, result)
    else:
        print(as_text(matrix, result, profile.name))
    return 0


def as_json(matrix: DecisionMatrix, result: ScoreResult, profile_name: str) -> dict:
    names = {c.id: c.name for c in matrix.criteria}
    contrib = result.contributions()
    ranking = []
    for oid, row in result.ranking().iterrows():
        ranking.append({
            "option": row["option"], "id": oid, "score": row["total"],
            "rank": None if row["rank"] != row["rank"] else int(row["rank"]),
            "margin": row["margin"],
            "contributions": {names[c]: contrib.at[oid, c] for c in contrib.columns},
        })
    return {
        "matrix": matrix.metadata.title, "profile": profile_name, "method": result.method,
        "weights": {names[c]: w for c, w in result.weights.items()},
        "ranking": ranking,
        "issues": [i.message for i in result.issues],
    }


def write_csv(matrix: DecisionMatrix, result: ScoreResult) -> None:
    contrib = result.contributions()
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["rank", "option", "total", "margin", *[c.name for c in matrix.criteria]])
    for oid, row in result.ranking().iterrows():
        rank = "" if row["rank"] != row["rank"] else int(row["rank"])
        w.writerow([rank, row["option"], _num(row["total"]), _num(row["margin"]),
                    *[_num(contrib.at[oid, c.id]) for c in matrix.criteria]])


def _num(x: float) -> str:
    return "" if x != x else repr(float(x))


def as_text(matrix: DecisionMatrix, result: ScoreResult, profile_name: str) -> str:
    rows = []
    for _oid, row in result.ranking().iterrows():
        rank = "—" if row["rank"] != row["rank"] else str(int(row["rank"]))
        rows.append([rank, row["option"], fmt_number(row["total"]), fmt_number(row["margin"])])
    head = (f"{matrix.metadata.title}\nProfile: {profile_name} · Method: {result.method}\n")
    text = head + format_table(["Rank", "Option", "Total", "Margin"], rows, right={0, 2, 3})
    if result.issues:
        text += "\n\nWarnings:\n" + "\n".join(f"  - {i.message}" for i in result.issues)
    return text

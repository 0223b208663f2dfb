"""``tradeoff import IN.xlsx|IN.csv -o OUT.toml``: make a matrix file from a workbook or CSV.

(The module is not called ``import``, which is a Python keyword; the
sub-command is.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tradeoff.commands.common import writing
from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix

LAYOUT_HELP = """\
A workbook exported by Tradeoff comes back whole, with any scores, anchors,
weights or active profile changed in it. Any other sheet (or CSV file) is read
as a plain table: first row a label such as "option" followed by criterion
names; first column the option names; numbers in between. Optional rows
labelled weight, direction (benefit or cost), worst, best and unit may come
between the names and the options. A missing direction means benefit; missing
worst/best anchors are taken from the data (with a note saying so).
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "import", help="make a matrix file from an Excel workbook or a CSV file",
        description="Read a matrix from an .xlsx workbook or a .csv file and write it as a "
                    "Tradeoff matrix file.\n\n" + LAYOUT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input", metavar="IN", help="an .xlsx workbook or a .csv file")
    p.add_argument("-o", "--output", required=True, metavar="OUT.toml",
                   help="the matrix file to write (replaced if it exists)")
    p.add_argument("--sheet", help="read this sheet as a plain table (default: the matrix of a "
                                   "Tradeoff workbook, else the first visible sheet)")
    p.set_defaults(func=run)


def check_matrix_name(output: Path) -> None:
    if output.suffix.casefold() != ".toml":
        raise TradeoffError(f"{output}: the matrix file's name must end in .toml")


def write_matrix_file(matrix: DecisionMatrix, output: Path) -> None:
    """Save ``matrix`` as a matrix file (atomically; a failure names ``output``)."""
    from tradeoff.io.matrix_file import save_matrix

    check_matrix_name(output)
    with writing(output):
        save_matrix(matrix, output)


def run(args: argparse.Namespace) -> int:
    from tradeoff.io.excel.importer import import_matrix  # openpyxl loads only when needed

    source, output = Path(args.input), Path(args.output)
    check_matrix_name(output)
    if output.exists() and source.exists() and output.resolve() == source.resolve():
        raise TradeoffError(f"{output}: would overwrite the file being imported")
    result = import_matrix(source, sheet=args.sheet)
    for warning in result.warnings:
        print(f"tradeoff import: note: {warning}", file=sys.stderr)
    write_matrix_file(result.matrix, output)
    m = result.matrix
    print(f"{output}: {_count(m.options, 'option')} × {_count(m.criteria, 'criterion')}, "
          f"{_count(m.profiles, 'profile')} (from a {result.kind})")
    return 0


def _count(items: list, noun: str) -> str:
    plural = "criteria" if noun == "criterion" else f"{noun}s"
    return f"{len(items)} {noun if len(items) == 1 else plural}"

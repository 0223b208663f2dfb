"""Mutated example files: every read loads or refuses with Tradeoff's own error, quickly.

A hostile-input regression corpus. Hypothesis mutates the shipped example
matrices (and a workbook exported from one, and a CSV sheet) the ways a fuzzing
run found worth trying — truncation, byte flips, values of the wrong type,
huge and non-finite numbers, deep nesting, long chains of groups — and each
read must either give a matrix or raise :class:`TradeoffError` (what the CLI
turns into exit 2), never another exception. Hypothesis's ``deadline`` bounds
each read: a mutation that makes a read take seconds fails the test.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix
from tradeoff.io.excel.export import export_workbook
from tradeoff.io.excel.importer import import_matrix
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_matrices

EXAMPLES = {p.name: p.read_bytes() for p in example_matrices()}
READ_DEADLINE = dt.timedelta(seconds=5)
FUZZ = settings(max_examples=120, deadline=READ_DEADLINE,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

_NUMBER = re.compile(rb"(?<![\w.\"-])-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w\"])")
_VALUE = re.compile(rb"^(\s*[\w\"-]+\s*=\s*)(.+)$", re.M)

ODD_NUMBERS = [b"1e308", b"-1e308", b"1e999", b"inf", b"-inf", b"nan", b"+nan",
               b"9" * 400, b"-0", b"0", b"5e-324", b"123456789012345678901234567890",
               b"1_000_000", b"0x7fffffffffffffff"]
WRONG_VALUES = [b'"text"', b"true", b"[]", b"[1, 2]", b"{}", b"{ value = 1 }", b"1979-05-27",
                b"07:32:00", b'[["a"]]', b'""', b"'\\x00'", b'"=cmd|\' /C calc\'!A0"']


def _read(data: bytes, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        result = load_matrix(path) if suffix == ".toml" else import_matrix(path).matrix
    except TradeoffError:
        return
    assert isinstance(result, DecisionMatrix)


@st.composite
def mutated_example(draw: st.DrawFn) -> bytes:
    data = bytearray(EXAMPLES[draw(st.sampled_from(sorted(EXAMPLES)))])
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["truncate", "flip", "number", "wrong type", "nest",
                                     "chain", "splice"]))
        if kind == "truncate":
            data = data[:draw(st.integers(0, len(data)))]
        elif kind == "flip":
            for _ in range(draw(st.integers(1, 8))):
                if data:
                    data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        elif kind == "number":
            spans = [m.span() for m in _NUMBER.finditer(data)]
            if spans:
                a, b = draw(st.sampled_from(spans))
                data[a:b] = draw(st.sampled_from(ODD_NUMBERS))
        elif kind == "wrong type":
            spans = [m.span(2) for m in _VALUE.finditer(data)]
            if spans:
                a, b = draw(st.sampled_from(spans))
                data[a:b] = draw(st.sampled_from(WRONG_VALUES))
        elif kind == "nest":
            depth = draw(st.sampled_from([50, 1_000, 100_000]))
            opener, closer = draw(st.sampled_from([(b"[", b"]"), (b"{ a = ", b" }")]))
            data += b"\ndeep = " + opener * depth + b"1" + closer * depth + b"\n"
        elif kind == "chain":
            n = draw(st.sampled_from([40, 2_000]))
            cycle = draw(st.booleans())
            for i in range(n):
                parent = f"z{(i - 1) % n}" if cycle or i else ""
                data += (f'\n[[groups]]\nid = "z{i}"\nname = "Z{i}"\n'
                         + (f'parent = "{parent}"\n' if parent else "")).encode()
        else:  # a line of one place pasted in another
            lines = bytes(data).split(b"\n")
            if len(lines) > 2:
                i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
                lines.insert(j, lines[i])
                data = bytearray(b"\n".join(lines))
    return bytes(data)


@given(data=mutated_example())
@FUZZ
def test_a_mutated_matrix_file_loads_or_is_refused(tmp_path_factory, data):
    _read(data, tmp_path_factory.mktemp("fuzz"), ".toml")


@pytest.fixture(scope="module")
def workbook_bytes(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("wb") / "example.xlsx"
    export_workbook(load_matrix(example_matrices()[0]), path, analysis=False)
    return path.read_bytes()


@given(cut=st.integers(0, 10**7), flips=st.lists(st.tuples(st.integers(0, 10**7),
                                                           st.integers(0, 255)), max_size=6))
@settings(FUZZ, max_examples=40)
def test_a_damaged_workbook_loads_or_is_refused(tmp_path_factory, workbook_bytes, cut, flips):
    data = bytearray(workbook_bytes)
    for where, byte in flips:
        data[where % len(data)] = byte
    if cut < len(data):
        data = data[:cut] if flips else data[:max(cut, 1)]
    _read(bytes(data), tmp_path_factory.mktemp("fuzz"), ".xlsx")


CSV = b"option,Price,Speed\nweight,1,2\nAlpha,10,3\nBeta,20,4\n"


@given(data=st.binary(max_size=200).map(lambda b: CSV + b)
       | st.integers(0, len(CSV)).map(lambda n: CSV[:n])
       | st.sampled_from(ODD_NUMBERS).map(lambda x: CSV.replace(b"20", x)))
@FUZZ
def test_a_mutated_csv_sheet_loads_or_is_refused(tmp_path_factory, data):
    _read(data, tmp_path_factory.mktemp("fuzz"), ".csv")


JSON = st.recursive(st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats()
                    | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.sampled_from(["scores", "weights", "active_profile",
                                                       "sheet", "cell", "nodes", "first_row",
                                                       "first_col", "name_row", "worst_row",
                                                       "best_row", "first_points_col"]),
                                      inner, max_size=6),
                    max_leaves=12)


@given(layout=JSON, keep=st.booleans())
@settings(FUZZ, max_examples=25)
def test_a_workbook_whose_hidden_layout_is_any_json_loads_or_is_refused(
        tmp_path_factory, workbook_bytes, layout, keep):
    import json

    import openpyxl

    from tradeoff.io.excel.layout import EMBEDDED

    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "in.xlsx").write_bytes(workbook_bytes)
    wb = openpyxl.load_workbook(folder / "in.xlsx")
    original = json.loads(wb[EMBEDDED]["B2"].value)
    if keep and isinstance(layout, dict):  # a plausible table with some parts replaced
        layout = {**original, **layout}
    wb[EMBEDDED]["B2"] = json.dumps(layout)
    wb.save(folder / "fuzz.xlsx")
    _read((folder / "fuzz.xlsx").read_bytes(), folder, ".xlsx")

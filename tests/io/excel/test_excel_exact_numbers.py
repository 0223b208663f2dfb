"""A number exported to a workbook comes back as the very same number on import:
the same float to the last bit, an integer as the same integer (even beyond 2**53,
where a float would round it)."""

from __future__ import annotations

from tradeoff.core.model import (
    Criterion,
    DecisionMatrix,
    Metadata,
    Option,
    Score,
    WeightProfile,
)
from tradeoff.io.excel.export import export_workbook
from tradeoff.io.excel.importer import import_matrix
from tradeoff.io.matrix_file import dumps

BIG = 2 ** 53 + 1  # the first integer a float cannot hold


def _matrix(worst: float, best: float, scores: list[float]) -> DecisionMatrix:
    m = DecisionMatrix(metadata=Metadata(title="Exact"),
                       criteria=[Criterion("c", "C", worst=worst, best=best)],
                       options=[Option(f"o{i}", f"O{i}") for i in range(len(scores))],
                       profiles=[WeightProfile("p", "P", {"c": 1})])
    for i, v in enumerate(scores):
        m.scores[(f"o{i}", "c")] = Score(value=v)
    return m


def test_integer_anchors_beyond_a_floats_reach_come_back_exact(tmp_path):
    m = _matrix(0, BIG, [1, BIG])
    export_workbook(m, tmp_path / "m.xlsx", analysis=False)
    back = import_matrix(tmp_path / "m.xlsx").matrix
    assert back.criteria[0].best == BIG  # was 2**53, a float
    assert type(back.criteria[0].best) is int
    assert dumps(back) == dumps(m)


def test_a_value_function_ending_at_such_an_anchor_imports(tmp_path):
    # The rounded anchor no longer met the last point: the import was refused
    # ("points must start and end at the anchors …").
    m = _matrix(0, BIG, [1, BIG])
    m.criteria[0].value_points = [(0, 0.0), (10, 0.5), (BIG, 1.0)]
    export_workbook(m, tmp_path / "m.xlsx", analysis=False)
    assert import_matrix(tmp_path / "m.xlsx").matrix == m

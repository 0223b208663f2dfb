"""Matrices that exercise every corner of the Excel export, for the export and import tests.

Each builder returns a valid matrix (``check_matrix`` finds nothing), so a
workbook made from it must recalculate to exactly the core's results.
"""

from __future__ import annotations

import numpy as np

from tradeoff.core.model import (
    Criterion,
    DecisionMatrix,
    Direction,
    Group,
    Level,
    Metadata,
    Option,
    Score,
    WeightProfile,
)

# Text that a spreadsheet would take for a formula (or that hides one).
HOSTILE = ["=1+1", "+SUM(1,2)", "-2+3", "@SUM(1,1)", "\t=tab", "\r=cr",
           '=HYPERLINK("http://example.invalid","click")', "=cmd|' /C calc'!A0"]


def piecewise_matrix() -> DecisionMatrix:
    """Piecewise-linear value functions: numeric benefit and cost, and on a level scale.

    Scores sit below, on and between the points; the points are listed out of order.
    """
    levels = [Level("none", 0), Level("some", 1), Level("much", 2), Level("all", 4)]
    m = DecisionMatrix(
        metadata=Metadata(title="Piecewise"),
        criteria=[
            Criterion("delay", "Delay", worst=24, best=0, direction=Direction.COST, unit="months",
                      value_points=[(0, 1.0), (3, 0.6), (6, 0.35), (12, 0.15), (24, 0.0)]),
            Criterion("reach", "Reach", worst=0, best=100,
                      value_points=[(100, 1.0), (0, 0.0), (50, 0.8)]),
            Criterion("cover", "Cover", worst=0, best=4, levels=levels,
                      value_points=[(0, 0.0), (1, 0.5), (2, 0.75), (4, 1.0)]),
            Criterion("cost", "Cost", worst=10, best=2, direction=Direction.COST),
        ],
        options=[Option(f"o{i}", f"Option {i}") for i in range(6)],
        profiles=[WeightProfile("p", "Plain", {"delay": 3, "reach": 2, "cover": 2, "cost": 1}),
                  WeightProfile("q", "Delay only", {"delay": 1, "reach": 0, "cover": 0,
                                                    "cost": 0})],
    )
    rows = [(0, 0, "none", 10), (3, 50, "some", 2), (4.5, 25, "much", 6.5), (12, 100, "all", 3),
            (24, 75.5, "some", 9.99), (1.25, 99, "none", 2)]
    for i, (delay, reach, cover, cost) in enumerate(rows):
        for cid, v in zip(("delay", "reach", "cover", "cost"), (delay, reach, cover, cost),
                          strict=True):
            m.scores[(f"o{i}", cid)] = Score(value=v)
    return m


def wildcard_levels_matrix() -> DecisionMatrix:
    """Level names that MATCH would read as wildcards or patterns."""
    levels = [Level("a*", 0), Level("ab", 1), Level("b?", 2), Level("~c", 3),
              Level("high (>5).", 5)]
    plain = [Level("low", 1), Level("mid.", 2), Level("top [x]", 3)]
    m = DecisionMatrix(
        metadata=Metadata(title="Wildcards"),
        criteria=[Criterion("w", "Wild", worst=0, best=5, levels=levels),
                  Criterion("p", "Plain", worst=3.5, best=1, direction=Direction.COST,
                            levels=plain)],  # worst lies beyond the last level
        options=[Option(f"o{i}", f"O{i}") for i in range(5)],
        profiles=[WeightProfile("even", "Even", {"w": 1, "p": 1})],
    )
    for i, (w, p) in enumerate([("ab", "low"), ("a*", "mid."), ("b?", "top [x]"),
                                ("~c", "low"), ("high (>5).", "mid.")]):
        m.scores[(f"o{i}", "w")] = Score(value=w)
        m.scores[(f"o{i}", "p")] = Score(value=p)
    return m


def hostile_matrix() -> DecisionMatrix:
    """Every name, level, rationale and source begins like a formula."""
    m = DecisionMatrix(
        metadata=Metadata(title="=TITLE()", description="-description", author="@author",
                          sources=["=source()"]),
        groups=[Group("g", "+group")],
        criteria=[
            Criterion("c1", "=A1", worst=0, best=10, unit="=unit", group="g"),
            Criterion("c2", "-B2", worst=5, best=1, direction=Direction.COST, group="g"),
            Criterion("c3", "@C3", worst=0, best=2,
                      levels=[Level("=bad", 0), Level("+ok", 1), Level("-good", 2)]),
        ],
        options=[Option(f"o{i}", name) for i, name in enumerate(HOSTILE)],
        profiles=[WeightProfile("p1", "=profile", {"g": 2, "c1": 1, "c2": 1, "c3": 1}),
                  WeightProfile("p2", "\t=tabbed profile", {"g": 1, "c1": 3, "c2": 1,
                                                            "c3": 2})],
    )
    for i in range(len(HOSTILE)):
        m.scores[(f"o{i}", "c1")] = Score(value=i, rationale=HOSTILE[i],
                                          source=HOSTILE[-1 - i])
        m.scores[(f"o{i}", "c2")] = Score(value=1 + (i % 5), rationale="=1/0")
        m.scores[(f"o{i}", "c3")] = Score(value=["=bad", "+ok", "-good"][i % 3])
    return m


def missing_and_ties_matrix() -> DecisionMatrix:
    """Options with missing scores (no total, no rank) and tied totals."""
    m = DecisionMatrix(
        metadata=Metadata(title="Gaps and ties"),
        criteria=[Criterion("x", "X", worst=0, best=10), Criterion("y", "Y", worst=0, best=10),
                  Criterion("z", "Z", worst=0, best=10)],
        options=[Option(f"o{i}", f"Option {i}") for i in range(8)],
        profiles=[WeightProfile("even", "Even", {"x": 1, "y": 1, "z": 1}),
                  WeightProfile("x", "X heavy", {"x": 5, "y": 1, "z": 1})],
    )
    table = [(5, 5, 5), (10, 0, 5), (None, 3, 3), (5, 5, 5), (0, 10, 5), (1, None, None),
             (2, 2, 2), (10, 10, 10)]
    for i, row in enumerate(table):
        for cid, v in zip("xyz", row, strict=True):
            if v is not None:
                m.scores[(f"o{i}", cid)] = Score(value=v)
            elif i == 5:
                m.scores[(f"o{i}", cid)] = Score(rationale="not yet scored")
    return m


def deep_tree_matrix() -> DecisionMatrix:
    """Three levels of groups, a group with no criteria, a group weighing zero."""
    m = DecisionMatrix(
        metadata=Metadata(title="Deep tree"),
        groups=[Group("a", "A"), Group("a1", "A1", parent="a"), Group("a2", "A2", parent="a"),
                Group("b", "B"), Group("empty", "Empty", parent="b"), Group("zero", "Zero")],
        criteria=[Criterion("c1", "C1", 0, 1, group="a1"), Criterion("c2", "C2", 0, 1, group="a1"),
                  Criterion("c3", "C3", 0, 1, group="a2"), Criterion("c4", "C4", 0, 1, group="b"),
                  Criterion("c5", "C5", 0, 1), Criterion("c6", "C6", 0, 1, group="zero")],
        options=[Option(f"o{i}", f"Option {i}") for i in range(5)],
    )
    nodes = ["a", "a1", "a2", "b", "empty", "zero", "c1", "c2", "c3", "c4", "c5", "c6"]
    m.profiles = [
        WeightProfile("p1", "One", dict.fromkeys(nodes, 1) | {"zero": 0, "c6": 0}),
        WeightProfile("p2", "Two", dict(zip(nodes, [3, 1, 2, 0.5, 7, 0, 0.2, 0.8, 5, 1, 2.5, 0],
                                            strict=True))),
        WeightProfile("p3", "Three", dict(zip(nodes, [1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4],
                                              strict=True))),
    ]
    rng = np.random.default_rng(7)
    for i in range(5):
        for j in range(6):
            v = float(np.round(rng.uniform(0, 1), 3))
            ranged = (i + j) % 3 == 0  # some scores carry an uncertainty range
            m.scores[(f"o{i}", f"c{j + 1}")] = Score(
                value=v, low=max(0.0, round(v - 0.1, 3)) if ranged else None,
                high=min(1.0, round(v + 0.1, 3)) if ranged else None)
    return m


def random_matrix(n_options: int, n_criteria: int, seed: int = 1,
                  rationale_every: int = 0) -> DecisionMatrix:
    """A flat matrix with random scores (benefit and cost criteria), for size and spread."""
    rng = np.random.default_rng(seed)
    criteria = [Criterion(f"c{j}", f"Criterion {j}", worst=0, best=10) if j % 3 else
                Criterion(f"c{j}", f"Criterion {j}", worst=10, best=0, direction=Direction.COST)
                for j in range(n_criteria)]
    m = DecisionMatrix(
        metadata=Metadata(title=f"Random {n_options} × {n_criteria}"),
        criteria=criteria,
        options=[Option(f"o{i}", f"Option {i}") for i in range(n_options)],
        profiles=[WeightProfile("w", "Random", {c.id: float(w) for c, w in
                                                zip(criteria, rng.uniform(0.5, 5, n_criteria),
                                                    strict=True)})],
    )
    values = rng.uniform(0, 10, (n_options, n_criteria))
    for i in range(n_options):
        oid = f"o{i}"
        for j in range(n_criteria):
            note = "why" if rationale_every and (i * n_criteria + j) % rationale_every == 0 else ""
            m.scores[(oid, f"c{j}")] = Score(value=float(values[i, j]), rationale=note)
    return m

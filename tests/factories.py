"""Small matrices built in code, for tests that need a known shape."""

from __future__ import annotations

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


def small_matrix() -> DecisionMatrix:
    """Three options, three criteria (one cost, one level scale), a two-level value tree.

    Hand-computed totals under profile "even" (group weights 1:1, criterion weights 1:1):
      cost  = (2 - 10)/(0 - 10)... see tests/core/test_scoring.py for the arithmetic.
    """
    levels = [Level("low", 0), Level("medium", 1), Level("high", 2), Level("very high", 3)]
    m = DecisionMatrix(
        metadata=Metadata(title="Small", author="tests"),
        groups=[Group("money", "Money"), Group("quality", "Quality")],
        criteria=[
            Criterion("price", "Price", worst=100, best=0, direction=Direction.COST,
                      unit="k€", group="money"),
            Criterion("speed", "Speed", worst=0, best=10, group="quality"),
            Criterion("risk", "Risk", worst=3, best=0, direction=Direction.COST,
                      levels=levels, group="quality"),
        ],
        options=[Option("a", "Alpha"), Option("b", "Beta"), Option("c", "Gamma")],
        profiles=[
            WeightProfile("even", "Even", {"money": 1, "quality": 1, "price": 1, "speed": 1,
                                           "risk": 1}),
            WeightProfile("quality", "Quality first", {"money": 1, "quality": 3, "price": 1,
                                                       "speed": 2, "risk": 1}),
        ],
        active_profile="even",
    )
    cells = {
        ("a", "price"): 40, ("a", "speed"): 6, ("a", "risk"): "medium",
        ("b", "price"): 20, ("b", "speed"): 3, ("b", "risk"): "high",
        ("c", "price"): 70, ("c", "speed"): 9, ("c", "risk"): "low",
    }
    for (o, c), v in cells.items():
        m.scores[(o, c)] = Score(value=v, rationale=f"{o} on {c}", source="test")
    return m

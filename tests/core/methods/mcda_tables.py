"""Decision matrices built from plain tables, as textbooks print them."""

from __future__ import annotations

from tradeoff.core.model import Criterion, DecisionMatrix, Direction, Option, Score, WeightProfile


def table_matrix(rows: list[list[float]], directions: str, weights: list[float],
                 options: list[str] | None = None,
                 criteria: list[str] | None = None) -> DecisionMatrix:
    """A flat matrix from an options × criteria table.

    ``directions`` has one letter per criterion: ``b`` benefit, ``c`` cost.
    The anchors sit well outside the data: the cross-check methods ignore
    them, and they keep the matrix valid for the primary model.
    """
    n_crit = len(directions)
    options = options or [f"A{i + 1}" for i in range(len(rows))]
    criteria = criteria or [f"C{j + 1}" for j in range(n_crit)]
    crits = []
    for j, letter in enumerate(directions):
        col = [r[j] for r in rows]
        low, high = min(col) - abs(min(col)) - 1, max(col) + abs(max(col)) + 1
        if letter == "b":
            crits.append(Criterion(criteria[j].lower(), criteria[j], worst=low, best=high))
        else:
            crits.append(Criterion(criteria[j].lower(), criteria[j], worst=high, best=low,
                                   direction=Direction.COST))
    m = DecisionMatrix(
        criteria=crits,
        options=[Option(name.lower(), name) for name in options],
        profiles=[WeightProfile("w", "Published weights",
                                {c.id: w for c, w in zip(crits, weights, strict=True)})],
    )
    for o, row in zip(m.options, rows, strict=True):
        for c, x in zip(crits, row, strict=True):
            m.scores[(o.id, c.id)] = Score(value=x)
    return m

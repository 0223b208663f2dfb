"""Swing weighting: how much is it worth to move each criterion from worst to best?

The analyst imagines an option at the worst anchor of every criterion, picks
the criterion whose swing to its best anchor would be most valuable and gives
that swing 100 points, then rates every other swing relative to it (0–100).
Each weight is its points over the total (von Winterfeldt, D. & Edwards, W.
1986, *Decision Analysis and Behavioral Research*, Cambridge UP, ch. 8;
Edwards, W. & Barron, F. H. 1994, "SMARTS and SMARTER: improved simple methods
for multiattribute utility measurement", Organizational Behavior and Human
Decision Processes 60(3), 306–325).

Because the anchors are explicit in every criterion, the swing the analyst
weighs is exactly the one the additive model scores, which is what makes the
weights meaningful. At a group node the swing is every criterion under the
group moving from worst to best together.
"""

from __future__ import annotations

import math

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix

TOP_POINTS = 100.0


def swing_weights(points: dict[str, float]) -> dict[str, float]:
    """Normalised weights from swing points (the top swing has 100, others 0–100).

    Raises TradeoffError naming the item whose points are out of range, or
    saying that no swing has the 100 points that anchor the scale.
    """
    if not points:
        return {}
    for item, p in points.items():
        if isinstance(p, bool) or not isinstance(p, int | float) or not math.isfinite(p):
            raise TradeoffError(f"the swing points of {item!r} must be a number, not {p!r}")
        if not 0 <= p <= TOP_POINTS:
            raise TradeoffError(f"the swing points of {item!r} are {p:g}; rate each swing "
                                f"from 0 to {TOP_POINTS:g} against the most valued one")
    if max(points.values()) != TOP_POINTS:
        raise TradeoffError(f"give the most valued swing {TOP_POINTS:g} points; the others are "
                            "rated against it")
    total = sum(points.values())
    return {item: p / total for item, p in points.items()}


def points_from_weights(weights: dict[str, float], items: list[str]) -> dict[str, float]:
    """Swing points that give ``items`` the shares their ``weights`` give them: the
    largest weight gets 100 points. Empty when a weight is missing or negative, or all
    are zero (there is then nothing to start from)."""
    given = [weights.get(k) for k in items]
    if not all(isinstance(w, int | float) and not isinstance(w, bool) and math.isfinite(w)
               and w >= 0 for w in given):
        return {}
    top = max(given, default=0)  # type: ignore[type-var]
    if not top > 0:  # type: ignore[operator]
        return {}
    return {k: TOP_POINTS if w == top else TOP_POINTS * w / top  # type: ignore[operator]
            for k, w in zip(items, given, strict=True)}


def swing_text(matrix: DecisionMatrix, node_id: str) -> str:
    """What swinging a criterion (or a whole group) from worst to best means, in words."""
    try:
        c = matrix.criterion(node_id)
    except KeyError:
        group = matrix.group(node_id)
        return f"Every criterion under {group.name} from worst to best"

    def level(x: float) -> str:
        name = c.level_at(x) if c.is_level_scale else None
        return name if name is not None else c.format_value(x)

    return f"{c.name} from {level(c.worst)} to {level(c.best)}"

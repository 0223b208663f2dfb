"""Combining several participants' weights or judgements into one profile.

* Weights: each participant's weights are normalised to sum 1, then averaged
  (the arithmetic mean of priorities, "AIP" in Forman, E. & Peniwati, K. 1998,
  "Aggregating individual judgments and priorities with the analytic
  hierarchy process", EJOR 108(1), 165–169).
* AHP judgements: each pair's judgements are combined by their geometric
  mean before priorities are derived ("AIJ"). The geometric mean is the
  aggregation that keeps the combined matrix reciprocal (Aczél, J. & Saaty,
  T. L. 1983, "Procedures for synthesizing ratio judgements", J. Math. Psych.
  27(1), 93–102): if one participant says 2 and another 8, the group says 4,
  and the reverse judgements 1/2 and 1/8 give 1/4. A pair nobody judged
  stays blank; a pair only some judged takes the mean of those who did.
"""

from __future__ import annotations

import math
from typing import Any

from tradeoff.core.elicitation.ahp import AhpResult, Judgements, ahp, comparison_matrix
from tradeoff.core.elicitation.records import ElicitationOutcome, judgements_record
from tradeoff.core.errors import TradeoffError

AGGREGATIONS = {
    "mean-of-weights": "arithmetic mean of weights",
    "geometric-mean-of-judgements": "geometric mean of judgements",
}


def mean_of_weights(participants: dict[str, dict[str, float]]) -> dict[str, float]:
    """The arithmetic mean of each participant's normalised weights.

    Every participant must weigh the same items with non-negative numbers and a
    positive total; a TradeoffError names the participant who does not.
    """
    if not participants:
        raise TradeoffError("a group profile needs at least one participant")
    names = list(participants)
    items = list(participants[names[0]])
    total = dict.fromkeys(items, 0.0)
    for name in names:
        weights = participants[name]
        if set(weights) != set(items):
            missing = sorted(set(items) - set(weights)) or sorted(set(weights) - set(items))
            raise TradeoffError(f"{name} weighs a different set of items (check "
                                f"{', '.join(missing)}); every participant weighs the same ones")
        if any(not math.isfinite(w) or w < 0 for w in weights.values()):
            raise TradeoffError(f"{name}'s weights must be zero or positive numbers")
        s = sum(weights.values())
        if s <= 0:
            raise TradeoffError(f"{name}'s weights are all zero")
        for item in items:
            total[item] += weights[item] / s
    return {item: total[item] / len(names) for item in items}


def _canonical(items: list[str], row: str, col: str, value: float) -> tuple[str, str, float]:
    """The judgement oriented by the items' order, so (b, a) = x joins (a, b) = 1/x."""
    order = {item: k for k, item in enumerate(items)}
    if row in order and col in order and order[row] > order[col]:
        return col, row, 1.0 / value
    return row, col, value


def geometric_mean_judgements(items: list[str],
                              participants: dict[str, Judgements]) -> Judgements:
    """Each pair's judgements combined by their geometric mean (blank if nobody judged it)."""
    if not participants:
        raise TradeoffError("a group judgement needs at least one participant")
    logs: dict[tuple[str, str], list[float]] = {}
    for name, judgements in participants.items():
        try:
            comparison_matrix(items, judgements)  # each set must make sense on its own
        except TradeoffError as e:
            raise TradeoffError(f"{name}: {e}") from e
        seen: set[tuple[str, str]] = set()
        for (row, col), value in judgements.items():
            row, col, value = _canonical(items, row, col, value)
            if (row, col) in seen:
                continue  # (a, b) and (b, a) given consistently: count the pair once
            seen.add((row, col))
            logs.setdefault((row, col), []).append(math.log(value))
    return {pair: math.exp(sum(v) / len(v)) for pair, v in logs.items()}


def group_ahp(items: list[str], participants: dict[str, Judgements],
              method: str = "eigenvector") -> AhpResult:
    """Priorities of the group's geometric-mean judgements."""
    return ahp(items, geometric_mean_judgements(items, participants), method)


def group_outcome(level: str | None, items: list[str], aggregation: str,
                  participants: dict[str, Any]) -> ElicitationOutcome:
    """A level's group weights with every participant's inputs, ready to store.

    ``participants`` maps names to weights (``mean-of-weights``) or to AHP
    judgements (``geometric-mean-of-judgements``).
    """
    if aggregation == "mean-of-weights":
        weights = mean_of_weights(participants)
        if set(weights) != set(items):
            raise TradeoffError("the participants weigh "
                                f"{', '.join(sorted(weights)) or 'nothing'}, but this level "
                                f"holds {', '.join(items)}")
        entries = [{"name": n, "weights": {k: float(v) for k, v in w.items()}}
                   for n, w in participants.items()]
        return ElicitationOutcome(level, "group", weights,
                                  {"aggregation": aggregation, "participants": entries})
    if aggregation == "geometric-mean-of-judgements":
        result = group_ahp(items, participants)
        entries = [{"name": n, "judgements": judgements_record(j)}
                   for n, j in participants.items()]
        record: dict[str, Any] = {"aggregation": aggregation, "participants": entries}
        if result.cr is not None:
            record["consistency_ratio"] = round(result.cr, 6)
        return ElicitationOutcome(level, "group", result.weights, record)
    raise TradeoffError(f"unknown aggregation {aggregation!r} (choose from "
                        f"{', '.join(AGGREGATIONS)})")

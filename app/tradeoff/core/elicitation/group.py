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

The readers at the end turn what participants typed (text, one entry per item
or per pair) into those inputs, refusing bad entries with a message that names
the participant and the item, and read stored participants back from a record.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from typing import Any

from tradeoff.core.elicitation.ahp import AhpResult, Judgements, ahp, comparison_matrix
from tradeoff.core.elicitation.records import (
    ElicitationOutcome,
    judgements_record,
    read_judgements,
    read_numbers,
)
from tradeoff.core.errors import TradeoffError
from tradeoff.core.number_text import exact_text

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


# -- entries as typed, and participants as stored ------------------------------------------
SAATY_LOW, SAATY_HIGH = 1 / 9, 9.0


def parse_weight(text: str) -> float:
    """A typed weight in any units; blank counts as 0. ValueError says what is wrong."""
    text = text.strip()
    if not text:
        return 0.0
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"“{text}” is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"“{text}” is not a finite number")
    if value < 0:
        raise ValueError(f"{text} is negative; weights are zero or positive")
    return value


def parse_judgement(text: str) -> float | None:
    """A typed AHP ratio such as 3, 1/3 or 0.5; blank means not judged (None)."""
    text = text.strip()
    if not text:
        return None
    try:
        if "/" in text:
            top, bottom = text.split("/", 1)
            value = float(top) / float(bottom)
        else:
            value = float(text)
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"“{text}” is not a ratio such as 3 or 1/3") from None
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{text} is not a positive ratio; use 1/9 to 9")
    if not SAATY_LOW - 1e-9 <= value <= SAATY_HIGH + 1e-9:
        raise ValueError(f"{text} is off Saaty's scale; use 1/9 to 9")
    return value


def weight_text(value: float) -> str:
    """A stored weight as it is typed back in, exactly (100, 2.5)."""
    return exact_text(float(value))


def judgement_text(value: float) -> str:
    """A stored ratio as it is typed back in: 3, 1/3, or the decimal between steps. Only
    a ratio that is exactly 1/n reads as "1/n": a typed 0.3333333333 stays as typed."""
    if 0 < value < 1 and 1 / round(1 / value) == value:
        return f"1/{round(1 / value)}"
    return exact_text(float(value))


def _check_names(names: Sequence[str]) -> None:
    if not names:
        raise TradeoffError("add at least one participant")
    for row, name in enumerate(names, start=1):
        if not name.strip():
            raise TradeoffError(f"the participant in row {row} has no name; give them one")
    for name in names:
        if names.count(name) > 1:
            raise TradeoffError(f"two participants are called “{name}”; give each a "
                                "different name")


def entered_weights(rows: Sequence[tuple[str, Mapping[str, str]]], items: list[str],
                    names: Mapping[str, str]) -> dict[str, dict[str, float]]:
    """Each participant's typed weights as numbers, ready for ``mean_of_weights``.

    ``rows`` pairs each participant's name with their text per item id; ``names``
    gives the items' display names for messages. Raises TradeoffError naming the
    participant and item of a negative or non-numeric entry, or the participant
    whose weights are all zero or blank.
    """
    _check_names([name for name, _ in rows])
    out: dict[str, dict[str, float]] = {}
    for who, texts in rows:
        weights: dict[str, float] = {}
        for item in items:
            try:
                weights[item] = parse_weight(texts.get(item, ""))
            except ValueError as e:
                raise TradeoffError(f"{who}'s weight for {names.get(item, item)}: {e}") from e
        if sum(weights.values()) <= 0:
            raise TradeoffError(f"{who}'s weights are all zero or blank; give at least one "
                                "item a positive weight")
        out[who] = weights
    return out


def entered_judgements(rows: Sequence[tuple[str, Mapping[tuple[str, str], str]]],
                       items: list[str], names: Mapping[str, str]) -> dict[str, Judgements]:
    """Each participant's typed AHP ratios per pair (a, b) of ``items``, a before b.

    Blank pairs are left out; a participant who judged no pair at all, or an
    entry that is not a ratio on Saaty's 1/9…9 scale, is refused with a message
    naming the participant and the pair.
    """
    _check_names([name for name, _ in rows])
    out: dict[str, Judgements] = {}
    for who, texts in rows:
        judgements: Judgements = {}
        for a, b in itertools.combinations(items, 2):
            try:
                value = parse_judgement(texts.get((a, b), ""))
            except ValueError as e:
                raise TradeoffError(f"{who}'s judgement of {names.get(a, a)} against "
                                    f"{names.get(b, b)}: {e}") from e
            if value is not None:
                judgements[(a, b)] = value
        if not judgements:
            raise TradeoffError(f"{who} has judged no pair; enter at least one ratio")
        out[who] = judgements
    return out


def stored_participants(record: Mapping[str, Any] | None
                        ) -> list[tuple[str, dict[str, float], Judgements]]:
    """Name, weights and judgements of each participant in a stored group record.

    A participant stored with weights has no judgements, and the other way
    round. Malformed entries of a hand-edited file are skipped, not fatal.
    """
    entries = record.get("participants") if record else None
    out: list[tuple[str, dict[str, float], Judgements]] = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            out.append((entry["name"], read_numbers(entry, "weights"),
                        read_judgements(entry.get("judgements"))))
    return out

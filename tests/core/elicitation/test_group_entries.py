"""Participants' typed entries read into group inputs, and stored participants read back."""

from __future__ import annotations

import pytest

from factories import small_matrix
from tradeoff.core.elicitation.group import (
    entered_judgements,
    entered_weights,
    group_outcome,
    judgement_text,
    mean_of_weights,
    parse_judgement,
    parse_weight,
    stored_participants,
    weight_text,
)
from tradeoff.core.elicitation.records import apply_outcome, stored_record
from tradeoff.core.errors import TradeoffError
from tradeoff.io.matrix_file import dumps, loads

NAMES = {"a": "Cost", "b": "Risk", "c": "Speed"}


def test_weights_read_as_typed_with_blank_as_zero():
    assert parse_weight(" 2.5 ") == 2.5
    assert parse_weight("") == 0.0
    assert parse_weight("0") == 0.0
    with pytest.raises(ValueError, match="-1 is negative"):
        parse_weight("-1")
    with pytest.raises(ValueError, match="“lots” is not a number"):
        parse_weight("lots")
    with pytest.raises(ValueError, match="not a finite number"):
        parse_weight("inf")


def test_ratios_read_as_fractions_or_decimals_on_saatys_scale():
    assert parse_judgement("3") == 3.0
    assert parse_judgement("1/3") == pytest.approx(1 / 3)
    assert parse_judgement(" 0.5 ") == 0.5
    assert parse_judgement("") is None
    with pytest.raises(ValueError, match="10 is off Saaty's scale"):
        parse_judgement("10")
    with pytest.raises(ValueError, match="1/10 is off Saaty's scale"):
        parse_judgement("1/10")
    with pytest.raises(ValueError, match="not a positive ratio"):
        parse_judgement("0")
    with pytest.raises(ValueError, match="“1/0” is not a ratio"):
        parse_judgement("1/0")
    with pytest.raises(ValueError, match="“three” is not a ratio"):
        parse_judgement("three")


@pytest.mark.parametrize(("value", "text"), [(1 / 3, "1/3"), (1 / 9, "1/9"), (3.0, "3"),
                                             (1.0, "1"), (2.4, "2.4"), (0.4, "0.4")])
def test_stored_ratios_are_shown_as_they_would_be_typed(value, text):
    assert judgement_text(value) == text
    assert parse_judgement(text) == pytest.approx(value, rel=1e-12)


def test_stored_weights_are_shown_as_they_would_be_typed():
    assert weight_text(100.0) == "100"
    assert weight_text(2.5) == "2.5"
    assert parse_weight(weight_text(1 / 7)) == 1 / 7  # every digit, so OK alone changes nothing
    assert parse_judgement(judgement_text(2.123456789012345)) == 2.123456789012345
    # Near a third is not a third: shown as 1/3 it would come back as another number.
    assert judgement_text(0.3333333333) == "0.3333333333"
    assert all(parse_judgement(judgement_text(1 / n)) == 1 / n for n in range(2, 10))


def test_entered_weights_feed_the_mean_of_normalised_weights():
    """Hand-computed: A 1:1 → .5/.5, B 3:1 → .75/.25, C blank:2 → 0/1; mean 1.25/3, 1.75/3."""
    rows = [("A", {"a": "1", "b": "1"}), ("B", {"a": "3", "b": "1"}),
            ("C", {"a": "", "b": "2"})]
    weights = entered_weights(rows, ["a", "b"], NAMES)
    assert weights == {"A": {"a": 1.0, "b": 1.0}, "B": {"a": 3.0, "b": 1.0},
                       "C": {"a": 0.0, "b": 2.0}}
    assert mean_of_weights(weights) == pytest.approx({"a": 1.25 / 3, "b": 1.75 / 3})


def test_bad_weights_name_the_participant_and_the_item():
    items = ["a", "b"]
    with pytest.raises(TradeoffError, match=r"^B's weight for Risk: -2 is negative"):
        entered_weights([("A", {"a": "1", "b": "1"}), ("B", {"a": "1", "b": "-2"})], items,
                        NAMES)
    with pytest.raises(TradeoffError, match=r"^A's weight for Cost: “x” is not a number"):
        entered_weights([("A", {"a": "x", "b": "1"})], items, NAMES)
    with pytest.raises(TradeoffError, match=r"^B's weights are all zero or blank"):
        entered_weights([("A", {"a": "1", "b": "1"}), ("B", {"a": "0", "b": ""})], items,
                        NAMES)
    with pytest.raises(TradeoffError, match="two participants are called “A”"):
        entered_weights([("A", {"a": "1"}), ("A", {"a": "2"})], ["a"], NAMES)
    with pytest.raises(TradeoffError, match="the participant in row 2 has no name"):
        entered_weights([("A", {"a": "1"}), (" ", {"a": "2"})], ["a"], NAMES)
    with pytest.raises(TradeoffError, match="add at least one participant"):
        entered_weights([], items, NAMES)


def test_entered_judgements_keep_only_the_pairs_judged():
    rows = [("A", {("a", "b"): "2", ("a", "c"): "", ("b", "c"): "1/3"}),
            ("B", {("a", "b"): "8"})]
    judged = entered_judgements(rows, ["a", "b", "c"], NAMES)
    assert judged["A"] == pytest.approx({("a", "b"): 2.0, ("b", "c"): 1 / 3})
    assert judged["B"] == {("a", "b"): 8.0}
    with pytest.raises(TradeoffError, match=r"^B's judgement of Cost against Speed: 12 is off"):
        entered_judgements([("B", {("a", "c"): "12"})], ["a", "b", "c"], NAMES)
    with pytest.raises(TradeoffError, match=r"^B has judged no pair"):
        entered_judgements([("A", {("a", "b"): "2"}), ("B", {})], ["a", "b"], NAMES)


def test_stored_participants_read_back_after_a_save_and_reload():
    m = small_matrix()
    by_weights = group_outcome(None, ["money", "quality"], "mean-of-weights",
                               {"Ann": {"money": 1, "quality": 1},
                                "Ben": {"money": 3, "quality": 1}})
    by_ratios = group_outcome("quality", ["speed", "risk"], "geometric-mean-of-judgements",
                              {"Ann": {("speed", "risk"): 2}, "Ben": {("speed", "risk"): 8}})
    m.profiles[0] = apply_outcome(apply_outcome(m.profiles[0], by_weights), by_ratios)
    back = loads(dumps(m)).profile("even")
    assert stored_participants(stored_record(back, None)) == [
        ("Ann", {"money": 1.0, "quality": 1.0}, {}), ("Ben", {"money": 3.0, "quality": 1.0}, {})]
    assert stored_participants(stored_record(back, "quality")) == [
        ("Ann", {}, {("speed", "risk"): 2.0}), ("Ben", {}, {("speed", "risk"): 8.0})]


def test_malformed_stored_participants_are_skipped():
    record = {"participants": ["junk", {"weights": {"a": 1}}, {"name": 3},
                               {"name": "Cas", "weights": {"a": "x", "b": 2}}]}
    assert stored_participants(record) == [("Cas", {"b": 2.0}, {})]
    assert stored_participants({"participants": "none"}) == []
    assert stored_participants(None) == []

"""How a score reads: level names as they are, numbers with their unit."""

from __future__ import annotations

import pytest

from tradeoff.core.model import Criterion


@pytest.mark.parametrize(("unit", "value", "text"), [
    ("points", 1, "1 point"),
    ("points", 1.0, "1 point"),
    ("points", 2, "2 points"),
    ("points", 0.5, "0.5 points"),
    ("weeks", -1, "-1 week"),
    ("weeks", 12, "12 weeks"),
    ("€/unit", 1, "1 €/unit"),  # not a plural word: left alone
    ("ppm", 1, "1 ppm"),
    ("", 1, "1"),
])
def test_numbers_read_with_their_unit_in_the_singular_for_one(unit, value, text):
    assert Criterion("c", "C", worst=0, best=10, unit=unit).format_value(value) == text


def test_level_names_and_missing_scores():
    c = Criterion("c", "C", worst=0, best=10, unit="points")
    assert c.format_value("high") == "high" and c.format_value(None) == ""

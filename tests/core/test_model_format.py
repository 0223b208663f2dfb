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


@pytest.mark.parametrize(("value", "text"), [
    (1234567, "1234567 €"),  # six significant digits would print 1.23457e+06
    (1234567.89, "1234568 €"),
    (-2500000, "-2500000 €"),
    (999999, "999999 €"),
    (999999.7, "1000000 €"),  # not 1e+06
    (27.123456, "27.1235 €"),
    (0.00012, "0.00012 €"),
    (1e15, "1e+15 €"),
    (1e-7, "1e-07 €"),
])
def test_large_amounts_read_in_whole_units_not_with_an_exponent(value, text):
    assert Criterion("c", "C", worst=0, best=1e16, unit="€").format_value(value) == text


@pytest.mark.parametrize(("value", "text"), [
    (12345.0, "12345"), (999.7, "1000"), (999.4, "999"), (12.345, "12.3"), (0.5, "0.5")])
def test_three_significant_digits_never_print_a_thousand_with_an_exponent(value, text):
    from tradeoff.core.number_text import short_number

    assert short_number(value, 3) == text

"""A user's number as text reads back as exactly that number."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tradeoff.core.model import Criterion
from tradeoff.core.number_text import exact_text


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_exact_text_reads_back_exactly_and_writes_ordinary_numbers_out(x):
    text = exact_text(x)
    assert float(text) == x
    if 1e-6 <= abs(x) < 1e16:
        assert "e" not in text


def test_a_quoted_score_keeps_every_digit_and_a_grid_cell_stays_short():
    c = Criterion("price", "Price", worst=0, best=2_000_000, unit="k€")
    assert [c.format_value(v, exact=True) for v in (1234567.89, 0.1234567, 3.0, 1, -0.0)] == \
        ["1234567.89 k€", "0.1234567 k€", "3 k€", "1 k€", "0 k€"]
    assert c.format_value(1234567.0) == "1234567 k€"  # whole units, no exponent
    assert c.format_value(0.1234567) == "0.123457 k€"  # six significant digits

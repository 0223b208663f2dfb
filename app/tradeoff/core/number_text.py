"""A user's number as text: digit for digit for a report, or short for a grid cell (a
module of its own: the model uses it)."""

from __future__ import annotations

from decimal import Decimal


def exact_text(x: float | int) -> str:
    """A user's number digit for digit: the shortest text that reads back as exactly
    ``x``, written out for ordinary magnitudes (``1234567.89``, ``0.00001234``, ``3`` for
    ``3.0``) and with an exponent beyond them (``1e+20``). Six significant digits would
    quote a score of 1,234,567 as 1.23457e+06."""
    if isinstance(x, int) and not isinstance(x, bool):
        return str(x)
    x = float(x)
    if x == 0:
        return "0"  # -0.0 too
    if not 1e-6 <= abs(x) < 1e16:  # and inf, nan
        return repr(x)
    if x.is_integer():
        return str(int(x))
    # repr is the shortest text that reads back exactly; Decimal writes it without exponent
    return format(Decimal(repr(x)), "f")


def short_number(x: float, digits: int = 6) -> str:
    """A number as a cell shows it: ``digits`` significant digits ("27.1235",
    "0.123457"), but a number with more digits before the point in whole units
    ("1234567", where six significant digits print "1.23457e+06", a figure nobody
    budgets in); beyond 15 digits, or below 0.0001, with an exponent."""
    # From 10**digits − 0.5 up, the significant digits would round to 10**digits and
    # print with an exponent already.
    if 10 ** digits - 0.5 <= abs(x) < 1e15:
        return f"{x:.0f}"
    return f"{x:.{digits}g}"


def cost_text(x: float) -> str:
    """A cost, a budget or a sum or difference of costs, every digit the user gave
    (:func:`exact_text`) without the noise of binary sums (0.1 + 0.2 reads 0.3)."""
    return exact_text(round(float(x), 9))

"""Reading a score typed or pasted by the user, with a message naming what is wrong.

Matrix files reject scores outside a criterion's anchors, so the editor does
too: whatever the grid accepts can be saved and opened again.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QLocale

from tradeoff.core.model import Criterion, Score, ScoreValue
from tradeoff.core.validate import distribution_problem


class CellValueError(ValueError):
    """Text that is not a valid score for the criterion; the message says why."""


def parse_score_text(criterion: Criterion, text: str,
                     locale: QLocale | None = None) -> ScoreValue | None:
    """A score from text: a number (``3.5``, ``3,5``, ``1,000``, ``40 k€``) or, on a level
    scale, a level name (any case). Empty text means "no score" (None). Numbers are read
    as :func:`parse_number_text` reads them in ``locale`` (the default locale if None)."""
    text = text.strip()
    if not text:
        return None
    if criterion.is_level_scale:
        for level in criterion.levels:
            if level.name.casefold() == text.casefold():
                return level.name
        names = ", ".join(lv.name for lv in criterion.levels)
        raise CellValueError(f"{text!r} is not a level of {criterion.name} ({names})")
    number_text = text
    if criterion.unit and number_text.endswith(criterion.unit):
        number_text = number_text[: -len(criterion.unit)].strip()
    return checked_number(criterion, parse_number_text(number_text, locale))


_SPACES = re.compile(r"[ \u00a0\u202f\u2009']")  # grouping by spaces or apostrophes (fr, ch)


def parse_number_text(text: str, locale: QLocale | None = None) -> float:
    """A number typed or pasted in any common convention, never silently misread.

    ``2.5`` and ``2,5`` are decimals; ``1,000,000`` and ``1.000.000`` are
    groupings; with both marks the last one is the decimal (``1,000.5``,
    ``1.000,5``). One mark followed by exactly three digits (``1,000``) is read
    as the locale reads it when the mark is its thousands separator; when it is
    the locale's decimal mark (``1,000`` in German, where an English
    spreadsheet means a thousand), the text is refused rather than guessed.
    """
    locale = locale or QLocale()
    raw = text
    text = text.strip().replace("\u2212", "-")  # a typographic minus from a word processor
    if re.fullmatch(r"[-+]?\d{1,3}([ \u00a0\u202f\u2009']\d{3})+([.,]\d+)?", text):
        text = _SPACES.sub("", text)
    marks = [ch for ch in text if ch in ".,"]
    if "," in marks and "." in marks:
        decimal = marks[-1]
        group = "," if decimal == "." else "."
        pattern = rf"[-+]?\d{{1,3}}(\{group}\d{{3}})*\{decimal}\d+"
        if marks.count(decimal) != 1 or not re.fullmatch(pattern, text):
            raise CellValueError(f"{raw!r} is not a number")
        text = text.replace(group, "").replace(decimal, ".")
    elif marks:
        mark = marks[0]
        grouped = re.fullmatch(rf"[-+]?[1-9]\d{{0,2}}(\{mark}\d{{3}})+", text)
        if len(marks) > 1:
            if not grouped:
                raise CellValueError(f"{raw!r} is not a number")
            text = text.replace(mark, "")
        elif grouped and mark != locale.groupSeparator():
            whole, decimal = text.replace(mark, ""), float(text.replace(mark, "."))
            # A fourth decimal makes the decimal reading unambiguous in every locale.
            as_decimal = f"{decimal:g}" if decimal.is_integer() else f"{text}0"
            raise CellValueError(f"{raw!r} is ambiguous: it could be {decimal:g} or {whole}; "
                                 f"type {whole} for the whole number, or {as_decimal} for "
                                 "the decimal")
        else:
            text = text.replace(mark, "") if grouped else text.replace(mark, ".")
    try:
        return float(text)
    except ValueError:
        raise CellValueError(f"{raw!r} is not a number") from None


def checked_number(criterion: Criterion, value: float) -> ScoreValue:
    """``value`` if it lies on the criterion's numeric scale (ints stay ints)."""
    if criterion.is_level_scale:
        raise CellValueError(f"{criterion.name} takes a level name, not a number")
    if not math.isfinite(value):
        raise CellValueError(f"{value!r} is not a finite number")
    problem = scale_problem(criterion, value)
    if problem:
        raise CellValueError(problem)
    return int(value) if float(value).is_integer() else float(value)


def scale_problem(criterion: Criterion, value: ScoreValue | None) -> str | None:
    """Why ``value`` cannot be a score on ``criterion`` (None if it can)."""
    if value is None:
        return None
    try:
        x = criterion.to_number(value)
    except (KeyError, TypeError, ValueError):
        names = ", ".join(lv.name for lv in criterion.levels)
        return f"{value!r} is not a level of {criterion.name} ({names})"
    if x < criterion.low or x > criterion.high:
        return (f"{criterion.format_value(value)} is outside the scale of {criterion.name} "
                f"({criterion.format_value(criterion.low)} … "
                f"{criterion.format_value(criterion.high)})")
    return None


def range_problem(criterion: Criterion, score: Score) -> str | None:
    """Why a score's low/value/high do not fit together (None if they do)."""
    for name in ("value", "low", "high"):
        problem = scale_problem(criterion, getattr(score, name))
        if problem:
            return f"{name}: {problem}"
    if score.value is None and score.has_range:
        return "a range (low/high) needs a value"
    x = criterion.to_number(score.value) if score.value is not None else None
    if score.low is not None and x is not None and criterion.to_number(score.low) > x:
        return "low is above the value"
    if score.high is not None and x is not None and criterion.to_number(score.high) < x:
        return "high is below the value"
    return distribution_problem(criterion, score)


def with_value(criterion: Criterion, old: Score, value: ScoreValue | None) -> Score:
    """``old`` with a new value; a range the new value falls outside of is dropped,
    and clearing the value clears the range and how it is drawn (a range needs a
    value)."""
    new = replace(old, value=value)
    if value is None:
        return replace(new, low=None, high=None, distribution=None)  # nothing left to draw
    if range_problem(criterion, new):
        new = replace(new, low=None, high=None)
    if distribution_problem(criterion, new):  # a log-normal score set to 0 or below
        new = replace(new, distribution=None)
    return new


def dropped_note(criterion: Criterion, old: Score, new: Score) -> str:
    """What :func:`with_value` dropped from ``old`` to give ``new`` because the new value
    no longer fits it ("" when nothing was): a range the value falls outside of, or a
    log-normal draw of a value at or below 0. Clearing a value clears its range by
    design and is not reported."""
    if new.value is None:
        return ""
    parts = []
    if old.has_range and not new.has_range:
        ends = [f"{name} {criterion.format_value(end, exact=True)}"
                for name, end in (("low", old.low), ("high", old.high)) if end is not None]
        parts.append(f"its range ({', '.join(ends)}) was dropped: "
                     f"{criterion.format_value(new.value, exact=True)} lies outside it")
    if old.distribution and not new.distribution:
        parts.append(f"its {old.distribution} draw was dropped: it needs a value above 0")
    return "; ".join(parts)


def edit_text(value: ScoreValue | None) -> str:
    """A score as it is typed (no unit), for copying and for editors: text that reads
    back as exactly the stored number, so showing a cell and saving it again changes
    nothing."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return number_text(value)


def number_text(x: float | int) -> str:
    """The shortest text that reads back as exactly ``x`` in any locale: ``1234567.89``,
    ``27.123456``, ``0.00001``, ``3`` for ``3.0``, ``36.1250`` for ``36.125``; only
    magnitudes beyond those keep an exponent (``1e+20``, ``1e-09``)."""
    if isinstance(x, int) and not isinstance(x, bool):
        return str(x)
    x = float(x)
    if x == 0:
        return "0"
    if not 1e-6 <= abs(x) < 1e16:
        return repr(x)
    if x.is_integer():
        return str(int(x))
    # repr is the shortest text that reads back exactly; Decimal writes it without exponent.
    text = format(Decimal(repr(x)), "f")
    whole, _, decimals = text.lstrip("-").partition(".")
    if len(decimals) == 3 and len(whole) <= 3 and whole != "0":
        # "36.125" could be a thousands grouping, which parse_number_text refuses or reads
        # as 36125 in some locales; "36.1250" can only be the decimal.
        text += "0"
    return text


def decimals_to_show(value: float, at_least: int, at_most: int = 10) -> int:
    """Decimals a number box needs to show ``value`` exactly (within ``at_least`` …
    ``at_most``)."""
    text = number_text(value)
    if "e" in text:
        return at_least
    return min(max(at_least, len(text.partition(".")[2])), at_most)

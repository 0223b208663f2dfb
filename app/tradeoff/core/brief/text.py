"""Wording helpers shared by the brief's statements: numbers, shares, quotes, lists."""

from __future__ import annotations

from collections.abc import Sequence

from tradeoff.core.printed_numbers import TOTAL_DECIMALS, share_text

QUOTE_CHARS = 150  # a rationale or source longer than this is shortened in the body
APPENDIX_QUOTE_CHARS = 400  # and in the appendix


def total(x: float, decimals: int = TOTAL_DECIMALS) -> str:
    """A total or a contribution, as ``tradeoff score`` shows it (three decimals, or as
    many as :func:`~tradeoff.core.printed_numbers.decimals_apart` finds the ranking needs)."""
    return f"{x:.{decimals}f}"


def share(x: float) -> str:
    """A weight or a share 0..1 as a percentage, as ``tradeoff analyse`` shows it (0 % and
    100 % only when exactly so)."""
    return share_text(x, " ")


def count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def join(items: Sequence[str], last: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text`` on one line, cut at the last word boundary within ``limit`` with an ellipsis.

    Never cuts inside a word: a first word longer than the limit is kept whole.
    """
    words = text.split()
    flat = " ".join(words)
    if len(flat) <= limit:
        return flat
    kept: list[str] = []
    size = 0
    for w in words:
        extra = len(w) + (1 if kept else 0)
        if kept and size + extra > limit - 1:
            break
        kept.append(w)
        size += extra
    return " ".join(kept).rstrip(",;:.-–—") + "…"


def sentence(text: str) -> str:
    """``text`` with its first letter capitalised and a full stop at the end."""
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."

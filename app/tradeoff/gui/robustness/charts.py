"""Helpers shared by the robustness charts; the lazily built canvas they draw on is
:class:`tradeoff.gui.common.lazy_chart.LazyChart`."""

from __future__ import annotations

from typing import Any

from tradeoff.gui.common.lazy_chart import LazyChart

__all__ = ["PERCENT_AXIS", "LazyChart", "percent_axis", "shorten"]

PERCENT_AXIS = "{:.0%}"


def percent_axis(axis: Any) -> None:
    """Label a 0..1 axis in percent."""
    from matplotlib.ticker import PercentFormatter

    axis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))


def shorten(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

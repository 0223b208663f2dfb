"""The colours every chart draws its data in, kept in one place and free of Qt.

Paul Tol's "muted" scheme (personal.sron.nl/~pault/, "Colour schemes and templates",
2021): nine colours that stay apart under protanopia, deuteranopia and tritanopia and
read on a light or a dark background. The GUI charts (through
``tradeoff.gui.common.chart_palette``), the value-for-money charts and the brief's
charts all take their colours from here; tests/gui/test_chart_palette_everywhere.py
checks each chart's colours under a colour-vision simulation.
"""

from __future__ import annotations

CATEGORY_COLOURS = ("#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255",
                    "#44AA99", "#999933", "#AA4499")

# Named roles, each one of the nine so any two a chart shows together stay apart.
ROSE, INDIGO, SAND, GREEN, CYAN, WINE, TEAL, OLIVE, PURPLE = CATEGORY_COLOURS
# Tol's own colour for "no data / the rest": a pale grey that sits beside the nine.
PALE_GREY = "#DDDDDD"
MID_GREY = "#777777"


def category_colour(index: int) -> str:
    """The colour of the ``index``-th criterion, option or series of a chart."""
    return CATEGORY_COLOURS[index % len(CATEGORY_COLOURS)]


def rank_colours(count: int) -> list[str]:
    """One colour per rank, best first. Past the eighth rank the colours would repeat
    and mislead, so every later rank shares pale grey ("the rest")."""
    head = list(CATEGORY_COLOURS[:8])
    return [head[r] if r < len(head) else PALE_GREY for r in range(count)]

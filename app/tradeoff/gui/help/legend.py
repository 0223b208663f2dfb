"""What the grid's tints and corner marks mean: for Help › Legend and the guide.

Plain data, no Qt; the colours are the grid's own, from
:mod:`tradeoff.gui.common.cell_marks`.
"""

from __future__ import annotations

from dataclasses import dataclass

from tradeoff.gui.common.cell_marks import (
    ABOVE_SCALE_MARK,
    BELOW_SCALE_MARK,
    MARKER_RGB,
    MISSING_MARK,
    SCREENED_TEXT_RGB,
    TINT_RGB,
    TINT_STEPS,
    WARNING_RGBA,
    tint_alpha,
)


@dataclass(frozen=True)
class LegendItem:
    """One mark: ``rgba`` is its colour; ``corner`` True for a corner triangle,
    ``text`` True for a colour of the text rather than of the cell."""

    label: str
    meaning: str
    rgba: tuple[int, int, int, int]
    corner: bool = False
    text: bool = False
    mark: str = ""  # the symbol the cell shows besides its colour


def _tint(step: int) -> tuple[int, int, int, int]:
    return (*TINT_RGB, tint_alpha(step))


LEGEND: tuple[LegendItem, ...] = (
    LegendItem("Faint blue", "A score near the criterion's worst anchor (value near 0).",
               _tint(0)),
    LegendItem("Mid blue", "A score halfway between the anchors (value 0.5).",
               _tint(TINT_STEPS // 2)),
    LegendItem("Strong blue", "A score at or near the best anchor (value near 1). The tint "
               "follows the value, so a cost criterion's lowest score is the strongest.",
               _tint(TINT_STEPS)),
    LegendItem("Amber", f"A missing score (the cell shows {MISSING_MARK}), or one beyond the "
               f"scale's anchors ({ABOVE_SCALE_MARK} past the best, {BELOW_SCALE_MARK} past "
               "the worst): the option gets no total until it is filled, or the value runs "
               "past 0 or 1. The banner above the results names each one.", WARNING_RGBA,
               mark=f"{MISSING_MARK} {ABOVE_SCALE_MARK} {BELOW_SCALE_MARK}"),
    LegendItem("Corner mark", "The cell carries a low/high range or a rationale; its tooltip "
               "and the Cell details panel show them.", (*MARKER_RGB, 255), corner=True),
    LegendItem("Grey row", "The option fails a criterion's must-have threshold: it is left "
               "out of the ranking and the analyses; the row's tooltip says which threshold.",
               (*SCREENED_TEXT_RGB, 255), text=True),
)


def css_colour(rgba: tuple[int, int, int, int]) -> str:
    r, g, b, a = rgba
    return f"rgba({r}, {g}, {b}, {a / 255:.2f})"


def legend_html() -> str:
    """The legend as rich text (for the grid's What's This?), each mark in its colour."""
    from html import escape

    rows = []
    for item in LEGEND:
        colour = css_colour(item.rgba)
        style = (f"color: {colour}" if item.text
                 else f"color: {colour}" if item.corner
                 else f"background-color: {colour}")
        sample = ("Abc" if item.text else "◥" if item.corner
                  else f"&nbsp;{escape(item.mark)}&nbsp;" if item.mark
                  else "&nbsp;&nbsp;&nbsp;&nbsp;")
        rows.append(f'<p><span style="{style}">{sample}</span> <b>{escape(item.label)}</b>: '
                    f"{escape(item.meaning)}</p>")
    return ("<p><b>The grid</b>: options are rows, criteria columns; each cell is tinted by "
            "its value.</p>" + "".join(rows))

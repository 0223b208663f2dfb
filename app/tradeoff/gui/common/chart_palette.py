"""Recolour a drawn matplotlib figure to the widget's palette (light or dark).

Charts draw in matplotlib's defaults: black text, spines and marker edges, and
white fills for "open" markers, on white. Under a dark palette that leaves
black on near-black. After a chart has drawn, :func:`apply_palette` walks its
artists once and maps every neutral grey onto the palette: black to the window
text colour, white to the window colour, the greys between to the blend.
Data colours (one per option or criterion) are left alone.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtGui import QPalette

# The colours themselves live Qt-free in core.palette so io charts (value for money,
# the brief) share them; re-exported here for the GUI charts.
from tradeoff.core.palette import (  # noqa: F401
    CATEGORY_COLOURS,
    category_colour,
    rank_colours,
)


def palette_colours(palette: QPalette) -> tuple[str, str, str]:
    """(background, text, faint) as hex names: the window, its text, and mid grey."""
    return (palette.color(QPalette.ColorRole.Window).name(),
            palette.color(QPalette.ColorRole.WindowText).name(),
            palette.color(QPalette.ColorRole.Mid).name())


def apply_palette(figure: Any, palette: QPalette) -> None:
    """Swap the figure's neutral colours (black, white) for the palette's."""
    from matplotlib.colors import to_rgba

    background, text, faint = palette_colours(palette)

    ink, paper = np.array(to_rgba(text)[:3]), np.array(to_rgba(background)[:3])

    def swap(colour: Any) -> Any:
        """A neutral grey ``g`` (0 black … 1 white) becomes the blend of text (at 0)
        and background (at 1), so black → text, white → background, and the
        greys between keep their place; a coloured colour is kept."""
        try:
            rgba = to_rgba(colour)
        except (ValueError, TypeError):
            return colour
        red, green, blue, alpha = rgba
        if alpha == 0 or not red == green == blue:
            return colour
        return (*(ink + (paper - ink) * red), alpha)

    figure.set_facecolor(background)
    for text_artist in figure.texts:
        text_artist.set_color(swap(text_artist.get_color()))
    for legend in figure.legends:
        _legend(legend, swap, background, faint)
    for ax in figure.axes:
        ax.set_facecolor(background)
        for spine in ax.spines.values():
            spine.set_edgecolor(faint)
        ax.tick_params(colors=text, which="both")
        for label in (ax.xaxis.label, ax.yaxis.label, ax.title):
            label.set_color(swap(label.get_color()))
        for artist in ax.get_children():
            _recolour(artist, swap)
        if ax.get_legend() is not None:
            _legend(ax.get_legend(), swap, background, faint)


def _legend(legend: Any, swap: Any, background: str, faint: str) -> None:
    frame = legend.get_frame()
    frame.set_facecolor(background)
    frame.set_edgecolor(faint)
    for text_artist in legend.get_texts():
        text_artist.set_color(swap(text_artist.get_color()))
    title = legend.get_title()
    title.set_color(swap(title.get_color()))
    for handle in getattr(legend, "legend_handles", []):
        _recolour(handle, swap)


def _recolour(artist: Any, swap: Any) -> None:
    from matplotlib.collections import Collection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.text import Text

    if isinstance(artist, Text):
        artist.set_color(swap(artist.get_color()))
    elif isinstance(artist, Line2D):
        artist.set_color(swap(artist.get_color()))
        artist.set_markeredgecolor(swap(artist.get_markeredgecolor()))
        artist.set_markerfacecolor(swap(artist.get_markerfacecolor()))
    elif isinstance(artist, Collection):
        if len(artist.get_edgecolor()):
            artist.set_edgecolor([swap(c) for c in artist.get_edgecolor()])
        if len(artist.get_facecolor()):
            artist.set_facecolor([swap(c) for c in artist.get_facecolor()])
    elif isinstance(artist, Patch) and artist.get_visible():
        artist.set_edgecolor(swap(artist.get_edgecolor()))

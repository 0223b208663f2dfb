"""Horizontal stacked bars: each option's total split into criterion contributions.

matplotlib is imported the first time the chart is shown, not at start-up.
The bars are animated artists drawn over a cached background (blitting): a
weight change only rewrites the bar rectangles and repaints them, which keeps
a slider step well under a frame. The axes, labels and legend are redrawn in
full only when the layout changes (options or criteria added, resize). When
options change places, the bars first grow and shrink where they stand and the
chart re-sorts once the values have been still for a moment, so bars do not
jump about under a dragged slider and a drag never waits for a full redraw.
The option names beside the bars are animated too (the axis keeps transparent
labels of the same names only to reserve their room), so the re-sort itself
rewrites the names and the bars and blits them: no figure is laid out again.

For a method other than the additive model, whose score is not a sum of
criterion contributions, the chart shows one bar per option (the method's
score) under an axis label naming it.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tradeoff.core.printed_numbers import decimals_apart
from tradeoff.core.scoring import RANK_DECIMALS
from tradeoff.gui.common.chart_palette import category_colour, palette_colours
from tradeoff.gui.common.text_scale import points
from tradeoff.gui.results.results_model import ranking_order

BAR_HEIGHT = 0.72
AXIS_LABEL = "Total value (0 = worst, 1 = best)"
RESORT_DELAY_MS = 300
LABEL_CHARS = 28
# With more options than this the chart shows the leaders only (and says so above the
# bars): a bar a few pixels high cannot be read, and every bar drawn costs each slider step.
CHART_TOP = 25


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bar_vertices(contributions: np.ndarray, order: list[int]) -> np.ndarray:
    """Rectangles (criterion, row, 4 corners, xy) stacking each ordered row's contributions.

    Row ``k`` of the chart (top = best) holds option ``order[k]``; NaN counts as 0.
    """
    c = np.nan_to_num(contributions[order, :], nan=0.0)  # rows in chart order
    n, k = c.shape
    right = np.cumsum(c, axis=1)
    left = right - c
    y = (n - 1 - np.arange(n, dtype=float))[:, None]  # best at the top
    bottom, top = y - BAR_HEIGHT / 2, y + BAR_HEIGHT / 2
    verts = np.empty((k, n, 4, 2))
    verts[:, :, 0, 0] = left.T
    verts[:, :, 1, 0] = right.T
    verts[:, :, 2, 0] = right.T
    verts[:, :, 3, 0] = left.T
    verts[:, :, 0, 1] = verts[:, :, 1, 1] = bottom.T
    verts[:, :, 2, 1] = verts[:, :, 3, 1] = top.T
    return verts


class ContributionChart(QWidget):
    """The chart widget; call :meth:`set_data` with fresh results."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel("The chart appears once the window is ready.")
        self.layout_.addWidget(self.placeholder)
        self.canvas: Any = None
        self.figure: Any = None
        self.axes: Any = None
        self.collections: list[Any] = []
        self.bars: Any = None
        self.legend_handles: list[Any] = []
        self._background: Any = None  # the figure without the bars (names drawn in)
        self._bare: Any = None  # the figure without the bars or the names
        self._bare_pixels = np.zeros((0, 0, 4), dtype=np.uint8)  # the same, as an array
        self._corners: np.ndarray | None = None  # the bars' corners, shared by their paths
        # A name's strip of pixels as first drawn, by (name, strip height), for this layout
        self._name_strips: dict[tuple[str, int], np.ndarray] = {}
        self._layout_key: tuple | None = None
        self.option_names: list[str] = []
        self.criterion_names: list[str] = []
        self.contributions = np.zeros((0, 0))
        self.totals = np.zeros(0)
        self.order: list[int] = []  # options best first, as of the latest data
        self.higher_is_better = True
        self.axis_label = AXIS_LABEL
        self.legend_title: str | None = "Criteria"
        self.shown_order: list[int] = []  # options top to bottom, as drawn
        self.resort_timer = QTimer(self)
        self.resort_timer.setSingleShot(True)
        self.resort_timer.setInterval(RESORT_DELAY_MS)
        self.resort_timer.timeout.connect(self._resort)
        self.full_draws = 0  # how often the whole figure was redrawn (for tests and tuning)
        self.setAccessibleName("Results chart")
        self.name_labels: list[Any] = []  # the option names beside the bars, top first

    # -- creation ----------------------------------------------------------------------
    def ensure_canvas(self) -> None:
        """Import matplotlib and build the canvas (once)."""
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(6, 4), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumSize(200, 150)
        self.canvas.mpl_connect("draw_event", self._on_draw)
        self.layout_.removeWidget(self.placeholder)
        self.placeholder.deleteLater()
        self.layout_.addWidget(self.canvas)
        self._layout_key = None
        self._redraw_all()

    @property
    def ready(self) -> bool:
        return self.canvas is not None

    def changeEvent(self, event: QEvent) -> None:
        # A palette switch (View › Dark Palette) or a new font size redraws at once.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange,
                            QEvent.Type.ApplicationFontChange) and self.canvas is not None:
            self._redraw_all()
        super().changeEvent(event)

    # -- data -------------------------------------------------------------------------------
    def set_data(self, option_names: list[str], criterion_names: list[str],
                 contributions: np.ndarray, totals: np.ndarray, *,
                 higher_is_better: bool = True, axis_label: str = AXIS_LABEL,
                 legend_title: str | None = "Criteria") -> None:
        """Show new results: a quick bar update if the layout holds, else a full redraw.

        ``criterion_names`` name the stacked segments (the columns of
        ``contributions``); ``legend_title`` None leaves the legend out (one series).
        """
        self.option_names, self.criterion_names = list(option_names), list(criterion_names)
        self.contributions, self.totals = contributions, totals
        self.higher_is_better, self.axis_label = higher_is_better, axis_label
        self.legend_title = legend_title
        self.order = ranking_order(totals, higher_is_better)
        self.setAccessibleDescription(ranking_sentence(self.option_names, self.totals,
                                                       self.order, self.axis_label))
        if not self.ready:
            return
        key = self._current_layout_key()
        if key != self._layout_key or self._background is None:
            self._redraw_all()
            return
        self._place_bars()
        self._blit()
        if self._top() != self.shown_order:
            self.resort_timer.start()

    def _top(self) -> list[int]:
        """The options the chart shows, best first: all, or the leading CHART_TOP."""
        return self.order[:CHART_TOP]

    def _resort(self) -> None:
        """Put the bars in the new order once the values are still: the names and the
        bars are rewritten and blitted over the cached background."""
        if not self.ready or self._top() == self.shown_order:
            return
        if self._background is None or self._current_layout_key() != self._layout_key \
                or len(self.name_labels) != len(self._top()):
            self._redraw_all()
            return
        self.shown_order = self._top()
        changed = []
        for row, (label, i) in enumerate(zip(self.name_labels, self.shown_order, strict=True)):
            name = shorten(self.option_names[i])
            if label.get_text() != name:
                label.set_text(name)
                changed.append(row)
        self._place_bars()
        self._cache_names(changed)
        self.axes.draw_artist(self.bars)
        self.canvas.blit(self.figure.bbox)  # the names changed as well as the bars

    def _place_bars(self) -> None:
        """Move the bars to the latest contributions, in the order shown.

        The bars' paths are views of one array of corners (found by :meth:`_share_corners`
        after set_verts made them), so a step writes that array in place: set_verts would
        make a Path per bar per step (1,000 at 25 options × 40 criteria), and their
        garbage set off collections that held single steps for 70–90 ms."""
        verts = bar_vertices(self.contributions, self.shown_order).reshape(-1, 4, 2)
        if self._corners is None or self._corners.shape[0] != verts.shape[0]:
            self.bars.set_verts(verts)
            self._share_corners()
            return
        self._corners[:, :4] = verts
        self._corners[:, 4] = verts[:, 0]  # the closing corner
        self.bars.stale = True

    def _share_corners(self) -> None:
        """Find the one (bars, 5, 2) array of corners the bars' paths are views of:
        set_verts makes each bar's path from a row of one padded array."""
        paths = self.bars.get_paths()
        base = paths[0].vertices.base if paths else None
        shared = (isinstance(base, np.ndarray) and base.shape == (len(paths), 5, 2)
                  and base.flags.writeable
                  and all(p.vertices.base is base for p in paths))
        self._corners = base if shared else None

    def bar_widths(self) -> np.ndarray:
        """Width of every bar segment (rows: options in matrix order, columns: criteria)."""
        n, k = len(self.option_names), len(self.criterion_names)
        out = np.zeros((n, k))
        if self.bars is None:
            return out
        rows = len(self.shown_order)  # options not shown (beyond CHART_TOP) keep 0
        for p, path in enumerate(self.bars.get_paths()):  # criterion-major, rows as drawn
            j, row = divmod(p, rows)
            xs = path.vertices[:, 0]
            out[self.shown_order[row], j] = xs.max() - xs.min()
        return out

    def _x_range(self) -> tuple[float, float]:
        """0 … 1, widened (never clipped) for totals beyond it; symmetric below zero.

        Totals beyond 0..1 come from out-of-scale scores, or from a method whose
        score runs from −1 to 1 (PROMETHEE's net flow); a fixed, symmetric range
        keeps the axes still while a slider moves.
        """
        finite = self.totals[~np.isnan(self.totals)] if self.totals.size else self.totals
        values = finite.tolist() or [0.0]
        high = float(max(1.0, *values))
        low = min(values)
        return (0.0 if low >= 0 else -float(max(1.0, -low))), high

    def _current_layout_key(self) -> tuple:
        return (tuple(self.option_names), tuple(self.criterion_names), self._x_range(),
                self.axis_label, self.legend_title)

    # -- drawing -----------------------------------------------------------------------------
    def _colours(self) -> tuple[str, str, str]:
        return palette_colours(self.palette())

    def redraw(self) -> None:
        """Redraw everything (after a palette change, say)."""
        if self.ready:
            self._redraw_all()

    def _redraw_all(self) -> None:
        from matplotlib.collections import PolyCollection
        from matplotlib.colors import to_rgba
        from matplotlib.patches import Patch
        from matplotlib.transforms import blended_transform_factory, offset_copy

        self.full_draws += 1
        self.resort_timer.stop()
        self.shown_order = self._top()
        background, text, grid = self._colours()
        fig = self.figure
        fig.clear()
        fig.set_facecolor(background)
        ax = fig.add_subplot()
        self.axes = ax
        ax.set_facecolor(background)
        n, k = len(self.shown_order), len(self.criterion_names)
        # One collection for every bar segment: a single draw call per update.
        colours = [to_rgba(category_colour(j)) for j in range(k)]
        self.bars = PolyCollection(
            bar_vertices(self.contributions, self.shown_order).reshape(-1, 4, 2)
            if n and k else [],
            facecolors=np.repeat(np.array(colours).reshape(-1, 4), n, axis=0) if k else None,
            edgecolors=background, linewidths=0.5, animated=True)
        ax.add_collection(self.bars)
        self._share_corners()
        # Whole names, wrapped: a legend that cuts names short leaves only the colour to go by.
        self.legend_handles = [Patch(facecolor=colours[j], label=textwrap.fill(name, 30))
                               for j, name in enumerate(self.criterion_names)]
        ax.set_xlim(*self._x_range())
        ax.set_ylim(-0.6, max(n, 1) - 0.4)
        labels = [shorten(self.option_names[i]) for i in self.shown_order]
        # The axis's own labels are transparent: they only reserve the names' room in the
        # layout (room for the longest name, whichever options lead); the names shown are
        # drawn with the bars.
        widest = max((shorten(name) for name in self.option_names), key=len, default="")
        ax.set_yticks(range(n - 1, -1, -1), [widest] * n, fontsize=points(_label_size(n)))
        if len(self.option_names) > n:
            ax.set_title(f"The top {n} of {len(self.option_names):,} options", loc="left",
                         fontsize=points(8), color=text)
        beside = offset_copy(blended_transform_factory(ax.transAxes, ax.transData), fig=fig,
                             x=-3.5, units="points")
        self.name_labels = [ax.text(0, n - 1 - row, label, transform=beside, ha="right",
                                    va="center", fontsize=points(_label_size(n)), color=text,
                                    animated=True) for row, label in enumerate(labels)]
        self.collections = [self.bars, *self.name_labels]
        ax.set_xlabel(self.axis_label, color=text, fontsize=points(8))
        if self._x_range()[0] < 0:
            ax.axvline(0.0, color=text, linewidth=0.8)
        ax.tick_params(colors=text, labelsize=points(8))
        ax.tick_params(axis="y", labelsize=points(_label_size(n)), length=0,
                       labelcolor=(0, 0, 0, 0))
        ax.grid(axis="x", color=grid, linewidth=0.5, alpha=0.5)
        ax.set_axisbelow(True)
        for side, spine in ax.spines.items():
            spine.set_visible(side in ("bottom", "left"))
            spine.set_color(grid)
        if k and self.legend_title is not None:
            # "outside" legends get their own space from the constrained layout engine.
            legend = fig.legend(handles=self.legend_handles, loc="outside right upper",
                                fontsize=points(7), frameon=False, title=self.legend_title,
                                title_fontsize=points(8), ncols=1 if k <= 14 else 2)
            for t in [*legend.get_texts(), legend.get_title()]:
                t.set_color(text)
        self._layout_key = self._current_layout_key()
        self._background = None
        self.canvas.draw()  # the draw_event handler caches the background and draws the bars

    def _on_draw(self, event: Any) -> None:
        if event is not None and event.canvas is not self.canvas:
            return  # savefig draws on a PNG/SVG canvas of its own
        self._bare = self.canvas.copy_from_bbox(self.figure.bbox)
        # The names' strips are cleared from these pixels and kept per layout.
        self._bare_pixels = np.asarray(self.canvas.buffer_rgba()).copy()
        self._name_strips.clear()
        self._cache_names()
        self.axes.draw_artist(self.bars)

    def _cache_names(self, rows: list[int] | None = None) -> None:
        """Draw the names over the bare background and keep that as the background the
        bars are blitted over: a slider step then draws bars only, never text.

        With ``rows``, only those rows' names changed: each row's strip beside the
        axes is cleared back to the bare background and its name put in. Text is the
        slow part to draw (about a millisecond a name), so a name is drawn once per
        layout and its strip of pixels kept: when the options change places, their
        names move as pixels.
        """
        if rows is None or self._background is None:
            self.canvas.restore_region(self._bare)
            for label in self.name_labels:
                self.axes.draw_artist(label)
            pixels = np.asarray(self.canvas.buffer_rgba())
            left = int(np.ceil(self.axes.bbox.x0))
            for row, label in enumerate(self.name_labels):
                top, bottom = self._name_strip(row, pixels.shape[0])
                self._name_strips[(label.get_text(), bottom - top)] = \
                    pixels[top:bottom, :left].copy()
        else:
            self.canvas.restore_region(self._background)
            # The renderer's own pixels, top row first; writing them is drawing.
            pixels = np.asarray(self.canvas.buffer_rgba())
            left = int(np.ceil(self.axes.bbox.x0))
            for row in rows:
                top, bottom = self._name_strip(row, pixels.shape[0])
                label = self.name_labels[row]
                key = (label.get_text(), bottom - top)
                strip = self._name_strips.get(key)
                if strip is None:
                    pixels[top:bottom, :left] = self._bare_pixels[top:bottom, :left]
                    self.axes.draw_artist(label)
                    self._name_strips[key] = pixels[top:bottom, :left].copy()
                else:
                    pixels[top:bottom, :left] = strip
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)

    def _name_strip(self, row: int, height: int) -> tuple[int, int]:
        """The pixel rows (top, bottom; counted from the top) of the names' strip
        beside chart row ``row``: half a row either side of its centre."""
        y = len(self.name_labels) - 1 - row
        lower, upper = self.axes.transData.transform([(0, y - 0.5), (0, y + 0.5)])[:, 1]
        return (max(0, height - int(np.ceil(upper))),
                min(height, height - int(np.floor(lower))))

    def _blit(self) -> None:
        self.canvas.restore_region(self._background)
        self.axes.draw_artist(self.bars)
        self.canvas.blit(self.axes.bbox)  # only the plot area changed

    # -- saving ----------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write the chart as PNG or SVG (by the file's suffix), bars included."""
        self.ensure_canvas()
        for collection in self.collections:
            collection.set_animated(False)
        try:
            self.figure.savefig(path, facecolor=self.figure.get_facecolor(), dpi=150)
        finally:
            for collection in self.collections:
                collection.set_animated(True)
            self._redraw_all()


def ranking_sentence(option_names: list[str], totals: np.ndarray, order: list[int],
                     axis_label: str) -> str:
    """The chart in words, for a screen reader: the options best first, with their totals.

    Like the chart, it names the leading :data:`CHART_TOP` and says how many more
    there are (re-worded on every slider step, a sentence of every option would be
    hundreds of kilobytes at 10,000 options).
    """
    missing = np.isnan(totals)
    rows = np.asarray(order, dtype=int)
    rows = rows[~missing[rows]]
    # As the ranking table says them: tied options share a rank, and options ranked
    # apart are said with totals that differ.
    decimals = decimals_apart(totals, order=rows)
    rounded = np.round(totals[rows[:CHART_TOP]], RANK_DECIMALS)
    places = np.arange(1, rounded.size + 1)
    tied = np.concatenate(([False], rounded[1:] == rounded[:-1]))
    ranks = np.maximum.accumulate(np.where(tied, 0, places))
    parts = [f"{rank}. {option_names[i]} {totals[i]:.{decimals[i]}f}"
             for rank, i in zip(ranks.tolist(), rows[:CHART_TOP].tolist(), strict=True)]
    more = int(np.count_nonzero(~missing)) - len(parts)
    unranked = np.flatnonzero(missing)
    text = f"{axis_label}, best first: " + "; ".join(parts) if parts else "No option is ranked."
    if parts and more:
        text += f"; and {more:,} more"
    if len(unranked):
        names = ", ".join(option_names[i] for i in unranked[:CHART_TOP])
        if len(unranked) > CHART_TOP:
            names += f" and {len(unranked) - CHART_TOP:,} more"
        text += f" Not ranked (missing scores): {names}."
    return text


def _label_size(n: int) -> float:
    return 9.0 if n <= 12 else 8.0 if n <= 24 else 6.5



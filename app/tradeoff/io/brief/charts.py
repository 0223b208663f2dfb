"""The brief's charts drawn with matplotlib: SVG text for HTML, PNG bytes for Word and PDF.

Figures are made with :class:`matplotlib.figure.Figure` and a canvas of their own
(no pyplot, no GUI backend), so this runs headless and in any thread. The SVG is
made reproducible: no date in its metadata and a fixed salt for its element ids.
"""

from __future__ import annotations

import io
import re

import numpy as np
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

from tradeoff.core.brief.document import Chart
from tradeoff.core.brief.text import shorten
from tradeoff.core.palette import category_colour

WIDTH_IN = 6.6
BAR_IN = 0.3
LABEL_CHARS = 34
PNG_DPI = 160
SVG_SALT = "tradeoff-brief"
_DOLLAR = re.compile(r"(?<!\\)\$")
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)


def plain(label: str, limit: int = LABEL_CHARS) -> str:
    """A label matplotlib shows as typed: ``$`` would otherwise start mathematics."""
    return _DOLLAR.sub(r"\\$", shorten(label, limit))


def figure(chart: Chart, width_in: float = WIDTH_IN, font: float = 8.0,
           columns: int = 3) -> Figure:
    """The chart as a figure ``width_in`` inches wide, its text ``font`` points."""
    n = len(chart.categories)
    legend_rows = -(-len(chart.series) // columns)
    height = 0.5 + font / 10 * (0.4 + BAR_IN * n + 0.2 * legend_rows)
    fig = Figure(figsize=(width_in, height), layout="constrained")
    ax = fig.add_subplot()
    y = np.arange(n)
    right = np.zeros(n)
    left = np.zeros(n)
    for k, (name, values) in enumerate(chart.series):
        v = np.nan_to_num(np.asarray(values, dtype=float))
        start = np.where(v >= 0, right, left)
        ax.barh(y, v, left=start, height=0.62, color=category_colour(k),
                label=plain(name), edgecolor="white", linewidth=0.5)
        right = np.where(v >= 0, right + v, right)
        left = np.where(v < 0, left + v, left)
    chars = LABEL_CHARS if width_in >= WIDTH_IN else LABEL_CHARS * 2 // 3
    ax.set_yticks(y, [plain(c, chars) for c in chart.categories], fontsize=font)
    ax.invert_yaxis()  # the first category (the recommendation) on top
    ax.tick_params(axis="x", labelsize=font)
    ax.set_xlabel(plain(chart.axis_label, 80), fontsize=font)
    if chart.percent:
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(lambda x, _pos: f"{x * 100:.0f} %")
    ax.spines[["top", "right"]].set_visible(False)
    # "outside" puts the legend in the constrained layout, so it is never cut off
    fig.legend(loc="outside lower center", ncol=columns, fontsize=font - 1, frameon=False)
    return fig


def chart_svg(chart: Chart) -> str:
    """The chart as an ``<svg>`` element (no XML declaration), the same bytes every run."""
    fig = figure(chart)
    out = io.StringIO()
    # fixed ids, and text kept as text (selectable, searchable, small)
    with rc_context({"svg.hashsalt": SVG_SALT, "svg.fonttype": "none"}):
        FigureCanvasSVG(fig).print_svg(out, metadata={"Date": None, "Creator": None})
    text = out.getvalue()
    # the RDF metadata block only names vocabularies (by URL): the chart does not need it
    return _METADATA.sub("", text[text.index("<svg"):])


def chart_png(chart: Chart, dpi: int = PNG_DPI, width_in: float = WIDTH_IN, font: float = 8.0,
              columns: int = 3) -> bytes:
    fig = figure(chart, width_in, font, columns)
    out = io.BytesIO()
    fig.set_dpi(dpi)
    FigureCanvasAgg(fig).print_png(out, metadata={"Software": None})
    return out.getvalue()

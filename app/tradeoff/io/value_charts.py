"""Charts of value for money and portfolios, drawn with matplotlib on any Axes.

The app draws them into its own canvas; the CLI saves them as PNG or SVG
with :func:`save_figure` (written whole to a temporary file, then moved into
place). Nothing here imports Qt or pyplot.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from tradeoff.core import palette
from tradeoff.core.errors import TradeoffError
from tradeoff.core.portfolio import BudgetCurve, MeritCurve
from tradeoff.core.value_for_money import ValueForMoney
from tradeoff.io.matrix_file import atomic_write_bytes

CHART_FORMATS = ("png", "svg")
# From the one colour-vision-safe palette every chart shares (core.palette).
FRONTIER_COLOUR = palette.INDIGO
OFF_COLOUR = palette.MID_GREY
CHOSEN_COLOUR = palette.GREEN
KNEE_COLOUR = palette.ROSE
MAX_LABELS = 15  # beyond this many options the chart names only the frontier's


def cost_label(vfm: ValueForMoney) -> str:
    return f"{vfm.cost_name} ({vfm.unit})" if vfm.unit else vfm.cost_name


def draw_value_for_money(ax: Any, vfm: ValueForMoney, *, selected: set[str] | None = None,
                         text_colour: str | None = None, max_labels: int = MAX_LABELS) -> None:
    """Benefit (0–100) against cost, the frontier as a line, every option labelled.

    An option off the frontier carries how much more benefit or how much less
    cost it needs to reach it; ``selected`` option ids are drawn filled green
    (a portfolio).
    """
    ax.clear()
    front = vfm.frontier
    off = [p for p in vfm.points if not p.efficient]
    if front:
        ax.plot([p.cost for p in front], [p.benefit for p in front], "-o",
                color=FRONTIER_COLOUR, label="efficient frontier", zorder=2)
    if off:
        ax.scatter([p.cost for p in off], [p.benefit for p in off], color=OFF_COLOUR,
                   label="off the frontier", zorder=3)
    if selected:
        chosen = [p for p in vfm.points if p.option in selected]
        ax.scatter([p.cost for p in chosen], [p.benefit for p in chosen], s=90,
                   facecolors="none", edgecolors=CHOSEN_COLOUR, linewidths=2,
                   label="in the portfolio", zorder=4)
    # Every option with its gap when they are few; else the frontier's names only (the
    # table beside the chart gives every gap).
    labelled = vfm.points if len(vfm.points) <= max_labels else front
    for p in labelled:
        text = p.name if p.efficient else (f"{p.name}\n+{p.benefit_gap:.1f} benefit or "
                                           f"−{p.cost_gap:.3g} cost")
        ax.annotate(text, (p.cost, p.benefit), textcoords="offset points", xytext=(4, 4),
                    fontsize="x-small", color=text_colour)
    ax.set_xlabel(cost_label(vfm))
    ax.set_ylabel("Benefit (0–100, the other criteria)")
    ax.set_title("Value for money")
    ax.margins(x=0.12, y=0.08)  # room for the labels of the outermost points
    ax.set_ylim(bottom=min(0.0, *(p.benefit for p in vfm.points)) if vfm.points else 0.0)
    ax.grid(True, alpha=0.3)
    if vfm.points:
        ax.legend(loc="lower right", fontsize="small")


def draw_merit_curve(ax: Any, merit: MeritCurve, names: list[str], *,
                     curve: BudgetCurve | None = None, budget: float | None = None,
                     cost_name: str = "Cost") -> None:
    """The order-of-merit curve with its knee, the optimal portfolios' curve and the budget."""
    ax.clear()
    xs = [0.0, *merit.cumulative_cost.tolist()]
    ys = [0.0, *merit.cumulative_benefit.tolist()]
    ax.plot(xs, ys, "-", color=FRONTIER_COLOUR, label="order of merit (benefit per cost)")
    if merit.knee is not None:
        k = merit.knee
        ax.plot([merit.cumulative_cost[k]], [merit.cumulative_benefit[k]], "o", ms=9,
                color=KNEE_COLOUR, label=f"knee: after {names[merit.order[k]]}")
    if curve is not None and curve.portfolios:
        ax.step(curve.budgets, curve.benefits, where="post", color=CHOSEN_COLOUR,
                label="best portfolio for the budget")
    if budget is not None:
        ax.axvline(budget, color=OFF_COLOUR, linestyle="--", label=f"budget {budget:g}")
    ax.set_xlabel(f"Cumulative {cost_name}")
    ax.set_ylabel("Cumulative benefit")
    ax.set_title("Order of merit and optimal portfolios")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="lower right", fontsize="small")


def new_figure(width: float = 8.0, height: float = 5.5) -> Any:
    from matplotlib.figure import Figure  # loads only when a chart is wanted

    return Figure(figsize=(width, height), layout="constrained")


def save_figure(fig: Any, path: str | os.PathLike[str]) -> None:
    """Save as PNG or SVG by the file's suffix, atomically."""
    target = Path(path)
    kind = target.suffix.lower().lstrip(".")
    if kind not in CHART_FORMATS:
        raise TradeoffError(f"{target}: a chart is saved as .png or .svg, not {target.suffix!r}")
    if not target.parent.is_dir():
        raise TradeoffError(f"{target}: the folder {target.parent} does not exist")
    buffer = io.BytesIO()
    fig.savefig(buffer, format=kind, dpi=150)
    atomic_write_bytes(target, buffer.getvalue())

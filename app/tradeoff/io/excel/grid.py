"""Rows of the two big sheets: Scores (the raw matrix) and Values (the live model).

Values is all formulas: per cell the value function over the score on the
Scores sheet and the anchors, the weighted contribution, and per option the
total, rank and margin. Every Values row has the same shape, so each row is
one template with the row numbers filled in — which keeps a 10,000 × 50
export fast.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from tradeoff.core.model import Criterion
from tradeoff.io.excel import formulas as F
from tradeoff.io.excel import layout as L
from tradeoff.io.excel.layout import WorkbookLayout
from tradeoff.io.excel.style import Styles
from tradeoff.io.excel.xlsx_stream import (
    blank_xml,
    col,
    formula_xml,
    number_xml,
    row_xml,
    text_xml,
)

# Placeholders in a Values row template: this row, the Scores row of the same
# option, the row above, and how many options come before this one.
_ROW, _SCORES_ROW, _ROW_ABOVE, _EARLIER = "\x01", "\x02", "\x03", "\x04"


def scores_rows(layout: WorkbookLayout, st: Styles) -> Iterator[str]:
    """Names, units, live direction, worst/best anchors, then one row per option."""
    m = layout.matrix
    header = [text_xml("A1", "Option", st.header.plain)]
    units = [text_xml("A2", "unit", st.label.plain)]
    directions = [text_xml("A3", "direction", st.label.plain)]
    worst = [text_xml("A4", "worst", st.label.plain)]
    best = [text_xml("A5", "best", st.label.plain)]
    for j, c in enumerate(m.criteria):
        letter = col(j + 2)
        header.append(text_xml(f"{letter}1", c.name, st.header.plain, st.header.quoted))
        if c.unit:
            units.append(text_xml(f"{letter}2", c.unit, st.text.plain, st.text.quoted))
        directions.append(formula_xml(
            f"{letter}3", f'IF({L.VALUES}!{letter}${L.VALUES_BEST_ROW}<'
                          f'{L.VALUES}!{letter}${L.VALUES_WORST_ROW},"cost","benefit")'))
        worst.append(_anchor_xml(f"{letter}4", c, c.worst, st))
        best.append(_anchor_xml(f"{letter}5", c, c.best, st))
    yield row_xml(1, header)
    yield row_xml(2, units)
    yield row_xml(3, directions)
    yield row_xml(4, worst)
    yield row_xml(5, best)
    letters = [col(j + 2) for j in range(len(m.criteria))]
    # Every value at once from the score arrays, not a Score object per cell.
    values = m.scores.value_rows([o.id for o in m.options], [c.id for c in m.criteria])
    number_style = st.input_number
    for i, o in enumerate(m.options):
        r = L.SCORES_FIRST_ROW + i
        cells = [text_xml(f"A{r}", o.name, st.label.plain, st.label.quoted)]
        for letter, v in zip(letters, values[i], strict=True):
            if type(v) is float and math.isfinite(v):  # the common case, written inline
                cells.append(f'<c r="{letter}{r}" s="{number_style}"><v>{v!r}</v></c>')
            elif v is None:
                cells.append(blank_xml(f"{letter}{r}", number_style))
            elif isinstance(v, str):
                cells.append(text_xml(f"{letter}{r}", v, st.input_text.plain,
                                      st.input_text.quoted))
            else:
                cells.append(number_xml(f"{letter}{r}", v, number_style))
        yield row_xml(r, cells)


def _anchor_xml(ref: str, c: Criterion, anchor: float, st: Styles) -> str:
    if c.levels:
        name = c.level_at(anchor)
        if name is not None:
            return text_xml(ref, name, st.input_text.plain, st.input_text.quoted)
    return number_xml(ref, anchor, st.input_number)


def scores_row_count(layout: WorkbookLayout) -> int:
    return L.SCORES_FIRST_ROW - 1 + layout.n_options


def value_formula(layout: WorkbookLayout, j: int, score_ref: str) -> str:
    """The value of the score in ``score_ref`` on criterion ``j``."""
    c = layout.matrix.criteria[j]
    if c.levels:
        exact = F.has_wildcards([lv.name for lv in c.levels])
        return F.blank_if_empty(score_ref, F.level_lookup(
            score_ref, layout.name("levels", j), layout.name("level_values", j), exact))
    if c.value_points:
        return F.blank_if_empty(score_ref, F.piecewise_value(
            score_ref, layout.name("points_x", j), layout.name("points_v", j),
            len(c.value_points)))
    return F.blank_if_empty(score_ref, F.linear_value(
        score_ref, layout.name("worst", j), layout.name("best", j)))


def anchor_position_formula(layout: WorkbookLayout, j: int, scores_row: int) -> str:
    """A worst/best anchor as a number: itself, or its level's position.

    A level scale's anchor is normally a level's name, but may be a position
    between or beyond the levels (a number).
    """
    c = layout.matrix.criteria[j]
    ref = f"{L.SCORES}!{col(j + 2)}${scores_row}"
    if not c.levels:
        return ref
    exact = F.has_wildcards([lv.name for lv in c.levels])
    lookup = F.level_lookup(ref, layout.name("levels", j), layout.name("positions", j), exact)
    return f"IF(ISNUMBER({ref}),{ref},{lookup})"


def active_weight_formula(layout: WorkbookLayout, criterion_id: str) -> str:
    """The criterion's normalised weight under the profile chosen on the Weights sheet."""
    r = layout.node_row(criterion_id)
    first, last = col(layout.weight_col(0)), col(layout.weight_col(layout.n_profiles - 1))
    return f"INDEX({L.WEIGHTS}!${first}${r}:${last}${r},active_profile)"


def values_rows(layout: WorkbookLayout, st: Styles) -> Iterator[str]:
    """Header rows (names, numeric anchors, active weights), then one row per option."""
    m = layout.matrix
    n_crit = layout.n_criteria
    head = [text_xml("A1", "Option", st.header.plain)]
    worst = [text_xml("A2", "worst (number or level position)", st.label.plain)]
    best = [text_xml("A3", "best (number or level position)", st.label.plain)]
    weight = [text_xml("A4", "weight (active profile)", st.label.plain)]
    for j, c in enumerate(m.criteria):
        letter, sletter = col(layout.value_col(j)), col(j + 2)
        head.append(formula_xml(f"{letter}1", f"{L.SCORES}!{sletter}$1", st.header.plain))
        worst.append(formula_xml(f"{letter}2",
                                 anchor_position_formula(layout, j, L.SCORES_WORST_ROW)))
        best.append(formula_xml(f"{letter}3",
                                anchor_position_formula(layout, j, L.SCORES_BEST_ROW)))
        weight.append(formula_xml(f"{letter}4", active_weight_formula(layout, c.id),
                                  st.weight))
    for j in range(n_crit):
        letter = col(layout.contribution_col(j))
        head.append(formula_xml(f"{letter}1", f'"Contribution: "&{L.SCORES}!{col(j + 2)}$1',
                                st.header.plain))
    for column, title in ((layout.total_col, "Total"), (layout.rank_col, "Rank"),
                          (layout.margin_col, "Margin to next"),
                          (layout.rounded_col, "Total rounded to 12 decimals (for ranking)"),
                          (layout.order_col, "Place in the ranking")):
        head.append(text_xml(f"{col(column)}1", title, st.header.plain))
    yield row_xml(1, head)
    yield row_xml(2, worst)
    yield row_xml(3, best)
    yield row_xml(4, weight)
    first, later = _values_row_templates(layout, st)
    for i in range(layout.n_options):
        r = L.VALUES_FIRST_ROW + i
        template = first if i == 0 else later
        yield (template.replace(_ROW, str(r)).replace(_SCORES_ROW, str(r + 1))
               .replace(_ROW_ABOVE, str(r - 1)).replace(_EARLIER, str(i)))


def _values_row_templates(layout: WorkbookLayout, st: Styles) -> tuple[str, str]:
    """The first option's row and every later row, with placeholders for row numbers."""
    assert L.SCORES_FIRST_ROW - L.VALUES_FIRST_ROW == 1  # _SCORES_ROW is this row + 1
    n_crit = layout.n_criteria
    cells = [formula_xml(f"A{_ROW}", f"{L.SCORES}!$A{_SCORES_ROW}", st.text.plain)]
    for j in range(n_crit):
        score_ref = f"{L.SCORES}!{col(j + 2)}{_SCORES_ROW}"
        cells.append(formula_xml(f"{col(layout.value_col(j))}{_ROW}",
                                 value_formula(layout, j, score_ref), st.value))
    for j in range(n_crit):
        value_ref = f"{col(layout.value_col(j))}{_ROW}"
        cells.append(formula_xml(f"{col(layout.contribution_col(j))}{_ROW}",
                                 F.contribution(value_ref, layout.name("weight", j)), st.value))
    values_range = f"{col(layout.value_col(0))}{_ROW}:{col(layout.value_col(n_crit - 1))}{_ROW}"
    t, rk, mg, rd, od = (col(x) for x in (layout.total_col, layout.rank_col, layout.margin_col,
                                          layout.rounded_col, layout.order_col))
    common = [
        formula_xml(f"{t}{_ROW}", F.total(values_range, n_crit, "weights"), st.total),
        formula_xml(f"{rk}{_ROW}", F.rank(f"{rd}{_ROW}", "totals_rounded"), st.number),
        formula_xml(f"{mg}{_ROW}", F.margin(f"{t}{_ROW}", f"{od}{_ROW}", "totals",
                                            "ranking_order", "ranks"), st.total),
        formula_xml(f"{rd}{_ROW}", F.rounded_total(f"{t}{_ROW}"), st.helper),
    ]
    first_order = F.ranking_order(f"{rk}{_ROW}", None, 0, "ranks")
    later_order = F.ranking_order(f"{rk}{_ROW}", f"{rk}${L.VALUES_FIRST_ROW}:{rk}{_ROW_ABOVE}",
                                  _EARLIER, "ranks")
    base = "".join(cells + common)
    first = f'<row r="{_ROW}">{base}{formula_xml(f"{od}{_ROW}", first_order, st.helper)}</row>'
    later = f'<row r="{_ROW}">{base}{formula_xml(f"{od}{_ROW}", later_order, st.helper)}</row>'
    return first, later


def values_row_count(layout: WorkbookLayout) -> int:
    return L.VALUES_FIRST_ROW - 1 + layout.n_options


def values_defined_names(layout: WorkbookLayout) -> dict[str, str]:
    """Defined names pointing into Values (and the per-criterion anchor/weight cells)."""
    first, last = L.VALUES_FIRST_ROW, layout.values_last_row

    def column_range(c: int) -> str:
        return f"{L.VALUES}!${col(c)}${first}:${col(c)}${last}"

    names = {
        "weights": f"{L.VALUES}!${col(layout.value_col(0))}${L.VALUES_WEIGHT_ROW}:"
                   f"${col(layout.value_col(layout.n_criteria - 1))}${L.VALUES_WEIGHT_ROW}",
        "option_names": column_range(1),
        "totals": column_range(layout.total_col),
        "ranks": column_range(layout.rank_col),
        "margins": column_range(layout.margin_col),
        "totals_rounded": column_range(layout.rounded_col),
        "ranking_order": column_range(layout.order_col),
    }
    for j in range(layout.n_criteria):
        letter = col(layout.value_col(j))
        names[layout.name("worst", j)] = f"{L.VALUES}!${letter}${L.VALUES_WORST_ROW}"
        names[layout.name("best", j)] = f"{L.VALUES}!${letter}${L.VALUES_BEST_ROW}"
        names[layout.name("weight", j)] = f"{L.VALUES}!${letter}${L.VALUES_WEIGHT_ROW}"
    return names

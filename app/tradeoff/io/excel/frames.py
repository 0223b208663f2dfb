"""Everything in the exported workbook except cell values, built with openpyxl.

Column widths, frozen panes, data validation, conditional formats, comments,
the chart, defined names, document properties and the hidden sheet. The cells
themselves are streamed in afterwards (:mod:`tradeoff.io.excel.xlsx_stream`); the
cells created here only carry comments, and are replaced by the streamed rows.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.comments import Comment
from openpyxl.formatting.rule import ColorScaleRule, FormulaRule
from openpyxl.styles import Font
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from tradeoff.core.printed_numbers import decimals_apart
from tradeoff.core.scenarios import scenario_view
from tradeoff.core.scoring import score
from tradeoff.io.excel import layout as L
from tradeoff.io.excel.grid import values_defined_names
from tradeoff.io.excel.layout import WorkbookLayout
from tradeoff.io.excel.sheets import SummaryInfo, scales_defined_names, weights_defined_names
from tradeoff.io.excel.style import TOTAL_DECIMALS, Styles, register_styles
from tradeoff.io.excel.xlsx_stream import col
from tradeoff.io.safe_text import cell_text
from tradeoff.version import APP_NAME

# Comments are drawn shapes; beyond this many the file grows large and slow to
# open, so further rationales appear on the Notes sheet only.
MAX_COMMENTS = 10_000
CHART_BARS = 30  # the chart shows the top of the (live) ranking
SHEET_ORDER = (L.SUMMARY, L.SCORES, L.WEIGHTS, L.VALUES, L.SCALES, L.NOTES, L.EMBEDDED)


def total_decimals(layout: WorkbookLayout) -> int:
    """Decimals of the totals and margins: four, or as many as it takes for options
    ranked apart to show different totals and a lead above zero, in the base case and
    in each scenario, under the profile the workbook opens with. (Rounded alike they
    would read as a tie, with a margin of 0.0000, beside ranks 1 and 2.)"""
    matrix = layout.matrix
    profile = matrix.profiles[layout.active_index - 1]
    decimals = TOTAL_DECIMALS
    for scenario in [None, *matrix.scenarios]:
        totals = score(scenario_view(matrix, scenario), profile).totals.to_numpy(dtype=float)
        decimals = max(decimals, int(decimals_apart(totals, TOTAL_DECIMALS).max(initial=0)))
    return decimals


def build_frames(layout: WorkbookLayout, info: SummaryInfo,
                 notes: list[tuple[int, int]]) -> tuple[Workbook, Styles]:
    """The workbook without cell values; ``notes`` lists the (option, criterion)
    indices of scores with a rationale, source or range, in sheet order."""
    wb = Workbook()
    first = wb.active
    first.title = SHEET_ORDER[0]
    sheets = {SHEET_ORDER[0]: first}
    for title in SHEET_ORDER[1:]:
        sheets[title] = wb.create_sheet(title)
    styles = register_styles(wb, total_decimals(layout))
    md = layout.matrix.metadata
    wb.properties.title = cell_text(md.title)
    wb.properties.creator = cell_text(md.author) if md.author else APP_NAME
    wb.calculation.fullCalcOnLoad = True  # spreadsheets compute every formula on opening
    for name, ref in {**values_defined_names(layout), **weights_defined_names(layout),
                      **scales_defined_names(layout)}.items():
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
    _summary_frame(sheets[L.SUMMARY], layout, info)
    _scores_frame(sheets[L.SCORES], layout, notes)
    _weights_frame(sheets[L.WEIGHTS], layout)
    _values_frame(sheets[L.VALUES], layout)
    _widths(sheets[L.SCALES], {"A": 34, "B": 12, "C": 12, "D": 11, "E": 11, "F": 11, "G": 20})
    sheets[L.SCALES].freeze_panes = f"A{L.SCALES_FIRST_ROW}"
    _widths(sheets[L.NOTES], {"A": 28, "B": 24, "C": 10, "D": 8, "E": 8, "F": 70, "G": 40, "H": 12})
    sheets[L.NOTES].freeze_panes = "A2"
    _widths(sheets[L.EMBEDDED], {"A": 60, "B": 60})
    sheets[L.EMBEDDED].sheet_state = "hidden"
    return wb, styles


def _widths(ws: Worksheet, widths: dict[str, float]) -> None:
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width


def _name_width(name: str) -> float:
    return max(10.0, min(30.0, len(name) * 1.1 + 2))


def _summary_frame(ws: Worksheet, layout: WorkbookLayout, info: SummaryInfo) -> None:
    _widths(ws, {"A": 18, "B": 50, "C": 12, "D": 15, "E": 13})
    h = info.header_row
    bars = min(layout.n_options, CHART_BARS)
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.title = "Totals" if bars == layout.n_options else f"Totals (top {bars})"
    chart.legend = None
    chart.add_data(Reference(ws, min_col=3, min_row=h, max_row=h + bars), titles_from_data=True)
    # Option names are text: a string reference, so every reader labels the bars with them.
    names = Reference(ws, min_col=2, min_row=h + 1, max_row=h + bars)
    chart.series[0].cat = AxDataSource(strRef=StrRef(f=str(names)))
    chart.x_axis.scaling.orientation = "maxMin"  # first place at the top
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.number_format = "0.00"
    chart.height = max(6.0, 0.6 * bars + 2)
    chart.width = 16.0
    ws.add_chart(chart, "G3")


def _scores_frame(ws: Worksheet, layout: WorkbookLayout, notes: list[tuple[int, int]]) -> None:
    m = layout.matrix
    ws.freeze_panes = f"B{L.SCORES_FIRST_ROW}"
    _widths(ws, {"A": 30})
    last = layout.scores_last_row
    for j, c in enumerate(m.criteria):
        letter = col(j + 2)
        ws.column_dimensions[letter].width = _name_width(c.name)
        cells = f"{letter}{L.SCORES_FIRST_ROW}:{letter}{last}"
        if c.levels:
            dv = DataValidation(type="list", formula1=layout.name("levels", j), allow_blank=True,
                                showErrorMessage=True, errorTitle="Not a level of this scale",
                                error="Choose one of the levels listed on the Scales sheet.")
        else:
            anchors = f"${letter}${L.SCORES_WORST_ROW},${letter}${L.SCORES_BEST_ROW}"
            dv = DataValidation(type="decimal", operator="between", formula1=f"MIN({anchors})",
                                formula2=f"MAX({anchors})", allow_blank=True,
                                showErrorMessage=True, errorTitle="Outside the scale",
                                error="Enter a number between the worst and best anchors "
                                      "(rows 4 and 5).")
        dv.add(cells)
        ws.add_data_validation(dv)
    count = 0
    for i, j in notes:
        s = m.scores[(m.options[i].id, m.criteria[j].id)]
        if not (s.rationale or s.source):
            continue
        if count >= MAX_COMMENTS:
            return
        text = s.rationale + (f"\n\nSource: {s.source}" if s.source else "")
        comment = Comment(cell_text(text.strip()), APP_NAME, width=320, height=140)
        ws.cell(row=L.SCORES_FIRST_ROW + i, column=j + 2).comment = comment
        count += 1


def _weights_frame(ws: Worksheet, layout: WorkbookLayout) -> None:
    m = layout.matrix
    _widths(ws, {"A": 34, "B": 10, "C": 24})
    ws.freeze_panes = f"{col(L.WEIGHTS_FIRST_POINTS_COL)}{L.WEIGHTS_FIRST_ROW}"
    for p in range(layout.n_profiles):
        ws.column_dimensions[col(layout.points_col(p))].width = 14
        ws.column_dimensions[col(layout.weight_col(p))].width = 14
    ws.column_dimensions[col(layout.points_col(layout.n_profiles))].width = 3
    listing = ", ".join(f"{p + 1} = {cell_text(pr.name)}" for p, pr in enumerate(m.profiles))
    dv = DataValidation(type="whole", operator="between", formula1="1",
                        formula2=str(layout.n_profiles), showErrorMessage=True,
                        showInputMessage=True, promptTitle="Active profile",
                        prompt=listing[:250], errorTitle="No such profile",
                        error=f"Enter a profile number from 1 to {layout.n_profiles}.")
    dv.add(L.ACTIVE_CELL)
    ws.add_data_validation(dv)
    bottom = layout.weights_last_row + 2
    for first_col in (layout.points_col(0), layout.weight_col(0)):
        top_left = f"{col(first_col)}{L.WEIGHTS_MARK_ROW}"
        cells = f"{top_left}:{col(first_col + layout.n_profiles - 1)}{bottom}"
        rule = FormulaRule(formula=[f"COLUMN({top_left})-{first_col - 1}=active_profile"],
                           font=Font(bold=True, color="1B5E20"))
        ws.conditional_formatting.add(cells, rule)


def _values_frame(ws: Worksheet, layout: WorkbookLayout) -> None:
    ws.freeze_panes = f"B{L.VALUES_FIRST_ROW}"
    _widths(ws, {"A": 30})
    for j, c in enumerate(layout.matrix.criteria):
        ws.column_dimensions[col(layout.value_col(j))].width = _name_width(c.name)
        ws.column_dimensions[col(layout.contribution_col(j))].width = _name_width(c.name)
    ws.column_dimensions[col(layout.n_criteria + 2)].width = 3
    ws.column_dimensions[col(layout.total_col - 1)].width = 3
    for column, width in ((layout.total_col, 10), (layout.rank_col, 7), (layout.margin_col, 12),
                          (layout.rounded_col, 16), (layout.order_col, 12)):
        ws.column_dimensions[col(column)].width = width
    values = (f"{col(layout.value_col(0))}{L.VALUES_FIRST_ROW}:"
              f"{col(layout.value_col(layout.n_criteria - 1))}{layout.values_last_row}")
    ws.conditional_formatting.add(values, ColorScaleRule(
        start_type="num", start_value=0, start_color="F8696B",
        mid_type="num", mid_value=0.5, mid_color="FFEB84",
        end_type="num", end_value=1, end_color="63BE7B"))

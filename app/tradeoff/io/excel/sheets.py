"""Rows of the smaller sheets: Summary, Weights, Scales and Notes.

The Summary ranking is live: each place k looks up the option whose place in
the ranking (a Values column) is k, so changing a weight or a score re-sorts it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from tradeoff.io.excel import formulas as F
from tradeoff.io.excel import layout as L
from tradeoff.io.excel.layout import WorkbookLayout
from tradeoff.io.excel.style import Styles
from tradeoff.io.excel.xlsx_stream import blank_xml, col, formula_xml, number_xml, row_xml, text_xml
from tradeoff.version import __version__

METHOD_TEXT = ("Additive value model: total = Σ normalised weight × value; each value runs "
               "from 0 at the worst anchor to 1 at the best.")
EXPLORE_TEXT = ("Change the active profile number or the raw points on the Weights sheet, or a "
                "score on the Scores sheet (shaded cells): totals, ranks and this ranking follow.")
MISSING_TEXT = "An option with a missing score has no total and no rank (left blank)."


@dataclass(frozen=True)
class SummaryInfo:
    """What the Summary says above the ranking, and where the ranking starts."""

    lines: list[tuple[str, str, bool]]  # label, text or formula, is_formula
    header_row: int

    @property
    def first_rank_row(self) -> int:
        return self.header_row + 1


def summary_info(layout: WorkbookLayout, source_name: str | None,
                 today: dt.date | None = None) -> SummaryInfo:
    m = layout.matrix
    lines: list[tuple[str, str, bool]] = [
        ("Active profile", "INDEX(profile_names,active_profile)", True),
        ("Method", METHOD_TEXT, False),
        ("Source file", source_name or "—", False),
        ("Exported", (today or dt.date.today()).isoformat(), False),
        ("Tradeoff version", __version__, False),
    ]
    if m.metadata.author:
        lines.append(("Author", m.metadata.author, False))
    lines += [("Source" if k == 0 else "", s, False) for k, s in enumerate(m.metadata.sources)]
    lines.append(("To explore", EXPLORE_TEXT, False))
    if _has_missing_scores(layout):
        lines.append(("Missing scores", MISSING_TEXT, False))
    return SummaryInfo(lines, header_row=4 + len(lines) + 1)


def _has_missing_scores(layout: WorkbookLayout) -> bool:
    m = layout.matrix
    present = m.scores.count_values([o.id for o in m.options], [c.id for c in m.criteria])
    return present < layout.n_options * layout.n_criteria


def summary_rows(layout: WorkbookLayout, info: SummaryInfo, st: Styles) -> Iterator[str]:
    md = layout.matrix.metadata
    yield row_xml(1, [text_xml("A1", md.title, st.title.plain, st.title.quoted)])
    if md.description:
        yield row_xml(2, [text_xml("A2", md.description, st.wrapped.plain, st.wrapped.quoted)])
    for k, (label, content, is_formula) in enumerate(info.lines):
        r = 4 + k
        value = (formula_xml(f"B{r}", content, st.label.plain) if is_formula
                 else text_xml(f"B{r}", content, st.text.plain, st.text.quoted))
        yield row_xml(r, [text_xml(f"A{r}", label, st.label.plain), value])
    h = info.header_row
    yield row_xml(h, [text_xml(f"{c}{h}", title, st.header.plain) for c, title in
                      zip("ABCDE", ("Rank", "Option", "Total", "Margin to next",
                                    "Row in Values"), strict=True)])
    for k in range(1, layout.n_options + 1):
        r = h + k
        yield row_xml(r, [
            formula_xml(f"A{r}", f"INDEX(ranks,E{r})", st.number),
            formula_xml(f"B{r}", f"INDEX(option_names,E{r})", st.text.plain),
            formula_xml(f"C{r}", f"INDEX(totals,E{r})", st.total),
            formula_xml(f"D{r}", f"INDEX(margins,E{r})", st.total),
            formula_xml(f"E{r}", f"MATCH({k},ranking_order,0)", st.helper),
        ])


def summary_row_count(layout: WorkbookLayout, info: SummaryInfo) -> int:
    return info.header_row + layout.n_options


# -- Weights -------------------------------------------------------------------
def weights_rows(layout: WorkbookLayout, st: Styles) -> Iterator[str]:
    m = layout.matrix
    n_prof = layout.n_profiles
    yield row_xml(1, [text_xml("A1", "Weights", st.title.plain)])
    yield row_xml(2, [text_xml("A2", "Active profile (number)", st.label.plain),
                      number_xml(L.ACTIVE_CELL, layout.active_index, st.input_number),
                      formula_xml("C2", "INDEX(profile_names,active_profile)", st.label.plain)])
    help_text = ("Raw points are in any units. A weight is the share of its siblings' points "
                 "times its group's weight; the criteria's weights add up to 1.")
    band = L.WEIGHTS_MARK_ROW - 1
    yield row_xml(band, [
        text_xml(f"A{band}", help_text, st.text.plain),
        text_xml(f"{col(layout.points_col(0))}{band}", "Raw points", st.label.plain),
        text_xml(f"{col(layout.weight_col(0))}{band}", "Normalised weight", st.label.plain)])
    marks, headers = [], [text_xml(f"{c}{L.WEIGHTS_HEADER_ROW}", t, st.header.plain)
                          for c, t in zip("ABC", ("Criterion or group", "Kind", "Parent"),
                                          strict=True)]
    for p, profile in enumerate(m.profiles):
        pc, wc = col(layout.points_col(p)), col(layout.weight_col(p))
        mark = f'IF(active_profile={p + 1},"active","")'
        # cells of a row go left to right: points marks first, weight marks after
        marks.insert(p, formula_xml(f"{pc}{L.WEIGHTS_MARK_ROW}", mark, st.label.plain))
        marks.append(formula_xml(f"{wc}{L.WEIGHTS_MARK_ROW}", mark, st.label.plain))
        headers.append(text_xml(f"{pc}{L.WEIGHTS_HEADER_ROW}", profile.name,
                                st.header.plain, st.header.quoted))
    yield row_xml(L.WEIGHTS_MARK_ROW, marks)
    for p in range(n_prof):
        pc, wc = col(layout.points_col(p)), col(layout.weight_col(p))
        headers.append(formula_xml(f"{wc}{L.WEIGHTS_HEADER_ROW}",
                                   f"{pc}${L.WEIGHTS_HEADER_ROW}", st.header.plain))
    yield row_xml(L.WEIGHTS_HEADER_ROW, headers)
    names = {g.id: g.name for g in m.groups}
    rows = {n.node_id: n.row for n in layout.nodes}
    for node in layout.nodes:
        r = node.row
        cells = [text_xml(f"A{r}", node.name, st.label.plain, st.label.quoted),
                 text_xml(f"B{r}", node.kind, st.text.plain),
                 text_xml(f"C{r}", names.get(node.parent, "—") if node.parent else "—",
                          st.text.plain, st.text.quoted)]
        first, last = node.siblings
        for p, profile in enumerate(m.profiles):
            pc = col(layout.points_col(p))
            points = profile.weights.get(node.node_id)
            cells.append(blank_xml(f"{pc}{r}", st.input_number) if points is None
                         else number_xml(f"{pc}{r}", points, st.input_number))
        for p in range(n_prof):
            pc, wc = col(layout.points_col(p)), col(layout.weight_col(p))
            parent_ref = None if node.parent is None else f"{wc}{rows[node.parent]}"
            cells.append(formula_xml(f"{wc}{r}", F.node_weight(
                f"{pc}{r}", f"{pc}${first}:{pc}${last}", parent_ref), st.weight))
        yield row_xml(r, cells)
    total_row = layout.weights_last_row + 2
    cells = [text_xml(f"A{total_row}", "Sum of the criteria's weights", st.label.plain)]
    kinds = f"$B${L.WEIGHTS_FIRST_ROW}:$B${layout.weights_last_row}"
    for p in range(n_prof):
        wc = col(layout.weight_col(p))
        cells.append(formula_xml(
            f"{wc}{total_row}",
            f'SUMIF({kinds},"criterion",{wc}{L.WEIGHTS_FIRST_ROW}:{wc}{layout.weights_last_row})',
            st.weight))
    yield row_xml(total_row, cells)


def weights_row_count(layout: WorkbookLayout) -> int:
    return layout.weights_last_row + 2


def weights_defined_names(layout: WorkbookLayout) -> dict[str, str]:
    first, last = col(layout.points_col(0)), col(layout.points_col(layout.n_profiles - 1))
    active_col, active_row = L.ACTIVE_CELL[0], L.ACTIVE_CELL[1:]
    return {
        "active_profile": f"{L.WEIGHTS}!${active_col}${active_row}",
        "profile_names": f"{L.WEIGHTS}!${first}${L.WEIGHTS_HEADER_ROW}:"
                         f"${last}${L.WEIGHTS_HEADER_ROW}",
    }


# -- Scales --------------------------------------------------------------------
def scales_rows(layout: WorkbookLayout, st: Styles) -> Iterator[str]:
    m = layout.matrix
    yield row_xml(1, [text_xml("A1", "Scales and value functions", st.title.plain)])
    h = L.SCALES_HEADER_ROW
    yield row_xml(h, [text_xml(f"{c}{h}", t, st.header.plain) for c, t in zip(
        "ABCDEFG", ("Criterion", "Scale", "Unit", "Direction", "Worst", "Best",
                    "Value function"), strict=True)])
    for j, c in enumerate(m.criteria):
        r = L.SCALES_FIRST_ROW + j
        letter = col(j + 2)
        kind = "piecewise-linear" if c.value_points else "linear"
        yield row_xml(r, [
            text_xml(f"A{r}", c.name, st.label.plain, st.label.quoted),
            text_xml(f"B{r}", "levels" if c.levels else "numeric", st.text.plain),
            text_xml(f"C{r}", c.unit, st.text.plain, st.text.quoted),
            formula_xml(f"D{r}", f"{L.SCORES}!{letter}{L.SCORES_DIRECTION_ROW}"),
            formula_xml(f"E{r}", f"{L.SCORES}!{letter}{L.SCORES_WORST_ROW}"),
            formula_xml(f"F{r}", f"{L.SCORES}!{letter}{L.SCORES_BEST_ROW}"),
            text_xml(f"G{r}", kind, st.text.plain),
        ])
    for j, (c, block) in enumerate(zip(m.criteria, layout.scales, strict=True)):
        if block.levels:
            first, _last = block.levels
            yield row_xml(first - 2, [text_xml(f"A{first - 2}", f"{c.name}: levels",
                                               st.label.plain, st.label.quoted)])
            yield row_xml(first - 1, [text_xml(f"{x}{first - 1}", t, st.header.plain)
                                      for x, t in zip("ABC", ("Level", "Position", "Value"),
                                                      strict=True)])
            for k, level in enumerate(c.levels):
                r = first + k
                yield row_xml(r, [
                    text_xml(f"A{r}", level.name, st.text.plain, st.text.quoted),
                    number_xml(f"B{r}", level.position, st.number),
                    formula_xml(f"C{r}", _level_value(layout, j, f"B{r}"), st.value),
                ])
        if block.points:
            first, _last = block.points
            yield row_xml(first - 2, [text_xml(f"A{first - 2}", f"{c.name}: value function",
                                               st.label.plain, st.label.quoted)])
            yield row_xml(first - 1, [text_xml(f"{x}{first - 1}", t, st.header.plain)
                                      for x, t in zip("AB", ("Score", "Value"), strict=True)])
            for k, (x, v) in enumerate(sorted(c.value_points, key=lambda p: p[0])):
                r = first + k
                yield row_xml(r, [number_xml(f"A{r}", x, st.number),
                                  number_xml(f"B{r}", v, st.value)])


def _level_value(layout: WorkbookLayout, j: int, position_ref: str) -> str:
    c = layout.matrix.criteria[j]
    if c.value_points:
        return F.piecewise_value(position_ref, layout.name("points_x", j),
                                 layout.name("points_v", j), len(c.value_points))
    return F.linear_value(position_ref, layout.name("worst", j), layout.name("best", j))


def scales_row_count(layout: WorkbookLayout) -> int:
    return 2 + layout.n_criteria + sum(
        (len(c.levels) + 2 if c.levels else 0) + (len(c.value_points) + 2 if c.value_points else 0)
        for c in layout.matrix.criteria)


def scales_defined_names(layout: WorkbookLayout) -> dict[str, str]:
    names: dict[str, str] = {}
    for j, block in enumerate(layout.scales):
        if block.levels:
            a, b = block.levels
            names[layout.name("levels", j)] = f"{L.SCALES}!$A${a}:$A${b}"
            names[layout.name("positions", j)] = f"{L.SCALES}!$B${a}:$B${b}"
            names[layout.name("level_values", j)] = f"{L.SCALES}!$C${a}:$C${b}"
        if block.points:
            a, b = block.points
            names[layout.name("points_x", j)] = f"{L.SCALES}!$A${a}:$A${b}"
            names[layout.name("points_v", j)] = f"{L.SCALES}!$B${a}:$B${b}"
    return names


# -- Notes ---------------------------------------------------------------------
NOTES_HEADERS = ("Option", "Criterion", "Score", "Low", "High", "Rationale", "Source",
                 "Drawn as")


def notes_cells(layout: WorkbookLayout) -> list[tuple[int, int]]:
    """(option index, criterion index) of every cell with a rationale, source or range."""
    m = layout.matrix
    rows = {o.id: i for i, o in enumerate(m.options)}
    columns = {c.id: j for j, c in enumerate(m.criteria)}
    noted = []
    for oid, cid in m.scores.detailed_keys():  # the cells with more than a value
        if oid in rows and cid in columns:
            s = m.scores[(oid, cid)]
            if s.rationale or s.source or s.has_range:
                noted.append((rows[oid], columns[cid]))
    return sorted(noted)


def notes_rows(layout: WorkbookLayout, cells: list[tuple[int, int]], st: Styles) -> Iterator[str]:
    m = layout.matrix
    yield row_xml(1, [text_xml(f"{col(k + 1)}1", t, st.header.plain)
                      for k, t in enumerate(NOTES_HEADERS)])
    for n, (i, j) in enumerate(cells):
        r = n + 2
        o, c = m.options[i], m.criteria[j]
        s = m.scores[(o.id, c.id)]
        out = [text_xml(f"A{r}", o.name, st.wrapped.plain, st.wrapped.quoted),
               text_xml(f"B{r}", c.name, st.wrapped.plain, st.wrapped.quoted)]
        for letter, v in zip("CDE", (s.value, s.low, s.high), strict=True):
            if isinstance(v, str):
                out.append(text_xml(f"{letter}{r}", v, st.wrapped.plain, st.wrapped.quoted))
            elif v is not None:
                out.append(number_xml(f"{letter}{r}", v, st.number))
        for letter, text in (("F", s.rationale), ("G", s.source), ("H", s.distribution)):
            if text:
                out.append(text_xml(f"{letter}{r}", text, st.wrapped.plain, st.wrapped.quoted))
        yield row_xml(r, out)

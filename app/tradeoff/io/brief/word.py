"""The brief as a Word document (.docx) via python-docx, for the analyst to edit.

Headings use Word's heading styles, tables are Word tables and charts are
pictures, so the document behaves like one typed in Word. python-docx escapes
the XML; characters XML cannot carry at all are shown as U+FFFD.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt

from tradeoff.core.brief.document import Block, Brief, Bullets, Chart, Paragraph, Quote, Table
from tradeoff.io.brief.charts import chart_png
from tradeoff.io.brief.xml_text import clean

CHART_WIDTH = Cm(16)


def _paragraph(doc, p: Paragraph, style: str | None = None) -> None:
    para = doc.add_paragraph(style=style)
    if p.lead:
        para.add_run(clean(p.lead)).bold = True
        para.add_run(p.gap)
    para.add_run(clean(p.text))


def _quote_text(q: Quote) -> str:
    who = f" — {q.attribution}" if q.attribution else ""
    return clean(f"“{q.text}”{who}")


def _table(doc, t: Table) -> None:
    table = doc.add_table(rows=1, cols=len(t.headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    small = Pt(8 if len(t.headers) > 5 else 9)
    for i, h in enumerate(t.headers):
        cell = table.rows[0].cells[i]
        run = cell.paragraphs[0].add_run(clean(h))
        run.bold, run.font.size = True, small
    for row in t.rows:
        cells = table.add_row().cells
        for i, value in enumerate(row):
            para = cells[i].paragraphs[0]
            para.add_run(clean(value)).font.size = small
            if i in t.numeric:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if t.caption:
        doc.add_paragraph(clean(t.caption), style="Caption")


def _block(doc, b: Block) -> None:
    if isinstance(b, Paragraph):
        _paragraph(doc, b, "Intense Quote" if b.key else None)
    elif isinstance(b, Quote):
        doc.add_paragraph(_quote_text(b), style="Quote")
    elif isinstance(b, Bullets):
        for item, quotes in b.items:
            _paragraph(doc, item, "List Bullet")
            for q in quotes:
                doc.add_paragraph(_quote_text(q), style="List Bullet 2")
    elif isinstance(b, Table):
        _table(doc, b)
    elif isinstance(b, Chart):
        doc.add_picture(io.BytesIO(chart_png(b)), width=CHART_WIDTH)
        doc.add_paragraph(clean(b.title), style="Caption")
    else:
        raise TypeError(f"unknown block {type(b).__name__}")


def to_docx(brief: Brief) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    section.left_margin = section.right_margin = Cm(2.0)
    doc.core_properties.title = clean(brief.title)
    doc.core_properties.author = "Tradeoff"
    doc.add_heading(clean(brief.title), level=0)
    doc.add_paragraph(clean(brief.subtitle), style="Subtitle")
    for s in brief.sections:
        if s.key == "appendix":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_heading(clean(s.heading), level=1)
        for b in s.blocks:
            _block(doc, b)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()

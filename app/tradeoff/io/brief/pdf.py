"""The brief as an A4 PDF via reportlab: real text, fonts embedded, the appendix on its own page.

reportlab rather than Qt's ``QPdfWriter``: :mod:`tradeoff.io` never imports Qt, so
the CLI and a worker thread write PDFs without a ``QGuiApplication``; and reportlab
lays out tables with repeated header rows and keeps headings with what follows.
The DejaVu fonts matplotlib ships are embedded (subset), so every character of a
name in any European script prints, and the text stays selectable and searchable.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

import matplotlib
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from tradeoff.core.brief.document import Block, Brief, Bullets, Chart, Paragraph, Quote, Table
from tradeoff.io.brief.charts import chart_png
from tradeoff.io.brief.xml_text import clean

FONT, BOLD, ITALIC = "TradeoffSans", "TradeoffSans-Bold", "TradeoffSans-Oblique"
MARGIN = 1.5 * cm
WIDTH = A4[0] - 2 * MARGIN
ACCENT = colors.HexColor("#1f4e79")
MUTED = colors.HexColor("#5b6573")
RULE = colors.HexColor("#c9d0d8")
CHART_WIDTH = 11.5 * cm
CELL_PADDING = 3.5


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    for name, file in ((FONT, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf"),
                       (ITALIC, "DejaVuSans-Oblique.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(ttf / file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC,
                                  boldItalic=BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=FONT, fontSize=8.6, leading=11.2, spaceAfter=2.5)
    return {
        "body": body,
        "title": ParagraphStyle("title", body, fontName=BOLD, fontSize=15, leading=18,
                                textColor=ACCENT, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", body, textColor=MUTED, spaceAfter=6),
        "headline": ParagraphStyle("headline", body, fontName=BOLD, fontSize=9, leading=12,
                                   borderColor=ACCENT, borderWidth=0, leftIndent=6,
                                   spaceAfter=4),
        "h1": ParagraphStyle("h1", body, fontName=BOLD, fontSize=11, leading=14,
                             textColor=ACCENT, spaceBefore=7, spaceAfter=3, keepWithNext=1),
        "quote": ParagraphStyle("quote", body, fontSize=7.6, leading=9.6, textColor=MUTED,
                                leftIndent=12, spaceAfter=1.5),
        "cell": ParagraphStyle("cell", body, fontSize=7.4, leading=9, spaceAfter=0),
        "cell-right": ParagraphStyle("cell-right", body, fontSize=7.4, leading=9, spaceAfter=0,
                                     alignment=TA_RIGHT),
        "cell-head": ParagraphStyle("cell-head", body, fontName=BOLD, fontSize=7.4, leading=9,
                                    spaceAfter=0),
        "caption": ParagraphStyle("caption", body, fontSize=7.4, leading=9, textColor=MUTED,
                                  spaceBefore=2, spaceAfter=5),
    }


def _text(text: str) -> str:
    """User text for a reportlab Paragraph, which reads its own mark-up: escape it."""
    return escape(clean(text))


def _para(p: Paragraph) -> str:
    lead = f"<b>{_text(p.lead)}</b>{p.gap}" if p.lead else ""
    return lead + _text(p.text)


def _quote(q: Quote) -> str:
    who = f" <i>— {_text(q.attribution)}</i>" if q.attribution else ""
    return f"“{_text(q.text)}”{who}"


def _widths(t: Table, st: dict[str, ParagraphStyle]) -> list[float]:
    """Column widths: each at least its longest word, the room left shared by text length."""
    pad = 2 * CELL_PADDING + 1.0
    size = st["cell"].fontSize

    def width(text: str, font: str = FONT) -> float:
        return pdfmetrics.stringWidth(text, font, size) + pad

    def longest_word(text: str, font: str = FONT) -> float:
        return max(width(w, font) for w in (text.split() or [""]))

    least = [max(longest_word(h, BOLD), *(longest_word(r[i]) for r in t.rows))
             for i, h in enumerate(t.headers)]
    want = [max(width(h, BOLD), *(width(r[i]) for r in t.rows))
            for i, h in enumerate(t.headers)]
    if sum(want) <= WIDTH:
        return [w * WIDTH / sum(want) for w in want]
    if sum(least) >= WIDTH:
        return [w * WIDTH / sum(least) for w in least]
    room = (WIDTH - sum(least)) / (sum(want) - sum(least))
    return [lo + (hi - lo) * room for lo, hi in zip(least, want, strict=True)]


def _table(t: Table, st: dict[str, ParagraphStyle]) -> list:
    widths = _widths(t, st)
    data = [[RLParagraph(_text(h), st["cell-head"]) for h in t.headers]]
    for row in t.rows:
        data.append([RLParagraph(_text(c), st["cell-right" if i in t.numeric else "cell"])
                     for i, c in enumerate(row)])
    table = RLTable(data, colWidths=widths, repeatRows=1)
    table.setStyle([("GRID", (0, 0), (-1, -1), 0.4, RULE), ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef1f5")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                    ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])
    out: list = [table]
    if t.caption:
        out.append(RLParagraph(_text(t.caption), st["caption"]))
    return out


def _chart_image(c: Chart, width: float, font: float, columns: int) -> Image:
    png = chart_png(c, width_in=width / inch, font=font, columns=columns)
    image = Image(io.BytesIO(png))
    scale = width / image.imageWidth
    image.drawWidth, image.drawHeight = width, image.imageHeight * scale
    return image


def _charts(charts: list[Chart], st: dict[str, ParagraphStyle]) -> list:
    """One chart across the page, or two side by side, so the body keeps to two pages."""
    if len(charts) == 1:
        c = charts[0]
        return [KeepTogether([_chart_image(c, CHART_WIDTH, 7.5, 3),
                              RLParagraph(_text(c.title), st["caption"])])]
    half = (WIDTH - 0.4 * cm) / 2
    cells = [[_chart_image(c, half, 6.0, 2) for c in charts[:2]],
             [RLParagraph(_text(c.title), st["caption"]) for c in charts[:2]]]
    grid = RLTable(cells, colWidths=[half + 0.2 * cm] * 2)
    grid.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), FONT),
                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return [grid, *_charts(charts[2:], st)] if len(charts) > 2 else [grid]


def _block(b: Block, st: dict[str, ParagraphStyle]) -> list:
    if isinstance(b, Paragraph):
        return [RLParagraph(_para(b), st["headline" if b.key else "body"])]
    if isinstance(b, Quote):
        return [RLParagraph(_quote(b), st["quote"])]
    if isinstance(b, Bullets):
        items = []
        for item, quotes in b.items:
            parts = [RLParagraph(_para(item), st["body"])]
            parts += [RLParagraph(_quote(q), st["quote"]) for q in quotes]
            items.append(ListItem(parts, leftIndent=10, value="•"))
        return [ListFlowable(items, bulletType="bullet", start="•", leftIndent=10,
                             bulletFontName=FONT, bulletFontSize=8)]
    if isinstance(b, Table):
        return _table(b, st)
    if isinstance(b, Chart):
        return _charts([b], st)
    raise TypeError(f"unknown block {type(b).__name__}")


def to_pdf(brief: Brief) -> bytes:
    _register_fonts()
    st = _styles()
    story: list = [RLParagraph(_text(brief.title), st["title"]),
                   RLParagraph(_text(brief.subtitle), st["subtitle"])]
    for section in brief.sections:
        if section.key == "appendix":
            story.append(PageBreak())
        story.append(RLParagraph(_text(section.heading), st["h1"]))
        charts = [b for b in section.blocks if isinstance(b, Chart)]
        if len(charts) > 1:
            story += _charts(charts, st)
        for b in section.blocks:
            if not (len(charts) > 1 and isinstance(b, Chart)):
                story += _block(b, st)
    story.append(Spacer(1, 1))
    out = io.BytesIO()
    title = clean(brief.title)

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, 0.9 * cm, title[:90])
        canvas.drawRightString(A4[0] - MARGIN, 0.9 * cm, f"page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=1.3 * cm, bottomMargin=1.5 * cm, title=title,
                            author="Tradeoff", invariant=1,
                            # each page starts in this font: no unembedded Helvetica at all
                            initialFontName=FONT, initialFontSize=8)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()

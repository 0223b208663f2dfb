"""The brief's four formats: hostile text stays text, the PDF is A4 with real, embedded text,
the Word file uses Word's own headings and tables, and HTML points nowhere outside itself."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pypdf
import pytest

from factories import small_matrix
from tradeoff.core.brief import BriefOptions, build_brief
from tradeoff.core.model import Score
from tradeoff.io.brief import render_brief, write_brief
from tradeoff.io.brief.markdown import to_markdown
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_path

SCRIPT = "<script>alert('x')</script>"
IMG = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def hostile_brief():
    m = small_matrix()
    m.metadata.title = f"Plan & {SCRIPT}"
    m.metadata.description = f"Chosen by *people* | with {IMG}"
    m.metadata.sources = [f"http://example.invalid/{IMG}"]
    m.options[2].name = f"{SCRIPT} $x$"  # the winner: in the answer, the charts and tables
    m.criteria[1].name = f"Speed {IMG}"
    cell = m.scores[("c", "speed")]
    m.scores[("c", "speed")] = Score(cell.value, rationale=f"Because {IMG} and \x07 a bell",
                                     source=SCRIPT)
    return build_brief(m, m.profile(), BriefOptions(samples=500, seed=2))


@pytest.fixture(scope="module")
def budapest_brief():
    m = load_matrix(example_path())
    return build_brief(m, m.profile(), BriefOptions(samples=20_000, seed=1))


def test_html_escapes_every_user_text(hostile_brief):
    html = render_brief(hostile_brief, "HTML").decode("utf-8")
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Plan &amp; " in html


def test_html_has_no_external_reference(budapest_brief, hostile_brief):
    for brief in (budapest_brief, hostile_brief):
        html = render_brief(brief, "HTML").decode("utf-8")
        for ref in re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', html):
            assert ref.startswith("#"), ref
        for ref in re.findall(r"url\(([^)]*)\)", html):
            assert ref.startswith("#"), ref
        assert "<link" not in html and "@import" not in html
        # charts are inline SVG
        assert html.count("<svg") == 2


def test_markdown_escapes_markup_and_keeps_tables_whole(hostile_brief):
    md = to_markdown(hostile_brief)
    assert "<script>" not in md and r"\<script\>" in md
    assert r"Chosen by \*people\* \| with" in md
    # every row of every pipe table has as many cells as its header: no '|' breaks out
    tables = re.findall(r"(?:^\|.*\n)+", md, flags=re.M)
    assert len(tables) >= 4
    for table in tables:
        widths = {len(re.split(r"(?<!\\)\|", line)) for line in table.splitlines()}
        assert len(widths) == 1, table


def test_word_keeps_hostile_text_as_text(hostile_brief):
    data = render_brief(hostile_brief, "Word")
    document = docx.Document(io.BytesIO(data))
    body = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert SCRIPT in body and IMG in body and SCRIPT in cells
    assert "\ufffd a bell" in body  # a character XML cannot carry is shown, not dropped
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert "<script" not in xml and "&lt;script&gt;" in xml


def test_word_uses_heading_styles_tables_and_pictures(budapest_brief):
    document = docx.Document(io.BytesIO(render_brief(budapest_brief, "Word")))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [s.heading for s in budapest_brief.sections]
    assert document.paragraphs[0].style.name == "Title"
    assert len(document.tables) == 3  # ranking, weights and anchors, the scored matrix
    assert len(document.inline_shapes) == 2  # contributions and rank acceptability
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


def test_pdf_is_a4_with_real_embedded_text_and_a_two_page_body(budapest_brief, tmp_path):
    out = tmp_path / "brief.pdf"
    write_brief(budapest_brief, out)
    reader = pypdf.PdfReader(out)
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == \
            (595, 842)
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    assert " ".join(budapest_brief.headline[0].split()) in " ".join(pages[:1])
    appendix = next(i for i, text in enumerate(pages) if "Appendix: the scored matrix" in text)
    assert appendix <= 2  # the body fits on pages 1 and 2
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        descriptor = font.get("/FontDescriptor") or \
            font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2",
                                                           "/FontFile3")), name


def test_pdf_carries_hostile_text_as_text(hostile_brief):
    reader = pypdf.PdfReader(io.BytesIO(render_brief(hostile_brief, "PDF")))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "<script>alert('x')</script> $x$" in text

"""The brief as one self-contained HTML file: inline CSS, charts as inline SVG, print CSS for A4.

Built with a Jinja2 template with autoescaping on, so every piece of user text
is escaped; only the SVG that matplotlib writes (which escapes its own text) is
inserted as markup. No ``src``, ``href`` or CSS ``url()`` points anywhere.
"""

from __future__ import annotations

from importlib import resources

from jinja2 import Environment
from markupsafe import Markup

from tradeoff.core.brief.document import Brief, Bullets, Chart, Paragraph, Quote, Table
from tradeoff.io.brief.charts import chart_svg

TEMPLATE = "brief.html.j2"


def _environment() -> Environment:
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.tests.update({
        "paragraph": lambda b: isinstance(b, Paragraph), "quote": lambda b: isinstance(b, Quote),
        "bullets": lambda b: isinstance(b, Bullets), "table": lambda b: isinstance(b, Table),
        "chart": lambda b: isinstance(b, Chart)})
    return env


def to_html(brief: Brief) -> str:
    source = resources.files("tradeoff.io.brief").joinpath("templates", TEMPLATE)
    template = _environment().from_string(source.read_text(encoding="utf-8"))
    # matplotlib escapes the text it writes into the SVG; the rest is escaped by Jinja2
    svgs = {id(b): Markup(chart_svg(b)) for s in brief.sections for b in s.blocks
            if isinstance(b, Chart)}
    return template.render(brief=brief, svg=lambda b: svgs[id(b)])

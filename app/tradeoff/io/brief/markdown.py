"""The brief as Markdown, for a message or a wiki: headings, paragraphs, pipe tables.

User text is escaped so that a name with ``*``, ``|`` or ``<script>`` shows as
typed instead of turning into emphasis, a table column or HTML. Charts become
tables of their numbers.
"""

from __future__ import annotations

import re

from tradeoff.core.brief.document import Block, Brief, Bullets, Chart, Paragraph, Quote, Table
from tradeoff.core.printed_numbers import share_text

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def escape(text: str) -> str:
    """``text`` on one line with Markdown's (and inline HTML's) special characters escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def paragraph(p: Paragraph) -> str:
    if p.key:
        return f"**{escape(p.text)}**"
    lead = f"**{escape(p.lead)}**" if p.lead else ""
    return lead + p.gap + escape(p.text)


def quote(q: Quote) -> str:
    who = f" — {escape(q.attribution)}" if q.attribution else ""
    return f"“{escape(q.text)}”{who}"


def table(headers: tuple[str, ...] | list[str], rows, numeric=frozenset()) -> str:
    head = "| " + " | ".join(escape(h) for h in headers) + " |"
    rule = "|" + "|".join("---:" if i in numeric else "---" for i in range(len(headers))) + "|"
    body = ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows]
    return "\n".join([head, rule, *body])


def chart(c: Chart) -> str:
    def cell(x: float) -> str:
        return share_text(x, " ") if c.percent else f"{x:.3f}"

    rows = [(name, *(cell(v) for v in values)) for name, values in c.series]
    return (f"*{escape(c.title)}*\n\n"
            + table(("", *c.categories), rows, frozenset(range(1, len(c.categories) + 1))))


def block(b: Block) -> str:
    if isinstance(b, Paragraph):
        return paragraph(b)
    if isinstance(b, Quote):
        return "> " + quote(b)
    if isinstance(b, Bullets):
        lines = []
        for item, quotes in b.items:
            lines.append("- " + paragraph(item))
            lines += ["    - " + quote(q) for q in quotes]
        return "\n".join(lines)
    if isinstance(b, Table):
        text = table(b.headers, b.rows, b.numeric)
        return f"{text}\n\n*{escape(b.caption)}*" if b.caption else text
    if isinstance(b, Chart):
        return chart(b)
    raise TypeError(f"unknown block {type(b).__name__}")


def to_markdown(brief: Brief) -> str:
    parts = [f"# {escape(brief.title)}", f"*{escape(brief.subtitle)}*"]
    for section in brief.sections:
        parts.append(f"## {escape(section.heading)}")
        parts += [block(b) for b in section.blocks]
    return "\n\n".join(parts) + "\n"

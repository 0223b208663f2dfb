"""The brief as plain blocks: what every renderer (HTML, Markdown, Word, PDF) lays out.

A brief is a title, a headline (its first two sentences) and sections; each
section is a heading and a list of blocks. Blocks hold finished text (every
number already worded), so a renderer only decides how it looks, never what
it says, and the four formats cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    """A sentence or two; ``lead`` is shown in bold before the text; ``key`` sentences
    (the answer itself) are set off from the rest."""

    text: str
    lead: str = ""
    key: bool = False

    @property
    def gap(self) -> str:
        """What goes between the bold lead and the text: nothing before punctuation."""
        return "" if not self.lead or not self.text or self.text[0] in ":;,.)" else " "


@dataclass(frozen=True)
class Quote:
    """A rationale or source quoted under a statement, already shortened."""

    text: str
    attribution: str = ""


@dataclass(frozen=True)
class Bullets:
    """A list of statements, each a paragraph with its quotes."""

    items: tuple[tuple[Paragraph, tuple[Quote, ...]], ...]


@dataclass(frozen=True)
class Table:
    """A table of worded cells; ``numeric`` lists the columns to right-align."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    caption: str = ""


@dataclass(frozen=True)
class Chart:
    """Horizontal stacked bars: one bar per category, one segment per series.

    ``kind`` is ``contributions`` (segments are criteria, values add up to the
    totals) or ``acceptability`` (segments are ranks, values are shares 0..1).
    """

    kind: str
    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    axis_label: str
    percent: bool = False


Block = Paragraph | Quote | Bullets | Table | Chart


@dataclass
class Section:
    """A heading and its blocks. ``key`` names the section for choosing what to include."""

    key: str
    heading: str
    blocks: list[Block] = field(default_factory=list)


# The sections a brief may hold, in order; the appendix comes after a page break.
SECTION_KEYS = ("answer", "why", "sure", "scenarios", "uncertainties", "assumptions", "charts",
                "appendix")
SECTION_TITLES = {"answer": "The question and the answer", "why": "Why",
                  "sure": "How sure", "scenarios": "Scenarios",
                  "uncertainties": "Key uncertainties", "assumptions": "Assumptions",
                  "charts": "Charts", "appendix": "Appendix: the scored matrix"}


@dataclass
class Brief:
    """Everything a renderer needs: title, headline and sections in order."""

    title: str
    subtitle: str
    headline: tuple[str, ...]
    sections: list[Section]
    recommended: str | None = None  # the recommended option's name; None: no recommendation

    @property
    def body(self) -> list[Section]:
        return [s for s in self.sections if s.key != "appendix"]

    @property
    def appendix(self) -> list[Section]:
        return [s for s in self.sections if s.key == "appendix"]

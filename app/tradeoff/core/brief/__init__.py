"""The decision brief: the recommendation in words, with its reasons and what would change it.

:func:`build_brief` words every statement from the analyses in :mod:`tradeoff.core`
(scoring, sensitivity, flip, SMAA, tornado, stakeholders, elicitation records) into
a :class:`~tradeoff.core.brief.document.Brief` of plain blocks; the writers in
:mod:`tradeoff.io.brief` lay it out as HTML, Markdown, Word or PDF.
"""

from tradeoff.core.brief.build import BriefOptions, build_brief, headline, monte_carlo
from tradeoff.core.brief.document import SECTION_KEYS, SECTION_TITLES, Brief

__all__ = ["SECTION_KEYS", "SECTION_TITLES", "Brief", "BriefOptions", "build_brief",
           "headline", "monte_carlo"]

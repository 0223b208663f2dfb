"""User text written to a spreadsheet stays text: never a formula, never broken XML.

Spreadsheet programs treat a cell whose text begins with ``=``, ``+``, ``-``
or ``@`` as a formula when the cell is typed or imported as CSV, and a
leading tab or carriage return hides such a prefix from a quick look. In an
``.xlsx`` file a cell is a formula only if it has an ``<f>`` element, so the
export writes every piece of user text as an inline string (``t="inlineStr"``)
and, for text with one of those prefixes, adds the ``quotePrefix`` style flag
so that Excel keeps it as text even when the user edits the cell.

XML 1.0 cannot carry most control characters at all, so they are replaced by
U+FFFD (the matrix document embedded in the workbook keeps the exact text);
a carriage return is written as a character reference so that XML parsers do
not turn it into a line feed.
"""

from __future__ import annotations

import re

# Text beginning with one of these is a formula (or hides one) in a spreadsheet.
HOSTILE_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# Excel keeps at most this many characters in a cell.
MAX_CELL_CHARS = 32_767

# Characters XML 1.0 forbids (tab, LF and CR are allowed), plus lone surrogates,
# which cannot be encoded as UTF-8 at all.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TRUNCATION_MARK = " […]"


def needs_quote_prefix(text: str) -> bool:
    """True if ``text`` would be read as (or could hide) a formula."""
    return text.startswith(HOSTILE_PREFIXES)


def cell_text(text: str) -> str:
    """``text`` made storable in a cell: legal XML characters, within Excel's length."""
    cleaned = _ILLEGAL_XML.sub("\ufffd", text)
    if len(cleaned) > MAX_CELL_CHARS:
        cleaned = cleaned[: MAX_CELL_CHARS - len(_TRUNCATION_MARK)] + _TRUNCATION_MARK
    return cleaned


def xml_escape_text(text: str) -> str:
    """Escape text for XML element content, keeping carriage returns intact.

    ``text`` must already be clean (see :func:`cell_text`).
    """
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;"))

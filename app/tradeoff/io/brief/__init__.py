"""Writers of the decision brief: HTML, Markdown, Word (.docx) and PDF, chosen by extension.

Every writer lays out the same :class:`~tradeoff.core.brief.document.Brief`, and
:func:`write_brief` writes atomically (a temporary file in the same folder, then a
rename), so a failure never leaves half a file behind.
"""

from __future__ import annotations

import os
from pathlib import Path

from tradeoff.core.brief.document import Brief
from tradeoff.core.errors import TradeoffError
from tradeoff.io.matrix_file import atomic_write_bytes

FORMATS = {".html": "HTML", ".htm": "HTML", ".md": "Markdown", ".docx": "Word", ".pdf": "PDF"}


def brief_format(path: str | os.PathLike[str]) -> str:
    """The format a file name asks for; TradeoffError naming the file for any other."""
    suffix = Path(path).suffix.casefold()
    if suffix not in FORMATS:
        raise TradeoffError(f"{path}: cannot tell the brief's format from the extension "
                            f"{suffix or '(none)'}; use .html, .pdf, .docx or .md")
    return FORMATS[suffix]


def render_brief(brief: Brief, fmt: str) -> bytes:
    """The brief in ``fmt`` (a value of :data:`FORMATS`) as the bytes of a file."""
    if fmt == "HTML":
        from tradeoff.io.brief.html import to_html

        return to_html(brief).encode("utf-8")
    if fmt == "Markdown":
        from tradeoff.io.brief.markdown import to_markdown

        return to_markdown(brief).encode("utf-8")
    if fmt == "Word":
        from tradeoff.io.brief.word import to_docx

        return to_docx(brief)
    if fmt == "PDF":
        from tradeoff.io.brief.pdf import to_pdf

        return to_pdf(brief)
    raise TradeoffError(f"unknown brief format {fmt!r}")


def write_brief(brief: Brief, path: str | os.PathLike[str]) -> None:
    """Write the brief in the format its extension names, atomically.

    A file that cannot be written raises TradeoffError naming it and saying why
    (the system's own message would name the temporary file instead).
    """
    target = Path(path)
    data = render_brief(brief, brief_format(target))
    try:
        atomic_write_bytes(target, data)
    except OSError as e:
        if not target.parent.is_dir():
            why = f"the folder {target.parent} does not exist"
        elif target.is_dir():
            why = "that is a folder"
        else:
            why = e.strerror or str(e)
        raise TradeoffError(f"{target}: cannot write the file: {why}") from e

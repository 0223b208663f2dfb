"""Text that XML can carry: Word and PDF files are XML (or read mark-up) inside."""

from __future__ import annotations

import re

# Characters XML 1.0 forbids (tab, LF and CR are allowed), and lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` with the characters XML cannot carry shown as U+FFFD (not silently dropped)."""
    return _NOT_XML.sub("\ufffd", text)

"""Secondary lines (hints, scales, how weights were set) that stay readable.

They are set in a smaller italic, not in the disabled grey they once had, which
reads at about 1.6:1 on the light palette (WCAG asks 4.5:1).
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel


def secondary(label: QLabel) -> None:
    """Mark ``label`` as secondary by its font, keeping the palette's full text colour."""
    font = QFont(label.font())
    font.setItalic(True)
    font.setPointSizeF(max(font.pointSizeF() * 0.92, 7.0))
    label.setFont(font)

"""Chart text that follows the application's font size.

Charts are drawn by matplotlib in points of their own; sizes written as plain numbers
would ignore a reader who has enlarged the system font. :func:`points` scales a size
chosen for the usual 9-point interface font by the application font actually in use,
never below the chosen size, so a larger system font gives larger chart text.
"""

from __future__ import annotations

from PySide6.QtGui import QFontInfo, QGuiApplication

REFERENCE_POINTS = 9.0  # the interface font size the charts' sizes were chosen for


def text_scale() -> float:
    """The application font's size over the reference (at least 1)."""
    app = QGuiApplication.instance()
    if app is None:
        return 1.0
    font = QGuiApplication.font()
    size = font.pointSizeF()
    if size <= 0:  # a font set in pixels: ask what it comes to in points
        size = QFontInfo(font).pointSizeF()
    return max(1.0, size / REFERENCE_POINTS) if size > 0 else 1.0


def points(size: float) -> float:
    """``size`` (points at the reference font) at the application's font size."""
    return size * text_scale()

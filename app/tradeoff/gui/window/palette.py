"""The light and dark palettes of the application."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


def apply_palette(dark: bool) -> None:
    """The dark palette (Fusion style), or the style's own light one."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if not dark:
        app.setPalette(app.style().standardPalette())
        return
    app.setStyle("Fusion")
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in [
        (roles.Window, "#2b2d30"), (roles.WindowText, "#e6e6e6"), (roles.Base, "#1e1f22"),
        (roles.AlternateBase, "#2b2d30"), (roles.ToolTipBase, "#3c3f41"),
        (roles.ToolTipText, "#e6e6e6"), (roles.Text, "#e6e6e6"), (roles.Button, "#3c3f41"),
        (roles.ButtonText, "#e6e6e6"), (roles.BrightText, "#ff6b6b"),
        (roles.Highlight, "#2f65ca"), (roles.HighlightedText, "#ffffff"),
        (roles.Link, "#6ea8fe"), (roles.Mid, "#5a5d60"), (roles.PlaceholderText, "#8c8c8c"),
    ]:
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#7f7f7f"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, QColor("#7f7f7f"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#7f7f7f"))
    app.setPalette(p)

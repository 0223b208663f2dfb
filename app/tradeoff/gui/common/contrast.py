"""Whether the app draws in high contrast: the user's choice (View › High Contrast,
kept in settings), or else the system's accessibility preference."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tradeoff.gui.common import settings

_state = {"on": None}  # None: not decided yet this run


def system_prefers_high_contrast() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    style_hints = QGuiApplication.styleHints()  # held: the accessibility hints are its child
    try:
        preference = style_hints.accessibility().contrastPreference()
    except (AttributeError, RuntimeError):  # a Qt without the hint, or none on this platform
        return False
    return preference == Qt.ContrastPreference.HighContrast


def high_contrast() -> bool:
    """On if the user turned it on, or the system asks for it and the user has not said."""
    if _state["on"] is None:
        stored = settings.qsettings().value(settings.HIGH_CONTRAST.key, None)
        _state["on"] = (settings.read(settings.HIGH_CONTRAST) if stored is not None
                        else system_prefers_high_contrast())
    return bool(_state["on"])


def set_high_contrast(on: bool) -> None:
    """The user's choice, kept for the next start."""
    _state["on"] = bool(on)
    settings.write(settings.HIGH_CONTRAST, bool(on))

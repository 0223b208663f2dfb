"""Qt item-data roles as plain ints, declared once for every item model.

``data()`` runs several times per visible cell, so the models compare the role
against these ints rather than building enum members on each call.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

DISPLAY = Qt.ItemDataRole.DisplayRole.value
EDIT = Qt.ItemDataRole.EditRole.value
TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
FONT = Qt.ItemDataRole.FontRole.value
ALIGN = Qt.ItemDataRole.TextAlignmentRole.value
USER = Qt.ItemDataRole.UserRole.value

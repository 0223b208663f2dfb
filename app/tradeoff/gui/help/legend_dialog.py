"""Help › Grid Legend: the grid's tints and corner marks, drawn in the grid's own colours."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from tradeoff.gui.common.cell_marks import MARKER_SIZE
from tradeoff.gui.help.legend import LEGEND, LegendItem

SWATCH = (56, 24)


def swatch(item: LegendItem) -> QPixmap:
    """A cell-sized sample: a tinted cell, or a white cell with the corner mark."""
    pixmap = QPixmap(*SWATCH)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(*item.rgba))
    w, h = SWATCH
    if item.text:
        painter.setPen(QColor(*item.rgba))
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "Abc")
    elif item.corner:
        painter.drawPolygon(QPolygonF([QPointF(w - MARKER_SIZE - 1, 0), QPointF(w, 0),
                                       QPointF(w, MARKER_SIZE + 1)]))
    else:
        painter.drawRect(0, 0, w, h)
        if item.mark:  # on the right, as the cell's text would sit beside its number
            painter.setPen(QColor("black"))
            painter.drawText(pixmap.rect().adjusted(0, 0, -3, 0),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             item.mark.split()[0])
    painter.setPen(QColor(160, 160, 160))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(0, 0, w - 1, h - 1)
    painter.end()
    return pixmap


class LegendDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Grid legend")
        grid = QGridLayout()
        self.rows: list[tuple[QLabel, QLabel]] = []
        for i, item in enumerate(LEGEND):
            sample = QLabel()
            sample.setPixmap(swatch(item))
            sample.setAccessibleName(item.label)
            text = QLabel(f"<b>{item.label}</b>: {item.meaning}")
            text.setWordWrap(True)
            grid.addWidget(sample, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, i, 1, Qt.AlignmentFlag.AlignTop)
            self.rows.append((sample, text))
        grid.setColumnStretch(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

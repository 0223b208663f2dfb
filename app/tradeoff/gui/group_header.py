"""A column header with a band above it naming each run of criteria's group.

The criterion names are drawn by the standard header in the lower part; the
band is painted over the top, one box per run of neighbouring columns that
share a group, so the value tree reads at a glance without a second view.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

from tradeoff.core.model import DecisionMatrix


def group_runs(matrix: DecisionMatrix) -> list[tuple[int, int, str]]:
    """(first column, last column, label) for each run of columns under the same group."""
    runs: list[tuple[int, int, str]] = []
    for col, criterion in enumerate(matrix.criteria):
        try:
            label = " › ".join(matrix.group(g).name for g in matrix.group_path(criterion.id))
        except KeyError:
            label = criterion.group or ""
        if runs and runs[-1][2] == label and runs[-1][1] == col - 1:
            runs[-1] = (runs[-1][0], col, label)
        else:
            runs.append((col, col, label))
    return runs


class GroupHeaderView(QHeaderView):
    """Horizontal header: group band on top, criterion names below."""

    def __init__(self, matrix_getter, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._matrix = matrix_getter  # a callable, so a newly loaded matrix is always used
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)

    def band_height(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:
        size = super().sizeHint()
        return QSize(size.width(), self.band_height() + self.names_height())

    def names_height(self) -> int:
        """Height for the criterion names, wrapped to their columns' widths."""
        model = self.model()
        metrics = self.fontMetrics()
        tallest = metrics.height()
        for section in range(self.count()):
            text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
            bounds = metrics.boundingRect(QRect(0, 0, max(self.sectionSize(section) - 10, 20),
                                                10_000), int(Qt.TextFlag.TextWordWrap), text)
            tallest = max(tallest, bounds.height())
        return tallest + 12

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        return QSize(size.width(), size.height() + self.band_height())

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        painter.save()
        super().paintSection(painter, rect.adjusted(0, self.band_height(), 0, 0), logicalIndex)
        painter.restore()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.count() == 0:
            return
        painter = QPainter(self.viewport())
        band = self.band_height()
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        for first, last, label in group_runs(self._matrix()):
            if last >= self.count():
                break
            x0 = self.sectionViewportPosition(first)
            x1 = self.sectionViewportPosition(last) + self.sectionSize(last)
            if x1 < 0 or x0 > self.viewport().width():
                continue
            option = QStyleOptionHeader()
            self.initStyleOption(option)
            option.rect = QRect(x0, 0, x1 - x0, band)
            option.section = first
            option.text = self.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight,
                                                        max(0, x1 - x0 - 8))
            option.textAlignment = Qt.AlignmentFlag.AlignCenter
            option.position = QStyleOptionHeader.SectionPosition.Middle
            self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.end()

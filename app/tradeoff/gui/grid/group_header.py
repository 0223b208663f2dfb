"""A column header with a band above it naming each run of criteria's group.

The criterion names are drawn by the standard header in the lower part; the
band is painted over the top, one box per run of neighbouring columns that
share a group, so the value tree reads at a glance without a second view.
A right-click on a box asks for that group's menu and a double-click asks to
rename it (the main window's group actions answer both).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QToolTip, QWidget

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


def header_viewport() -> QWidget:
    """A viewport for a header, made in Python and set up as QHeaderView sets up its own.

    PySide6 wraps a widget that Qt made (the viewport a header makes for itself) by
    trying every QWidget subclass it knows, which sets up some forty classes the app
    never uses (about 5 ms, before the first paint: the band is painted on the
    viewport). A widget made in Python is wrapped as it is made.
    """
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.Button)
    viewport.setAutoFillBackground(True)
    viewport.setMouseTracking(True)  # sections highlight under the pointer
    viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    viewport.grabGesture(Qt.GestureType.PanGesture)
    return viewport


class GroupHeaderView(QHeaderView):
    """Horizontal header: group band on top, criterion names below."""

    # The innermost group of the box under the pointer, and where to show its menu.
    group_menu_requested = Signal(str, QPoint)
    group_double_clicked = Signal(str)

    def __init__(self, matrix_getter, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setViewport(header_viewport())
        self._matrix = matrix_getter  # a callable, so a newly loaded matrix is always used
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)

    def band_height(self) -> int:
        return self.fontMetrics().height() + 8

    def group_at(self, pos: QPoint) -> str | None:
        """The innermost group whose box in the band is at ``pos`` (viewport coordinates)."""
        if not 0 <= pos.y() < self.band_height():
            return None
        section = self.logicalIndexAt(pos.x())
        matrix = self._matrix()
        if not 0 <= section < len(matrix.criteria):
            return None
        group_id = matrix.criteria[section].group
        return group_id if any(g.id == group_id for g in matrix.groups) else None

    def viewportEvent(self, event: QEvent) -> bool:
        # The band's own menu and tooltip; elsewhere the header's usual ones.
        if isinstance(event, QContextMenuEvent):
            group_id = self.group_at(event.pos())
            if group_id is not None:
                self.group_menu_requested.emit(group_id, event.globalPos())
                return True
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            group_id = self.group_at(event.pos())
            if group_id is not None:
                QToolTip.showText(event.globalPos(), self.group_tooltip(group_id), self)
                return True
        return super().viewportEvent(event)

    def group_tooltip(self, group_id: str) -> str:
        """The group's path, its description, and what the band offers."""
        matrix = self._matrix()
        group = matrix.group(group_id)
        path = [group_id]
        while matrix.group(path[-1]).parent:
            path.append(matrix.group(path[-1]).parent)
        lines = [" › ".join(matrix.group(g).name for g in reversed(path))]
        if group.description:
            lines.append(group.description)
        lines.append("Right-click to rename or delete; double-click to rename.")
        return "\n".join(lines)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        group_id = self.group_at(event.position().toPoint())
        if group_id is None:
            super().mouseDoubleClickEvent(event)
            return
        event.accept()
        self.group_double_clicked.emit(group_id)

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

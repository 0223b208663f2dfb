"""The grid's cell editor and painter: an editor that fits each criterion's scale,
and a corner marker on cells that carry a range or a rationale."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from tradeoff.core.model import Criterion
from tradeoff.gui.common.cell_marks import (
    FOCUS_OUTLINE_WIDTH,
    MARKER_RGB,
    MARKER_SIZE,
    marked_text,
)
from tradeoff.gui.common.cell_values import decimals_to_show
from tradeoff.gui.common.contrast import high_contrast
from tradeoff.gui.grid.matrix_model import NOTE_ROLE, MatrixModel

NO_SCORE = "—"  # the combo box entry that clears a level score
EDITED = "tradeoffEdited"  # editor property: the user typed in the spin box
SHOWN = "tradeoffShown"  # editor property: the value the spin box showed at first
MARKER_COLOUR = QColor(*MARKER_RGB)

Index = QModelIndex | QPersistentModelIndex


def spin_decimals(criterion: Criterion) -> int:
    """Enough decimals for the scale: 0–10 gets 2, 0–100000 gets 0."""
    span = abs(criterion.best - criterion.worst)
    return 0 if span >= 1000 else 1 if span >= 100 else 2


class ScoreDelegate(QStyledItemDelegate):
    """A spin box bounded by the anchors, or a combo box of the levels.

    The editor writes back only what the user changed: opening a cell and
    leaving it (Enter, Tab, a click elsewhere) keeps the stored score exactly,
    with its range, and an empty cell stays empty.
    """

    def _criterion(self, index: Index) -> Criterion:
        model = index.model()
        assert isinstance(model, MatrixModel)
        return model.doc.matrix.criteria[index.column()]

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        criterion = self._criterion(index)
        if criterion.is_level_scale:
            combo = QComboBox(parent)
            combo.addItem(NO_SCORE)
            for level in sorted(criterion.levels, key=lambda lv: lv.position):
                combo.addItem(level.name)
            combo.setFrame(False)
            return combo
        spin = QDoubleSpinBox(parent)
        spin.setRange(criterion.low, criterion.high)
        spin.setDecimals(spin_decimals(criterion))
        span = criterion.high - criterion.low
        spin.setSingleStep(1.0 if span >= 10 else 0.1)
        if criterion.unit:
            spin.setSuffix(f" {criterion.unit}")
        spin.setFrame(False)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        # Typing marks the editor as changed (setEditorData clears the mark); stepping shows
        # as a value other than the one shown. valueChanged cannot tell: Enter emits it too.
        spin.lineEdit().textEdited.connect(lambda _t: spin.setProperty(EDITED, True))
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            i = editor.findText(value) if isinstance(value, str) else 0
            editor.setCurrentIndex(max(i, 0))
        elif isinstance(editor, QDoubleSpinBox):
            criterion = self._criterion(index)
            if value is None:
                # Where typing or stepping starts; written only if the user changes it.
                editor.setValue((criterion.worst + criterion.best) / 2)
            else:
                editor.setDecimals(decimals_to_show(float(value), spin_decimals(criterion)))
                editor.setRange(criterion.low, criterion.high)  # again, at the new decimals
                editor.setValue(float(value))
        editor.setProperty(EDITED, False)
        editor.setProperty(SHOWN, editor.value() if isinstance(editor, QDoubleSpinBox) else None)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            text = editor.currentText()
            model.setData(index, "" if text == NO_SCORE else text)
        elif isinstance(editor, QDoubleSpinBox):
            editor.interpretText()
            if not editor.property(EDITED) and editor.value() == editor.property(SHOWN):
                return  # left without a change: the stored score stays as it is
            model.setData(index, editor.value())

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        editor.setGeometry(option.rect)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        """Missing and off-scale cells show a mark in their text, not only the amber tint
        (the model's text stays the score itself, for copying and editing)."""
        super().initStyleOption(option, index)
        model = index.model()
        if isinstance(model, MatrixModel) and index.isValid():
            option.text = marked_text(option.text,
                                      float(model.doc.values()[index.row(), index.column()]))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        if index.data(NOTE_ROLE):
            r = option.rect
            corner = QPolygonF([QPointF(r.right() - MARKER_SIZE, r.top()),
                                QPointF(r.right() + 1, r.top()),
                                QPointF(r.right() + 1, r.top() + MARKER_SIZE)])
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(MARKER_COLOUR)
            painter.drawPolygon(corner)
            painter.restore()
        if high_contrast() and option.state & QStyle.StateFlag.State_HasFocus:
            # A thick outline in the text colour: the style's own focus mark is faint.
            half = FOCUS_OUTLINE_WIDTH // 2
            painter.save()
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Text),
                                FOCUS_OUTLINE_WIDTH))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(half, half, -half - 1, -half - 1))
            painter.restore()

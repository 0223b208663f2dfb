"""The weights panel: one slider and spin box per criterion and group of the active
profile, raw points with the normalised percentage beside them, and the profile list.

A slider drag, or a run of steps on one spin box, is one undo step: every change
in the run carries the same merge key and the undo stack merges them. A weight
typed in over elicited ones (swing, ranking, AHP) drops that level's stored
judgements in the same step, so reopening the dialog never shows stale ones;
the line under the profile says which method the weights came from.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tradeoff.core.errors import WeightError
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.gui.common.icons import icon
from tradeoff.gui.common.secondary_text import secondary
from tradeoff.gui.document import Document, commands
from tradeoff.gui.weights.profile_actions import ProfileActions

SLIDER_STEPS = 1000
INDENT = 14
METHOD_NAMES = {"direct": "points typed in", "swing": "swing weighting",
                "ahp": "AHP pairwise comparisons", "group": "a group of participants",
                "mixed": "a different method per level"}


def method_text(method: str) -> str:
    """How a profile's weights were obtained, in words ("swing weighting", …)."""
    if method in METHOD_NAMES:
        return METHOD_NAMES[method]
    # The elicitation modules load only once weights were elicited, never at start-up.
    from tradeoff.core.elicitation.rank_weights import RANK_METHODS

    return f"ranking ({RANK_METHODS[method]})" if method in RANK_METHODS else method


def nice_scale(largest: float) -> float:
    """A round slider maximum comfortably above ``largest`` (10, 20, 50, 100, 200, …)."""
    target = max(largest * 1.5, 10.0)
    magnitude = 10 ** math.floor(math.log10(target))
    for step in (1, 2, 5, 10):
        if step * magnitude >= target:
            return float(step * magnitude)
    return float(10 * magnitude)


def ordered_children(m: DecisionMatrix, parent: str | None) -> list[str]:
    """Groups and criteria directly under ``parent``, in the order of the grid's columns."""
    seen: list[str] = []
    for c in m.criteria:
        try:
            path = [*m.group_path(c.id), c.id]
        except KeyError:  # a criterion naming an unknown group shows at the top level
            path = [c.id]
        if parent is None:
            node = path[0]
        elif parent in path[:-1]:
            node = path[path.index(parent) + 1]
        else:
            continue
        if node not in seen:
            seen.append(node)
    return seen


class WeightRow:
    """The widgets of one criterion or group: name, slider, spin box, percentage."""

    def __init__(self, panel: WeightsPanel, node_id: str, name: str, depth: int,
                 is_group: bool) -> None:
        self.panel, self.node_id, self.is_group = panel, node_id, is_group
        self.label = QLabel(name)
        self.label.setWordWrap(True)  # long criterion names wrap rather than push the slider out
        if is_group:
            font = QFont(self.label.font())
            font.setBold(True)
            self.label.setFont(font)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setPageStep(SLIDER_STEPS // 20)
        # One arrow press is 1 % of the scale, so it always changes the weight's 0.1 points.
        self.slider.setSingleStep(SLIDER_STEPS // 100)
        self.slider.setMinimumWidth(60)
        self.slider.setAccessibleName(f"Weight of {name}")
        self.spin = PointsSpinBox()
        self.spin.setKeyboardTracking(False)
        self.spin.setMaximumWidth(self.spin.fontMetrics().horizontalAdvance("00000.0") + 40)
        self.spin.setAccessibleName(f"Weight points of {name}")
        self.percent = QLabel()
        self.percent.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.percent.setMinimumWidth(self.percent.fontMetrics().horizontalAdvance("100.0 %"))
        self.label.setBuddy(self.slider)
        self.slider.valueChanged.connect(self._slider_moved)
        self.slider.sliderPressed.connect(panel.new_merge_run)
        self.slider.sliderReleased.connect(panel.new_merge_run)
        self.spin.valueChanged.connect(self._spin_changed)
        self.spin.editingFinished.connect(panel.new_merge_run)

        # Name on its own line, controls below: long names stay readable in a narrow dock.
        self.box = QWidget()
        controls = QHBoxLayout()
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.spin)
        controls.addWidget(self.percent)
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(depth * INDENT, 2, 0, 2)
        layout.setSpacing(0)
        layout.addWidget(self.label)
        layout.addLayout(controls)

    def show_weight(self, raw: float | None, scale: float) -> None:
        for w in (self.slider, self.spin):
            w.blockSignals(True)
        self.spin.show_value(raw or 0.0)
        self.slider.setValue(round(min(raw or 0.0, scale) / scale * SLIDER_STEPS))
        for w in (self.slider, self.spin):
            w.blockSignals(False)

    def _slider_moved(self, position: int) -> None:
        raw = round(position * self.panel.scale / SLIDER_STEPS, 1)
        self.panel.set_weight(self, raw)

    def _spin_changed(self, value: float) -> None:
        self.panel.set_weight(self, value)


class PointsSpinBox(QDoubleSpinBox):
    """Weight points with as many decimals as they need: typed points show as "2" or
    "2.5", elicited ones as "0.0627" rather than a misleading "0.1", a tiny weight with
    its first significant digits rather than "0.0".

    The box holds the stored weight itself (to KEPT decimals, not the DECIMALS shown),
    with no ceiling below the weight shown: a step moves the stored weight by one
    point, and leaving the box untouched changes nothing. A box that held the weight
    as shown stepped 0.06271234 up to 1.0627, and 2,500,000 down to 999,999 from its
    old ceiling of 1,000,000.
    """

    DECIMALS = 4  # shown, at least
    SIGNIFICANT = 3  # shown, at least, of a weight below 1
    KEPT = 12
    CEILING = 1e15

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(self.KEPT)
        self.setRange(0, self.CEILING)

    def show_value(self, value: float) -> None:
        """Show ``value``, raising the ceiling first if it lies above it."""
        if value > self.maximum():
            self.setMaximum(value)
        self.setValue(value)

    def valueFromText(self, text: str) -> float:
        # The text shown for the value held reads back as that value, not as the rounded
        # figure shown: finishing an edit that changed nothing keeps the weight.
        if text == self.textFromValue(self.value()):
            return self.value()
        return super().valueFromText(text)

    def textFromValue(self, value: float) -> str:
        # In the box's locale (its decimal separator is what valueFromText reads back),
        # without the group separators and trailing zeros.
        locale = self.locale()
        point = locale.decimalPoint()
        decimals = self.DECIMALS
        if 0 < value < 1:
            first = -math.floor(math.log10(value))  # the first significant decimal
            decimals = min(self.KEPT, max(decimals, first + self.SIGNIFICANT - 1))
        text = locale.toString(value, "f", decimals).replace(locale.groupSeparator(), "")
        if point in text:
            text = text.rstrip("0")
            if text.endswith(point):
                text += "0"
        return text


class WeightsPanel(ProfileActions, QWidget):
    """Weights of the active profile; every change is an undo command."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.rows: list[WeightRow] = []
        self.scale = 10.0
        self._scaled_for: str | None = None  # the profile the slider scale was chosen for
        self._merge_run = 0
        self._updating = False

        self.profile_combo = QComboBox()
        self.profile_combo.setAccessibleName("Weight profile")
        self.profile_combo.activated.connect(self._profile_chosen)
        profile_label = QLabel("&Profile:")
        profile_label.setBuddy(self.profile_combo)
        top = QHBoxLayout()
        top.addWidget(profile_label)
        top.addWidget(self.profile_combo, 1)
        self.beside_profile = QHBoxLayout()  # filled by other rooms (the scenario selector)
        self.method_label = QLabel()
        self.method_label.setObjectName("profile_method")
        self.method_label.setWordWrap(True)
        secondary(self.method_label)
        self.buttons: dict[str, QToolButton] = {}
        for key, tip, slot, icon_name in [
            ("add", "Add a profile with equal weights", self.add_profile, "add_option"),
            ("duplicate", "Duplicate this profile", self.duplicate_profile, "duplicate"),
            ("rename", "Rename this profile", self.rename_profile, "edit"),
            ("delete", "Delete this profile", self.delete_profile, "remove"),
        ]:
            button = QToolButton()
            button.setIcon(icon(icon_name))
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(slot)
            top.addWidget(button)
            self.buttons[key] = button

        self.grid_host = QWidget()
        self.grid = QVBoxLayout(self.grid_host)
        self.grid.setSpacing(2)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no invisible Tab stop before the sliders
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.status = QLabel()
        self.status.setWordWrap(True)
        hint = QLabel("Points in any units; % is each one's normalised share of the total.")
        hint.setWordWrap(True)
        secondary(hint)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.beside_profile)
        layout.addWidget(self.method_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(hint)

        doc.replaced.connect(self.rebuild)
        doc.tree_changed.connect(self.rebuild)
        doc.profiles_changed.connect(self._fill_profiles)
        doc.weights_changed.connect(self.refresh)
        self.rebuild()

    def add_beside_profile(self, *widgets: QWidget, stretch: tuple[int, ...] = ()) -> None:
        """Put widgets of another room (the scenario selector) in a row under the profile's."""
        for k, widget in enumerate(widgets):
            self.beside_profile.addWidget(widget, stretch[k] if k < len(stretch) else 0)
        self._order_tab_stops()

    # -- building ---------------------------------------------------------------------
    def _fill_profiles(self) -> None:
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        for p in self.doc.matrix.profiles:
            self.profile_combo.addItem(p.name, p.id)
        active = self.doc.active_profile_id()
        self.profile_combo.setCurrentIndex(max(self.profile_combo.findData(active), 0))
        self.profile_combo.blockSignals(False)
        has = bool(self.doc.matrix.profiles)
        for key in ("duplicate", "rename"):
            self.buttons[key].setEnabled(has)
        self.buttons["delete"].setEnabled(len(self.doc.matrix.profiles) > 1)

    def rebuild(self) -> None:
        """Recreate the rows after the value tree changed shape."""
        for row in self.rows:
            self.grid.removeWidget(row.box)
            row.box.deleteLater()
        self.rows = []
        while self.grid.count():
            self.grid.takeAt(0)
        m = self.doc.matrix
        groups = {g.id: g for g in m.groups}

        def walk(parent: str | None, depth: int) -> None:
            for node in ordered_children(m, parent):
                if node in groups:
                    self.rows.append(WeightRow(self, node, groups[node].name, depth, True))
                    walk(node, depth + 1)
                else:
                    self.rows.append(WeightRow(self, node, m.criterion(node).name, depth, False))

        walk(None, 0)
        for row in self.rows:
            self.grid.addWidget(row.box)
        self.grid.addStretch(1)
        self._order_tab_stops()
        self._fill_profiles()
        self.refresh(rescale=True)

    def _order_tab_stops(self) -> None:
        """Tab goes from the profile controls down the rows in the order they are shown.

        Rows are made after the rest of the window, so without this their Tab stops
        would come after every other panel's.
        """
        before = self.buttons["delete"]
        for k in range(self.beside_profile.count()):
            widget = self.beside_profile.itemAt(k).widget()
            if widget is None:
                continue
            for each in [widget, *widget.findChildren(QWidget)]:
                if each.focusPolicy() & Qt.FocusPolicy.TabFocus and \
                        each.window() is self.window() and \
                        not isinstance(each.parentWidget(), QComboBox | QAbstractSpinBox):
                    QWidget.setTabOrder(before, each)  # made later, so placed here
                    before = each
        for row in self.rows:
            for widget in (row.slider, row.spin):
                QWidget.setTabOrder(before, widget)
                before = widget

    # -- showing values ---------------------------------------------------------------
    def refresh(self, rescale: bool = False) -> None:
        if self._updating:
            return
        profile = self.doc.active_profile()
        weights = profile.weights if profile else {}
        largest = max((weights.get(r.node_id) or 0.0 for r in self.rows), default=0.0)
        # Another profile (chosen, or brought back by undo) gets a scale of its own.
        profile_id = profile.id if profile else None
        if rescale or largest > self.scale or profile_id != self._scaled_for:
            self.scale = nice_scale(largest)
            self._scaled_for = profile_id
        for row in self.rows:
            row.show_weight(weights.get(row.node_id), self.scale)
            row.slider.setEnabled(profile is not None)
            row.spin.setEnabled(profile is not None)
        self._show_percentages()
        self._show_method(profile)
        if self.profile_combo.currentData() != self.doc.active_profile_id():
            self._fill_profiles()

    def _show_method(self, profile: WeightProfile | None) -> None:
        if profile is None:
            self.method_label.setText("")
            return
        self.method_label.setText(f"Weights from {method_text(profile.method)}")
        if not profile.elicitation:
            self.method_label.setToolTip("Every weight was typed in directly")
            return
        from tradeoff.core.elicitation.records import ROOT

        m = self.doc.matrix
        levels = []
        for key, record in profile.elicitation.items():
            if isinstance(record, dict):
                where = "Top level" if key == ROOT else next(
                    (f"Under {g.name}" for g in m.groups if g.id == key), key)
                levels.append(f"{where}: {method_text(str(record.get('method', '?')))}")
        self.method_label.setToolTip("\n".join(levels) or "Every weight was typed in directly")

    def _show_percentages(self) -> None:
        m = self.doc.matrix
        try:
            w = self.doc.weights()
        except WeightError as e:
            for row in self.rows:
                row.percent.setText("—")
            self.status.setText(f"<span style='color:#c0392b'>{e}</span>")
            return
        self.status.setText("")
        effective = {c.id: float(x) for c, x in zip(m.criteria, w, strict=True)}
        for c, x in zip(m.criteria, w, strict=True):
            for g in m.group_path(c.id):
                effective[g] = effective.get(g, 0.0) + float(x)
        for row in self.rows:
            share = effective.get(row.node_id, 0.0)
            row.percent.setText(f"{share * 100:.1f} %")
            row.percent.setToolTip(f"{share * 100:.2f} % of the total weight")

    # -- changing weights ------------------------------------------------------------
    def new_merge_run(self) -> None:
        """Start a new undo step: the next weight change will not merge with the last."""
        self._merge_run += 1

    def set_weight(self, row: WeightRow, raw: float) -> None:
        profile = self.doc.active_profile()
        if profile is None or profile.weights.get(row.node_id) == raw:
            return
        command = commands.SetWeight(self.doc, profile.id, row.node_id, raw,
                                     merge_key=(row.node_id, self._merge_run),
                                     forget_judgements=True)
        self._updating = True  # the row that moved already shows the value
        try:
            self.doc.push(command)
        finally:
            self._updating = False
        if raw > self.scale:
            self.scale = nice_scale(raw)
        profile = self.doc.active_profile() or profile  # forgetting judgements copies it
        for each in self.rows:
            each.show_weight(profile.weights.get(each.node_id), self.scale)
        self._show_percentages()
        self._show_method(profile)

    # -- profiles ------------------------------------------------------------------------
    def _profile_chosen(self, index: int) -> None:
        profile_id = self.profile_combo.itemData(index)
        if profile_id and profile_id != self.doc.active_profile_id():
            self.doc.push(commands.SetActiveProfile(self.doc, profile_id))
            self.refresh(rescale=True)

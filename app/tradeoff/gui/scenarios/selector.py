"""The scenario selector: Base case or one of the matrix's scenarios, shown under
the weight profile. Choosing one shows the matrix as it stands in it: the grid,
the results and the robustness views follow (see the Document's ``view``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from tradeoff.core.scenarios import BASE_CASE
from tradeoff.gui.document import Document


class ScenarioSelector(QWidget):
    def __init__(self, doc: Document, open_dialog: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.combo = QComboBox()
        self.combo.setAccessibleName("Scenario")
        self.combo.setToolTip("The state of the world the grid and the results show; "
                              "scores typed while a scenario is shown override the base case")
        self.combo.activated.connect(self._chosen)
        label = QLabel("Scenari&o:")
        label.setBuddy(self.combo)
        self.edit_button = QPushButton("Scenarios…")
        self.edit_button.setToolTip("Add, rename, duplicate or delete scenarios and give "
                                    "them probabilities")
        self.edit_button.clicked.connect(open_dialog)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.edit_button)
        doc.scenarios_changed.connect(self.fill)
        doc.scenario_selected.connect(self.fill)
        self.fill()

    def fill(self) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(BASE_CASE, None)
        for s in self.doc.matrix.scenarios:
            self.combo.addItem(s.name, s.id)
        current = self.doc.scenario_id
        self.combo.setCurrentIndex(0 if current is None else max(self.combo.findData(current), 0))
        self.combo.blockSignals(False)

    def _chosen(self, index: int) -> None:
        self.doc.select_scenario(self.combo.itemData(index))

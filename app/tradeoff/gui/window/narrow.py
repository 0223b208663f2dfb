"""Let the window be narrow: half of a 1920-pixel screen, or a 1024-pixel laptop.

A combo box is as wide as its longest entry by default, so one long option,
profile or scenario name would set the width below which the whole window
cannot shrink. Combo boxes here keep a modest minimum and show long entries
in full in their pop-up list.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

COMBO_MIN_CHARACTERS = 10


def let_combos_shrink(root: QWidget) -> None:
    for combo in root.findChildren(QComboBox):
        combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_MIN_CHARACTERS)

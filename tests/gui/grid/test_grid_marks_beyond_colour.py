"""Missing and off-scale cells carry a mark in their text as well as the amber tint,
the legend shows the mark, and the grid's tints stay apart under colour-vision
deficiencies (Machado, Oliveira & Fernandes 2009, IEEE TVCG 15(6), as colorspacious
implements it; distances in CAM02-UCS, where about 1 is a just-noticeable difference).
"""

from __future__ import annotations

import numpy as np
import pytest
from colorspacious import cspace_convert
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyleOptionViewItem

from tradeoff.core.model import Score
from tradeoff.gui.common.cell_marks import (
    ABOVE_SCALE_MARK,
    BELOW_SCALE_MARK,
    MISSING_MARK,
    TINT_RGB,
    TINT_STEPS,
    WARNING_RGBA,
    tint_alpha,
)
from tradeoff.gui.document import commands
from tradeoff.gui.help.legend import LEGEND, legend_html

APART = 10.0
BACKGROUNDS = {"light": (255, 255, 255), "dark": (0x1E, 0x1F, 0x22)}  # Base of each palette


def _shown_text(window, row: int, col: int) -> str:
    index = window.grid.matrix_model.index(row, col)
    option = QStyleOptionViewItem()
    window.grid.itemDelegateForIndex(index).initStyleOption(option, index)
    return option.text


def test_missing_and_off_scale_cells_show_a_mark_not_only_a_tint(window):
    doc = window.document
    col = {c.id: j for j, c in enumerate(doc.matrix.criteria)}
    assert _shown_text(window, 0, col["speed"]) == "6"  # an ordinary cell: no mark
    doc.push(commands.SetScore(doc, "a", "speed", None))
    assert _shown_text(window, 0, col["speed"]) == MISSING_MARK
    assert window.grid.matrix_model.index(0, col["speed"]).data() == ""  # copy stays plain
    doc.matrix.scores[("b", "price")] = Score(150)  # as an older file might hold
    doc.push(commands.SetScore(doc, "c", "price", Score(70)))  # any edit refreshes the cache
    value = float(doc.values()[1, col["price"]])
    assert value < 0 or value > 1
    mark = ABOVE_SCALE_MARK if value > 1 else BELOW_SCALE_MARK
    plain = window.grid.matrix_model.index(1, col["price"]).data()
    assert plain.startswith("150")
    assert _shown_text(window, 1, col["price"]) == f"{mark} {plain}"


def test_the_legend_shows_the_marks(window, qtbot):
    from tradeoff.gui.help.legend_dialog import LegendDialog

    amber = next(item for item in LEGEND if item.rgba == WARNING_RGBA)
    for mark in (MISSING_MARK, ABOVE_SCALE_MARK, BELOW_SCALE_MARK):
        assert mark in amber.mark and mark in amber.meaning
    assert MISSING_MARK in legend_html()
    dialog = LegendDialog(window)
    qtbot.addWidget(dialog)
    row = LEGEND.index(amber)
    image = dialog.rows[row][0].pixmap().toImage()
    dark = [image.pixelColor(x, y) for x in range(30, 55) for y in range(4, 20)]
    assert any(c.lightness() < 80 for c in dark)  # the dash drawn on the amber
    assert image.pixelColor(20, 12) != QColor("black")


def _over(rgba: tuple[int, ...], background: tuple[int, int, int]) -> np.ndarray:
    alpha = rgba[3] / 255
    return np.array([(alpha * c + (1 - alpha) * b) / 255 for c, b in zip(rgba[:3], background,
                                                                        strict=True)])


def _jab(rgb: np.ndarray, deficiency: str | None) -> np.ndarray:
    if deficiency:
        rgb = np.clip(cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": deficiency,
                                           "severity": 100}, "sRGB1"), 0, 1)
    return cspace_convert(rgb, "sRGB1", "CAM02-UCS")


@pytest.mark.parametrize("background", sorted(BACKGROUNDS))
@pytest.mark.parametrize("deficiency", [None, "protanomaly", "deuteranomaly", "tritanomaly"])
def test_grid_tints_stay_apart_under_colour_vision_deficiencies(deficiency, background):
    paper = BACKGROUNDS[background]
    tints = [_over((*TINT_RGB, tint_alpha(s)), paper) for s in range(TINT_STEPS + 1)]
    warning = _jab(_over(WARNING_RGBA, paper), deficiency)
    jab = [_jab(t, deficiency) for t in tints]
    # The amber never passes for any value's blue ...
    assert min(float(np.linalg.norm(warning - j)) for j in jab) >= APART
    # ... and the best value's tint is clearly not the worst's.
    assert float(np.linalg.norm(jab[-1] - jab[0])) >= APART

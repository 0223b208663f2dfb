"""Text is readable in both palettes: WCAG 2 contrast of at least 4.5:1.

Measured on what is painted (the banner, grabbed as an image) and on the colours the
palette gives each visible label, in the light and the dark palette.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel

from tradeoff.gui.window.main_window import BANNER_NOTE, BANNER_WARNING
from tradeoff.gui.window.palette import apply_palette

AA = 4.5


def luminance(rgb: np.ndarray) -> np.ndarray:
    c = rgb / 255.0
    c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return c @ np.array([0.2126, 0.7152, 0.0722])


def contrast(a: np.ndarray, b: np.ndarray) -> float:
    la, lb = sorted([float(luminance(a)), float(luminance(b))], reverse=True)
    return (la + 0.05) / (lb + 0.05)


def painted_contrast(widget) -> float:
    """Contrast between the commonest pixel (the background) and the pixel most unlike it.

    Grabbed from the window, so a translucent background is seen over what is behind it.
    """
    window = widget.window()
    rect = widget.rect().translated(widget.mapTo(window, widget.rect().topLeft()))
    image = window.grab(rect).toImage()
    image = image.convertToFormat(image.Format.Format_RGB32)
    width, height = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8)[:height * image.bytesPerLine()]
    pixels = raw.reshape(height, image.bytesPerLine())[:, :width * 4].reshape(-1, 4)[:, 2::-1]
    colours, counts = np.unique(pixels, axis=0, return_counts=True)
    background = colours[np.argmax(counts)].astype(float)
    lum = luminance(colours.astype(float))
    ink = colours[np.argmax(np.abs(lum - luminance(background)))].astype(float)
    return contrast(background, ink)


def _styled(widget) -> bool:
    while widget is not None:
        if widget.styleSheet():
            return True
        widget = widget.parentWidget()
    return False


@pytest.fixture(params=[False, True], ids=["light", "dark"])
def palette(request, wired):
    apply_palette(request.param)
    yield request.param
    apply_palette(False)


@pytest.mark.parametrize("style", [BANNER_NOTE, BANNER_WARNING], ids=["note", "warning"])
def test_the_banner_text_is_readable(wired, palette, style, qtbot):
    wired.banner.setText("Weights are renormalised: 3 criteria have no weight yet.")
    wired.banner_frame.setStyleSheet(style)
    wired.banner_frame.show()
    qtbot.wait(20)
    assert painted_contrast(wired.banner) >= AA


def test_every_visible_label_has_readable_colours(wired, palette):
    faint = []
    for label in wired.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip() or _styled(label):
            continue  # a style sheet sets its own colours: measured as painted, above
        p = label.palette()
        group = QPalette.ColorGroup.Active if label.isEnabled() else QPalette.ColorGroup.Disabled
        text = p.color(group, label.foregroundRole())
        back = p.color(group, QPalette.ColorRole.Window)
        ratio = contrast(np.array(text.getRgb()[:3], float), np.array(back.getRgb()[:3], float))
        if ratio < AA:
            faint.append(f"{label.text()[:40]!r}: {ratio:.1f}:1")
    assert faint == []


def test_the_banner_stays_readable_when_the_palette_changes_under_it(wired, qtbot):
    wired.banner.setText("Weights are renormalised: 3 criteria have no weight yet.")
    wired.banner_is_note = True
    wired.banner_frame.setStyleSheet(BANNER_NOTE)
    wired.banner_frame.show()
    try:
        for dark in (True, False, True):
            apply_palette(dark)
            qtbot.wait(20)
            assert painted_contrast(wired.banner) >= AA, dark
    finally:
        apply_palette(False)

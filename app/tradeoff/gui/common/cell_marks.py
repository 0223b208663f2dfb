"""The colours the grid paints a cell with, named once: the grid uses them, and the
legend (Help › Legend, the guide) shows the same ones.

Plain RGBA tuples, so the legend's text can be built without Qt.
"""

from __future__ import annotations

TINT_STEPS = 20
# A translucent blue reads on light and dark palettes alike: stronger = better value.
TINT_RGB = (38, 139, 210)
TINT_ALPHA_WORST, TINT_ALPHA_BEST = 12, 130
WARNING_RGBA = (230, 120, 0, 150)  # a missing score, or one beyond the anchors
# High contrast (View › High Contrast): the same hues, far more opaque, and a thick
# outline round the current cell.
STRONG_TINT_ALPHA_WORST, STRONG_TINT_ALPHA_BEST = 30, 235
STRONG_WARNING_RGBA = (230, 120, 0, 255)
FOCUS_OUTLINE_WIDTH = 3
MARKER_RGB = (200, 60, 160)  # the corner mark: the cell carries a range or a rationale
MARKER_SIZE = 7
SCREENED_TEXT_RGB = (128, 128, 128)  # a row dimmed: the option fails a must-have
# The amber alone would leave a reader who cannot tell amber from blue guessing, so the
# cell's text carries a mark as well: a dash where a score is missing, an arrowhead
# where the value runs past an anchor (up: beyond the best, down: beyond the worst).
MISSING_MARK = "—"
ABOVE_SCALE_MARK = "▲"
BELOW_SCALE_MARK = "▼"
SCALE_SLACK = 1e-9  # the grid's tolerance at the anchors


def tint_alpha(step: int, strong: bool = False) -> int:
    """The tint's opacity at ``step`` of TINT_STEPS (0: the worst value, TINT_STEPS: best);
    ``strong`` for high contrast."""
    low, high = ((STRONG_TINT_ALPHA_WORST, STRONG_TINT_ALPHA_BEST) if strong
                 else (TINT_ALPHA_WORST, TINT_ALPHA_BEST))
    return int(low + (high - low) * step / TINT_STEPS)


def marked_text(text: str, value: float) -> str:
    """The cell's text with its mark: ``value`` is the cell's 0–1 value (NaN: none)."""
    if value != value:  # NaN: no score, or none the scale can place
        return f"{MISSING_MARK} {text}" if text else MISSING_MARK
    if value > 1 + SCALE_SLACK:
        return f"{ABOVE_SCALE_MARK} {text}"
    if value < -SCALE_SLACK:
        return f"{BELOW_SCALE_MARK} {text}"
    return text

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
MARKER_RGB = (200, 60, 160)  # the corner mark: the cell carries a range or a rationale
MARKER_SIZE = 7
SCREENED_TEXT_RGB = (128, 128, 128)  # a row dimmed: the option fails a must-have


def tint_alpha(step: int) -> int:
    """The tint's opacity at ``step`` of TINT_STEPS (0: the worst value, TINT_STEPS: best)."""
    return int(TINT_ALPHA_WORST + (TINT_ALPHA_BEST - TINT_ALPHA_WORST) * step / TINT_STEPS)

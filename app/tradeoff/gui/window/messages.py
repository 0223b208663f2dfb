"""What the analyst should know about the current results, in plain sentences:
missing and out-of-scale scores, criteria that do not separate the options,
and weights that were renormalised."""

from __future__ import annotations

import math

import numpy as np

from tradeoff.core.errors import WeightError
from tradeoff.gui.document import Document

SHOW_AT_MOST = 3


def _listing(items: list[str]) -> str:
    shown = ", ".join(items[:SHOW_AT_MOST])
    return shown + (f" and {len(items) - SHOW_AT_MOST} more" if len(items) > SHOW_AT_MOST else "")


def document_messages(doc: Document) -> list[str]:
    """Short sentences, most important first; empty when all is well."""
    m = doc.matrix
    out: list[str] = []
    if not m.options or not m.criteria:
        return ["Add options (rows) and criteria (columns) to start."]
    raw, values = doc.raw(), doc.values()
    missing = [f"{m.options[i].name} / {m.criteria[j].name}"
               for i, j in zip(*np.nonzero(np.isnan(raw)), strict=True)]
    if missing:
        out.append(f"{len(missing)} missing score(s), so those options get no total: "
                   f"{_listing(missing)}.")
    with np.errstate(invalid="ignore"):
        outside = np.argwhere((values < -1e-9) | (values > 1 + 1e-9))
    if len(outside):
        cells = [f"{m.options[i].name} / {m.criteria[j].name}" for i, j in outside]
        out.append(f"{len(cells)} score(s) outside the scale: {_listing(cells)}.")
    if len(m.options) > 1:
        constant = []
        for j, c in enumerate(m.criteria):
            column = raw[:, j]
            if not np.isnan(column).any() and np.all(column == column[0]):
                constant.append(c.name)
        if constant:
            out.append(f"Same score for every option (adds nothing to the ranking): "
                       f"{_listing(constant)}.")
    profile = doc.active_profile()
    if profile is None:
        out.append("There is no weight profile; add one in the Weights panel.")
        return out
    try:
        doc.weights()
    except WeightError as e:
        out.append(str(e))
        return out
    top = [profile.weights.get(k, 0.0) for k in m.children(None)
           if k in {c.id for c in m.criteria} or any(
               k in m.group_path(c.id) for c in m.criteria)]
    total = float(sum(top))
    if not (math.isclose(total, 100) or math.isclose(total, 1)):
        out.append(f"Weights of “{profile.name}” add up to {total:g} points and are "
                   f"{RENORMALISED}")
    return out


RENORMALISED = "renormalised to 100 %."


def only_notes(lines: list[str]) -> bool:
    """True when every message is information, not a problem: weights in points are
    meant to be renormalised, so that alone is no reason for a warning."""
    return bool(lines) and all(line.endswith(RENORMALISED) for line in lines)

"""Text from a dialog's field, trimmed as typed, or the stored text when the field still
says what it said.

A description written in a matrix file as a TOML multi-line string ends with a
newline; a dialog shows it as is and trims what the user types, but must not trim
what the user left alone: opening a dialog and pressing OK would change the file and
leave an undo step for nothing.
"""

from __future__ import annotations


def typed_text(field: str, stored: str) -> str:
    """``field`` trimmed, or ``stored`` exactly when they differ only in spaces and line
    breaks around them."""
    trimmed = field.strip()
    return stored if trimmed == stored.strip() else trimmed

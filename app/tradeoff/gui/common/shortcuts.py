"""Every keyboard shortcut, named in one place.

Standard actions use Qt's platform key sequences (Ctrl+S on Linux and
Windows, Cmd+S on macOS); the matrix-specific ones are listed here so a
clash is visible at a glance.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

Std = QKeySequence.StandardKey

SHORTCUTS: dict[str, QKeySequence | Std] = {
    "new": Std.New,
    "open": Std.Open,
    "save": Std.Save,
    "save_as": Std.SaveAs,
    "close": Std.Close,
    "quit": Std.Quit,
    "undo": Std.Undo,
    "redo": Std.Redo,
    "copy": Std.Copy,
    "paste": Std.Paste,
    "clear": Std.Delete,
    "add_option": QKeySequence("Ctrl+Shift+O"),
    "add_criterion": QKeySequence("Ctrl+Shift+C"),
    "duplicate_option": QKeySequence("Ctrl+D"),
    "duplicate_criterion": QKeySequence("Ctrl+Shift+D"),
    # Ctrl+E is Export to Excel (the usual key for export); option editing takes Ctrl+Alt+E.
    "edit_option": QKeySequence("Ctrl+Alt+E"),
    "edit_criterion": QKeySequence("Ctrl+Shift+E"),
    "remove_option": QKeySequence("Ctrl+Delete"),
    "remove_criterion": QKeySequence("Ctrl+Shift+Delete"),
    "move_option_up": QKeySequence("Alt+Up"),
    "move_option_down": QKeySequence("Alt+Down"),
    "move_criterion_left": QKeySequence("Alt+Left"),
    "move_criterion_right": QKeySequence("Alt+Right"),
    "add_profile": QKeySequence("Ctrl+Shift+P"),
    "export_excel": QKeySequence("Ctrl+E"),
    "import_matrix": QKeySequence("Ctrl+I"),
    "focus_grid": QKeySequence("Ctrl+1"),
    "focus_weights": QKeySequence("Ctrl+2"),
    "focus_cell": QKeySequence("Ctrl+3"),
    "focus_results": QKeySequence("Ctrl+4"),
    "user_guide": Std.HelpContents,
    "whats_this": Std.WhatsThis,
}


def shortcut(name: str) -> QKeySequence:
    value = SHORTCUTS[name]
    return value if isinstance(value, QKeySequence) else QKeySequence(value)


def shortcut_list(name: str) -> list[QKeySequence]:
    """All key bindings for ``name`` (a standard key may have several, e.g. Redo)."""
    value = SHORTCUTS[name]
    if isinstance(value, QKeySequence):
        return [value]
    return QKeySequence.keyBindings(value)

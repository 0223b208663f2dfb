"""View-menu entries and focus keys that bring a panel to the user, never hide it unseen.

Qt's own toggle action hides a dock that is open but stacked behind another
tab, which is the opposite of what someone choosing *View › Robustness*
wants. These actions show the dock, bring its tab to the front and put the
keyboard focus inside it; only a dock already in front is hidden.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QWidget


def in_front(dock: QDockWidget) -> bool:
    """Shown and not covered by another dock of its tab stack."""
    return not dock.isHidden() and not dock.visibleRegion().isEmpty()


def first_focusable(widget: QWidget) -> QWidget | None:
    """The widget itself, or its first descendant in tab order that takes keyboard focus."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled():
        return widget
    candidate = widget.nextInFocusChain()
    seen: set[int] = set()
    while candidate is not None and id(candidate) not in seen:
        seen.add(id(candidate))
        if widget.isAncestorOf(candidate) and candidate.isVisible() and candidate.isEnabled() \
                and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return candidate
        candidate = candidate.nextInFocusChain()
    return None


def bring_forward(dock: QDockWidget, focus: QWidget | None = None) -> None:
    """Show ``dock``, raise its tab and give the keyboard to ``focus`` (or its first field)."""
    dock.show()
    dock.raise_()
    target = focus or (first_focusable(dock.widget()) if dock.widget() else None)
    if target is not None:
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)


def dock_view_action(dock: QDockWidget, parent: QWidget) -> QAction:
    """A checkable View-menu entry: brings the dock forward, or hides it if in front."""
    action = QAction(dock.windowTitle(), parent, checkable=True)
    action.setObjectName(f"view_{dock.objectName()}")
    action.setChecked(not dock.isHidden())

    def chosen(_checked: bool) -> None:
        if in_front(dock):
            dock.hide()
        else:
            bring_forward(dock)
        action.setChecked(not dock.isHidden())

    action.triggered.connect(chosen)
    dock.visibilityChanged.connect(lambda _visible: action.setChecked(not dock.isHidden()))
    return action

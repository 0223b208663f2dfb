"""Every icon the app shows, named in one place.

Icons come from the desktop's icon theme (scalable, so they stay sharp on
high-DPI screens), with the style's built-in standard pixmaps as fallback
where a theme lacks one.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

SP = QStyle.StandardPixmap

# name used in the code → (freedesktop theme icon name, fallback standard pixmap)
ICONS: dict[str, tuple[str, SP | None]] = {
    "new": ("document-new", SP.SP_FileIcon),
    "open": ("document-open", SP.SP_DialogOpenButton),
    "save": ("document-save", SP.SP_DialogSaveButton),
    "save_as": ("document-save-as", SP.SP_DialogSaveButton),
    "close": ("document-close", SP.SP_DialogCloseButton),
    "quit": ("application-exit", SP.SP_DialogCloseButton),
    "undo": ("edit-undo", SP.SP_ArrowBack),
    "redo": ("edit-redo", SP.SP_ArrowForward),
    "copy": ("edit-copy", None),
    "paste": ("edit-paste", None),
    "clear": ("edit-clear", SP.SP_DialogResetButton),
    "add_option": ("list-add", SP.SP_FileDialogNewFolder),
    "add_criterion": ("insert-table", SP.SP_FileDialogNewFolder),
    "remove": ("list-remove", SP.SP_TrashIcon),
    "duplicate": ("edit-copy", SP.SP_FileLinkIcon),
    "edit": ("document-properties", SP.SP_FileDialogDetailedView),
    "move_up": ("go-up", SP.SP_ArrowUp),
    "move_down": ("go-down", SP.SP_ArrowDown),
    "move_left": ("go-previous", SP.SP_ArrowLeft),
    "move_right": ("go-next", SP.SP_ArrowRight),
    "save_chart": ("image-x-generic", SP.SP_DialogSaveButton),
    "about": ("help-about", SP.SP_MessageBoxInformation),
    "warning": ("dialog-warning", SP.SP_MessageBoxWarning),
    "information": ("dialog-information", SP.SP_MessageBoxInformation),
    "app": ("x-office-spreadsheet", SP.SP_ComputerIcon),
}


def icon(name: str) -> QIcon:
    """The icon called ``name`` (a key of :data:`ICONS`); an empty icon if none fits."""
    theme_name, fallback = ICONS[name]
    found = QIcon.fromTheme(theme_name)
    if found.isNull() and fallback is not None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            found = app.style().standardIcon(fallback)
    return found

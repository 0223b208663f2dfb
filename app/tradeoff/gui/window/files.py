"""New, Open, Open Recent, Open Example, Save, Save As and Close, with the
unsaved-changes prompt.

A file that fails to open is reported with its validation message and leaves
the open document exactly as it was: the new matrix is read completely before
the user is asked about unsaved changes, and only then swapped in.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from tradeoff.core.errors import TradeoffError, ValidationError
from tradeoff.core.model import Criterion, DecisionMatrix, Option, WeightProfile
from tradeoff.core.validate import check_matrix
from tradeoff.gui.common import dialogs, settings
from tradeoff.io.matrix_file import load_matrix, save_matrix
from tradeoff.paths import example_matrices

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMenu, QWidget

    from tradeoff.gui.document import Document
    from tradeoff.gui.window.autosave import Autosaver

FILE_FILTER = "Tradeoff matrices (*.toml);;All files (*)"
MAX_PROBLEMS_SHOWN = 12


def starter_matrix() -> DecisionMatrix:
    """What File › New shows: two options, one criterion, one profile, ready to fill in."""
    return DecisionMatrix(
        criteria=[Criterion("criterion-1", "Criterion 1", worst=0, best=10)],
        options=[Option("option-1", "Option 1"), Option("option-2", "Option 2")],
        profiles=[WeightProfile("default", "Default", {"criterion-1": 1.0})],
        active_profile="default",
    )


def problems_text(error: ValidationError) -> str:
    lines = [str(p) for p in error.problems[:MAX_PROBLEMS_SHOWN]]
    if len(error.problems) > MAX_PROBLEMS_SHOWN:
        lines.append(f"… and {len(error.problems) - MAX_PROBLEMS_SHOWN} more")
    return "\n".join(lines) or str(error)


class FileController:
    """File commands of one main window: it is given the document, the widget its
    dialogs belong to, where to say what happened and the autosaver to clear."""

    def __init__(self, doc: Document, parent: QWidget, show_message: Callable[[str], None],
                 autosaver: Autosaver) -> None:
        self.doc = doc
        self.parent = parent
        self.show_message = show_message
        self.autosaver = autosaver
        self.recent_menu: QMenu | None = None
        self.examples_menu: QMenu | None = None

    def attach_menus(self, recent: QMenu, examples: QMenu) -> None:
        """The File menu's Open Recent and Open Example submenus, which this fills."""
        self.recent_menu = recent
        self.examples_menu = examples
        self.fill_recent_menu()
        self.fill_examples_menu()

    # -- prompting ---------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False means the user cancelled."""
        if not self.doc.modified:
            return True
        button = dialogs.QMessageBox.StandardButton
        answer = dialogs.QMessageBox.warning(
            self.parent, "Unsaved changes",
            f"“{self.doc.display_name()}” has unsaved changes. Save them first?",
            button.Save | button.Discard | button.Cancel, button.Save)
        if answer == button.Save:
            return self.save()
        return answer == button.Discard

    # -- commands ---------------------------------------------------------------------------
    def new(self) -> bool:
        if not self.maybe_save():
            return False
        self.doc.load(starter_matrix(), None)
        self.show_message("New matrix")
        return True

    def close_document(self) -> bool:
        return self.new()

    def open_dialog(self) -> bool:
        start = str(self.doc.path.parent) if self.doc.path else ""
        path, _ = dialogs.QFileDialog.getOpenFileName(self.parent, "Open matrix", start,
                                                      FILE_FILTER)
        return self.open_path(Path(path)) if path else False

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Read ``path`` and show it; on failure say why and keep the current document."""
        path = Path(path)
        try:
            matrix = load_matrix(path)
        except ValidationError as e:
            self._cannot_open(path, problems_text(e))
            return False
        except (TradeoffError, OSError) as e:
            self._cannot_open(path, str(e))
            return False
        if ask and not self.maybe_save():
            return False
        self.doc.load(matrix, path.resolve())
        self.remember(path.resolve())
        self.show_message(f"Opened {path.name}")
        return True

    def _cannot_open(self, path: Path, detail: str) -> None:
        box = dialogs.QMessageBox(dialogs.QMessageBox.Icon.Critical, "Cannot open file",
                                  f"“{path.name}” could not be opened. The current matrix is "
                                  "unchanged.", dialogs.QMessageBox.StandardButton.Ok,
                                  self.parent)
        box.setInformativeText(detail)
        box.setDetailedText(f"{path}\n\n{detail}")
        box.exec()

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        return self.save_to(self.doc.path)

    def save_as(self) -> bool:
        suggested = str(self.doc.path or Path.home() / self.doc.suggested_file)
        path, _ = dialogs.QFileDialog.getSaveFileName(self.parent, "Save matrix as", suggested,
                                                      FILE_FILTER)
        if not path:
            return False
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".toml")
        return self.save_to(target)

    def save_to(self, path: Path) -> bool:
        """Write the matrix to ``path``; refuse (with the reasons) if it could not be
        opened again."""
        problems = check_matrix(self.doc.matrix)
        if problems:
            dialogs.QMessageBox.critical(self.parent, "Cannot save",
                                         "The matrix breaks these rules, so it was not saved:\n\n"
                                         + problems_text(ValidationError(problems)))
            return False
        try:
            save_matrix(self.doc.matrix, path)
        except OSError as e:
            dialogs.QMessageBox.critical(self.parent, "Cannot save",
                                         f"“{path}” could not be written: {e.strerror or e}")
            return False
        self.doc.set_path(path.resolve())
        self.doc.mark_saved()
        self.autosaver.discard()
        self.remember(path.resolve())
        self.show_message(f"Saved {path.name}")
        return True

    # -- examples ---------------------------------------------------------------------------------
    def fill_examples_menu(self) -> None:
        """One entry per bundled example, named by its file (read only when chosen)."""
        menu = self.examples_menu
        if menu is None:
            return
        menu.clear()
        for path in example_matrices():
            action = menu.addAction(path.stem.replace("-", " ").capitalize())
            action.setData(str(path))
            action.setToolTip(f"Open a copy of {path.name}")
            action.triggered.connect(lambda _on=False, p=path: self.open_example(p))
        menu.setEnabled(bool(menu.actions()))

    def open_example(self, path: Path) -> bool:
        """Open an example as a new, unsaved copy: saving it asks where, so the bundled
        file (perhaps in a read-only install) is never overwritten."""
        try:
            matrix = load_matrix(path)
        except (TradeoffError, OSError) as e:
            self._cannot_open(path, str(e))
            return False
        if not self.maybe_save():
            return False
        self.doc.load(matrix, None, untitled_name=f"{path.name} (example copy)",
                      suggested_file=path.name)
        self.show_message(f"Opened a copy of the example {path.name}; "
                                 "save it to keep your changes")
        return True

    # -- recent files ---------------------------------------------------------------------------
    def remember(self, path: Path) -> None:
        settings.add_recent_file(str(path))
        settings.write(settings.LAST_FILE, str(path))
        self.fill_recent_menu()

    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        if menu is None:
            return
        menu.clear()
        recent = settings.read(settings.RECENT_FILES)
        for i, name in enumerate(recent):
            action = QAction(f"&{i + 1} {Path(name).name}", menu)
            action.setToolTip(name)
            action.setStatusTip(name)
            action.triggered.connect(lambda _checked=False, p=name: self.open_path(Path(p)))
            menu.addAction(action)
        if recent:
            menu.addSeparator()
            clear = QAction("Clear Recent Files", menu)
            clear.triggered.connect(self._clear_recent)
            menu.addAction(clear)
        menu.setEnabled(bool(recent))

    def _clear_recent(self) -> None:
        settings.write(settings.RECENT_FILES, [])
        self.fill_recent_menu()

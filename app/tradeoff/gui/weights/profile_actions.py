"""Adding, duplicating, renaming and deleting weight profiles: a mixin of the
weights panel, each action one undo command."""

from __future__ import annotations

from tradeoff.core.edits import copy_profile
from tradeoff.core.model import WeightProfile, make_id
from tradeoff.gui.common import dialogs
from tradeoff.gui.common.typed_text import typed_text
from tradeoff.gui.document import commands


class ProfileActions:
    """Expects ``self.doc`` (the Document) and to be a QWidget (the dialogs' parent)."""

    def _new_id(self, name: str) -> str:
        return make_id(name, self.doc.matrix.all_ids())

    def add_profile(self) -> None:
        name, ok = dialogs.QInputDialog.getText(self, "Add profile", "Name of the new profile:",
                                                text=self._free_name("Profile"))
        if not ok or not name.strip():
            return
        m = self.doc.matrix
        weights = dict.fromkeys([c.id for c in m.criteria] + [g.id for g in m.groups], 1.0)
        profile = WeightProfile(self._new_id(name), name.strip(), weights)
        self.doc.push(commands.InsertProfile(self.doc, profile))

    def duplicate_profile(self) -> None:
        current = self.doc.active_profile()
        if current is None:
            return
        name = self._free_name(f"{current.name} (copy)")
        copy = copy_profile(current, self._new_id(name), name)
        self.doc.push(commands.InsertProfile(self.doc, copy,
                                             text=f"Duplicate profile {current.name}"))

    def rename_profile(self) -> None:
        current = self.doc.active_profile()
        if current is None:
            return
        typed, ok = dialogs.QInputDialog.getText(self, "Rename profile", "New name:",
                                                 text=current.name)
        name = typed_text(typed, current.name)  # a name left alone is kept as stored
        if ok and name.strip() and name != current.name:
            renamed = copy_profile(current, current.id, name)
            self.doc.push(commands.ReplaceProfile(
                self.doc, renamed, text=f"Rename profile {current.name} to {name}"))

    def delete_profile(self) -> None:
        current = self.doc.active_profile()
        if current is None or len(self.doc.matrix.profiles) < 2:
            return
        answer = dialogs.QMessageBox.question(self, "Delete profile",
                                              f"Delete the weight profile “{current.name}”?")
        if answer == dialogs.QMessageBox.StandardButton.Yes:
            self.doc.push(commands.RemoveProfile(self.doc, current.id))

    def _free_name(self, base: str) -> str:
        names = {p.name for p in self.doc.matrix.profiles}
        name, n = base, 2
        while name in names:
            name = f"{base} {n}"
            n += 1
        return name

"""Weights › Swing Weights…, Weights from a Ranking…, AHP Pairwise Comparisons…
and Combine Participants….

Each opens its dialog on the active profile (window-modal, so the document
cannot change underneath it); OK replaces the profile's weights for the
chosen level of the value tree, and the judgements behind them, as one undo
step. The weights panel shows which method the profile's weights came from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from tradeoff.gui.document import commands
from tradeoff.gui.weights.ahp_dialog import AhpDialog
from tradeoff.gui.weights.elicitation_dialogs import ElicitationDialog, RankDialog, SwingDialog
from tradeoff.gui.weights.group_elicitation_dialog import ParticipantsDialog

if TYPE_CHECKING:
    from tradeoff.gui.common.host import WindowHost

DIALOGS: list[tuple[str, str, type[ElicitationDialog], str]] = [
    ("swing_weights", "&Swing Weights…", SwingDialog,
     "Weigh each criterion's swing from worst to best against the most valued one"),
    ("rank_weights", "Weights from a &Ranking…", RankDialog,
     "Put the criteria in order of importance and derive weights from the order"),
    ("ahp_weights", "A&HP Pairwise Comparisons…", AhpDialog,
     "Compare criteria two at a time on Saaty's 1–9 scale"),
    ("group_weights", "Combine &Participants…", ParticipantsDialog,
     "Combine several participants' weights or AHP judgements into one set of weights"),
]


def install(window: WindowHost) -> None:
    menu = window.menu("Weights")
    menu.addSeparator()
    for name, text, dialog_class, tip in DIALOGS:
        action = QAction(text, window)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False, c=dialog_class: open_dialog(window, c))
        window.actions[name] = action
        menu.addAction(action)
    for signal in (window.document.profiles_changed, window.document.replaced):
        signal.connect(lambda: _enable(window))
    _enable(window)


def _enable(window: WindowHost) -> None:
    has_profile = window.document.active_profile() is not None
    for name, *_ in DIALOGS:
        window.actions[name].setEnabled(has_profile)


def open_dialog(window: WindowHost, dialog_class: type[ElicitationDialog]) -> QDialog | None:
    """Open an elicitation dialog on the active profile; OK pushes one ReplaceProfile."""
    doc = window.document
    profile_id = doc.active_profile_id()
    if profile_id is None:
        window.show_error("Add a weight profile first: there is nothing to weigh.")
        return None
    dialog = dialog_class(doc.matrix, profile_id, parent=window)
    dialog.setObjectName(f"{dialog_class.__name__}")

    def finished(code: int) -> None:
        profile = dialog.updated_profile()
        if code == QDialog.DialogCode.Accepted and profile is not None:
            doc.push(commands.ReplaceProfile(
                doc, profile, text=f"{dialog_class.TITLE} for {profile.name}"))
            window.show_message(f"Weights of “{profile.name}” set by "
                                f"{dialog_class.TITLE.lower()}")
        dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog

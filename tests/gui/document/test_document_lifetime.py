"""A Document that goes away with commands on its undo stack goes quietly.

QUndoStack's destructor clears the stack and emits ``indexChanged`` while the
Document that owns it is being destroyed. A handler that then emits one of
the Document's own signals raises "Signal source has been deleted" from
inside Qt; the Document must not react to its own teardown.
"""

from __future__ import annotations

import sys

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from factories import small_matrix
from tradeoff.core.model import Score
from tradeoff.gui.document import Document
from tradeoff.gui.document.commands import SetScore, SetWeight


@pytest.fixture
def slot_errors(monkeypatch) -> list[BaseException]:
    """Exceptions raised in Qt slots (PySide reports them through sys.excepthook)."""
    caught: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, value, _tb: caught.append(value))
    return caught


def document_with_history(parent: QObject | None = None) -> Document:
    doc = Document(small_matrix(), parent=parent)
    option, criterion = doc.matrix.options[0].id, doc.matrix.criteria[0].id
    doc.push(SetScore(doc, option, criterion, Score(3.0)))
    doc.push(SetWeight(doc, doc.active_profile_id(), criterion, 7.0))
    doc.undo_stack.undo()  # one command done, one undone: both kinds are on the stack
    assert doc.undo_stack.count() == 2
    return doc


@pytest.mark.parametrize("how", ["delete", "delete_later", "with_parent"])
def test_destroying_a_document_with_undo_history_raises_nothing(qapp, slot_errors, how):
    changes: list[int] = []
    if how == "with_parent":
        owner = QObject()
        doc = document_with_history(owner)
        doc.changed.connect(lambda: changes.append(1))
        shiboken6.delete(owner)  # as when the main window that owns it is destroyed
    else:
        doc = document_with_history()
        doc.changed.connect(lambda: changes.append(1))
        if how == "delete":
            shiboken6.delete(doc)
        else:
            doc.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert not shiboken6.isValid(doc)
    assert slot_errors == []
    assert changes == []  # listeners hear nothing from a document being torn down


def test_clearing_the_history_of_a_live_document_still_announces_it(qapp, slot_errors):
    doc = document_with_history()
    changes: list[int] = []
    doc.changed.connect(lambda: changes.append(1))
    doc.undo_stack.clear()
    assert changes == [1]
    assert slot_errors == []
    shiboken6.delete(doc)

"""The document the window edits, and its undo commands.
Every room reaches the matrix through these; widgets never change it directly."""

from tradeoff.gui.document.document import Document

__all__ = ["Document"]

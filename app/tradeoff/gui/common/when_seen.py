"""Views that recompute only when someone can see them."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent


class RecomputeWhenSeen:
    """A mixin for a QWidget with a ``recompute()`` method.

    ``schedule()`` recomputes now if the view is on screen, else when it is next
    seen: nothing (not even scipy or matplotlib) loads for a view nobody has opened.
    A dock stacked behind another tab counts as shown without being seen, hence the
    visible region. ``recompute`` should clear ``_stale``.
    """

    _stale = True

    def schedule(self) -> None:
        self._stale = True
        if self.isVisible() and not self.visibleRegion().isEmpty():  # type: ignore[attr-defined]
            self.recompute()  # type: ignore[attr-defined]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        QTimer.singleShot(0, self._if_seen)  # once the layout has given it its place

    def _if_seen(self) -> None:
        if self._stale:
            self.schedule()

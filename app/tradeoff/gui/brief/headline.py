"""The brief's first two sentences at the top of the Results panel, live.

The recommendation with its margin, then "how sure": the nearest weight change
point and the smallest score flip (and the Monte Carlo share when the
Robustness panel's run belongs to the matrix as it is). Like the results, it
argues from the scenario selected in the window. No Monte Carlo runs
here. On a small matrix both sentences follow every slider step (about 15 ms
for the Budapest matrix); on a larger one they wait until the drag pauses, and
past :data:`HOW_SURE_CELLS` only the recommendation is given, since the sweeps
and the flip test grow with options² × criteria.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from tradeoff.core.brief import headline
from tradeoff.core.errors import TradeoffError
from tradeoff.core.smaa import SmaaResult
from tradeoff.gui.document import Document

LIVE_CELLS = 2_000  # options × criteria re-worded on every step of a drag
HOW_SURE_CELLS = 20_000  # beyond this, the recommendation alone
PAUSE_MS = 250


class HeadlineLabel(QLabel):
    """Two sentences, re-worded from the document whenever the weights or scores change."""

    def __init__(self, doc: Document,
                 current_run: Callable[[], SmaaResult | None] = lambda: None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.current_run = current_run
        self.setObjectName("brief_headline")
        self.setAccessibleName("Recommendation")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setContentsMargins(4, 2, 4, 4)
        self.sentences: tuple[str, ...] = ()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.refresh)
        doc.changed.connect(self.schedule)
        doc.weights_changed.connect(self.schedule)
        # A matrix opened (or a scenario chosen) announces itself with several signals:
        # on a large one they all end in one re-wording once the window has caught up.
        doc.replaced.connect(self._shown_matrix_changed)
        doc.scenario_selected.connect(self._shown_matrix_changed)
        self.refresh()

    def schedule(self) -> None:
        """Re-word now on a small matrix, after the drag pauses on a large one."""
        m = self.doc.view()
        if len(m.options) * len(m.criteria) <= LIVE_CELLS:
            self.refresh()
        else:
            self._timer.start()

    def _shown_matrix_changed(self) -> None:
        # Another matrix (or scenario): the old sentences must not stay up meanwhile.
        m = self.doc.view()
        if len(m.options) * len(m.criteria) > LIVE_CELLS:
            self.sentences = ()
            self.setText("")
        self.schedule()

    def refresh(self) -> None:
        m = self.doc.view()  # the scenario shown, as the results below it
        profile = self.doc.active_profile()
        cells = len(m.options) * len(m.criteria)
        try:
            run = self.current_run()
            self.sentences = headline(m, profile, run, how_sure=cells <= HOW_SURE_CELLS)
        except TradeoffError as e:
            self.sentences = (f"There is no recommendation: {e}",)
        self.setText(" ".join(self.sentences))

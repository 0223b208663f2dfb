"""The brief's first two sentences at the top of the Results panel, live.

The recommendation with its margin, then "how sure": the nearest weight change
point and the smallest score flip (and the Monte Carlo share when the
Robustness panel's run belongs to the matrix as it is). Like the results, it
argues from the scenario selected in the window. No Monte Carlo runs
here. On a small matrix both sentences follow every slider step (about 15 ms
for the Budapest matrix); on a larger one they wait until the drag pauses and
are worked out on a worker thread from a copy of the matrix, and past
:data:`HOW_SURE_CELLS` only the recommendation is given, since the sweeps and
the flip test grow with options² × criteria.
"""

from __future__ import annotations

import copy
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from tradeoff.core.brief import headline
from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.smaa import SmaaResult
from tradeoff.gui.common.snapshot import snapshot
from tradeoff.gui.document import Document

LIVE_CELLS = 2_000  # options × criteria re-worded on every step of a drag
HOW_SURE_CELLS = 20_000  # beyond this, the recommendation alone
PAUSE_MS = 250
POLL_MS = 25  # how often a wording on the worker thread is looked for
log = logging.getLogger("tradeoff.gui")


def _word(matrix: DecisionMatrix, profile: WeightProfile | None, run: SmaaResult | None,
          how_sure: bool) -> tuple[str, ...]:
    try:
        return headline(matrix, profile, run, how_sure=how_sure)
    except TradeoffError as e:
        return (f"There is no recommendation: {e}",)


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
        # A large matrix is worded on a worker thread, from a copy of the matrix; the
        # thread touches no Qt object, and a timer here picks its answer up.
        self._wording = 0  # bumped per wording: an answer for an older one is dropped
        self._pending: tuple[int, threading.Thread, dict] | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._pick_up)
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
        self._wording += 1
        try:
            run = self.current_run()
        except TradeoffError as e:
            self._show((f"There is no recommendation: {e}",))
            return
        if cells <= LIVE_CELLS:
            self._show(_word(m, profile, run, cells <= HOW_SURE_CELLS))
            return
        # Tenths of a second at 10,000 options: the window stays responsive meanwhile.
        args = (snapshot(m), copy.deepcopy(profile), run, cells <= HOW_SURE_CELLS)
        answer: dict = {}

        def work() -> None:
            try:
                answer["sentences"] = _word(*args)
            except Exception:  # logged, never lost in the thread; the old words stay
                log.exception("the headline could not be worded")

        thread = threading.Thread(target=work, name="headline", daemon=True)
        self._pending = (self._wording, thread, answer)
        thread.start()
        self._poll.start()

    def _pick_up(self) -> None:
        if self._pending is None:
            self._poll.stop()
            return
        wording, thread, answer = self._pending
        if thread.is_alive():
            return
        self._pending = None
        self._poll.stop()
        if wording == self._wording and "sentences" in answer:
            self._show(answer["sentences"])

    @property
    def busy(self) -> bool:
        """True while a wording is being worked out on the worker thread."""
        return self._pending is not None

    def _show(self, sentences: tuple[str, ...]) -> None:
        self.sentences = sentences
        self.setText(" ".join(sentences))

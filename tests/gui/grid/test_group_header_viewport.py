"""The group header paints on a viewport made in Python (see header_viewport), set up
as a stock QHeaderView sets up the one it makes itself: same look, same pointer and
touch handling, same name for style sheets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from tradeoff.gui.grid.group_header import GroupHeaderView


def viewport_setup(view: QTableView) -> dict[str, object]:
    viewport = view.horizontalHeader().viewport()
    # WA_UnderMouse depends on where the pointer happens to be, not on the set-up.
    attributes = [a for a in Qt.WidgetAttribute if viewport.testAttribute(a)
                  and a != Qt.WidgetAttribute.WA_UnderMouse]
    return {
        "name": viewport.objectName(),
        "background": viewport.backgroundRole(),
        "foreground": viewport.foregroundRole(),
        "fills": viewport.autoFillBackground(),
        "tracks mouse": viewport.hasMouseTracking(),
        "focus policy": viewport.focusPolicy(),
        "focus proxy is the header": viewport.focusProxy() is view.horizontalHeader(),
        "context menu": viewport.contextMenuPolicy(),
        "size policy": (viewport.sizePolicy().horizontalPolicy(),
                        viewport.sizePolicy().verticalPolicy()),
        "attributes": attributes,
        "palette": viewport.palette().cacheKey() == view.palette().cacheKey(),
    }


def shown_table(qtbot, header: QHeaderView) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    view.setHorizontalHeader(header)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_group_header_viewport_is_set_up_as_a_stock_header_sets_up_its_own(qtbot):
    stock = shown_table(qtbot, QHeaderView(Qt.Orientation.Horizontal))
    grouped = shown_table(qtbot, GroupHeaderView(lambda: None))
    assert viewport_setup(grouped) == viewport_setup(stock)
    viewport = grouped.horizontalHeader().viewport()
    assert type(viewport) is QWidget and viewport.parent() is grouped.horizontalHeader()

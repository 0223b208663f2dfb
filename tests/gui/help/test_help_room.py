"""Help › User Guide, Glossary, Grid Legend and What's This? on the analysis views,
in the fully wired window."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices

from tradeoff.gui.common.cell_marks import TINT_RGB, WARNING_RGBA
from tradeoff.gui.help import guide
from tradeoff.gui.help.feature import show_glossary, show_guide, show_legend
from tradeoff.gui.help.glossary import GLOSSARY
from tradeoff.gui.help.legend import LEGEND

REQUIRED_TERMS = ["Additive value model", "Anchors", "Swing", "Consistency ratio",
                  "Rank acceptability", "Confidence factor", "Central weights", "Regret"]


class UrlCatcher(QObject):
    """Receives file URLs in place of the browser (Qt's own URL handler hook)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def _texts(menu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_help_menu_offers_guide_glossary_legend_and_whats_this(wired):
    texts = _texts(wired.menu("Help"))
    assert texts[:4] == ["User Guide", "Glossary", "Grid Legend", "What's This?"]
    assert wired.actions["user_guide"].shortcut().toString() == "F1"


def test_user_guide_opens_the_built_guide_from_disk(wired, tmp_path, monkeypatch):
    (tmp_path / "index.html").write_text("<h1>Guide</h1>", encoding="utf-8")
    monkeypatch.setattr(guide, "guide_folder", lambda: tmp_path)
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        wired.actions["user_guide"].trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in catcher.urls] == [str(tmp_path / "index.html")]


def test_without_a_built_guide_the_app_says_how_to_build_it(wired, tmp_path, monkeypatch):
    monkeypatch.setattr(guide, "guide_folder", lambda: tmp_path / "nothing")
    assert show_guide(wired) is False
    assert "make docs" in wired.statusBar().currentMessage()


def test_the_guide_ships_where_the_app_looks_for_it():
    # make docs builds into resources/guide (mkdocs.yml site_dir), which the app reads.
    import tomllib
    from pathlib import Path

    from tradeoff.paths import resources_dir

    config = (Path(__file__).resolve().parents[3] / "mkdocs.yml").read_text()
    assert "site_dir: resources/guide" in config
    assert guide.guide_folder() == resources_dir() / "guide"
    pyproject = tomllib.loads((Path(__file__).resolve().parents[3] / "pyproject.toml")
                              .read_text())
    assert "**/*" in pyproject["tool"]["setuptools"]["package-data"]["tradeoff.resources"]


def test_glossary_has_every_required_term_and_links_into_the_guide(wired, qtbot, monkeypatch,
                                                                  tmp_path):
    dialog = show_glossary(wired)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    names = [t.name for t in GLOSSARY]
    for required in REQUIRED_TERMS:
        assert required in names and required in text
    (tmp_path / "how-sure.html").write_text("x", encoding="utf-8")
    monkeypatch.setattr(guide, "guide_folder", lambda: tmp_path)
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        dialog.browser.anchorClicked.emit(QUrl("guide:how-sure.html#monte-carlo"))
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert dialog.opened == ["how-sure.html#monte-carlo"]
    assert catcher.urls[0].fragment() == "monte-carlo"
    assert catcher.urls[0].toLocalFile() == str(tmp_path / "how-sure.html")


def test_legend_draws_the_grids_own_colours(wired, qtbot):
    dialog = show_legend(wired)
    qtbot.addWidget(dialog)
    assert len(dialog.rows) == len(LEGEND)
    strong = dialog.rows[2][0].pixmap().toImage().pixelColor(20, 12)
    amber = dialog.rows[3][0].pixmap().toImage().pixelColor(20, 12)
    # Drawn over white: the strong tint is blue-dominant, the warning amber red-dominant.
    assert strong.blue() > strong.red() and TINT_RGB[2] > TINT_RGB[0]
    assert amber.red() > amber.blue() and WARNING_RGBA[0] > WARNING_RGBA[2]
    corner = dialog.rows[4][0].pixmap().toImage()
    assert corner.pixelColor(54, 1) != QColor("white")  # the mark, top right
    assert corner.pixelColor(10, 20) == QColor("white")  # the rest of the cell plain


def test_every_analysis_view_explains_itself(wired):
    from PySide6.QtWidgets import QTabWidget

    panel = wired.docks["Robustness"].widget()
    assert isinstance(panel, QTabWidget)
    for i in range(panel.count()):
        page = panel.widget(i)
        assert page.whatsThis(), panel.tabText(i)
    monte_carlo = next(panel.widget(i) for i in range(panel.count())
                       if panel.tabText(i) == "Monte Carlo")
    for term in ("Rank acceptability", "Central weights", "Confidence factor"):
        assert term in monte_carlo.whatsThis()
    assert "Additive value model" in wired.docks["Results"].widget().whatsThis()
    assert wired.docks["Cross-check"].widget().whatsThis()
    if "Scenarios" in wired.docks:
        assert "Regret" in wired.docks["Scenarios"].widget().whatsThis()
    for title in ("Value for money", "Portfolio"):
        if title in wired.docks:
            assert "Efficient frontier" in wired.docks[title].widget().whatsThis()


def test_whats_this_on_a_table_inside_a_view_shows_the_views_text(wired, qtbot):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QWhatsThis

    panel = wired.docks["Robustness"].widget()
    monte_carlo = next(panel.widget(i) for i in range(panel.count())
                       if panel.tabText(i) == "Monte Carlo")
    wired.raise_dock("Robustness")
    panel.setCurrentWidget(monte_carlo)
    table = monte_carlo.findChild(QAbstractItemView)
    assert table is not None and not table.whatsThis()  # the text is the view's, not its own
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    point = QPoint(5, 5)
    QApplication.sendEvent(table.viewport(), QHelpEvent(
        QEvent.Type.WhatsThis, point, table.viewport().mapToGlobal(point)))
    qtbot.wait(50)
    popups = [w for w in QApplication.topLevelWidgets()
              if w.isVisible() and id(w) not in before]
    assert popups, "no What's This? popup"
    QWhatsThis.hideText()


def test_the_grid_explains_its_colours(wired):
    from tradeoff.gui.help.legend import LEGEND

    text = wired.grid.whatsThis()
    for item in LEGEND:
        assert item.label in text


def test_a_guide_link_without_a_built_guide_says_how_to_build_it(wired, qtbot, monkeypatch,
                                                                  tmp_path):
    monkeypatch.setattr(guide, "guide_folder", lambda: tmp_path / "nothing")
    dialog = show_glossary(wired)
    qtbot.addWidget(dialog)
    dialog.browser.anchorClicked.emit(QUrl("guide:how-sure.html#tornado"))
    assert dialog.note.isVisibleTo(dialog) and "make docs" in dialog.note.text()

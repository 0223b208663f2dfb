"""Help › Glossary: every term the app uses, with a link to the guide page that says more."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tradeoff.gui.help.glossary import GLOSSARY, Term
from tradeoff.gui.help.guide import NOT_BUILT, open_page

GUIDE_SCHEME = "guide"  # links "guide:how-sure.html#monte-carlo" open the built guide


def term_html(term: Term, link: bool = True) -> str:
    more = (f' <a href="{GUIDE_SCHEME}:{escape(term.guide)}">More in the guide…</a>'
            if link else "")
    return f'<p><a name="{escape(anchor(term.name))}"></a><b>{escape(term.name)}</b> — ' \
           f"{escape(term.definition)}{more}</p>"


def anchor(name: str) -> str:
    return name.casefold().replace(" ", "-")


def glossary_html(terms: tuple[Term, ...] = GLOSSARY) -> str:
    return "".join(term_html(t) for t in terms)


class GlossaryDialog(QDialog):
    """The glossary in a browser pane; a guide link opens the built guide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Glossary")
        self.resize(620, 560)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setHtml(glossary_html())
        self.browser.anchorClicked.connect(self._follow)
        self.opened: list[str] = []  # guide pages asked for, newest last
        self.note = QLabel()  # says so when the guide is not built
        self.note.setWordWrap(True)
        self.note.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def show_term(self, name: str) -> None:
        self.browser.scrollToAnchor(anchor(name))

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == GUIDE_SCHEME:
            page = url.toString().removeprefix(f"{GUIDE_SCHEME}:")
            self.opened.append(page)
            if not open_page(page):
                self.note.setText(NOT_BUILT)
                self.note.show()

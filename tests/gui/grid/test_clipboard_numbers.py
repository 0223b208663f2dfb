"""Numbers typed or pasted into the grid are read with the locale and never silently changed.

An English spreadsheet puts "1,000" on the clipboard for a thousand; the old
reader took the comma for a decimal comma and stored 1. A multi-line cell
comes quoted ("two<LF>lines") and used to split into extra rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMessageBox

from factories import small_matrix
from tradeoff.gui.common.cell_values import CellValueError, parse_number_text
from tradeoff.gui.grid.tsv import block_to_tsv, parse_tsv
from tradeoff.gui.window.app import create_app
from tradeoff.gui.window.main_window import MainWindow
from tradeoff.io.matrix_file import dumps, save_matrix

EN, DE, FR = QLocale("en_US"), QLocale("de_DE"), QLocale("fr_FR")


@pytest.mark.parametrize("text, locale, value", [
    ("1,000", EN, 1000), ("2.5", EN, 2.5), ("2,5", EN, 2.5), ("1,000.5", EN, 1000.5),
    ("12,345,678", EN, 12345678), ("0,500", EN, 0.5), ("−3", EN, -3), ("3e2", EN, 300),
    ("1.000", DE, 1000), ("2,5", DE, 2.5), ("2.5", DE, 2.5), ("1.000,5", DE, 1000.5),
    ("1 000", FR, 1000), ("1\u202f000,5", FR, 1000.5), ("2,5", FR, 2.5),
])
def test_numbers_in_every_convention_read_as_written(text, locale, value):
    assert parse_number_text(text, locale) == value


@pytest.mark.parametrize("text, locale", [("1,000", DE), ("1,000", FR), ("1.000", EN),
                                          ("-2,500", DE)])
def test_a_mark_that_could_be_a_decimal_or_a_thousands_separator_is_refused(text, locale):
    with pytest.raises(CellValueError, match="ambiguous"):
        parse_number_text(text, locale)


def test_the_refusal_says_how_to_type_either_reading_so_that_it_reads_back():
    with pytest.raises(CellValueError) as caught:
        parse_number_text("36.125", EN)
    assert "type 36125 for the whole number, or 36.1250 for the decimal" in str(caught.value)
    assert parse_number_text("36125", EN) == 36125
    assert parse_number_text("36.1250", EN) == 36.125
    with pytest.raises(CellValueError, match="type 1000 for the whole number, or 1 for the"):
        parse_number_text("1,000", DE)


@pytest.mark.parametrize("text", ["1,000,00", "1.2.3", "1,000.000,5", "abc", "1,,0"])
def test_malformed_numbers_are_refused(text):
    with pytest.raises(CellValueError, match="not a number"):
        parse_number_text(text, EN)


def test_the_clipboard_is_read_as_spreadsheets_write_it():
    excel = 'Alpha\t"two\r\nlines"\t3\r\n"say ""hi"""\t\t5\r\n'
    assert parse_tsv(excel) == [["Alpha", "two\r\nlines", "3"], ['say "hi"', "", "5"]]
    assert parse_tsv("7\n") == [["7"]]
    assert parse_tsv("") == []


@pytest.fixture
def locale_default():
    before = QLocale()
    yield QLocale.setDefault
    QLocale.setDefault(before)


@pytest.fixture
def big_window(qtbot, tmp_path: Path):
    m = small_matrix()
    m.criteria[0].worst = 5000  # Price runs 5000 … 0, so a thousand fits
    path = tmp_path / "big.toml"
    save_matrix(m, path, touch_modified=False)
    create_app()
    window = MainWindow(autosave_folder=tmp_path / "autosave")
    assert window.files.open_path(path, ask=False)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def test_a_paste_from_english_excel_gives_exactly_its_numbers(big_window, locale_default):
    locale_default(EN)
    m = big_window.document.matrix
    big_window.grid.select_cell(0, 0)
    assert big_window.grid.paste("1,000\t2.5\n")
    assert m.score("a", "price").value == 1000
    assert m.score("a", "speed").value == 2.5


def test_an_ambiguous_paste_in_german_names_the_cell_and_changes_nothing(
        big_window, locale_default, monkeypatch):
    locale_default(DE)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    before = dumps(big_window.document.matrix)
    big_window.grid.select_cell(0, 0)
    assert not big_window.grid.paste("1,000\t2,5\n")
    assert dumps(big_window.document.matrix) == before
    assert "row 1, column 1" in shown[0] and "Alpha / Price" in shown[0]
    assert "'1,000' is ambiguous" in shown[0]


def test_typing_an_ambiguous_number_is_refused_naming_the_cell(big_window, locale_default):
    locale_default(DE)
    model = big_window.grid.matrix_model
    assert not model.setData(model.index(1, 0), "1,000")
    assert model.last_error.startswith("Beta / Price: '1,000' is ambiguous")
    assert big_window.document.matrix.score("b", "price").value == small_matrix().score(
        "b", "price").value
    assert model.setData(model.index(1, 0), "1.000")  # the German thousands mark
    assert big_window.document.matrix.score("b", "price").value == 1000


def test_a_multi_line_cell_stays_one_cell_and_gets_a_message(big_window, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    before = dumps(big_window.document.matrix)
    big_window.grid.select_cell(0, 1)
    assert not big_window.grid.paste('"7\n8"\tlow\n')  # one row, not two
    assert dumps(big_window.document.matrix) == before
    assert "row 1, column 1" in shown[0] and "not a number" in shown[0]


def test_copy_quotes_what_needs_quoting_so_paste_reads_it_back():
    m = small_matrix()
    m.criteria[2].levels[1].name = "medium\tish"
    m.scores[("a", "risk")].value = "medium\tish"
    text = block_to_tsv(m, [0], [2])
    assert parse_tsv(text) == [["medium\tish"]]

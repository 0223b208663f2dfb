"""The Scenarios dialog's probabilities in the real window (offscreen): what it shows
reads back as exactly what is stored, so applying after editing some rows leaves the
others exact, and equal shares filled in for the user sum to 1 and can be applied."""

from __future__ import annotations

from tradeoff.core.validate import check_matrix
from tradeoff.io.matrix_file import load_matrix, save_matrix
from tradeoff.paths import example_path


def open_sites(wired, tmp_path, probabilities, keep=None):
    m = load_matrix(example_path("site-selection.toml"))
    m.scenarios = m.scenarios[:keep]
    for s, p in zip(m.scenarios, probabilities, strict=True):
        s.probability = p
    path = tmp_path / "sites.toml"
    save_matrix(m, path, touch_modified=False)
    assert wired.files.open_path(path, ask=False)
    wired.actions["edit_scenarios"].trigger()
    return wired.scenarios.dialog


def shown(dialog) -> list[str]:
    return [dialog.table.item(i, 1).text() for i in range(dialog.table.rowCount())]


def test_probabilities_not_edited_stay_exact(wired, tmp_path):
    dialog = open_sites(wired, tmp_path, [1 / 3, 1 / 3, 1 / 6, 1 / 6])
    assert [float(t) for t in shown(dialog)] == [1 / 3, 1 / 3, 1 / 6, 1 / 6]
    assert not dialog.apply_button.isEnabled()  # nothing changed yet
    assert dialog.status.text() == ""
    dialog.table.item(2, 1).setText("0.1")
    dialog.table.item(3, 1).setText("0.233334")  # the sum is 1 within the file's 1e-6
    assert dialog.apply_button.isEnabled()
    dialog.apply_probabilities()
    m = wired.document.matrix
    assert [s.probability for s in m.scenarios] == [1 / 3, 1 / 3, 0.1, 0.233334]
    assert check_matrix(m) == []


def test_switching_probabilities_on_fills_equal_shares_that_can_be_applied(wired, tmp_path):
    dialog = open_sites(wired, tmp_path, [None] * 3, keep=3)
    dialog.use_probabilities.setChecked(True)
    assert [float(t) for t in shown(dialog)] == [1 / 3] * 3
    assert "sum to" not in dialog.status.text()
    assert dialog.apply_button.isEnabled()
    steps = wired.document.undo_stack.count()
    dialog.apply_probabilities()
    assert wired.document.undo_stack.count() == steps + 1
    m = wired.document.matrix
    assert [s.probability for s in m.scenarios] == [1 / 3] * 3
    assert check_matrix(m) == []
    assert wired.files.save_to(tmp_path / "equal.toml")
    back = load_matrix(tmp_path / "equal.toml")
    assert [s.probability for s in back.scenarios] == [1 / 3] * 3
    assert not dialog.apply_button.isEnabled()  # what is shown is what is stored


def test_typed_probabilities_survive_a_rename_made_before_applying_them(wired, tmp_path):
    dialog = open_sites(wired, tmp_path, [0.5, 0.5], keep=2)
    dialog.table.item(0, 1).setText("0.3")
    dialog.table.item(1, 1).setText("0.7")
    dialog.table.item(0, 0).setText("Renamed")  # one undo step, which refills the table
    m = wired.document.matrix
    assert m.scenarios[0].name == "Renamed"
    assert shown(dialog) == ["0.3", "0.7"]  # not the stored 0.5 and 0.5 again
    assert dialog.status.text() == "Press Apply Probabilities to keep them."
    dialog.apply_probabilities()
    assert [s.probability for s in m.scenarios] == [0.3, 0.7]
    assert not dialog.apply_button.isEnabled()
    wired.document.undo_stack.undo()  # the probabilities go back, and so does the table
    assert shown(dialog) == ["0.5", "0.5"] and not dialog.apply_button.isEnabled()


def test_probabilities_switched_on_survive_a_description_edit(wired, tmp_path):
    dialog = open_sites(wired, tmp_path, [None] * 3, keep=3)
    dialog.use_probabilities.setChecked(True)
    dialog.table.item(1, 3).setText("A new description")
    assert wired.document.matrix.scenarios[1].description == "A new description"
    assert dialog.use_probabilities.isChecked()
    assert [float(t) for t in shown(dialog)] == [1 / 3] * 3
    dialog.apply_probabilities()
    assert [s.probability for s in wired.document.matrix.scenarios] == [1 / 3] * 3

"""OK in the option, criterion and group dialogs keeps a text the user did not touch
exactly as stored. A description written in a matrix file as a TOML multi-line string
ends with a newline; the dialogs trim what is typed, but trimming an untouched text
would change the file, and leave an undo step, for a dialog opened and closed."""

from __future__ import annotations

from dataclasses import replace

from gui_helpers import when_modal

from tradeoff.io.matrix_file import dumps, loads

HAND_WRITTEN = 'description = """\nLine one\nLine two\n"""'


def multi_line() -> str:
    """A description as a hand-written TOML multi-line string reads."""
    import tomllib
    return tomllib.loads(HAND_WRITTEN)["description"]


def test_the_hand_written_description_ends_with_a_newline():
    assert multi_line() == "Line one\nLine two\n"


def open_and_ok(window, action: str, press) -> None:
    when_modal(press)
    window.actions[action].trigger()


def test_option_dialog_keeps_an_untouched_description(window):
    m, stack = window.document.matrix, window.document.undo_stack
    m.options[2].description = multi_line()
    before, steps = dumps(m), stack.count()
    window.grid.select_cell(2, 0)
    open_and_ok(window, "edit_option", lambda d: d.accept())
    assert m.options[2].description == "Line one\nLine two\n"
    assert dumps(m) == before and stack.count() == steps
    # A changed text is still trimmed as typed.
    open_and_ok(window, "edit_option",
                lambda d: (d.description.setPlainText("  Changed \n"), d.accept()))
    assert m.options[2].description == "Changed"


def test_criterion_dialog_keeps_an_untouched_description(window):
    m, stack = window.document.matrix, window.document.undo_stack
    m.criteria[1] = replace(m.criteria[1], description=multi_line())
    before, steps = dumps(m), stack.count()
    window.grid.select_cell(0, 1)
    open_and_ok(window, "edit_criterion", lambda d: d._try_accept())
    assert m.criterion("speed").description == "Line one\nLine two\n"
    assert loads(dumps(m)).criterion("speed").description == "Line one\nLine two\n"
    assert dumps(m) == before and stack.count() == steps


def test_group_dialog_keeps_an_untouched_description(window):
    m, stack = window.document.matrix, window.document.undo_stack
    m.groups[1] = replace(m.groups[1], description=multi_line())
    before, steps = dumps(m), stack.count()
    window.grid.select_cell(0, 1)  # Speed, in Quality
    open_and_ok(window, "rename_group", lambda d: d.ok_button.click())
    assert m.group("quality").description == "Line one\nLine two\n"
    assert dumps(m) == before and stack.count() == steps

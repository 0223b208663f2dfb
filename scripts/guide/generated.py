"""Sections of the guide generated from the program itself, never typed.

``<!-- generated: NAME -->`` on a line of its own is replaced by:

``shortcuts``  the keys declared in :mod:`tradeoff.gui.common.shortcuts` (imported);
``schema``     the file format, from ``resources/matrix.schema.json``;
``glossary``   the terms of :mod:`tradeoff.gui.help.glossary`;
``legend``     the grid's tints and corner marks, from :mod:`tradeoff.gui.help.legend`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from typing import Any

DIRECTIVE = re.compile(r"^<!-- generated: (?P<name>[a-z-]+) -->$", re.M)


def expand(markdown: str, page: str) -> str:
    def replace(m: re.Match[str]) -> str:
        name = m["name"]
        if name not in SECTIONS:
            raise KeyError(f"{page}: no generated section {name!r} "
                           f"(there are {', '.join(SECTIONS)})")
        return SECTIONS[name]()
    return DIRECTIVE.sub(replace, markdown)


# -- keyboard shortcuts ----------------------------------------------------------------
def shortcuts() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is shown
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication

    from tradeoff.gui.common.shortcuts import SHORTCUTS, shortcut_list

    # Standard keys need a platform; a widgets application, as the app and the tests use.
    _ = QApplication.instance() or QApplication([])
    labels = action_labels()
    rows = ["| Action | Keys |", "| --- | --- |"]
    for name in SHORTCUTS:
        keys = ", ".join(f"`{k.toString(QKeySequence.SequenceFormat.PortableText)}`"
                         for k in shortcut_list(name) if _on_a_keyboard(k)) or "—"
        rows.append(f"| {labels.get(name) or name.replace('_', ' ').capitalize()} | {keys} |")
    return "\n".join(rows)


# Qt's standard bindings also list the dedicated keys some keyboards have (Open,
# Save, Help, Copy…), which sit above Qt.Key_Help in Qt's key codes; the table
# keeps the keys every keyboard has.
_DEDICATED_KEYS_FROM = 0x01000058  # Qt.Key.Key_Help


def _on_a_keyboard(sequence: object) -> bool:
    if sequence.isEmpty():  # type: ignore[attr-defined]
        return False
    key = sequence[0].key()  # type: ignore[index]
    return getattr(key, "value", key) < _DEDICATED_KEYS_FROM


def action_labels() -> dict[str, str]:
    """Each action's menu text, by its shortcut name, from the real window (offscreen,
    with every feature installed), so the table says what the menus say."""
    import tempfile
    from pathlib import Path

    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)  # the user's own settings stay untouched
    from tradeoff.gui.window.app import create_app
    from tradeoff.gui.window.main_window import MainWindow

    create_app()
    with tempfile.TemporaryDirectory() as scratch:
        window = MainWindow(autosave_folder=Path(scratch))
        try:
            window.install_features()
            return {name: action.text().replace("&", "").rstrip("…").strip()
                    for name, action in window.actions.items()}
        finally:
            window.document.undo_stack.setClean()
            window.close()
            window.deleteLater()


# -- the file format -------------------------------------------------------------------
def schema() -> str:
    from tradeoff.paths import resource_path

    doc = json.loads(resource_path("matrix.schema.json").read_text(encoding="utf-8"))
    defs = doc["$defs"]
    out = [doc.get("description", "")]
    for key, node in doc["properties"].items():
        target = _resolve(node, defs)
        description = node.get("description") or target.get("description", "")
        out += ["", f"### `{key}`", "", description]
        fields = _object(target, defs)
        if fields is not None:
            out += ["", _field_table(fields, set(_required(target, defs)), defs)]
    cell = defs.get("score_cell")
    if cell is not None:
        out += ["", "### A score cell", "", cell.get("description", ""), "",
                _field_table(_object(cell, defs) or {}, set(), defs)]
    return "\n".join(out)


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """Follow ``$ref`` and array ``items`` to the schema of one entry."""
    for _ in range(5):
        if "$ref" in node:
            node = {**defs[node["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in node.items()
                                                             if k != "$ref"}}
        elif node.get("type") == "array" and isinstance(node.get("items"), dict) \
                and "$ref" in node["items"]:
            node = node["items"]
        else:
            break
    return node


def _object(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any] | None:
    if "properties" in node:
        return node["properties"]
    for branch in node.get("oneOf", []) + node.get("anyOf", []):
        branch = _resolve(branch, defs)
        if "properties" in branch:
            return branch["properties"]
    return None


def _required(node: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    return list(node.get("required", []))


def _field_table(fields: dict[str, Any], required: set[str], defs: dict[str, Any]) -> str:
    rows = ["| Key | Type | Required | Meaning |", "| --- | --- | --- | --- |"]
    for key, node in fields.items():
        target = _resolve(node, defs)
        meaning = (node.get("description") or target.get("description", "")).replace("|", "\\|")
        rows.append(f"| `{key}` | {_type(node, defs)} | {'yes' if key in required else ''} | "
                    f"{meaning} |")
    return "\n".join(rows)


def _type(node: dict[str, Any], defs: dict[str, Any], depth: int = 0) -> str:
    if "$ref" in node and depth < 3:
        return _type(defs[node["$ref"].rsplit("/", 1)[1]], defs, depth + 1)
    if "enum" in node:
        return "one of " + ", ".join(f"`{v}`" for v in node["enum"])
    if "const" in node:
        return f"`{node['const']}`"
    kinds = node.get("type")
    if kinds is None and ("oneOf" in node or "anyOf" in node) and depth < 3:
        branches = node.get("oneOf", []) + node.get("anyOf", [])
        return " or ".join(dict.fromkeys(_type(b, defs, depth + 1) for b in branches))
    if isinstance(kinds, list):
        return " or ".join(kinds)
    if kinds == "array":
        return "list"
    if kinds == "object":
        return "table"
    return kinds or "any"


# -- glossary and legend ---------------------------------------------------------------
def glossary() -> str:
    from tradeoff.gui.help.glossary import GLOSSARY

    out = []
    for t in GLOSSARY:
        link = t.guide.replace(".html", ".md")
        out += [f"**{t.name}**", f":   {t.definition} [More]({link})", ""]
    return "\n".join(out)


def legend() -> str:
    from tradeoff.gui.help.legend import LEGEND, css_colour

    rows = ["| In the grid | | Means |", "| --- | --- | --- |"]
    for item in LEGEND:
        colour = css_colour(item.rgba)
        if item.text:
            swatch = f'<span style="color: {colour}">Abc</span>'
        else:
            style = (f"border-top: 10px solid {colour}; border-left: 10px solid transparent; "
                     "width: 0; height: 0" if item.corner
                     else f"background: {colour}; width: 2.5em; height: 1.2em")
            swatch = f'<span style="display: inline-block; {style}"></span>'
        rows.append(f"| {swatch} | {item.label} | {item.meaning} |")
    return "\n".join(rows)


SECTIONS: dict[str, Callable[[], str]] = {
    "shortcuts": shortcuts, "schema": schema, "glossary": glossary, "legend": legend}

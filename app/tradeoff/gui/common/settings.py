"""Every persistent setting, declared once with its key, type and default.

User preferences and window state are kept apart (``prefs/…`` and
``window/…`` keys) so resetting the layout never loses a preference. Under
``TRADEOFF_TEST_MODE`` the settings live under a separate organisation name,
and the test set-up also points Qt's config folder at a throwaway directory,
so tests never read or write the user's real settings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Tradeoff"
TEST_ORGANISATION = "Tradeoff-tests"
APPLICATION = "Tradeoff"
MAX_RECENT_FILES = 8


@dataclass(frozen=True)
class Setting:
    """One persistent value: where it is stored, its Python type and its default."""

    key: str
    type: type
    default: Any
    description: str = ""


# -- user preferences ---------------------------------------------------------
DARK_PALETTE = Setting("prefs/dark_palette", bool, False, "use a dark colour palette")
HIGH_CONTRAST = Setting("prefs/high_contrast", bool, False,
                        "stronger grid tints and focus outline (View › High Contrast)")
AUTOSAVE_SECONDS = Setting("prefs/autosave_seconds", int, 60,
                           "how often a modified document is copied to the autosave folder")
# -- window state ----------------------------------------------------------------
GEOMETRY = Setting("window/geometry", QByteArray, QByteArray(), "main window geometry")
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray(), "dock and toolbar layout")
RESULTS_SPLITTER = Setting("window/results_splitter", QByteArray, QByteArray(),
                           "ranking table / chart split")
RECENT_FILES = Setting("files/recent", list, [], "most recently opened files, newest first")
LAST_FILE = Setting("files/last", str, "", "the file open when the app last closed")
FIRST_START_DONE = Setting("files/first_start_done", bool, False,
                           "whether the bundled example has been shown once")

ALL_SETTINGS = [DARK_PALETTE, HIGH_CONTRAST, AUTOSAVE_SECONDS, GEOMETRY, WINDOW_STATE,
                RESULTS_SPLITTER, RECENT_FILES, LAST_FILE, FIRST_START_DONE]


def organisation_name() -> str:
    return TEST_ORGANISATION if os.environ.get("TRADEOFF_TEST_MODE") else ORGANISATION


def qsettings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     organisation_name(), APPLICATION)


def read(setting: Setting, store: QSettings | None = None) -> Any:
    """The stored value converted to the setting's type, or its default."""
    store = store or qsettings()
    raw = store.value(setting.key, None)
    if raw is None:
        return _copy(setting.default)
    try:
        if setting.type is bool:
            return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
        if setting.type is list:
            if isinstance(raw, str):  # QSettings returns a one-item list as a plain string
                return [raw] if raw else []
            return [str(x) for x in raw]
        if setting.type is QByteArray:
            return raw if isinstance(raw, QByteArray) else QByteArray(raw)
        return setting.type(raw)
    except (TypeError, ValueError):
        return _copy(setting.default)


def write(setting: Setting, value: Any, store: QSettings | None = None) -> None:
    (store or qsettings()).setValue(setting.key, value)


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def add_recent_file(path: str) -> list[str]:
    """Put ``path`` first in the recent-files list; return the new list."""
    recent = [p for p in read(RECENT_FILES) if p != path]
    recent.insert(0, path)
    del recent[MAX_RECENT_FILES:]
    write(RECENT_FILES, recent)
    return recent

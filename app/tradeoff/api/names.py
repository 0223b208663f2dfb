"""Finding options, criteria and groups by name or id, as the command line does."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tradeoff.api.errors import MatrixError


def find(items: Iterable[Any], key: object, noun: str, plural: str) -> str:
    """The id of the item whose id is ``key`` or whose name is ``key`` (any case).

    A name shown as ``Name (id)`` (as the API labels items that share a name)
    is found too.
    """
    items = list(items)
    text = str(key)
    for item in items:
        if item.id == text:
            return item.id
    matches = [item for item in items if item.name.casefold() == text.casefold()
               or f"{item.name} ({item.id})".casefold() == text.casefold()]
    if len(matches) == 1:
        return matches[0].id
    if len(matches) > 1:
        ids = ", ".join(item.id for item in matches)
        raise MatrixError(f"{text!r}: several {plural} have that name; give the id ({ids})")
    names = ", ".join(item.name for item in items) or "none"
    raise MatrixError(f"no {noun} named {text!r} ({plural}: {names})")

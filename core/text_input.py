"""Text every input must be able to store: no NUL character (U+0000).

PostgreSQL cannot keep a NUL in text at all (the statement fails), SQLite keeps it and cuts the
text short for C readers; neither is something a person typed. Inputs are checked once, where
they enter (see `schema.errors.returns_payload` and `schema.input_guard`), never field by field.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

NUL = "\x00"
NUL_MESSAGE = "Text must not contain the NUL character (U+0000)."


def nul_path(value: object, path: tuple[str, ...] = ()) -> list[str] | None:
    """The path (field names, list positions) to the first text holding a NUL, else None.

    Walks plain values (variables as JSON gives them) and dataclasses (Strawberry inputs)."""
    if isinstance(value, str):
        return list(path) if NUL in value else None
    if isinstance(value, Mapping):
        items = [(str(key), item) for key, item in value.items()]
    elif isinstance(value, list | tuple):
        items = [(str(index), item) for index, item in enumerate(value)]
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        items = [(f.name, getattr(value, f.name, None)) for f in dataclasses.fields(value)]
    else:
        return None
    for name, item in items:
        found = nul_path(item, (*path, name))
        if found is not None:
            return found
    return None

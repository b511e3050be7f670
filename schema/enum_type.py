"""GraphQL enums over the domain's Python enums, with a description for every value.

The domain's enums are plain `(str, Enum)` classes stored in the database; the API's words about each
value live here, beside the GraphQL type, so the schema is documented without touching storage.
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

import strawberry

E = TypeVar("E", bound=type[Enum])


def enum_type(enum: E, *, description: str, values: dict[str, str], name: str | None = None) -> E:
    """`strawberry.enum(enum)` with every value described; a value left out is a mistake caught here."""
    missing = {member.name for member in enum} ^ set(values)
    if missing:
        raise ValueError(f"{enum.__name__}: describe exactly its values; mismatched: {sorted(missing)}")
    exposed = strawberry.enum(enum, name=name, description=description)
    for value in exposed.__strawberry_definition__.values:
        value.description = values[value.name]
    return exposed

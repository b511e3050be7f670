"""GraphQL enums over the domain's Python enums, with a description for every value.

The domain's enums are plain `(str, Enum)` classes stored in the database; the API's words about each
value live here, beside the GraphQL type, so the schema is documented without touching storage.
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

import strawberry
from strawberry.types.enum import StrawberryEnumDefinition, has_enum_definition

E = TypeVar("E", bound=type[Enum])


def enum_type(enum: E, *, description: str, values: dict[str, str], name: str | None = None) -> E:
    """`strawberry.enum(enum)` with every value described; a value left out is a mistake caught here."""
    missing = {member.name for member in enum} ^ set(values)
    if missing:
        raise ValueError(f"{enum.__name__}: describe exactly its values; mismatched: {sorted(missing)}")
    exposed = strawberry.enum(enum, name=name, description=description)
    for value in _definition(exposed).values:
        value.description = values[value.name]
    return exposed


def _definition(enum: type[Enum]) -> StrawberryEnumDefinition:
    if not has_enum_definition(enum):  # strawberry.enum always attaches one
        raise TypeError(f"{enum.__name__} is not a Strawberry enum")
    return enum.__strawberry_definition__

"""Filtering on JSON lists of enum values, the same on SQLite and PostgreSQL.

Enum values are upper-case words without quotes, so `"VALUE"` inside the JSON text matches exactly
one element and never a part of another.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, String, cast, func, literal
from sqlalchemy.orm import InstrumentedAttribute


def contains_value(column: InstrumentedAttribute[Any], value: str) -> ColumnElement[bool]:
    return cast(column, String).like(f'%"{value}"%')


def contains_number(column: InstrumentedAttribute[Any], number: int) -> ColumnElement[bool]:
    """A JSON list of integers contains `number`: `[1, 12]` is compared as `,1,12,` against `%,12,%`."""
    bare = func.replace(func.replace(func.replace(cast(column, String), " ", ""), "[", ""), "]", "")
    return (literal(",") + bare + literal(",")).like(f"%,{int(number)},%")

"""Money as integer cents plus a currency code; never floats."""

from __future__ import annotations

from typing import NewType

import strawberry
from strawberry.types.scalar import ScalarDefinition


def _parse_cents(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("Cents must be a whole number of cents.")
    return value


Cents = NewType("Cents", int)

# Registered in build_schema's scalar_map.
SCALARS: dict[object, ScalarDefinition] = {
    Cents: strawberry.scalar(
        name="Cents",
        serialize=int,
        parse_value=_parse_cents,
        description="An amount in the currency's smallest unit (cents), as a whole number; may exceed 32 bits.",
    )
}


@strawberry.type(description="An amount of money.")
class Money:
    amount: Cents = strawberry.field(description="In cents.")
    currency: str = strawberry.field(description="ISO 4217 code, e.g. USD.")

    @strawberry.field(description="For display, e.g. '1,234.50 USD'.")
    def formatted(self) -> str:
        return f"{self.amount / 100:,.2f} {self.currency}"


@strawberry.input(description="An amount of money in cents; currency defaults to USD.")
class MoneyInput:
    amount: Cents = strawberry.field(description="In cents (the currency's smallest unit), a whole number.")
    currency: str = strawberry.field(default="USD", description="ISO 4217 code; USD unless the field says otherwise.")

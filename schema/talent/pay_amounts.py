"""Pay as Money: a posting's range, and the amounts filters and pay reports take. Pay is USD only."""

from __future__ import annotations

import strawberry

from db import models
from db.enums import talent as e
from resolvers.talent.pay_units import PAY_CURRENCY
from resolvers.talent.pay_units import PayRange as DomainPayRange
from schema.money import Cents, Money, MoneyInput
from schema.talent.enums import PayBasis, PayUnit


def usd(cents: int) -> Money:
    return Money(amount=Cents(cents), currency=PAY_CURRENCY)


@strawberry.type(description="What a job pays: a range per `unit`, in USD, and the same range per hour for comparing.")
class PayRange:
    min: Money = strawberry.field(description="The lowest pay offered, per `unit`.")
    max: Money = strawberry.field(description="The highest pay offered, per `unit`; never below `min`.")
    unit: PayUnit = strawberry.field(description="What `min` and `max` are per: an hour or a year.")
    basis: PayBasis = strawberry.field(description="How the work is paid: hourly, salary or flat rate.")
    hourly_min: Money = strawberry.field(description="`min` per hour (a year being 2,080 hours), rounded to the cent.")
    hourly_max: Money = strawberry.field(description="`max` per hour (a year being 2,080 hours), rounded to the cent.")

    @classmethod
    def of(cls, row: models.JobPosting) -> PayRange:
        return cls(
            min=usd(row.pay_min_cents),
            max=usd(row.pay_max_cents),
            unit=e.PayUnit(row.pay_unit),
            basis=e.PayBasis(row.pay_basis),
            hourly_min=usd(row.pay_min_hourly_cents),
            hourly_max=usd(row.pay_max_hourly_cents),
        )


@strawberry.input(
    description="A posting's pay range, required on every posting. Amounts in USD (INVALID_CURRENCY otherwise), "
    "between $1 and $500 an hour or the same per year (OUT_OF_RANGE otherwise)."
)
class PayRangeInput:
    min: MoneyInput = strawberry.field(description="The lowest pay offered, per `unit`; above zero.")
    max: MoneyInput = strawberry.field(description="The highest pay offered, per `unit`; at least `min`.")
    unit: PayUnit = strawberry.field(description="What the amounts are per; must suit `basis`.")
    basis: PayBasis = strawberry.field(
        description="How the work is paid: HOURLY and FLAT_RATE per HOUR, SALARY per YEAR (PAY_BASIS_MISMATCH)."
    )

    def domain(self) -> DomainPayRange:
        return DomainPayRange(
            self.min.amount,
            self.max.amount,
            e.PayUnit(self.unit),
            e.PayBasis(self.basis),
            min_currency=self.min.currency,
            max_currency=self.max.currency,
        )


@strawberry.input(description="An amount of pay per unit, in USD; compared with others per hour (2,080 hours a year).")
class PayAmountInput:
    amount: MoneyInput = strawberry.field(description="The amount per `unit`, in USD (INVALID_CURRENCY otherwise).")
    unit: PayUnit = strawberry.field(description="What `amount` is per: an hour or a year.")

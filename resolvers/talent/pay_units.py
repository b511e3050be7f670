"""Pay in integer US cents, and one unit to compare it in (cents per hour, 2,080 hours a year).

Pay is USD only: estimates and filters compare postings and reports with each other, which an amount in
another currency would silently skew.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.currencies import check_currency as iso_currency
from core.currencies import is_currency
from core.errors import ErrorCode
from core.validation import Checks
from db.enums.talent import PayBasis, PayUnit

HOURS_PER_YEAR = 2080
PAY_CURRENCY = "USD"
# What a pay basis is quoted in: flat-rate technicians are paid per flagged hour.
BASIS_UNIT = {PayBasis.HOURLY: PayUnit.HOUR, PayBasis.FLAT_RATE: PayUnit.HOUR, PayBasis.SALARY: PayUnit.YEAR}
# Sane bounds per hour ($1 to $500), to catch cents typed as dollars and the reverse.
MIN_HOURLY_CENTS = 100
MAX_HOURLY_CENTS = 50_000


def to_hourly_cents(amount_cents: int, unit: PayUnit) -> int:
    return amount_cents if unit is PayUnit.HOUR else round(amount_cents / HOURS_PER_YEAR)


def from_hourly_cents(hourly_cents: float, unit: PayUnit) -> int:
    return round(hourly_cents if unit is PayUnit.HOUR else hourly_cents * HOURS_PER_YEAR)


@dataclass(frozen=True)
class PayRange:
    min_cents: int
    max_cents: int
    unit: PayUnit
    basis: PayBasis
    min_currency: str = PAY_CURRENCY
    max_currency: str = PAY_CURRENCY

    @property
    def hourly(self) -> tuple[int, int]:
        return to_hourly_cents(self.min_cents, self.unit), to_hourly_cents(self.max_cents, self.unit)


def check_currency(checks: Checks, currency: str, field: list[str]) -> None:
    code = iso_currency(checks, currency, field)
    if is_currency(code) and code != PAY_CURRENCY:
        checks.add(
            ErrorCode.INVALID_CURRENCY,
            f"Pay is in {PAY_CURRENCY} only, so that it compares across postings and reports.",
            field,
        )


def check_amount(checks: Checks, amount_cents: int, unit: PayUnit, field: str | list[str]) -> None:
    if amount_cents <= 0:
        checks.add(ErrorCode.OUT_OF_RANGE, "Pay must be above zero.", field)
    elif not MIN_HOURLY_CENTS <= to_hourly_cents(amount_cents, unit) <= MAX_HOURLY_CENTS:
        checks.add(
            ErrorCode.OUT_OF_RANGE,
            "Pay must be between $1 and $500 an hour (or the same per year); amounts are in cents.",
            field,
        )


def check_basis(checks: Checks, unit: PayUnit, basis: PayBasis, field: str | list[str]) -> None:
    if BASIS_UNIT[basis] is not unit:
        checks.add(
            ErrorCode.PAY_BASIS_MISMATCH,
            f"{basis.value} pay is quoted per {BASIS_UNIT[basis].value.lower()}.",
            field,
        )


def check_range(checks: Checks, pay: PayRange) -> None:
    check_currency(checks, pay.min_currency, ["pay", "min", "currency"])
    check_currency(checks, pay.max_currency, ["pay", "max", "currency"])
    check_amount(checks, pay.min_cents, pay.unit, ["pay", "min"])
    check_amount(checks, pay.max_cents, pay.unit, ["pay", "max"])
    if pay.min_cents > pay.max_cents:
        checks.add(ErrorCode.PAY_MIN_ABOVE_MAX, "The pay minimum must not be above the maximum.", ["pay", "min"])
    check_basis(checks, pay.unit, pay.basis, ["pay", "basis"])

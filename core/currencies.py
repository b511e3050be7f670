"""ISO 4217 currency codes, from the `iso4217` package (the published ISO list, kept up to date):
an amount's currency is one that exists, not any three letters."""

from __future__ import annotations

from iso4217 import Currency

from core.errors import ErrorCode
from core.validation import Checks

# Codes with a minor unit: money a school or donor can hold. The rest (XXX "no currency", XTS
# "testing", gold, silver, SDR) are never the currency of a donation, a grant or a wage.
_MINOR_UNITS: dict[str, int] = {c.code: c.exponent for c in Currency if c.exponent is not None}


def is_currency(code: str) -> bool:
    return code in _MINOR_UNITS


def minor_units(code: str) -> int:
    """Digits after the decimal point (2 for USD, 0 for JPY); 2 for a code not in the list."""
    return _MINOR_UNITS.get(code, 2)


def check_currency(checks: Checks, given: str | None, field: str | list[str], *, default: str = "USD") -> str:
    """The code, trimmed and upper-cased; an INVALID_CURRENCY problem when ISO 4217 does not list it."""
    code = (given or default).strip().upper()
    if not is_currency(code):
        checks.add(
            ErrorCode.INVALID_CURRENCY,
            f"{code[:10]!r} is not an ISO 4217 currency code; give one such as USD, CAD or EUR.",
            field,
        )
    return code


def format_money(cents: int, code: str) -> str:
    """An amount in the currency's minor units as text, e.g. 123456 USD -> "USD 1,234.56"."""
    units = minor_units(code)
    whole, minor = divmod(abs(cents), 10**units) if units else (abs(cents), 0)
    sign = "-" if cents < 0 else ""
    return f"{code} {sign}{whole:,}" + (f".{minor:0{units}d}" if units else "")

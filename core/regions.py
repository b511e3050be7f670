"""The US state of a ZIP code (bundled data), for state-wide fallbacks."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from matching.geo import normalize_postal_code


@lru_cache(maxsize=1)
def _states() -> dict[str, str]:
    import zipcodes  # loaded once

    every: list[dict[str, Any]] = zipcodes.list_all()  # type: ignore[no-untyped-call]  # the stub leaves it bare
    return {z["zip_code"]: z["state"] for z in every if z.get("state")}


def state_of(postal_code: str | None) -> str | None:
    code = normalize_postal_code(postal_code) if postal_code else None
    return _states().get(code) if code else None

"""Input checks shared by every domain; each failure is collected as a DomainError."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import overload

from core.errors import DomainError, DomainErrors, ErrorCode


@dataclass
class Checks:
    """Collects input problems and raises them together."""

    errors: list[DomainError] = field(default_factory=list)

    def add(self, code: ErrorCode, message: str, field_name: str | list[str]) -> None:
        self.errors.append(DomainError(code, message, field_name))

    @overload
    def text(self, value: str, field_name: str, *, max_length: int, required: bool = True) -> str: ...

    @overload
    def text(self, value: str | None, field_name: str, *, max_length: int, required: bool = True) -> str | None: ...

    def text(self, value: str | None, field_name: str, *, max_length: int, required: bool = True) -> str | None:
        """Strip; report a missing or overlong value. Text in, text out: only None stays None."""
        if value is None:
            if required:
                self.add(ErrorCode.REQUIRED, f"{field_name} is required.", field_name)
            return None
        value = value.strip()
        if required and not value:
            self.add(ErrorCode.REQUIRED, f"{field_name} is required.", field_name)
        elif len(value) > max_length:
            self.add(ErrorCode.TOO_LONG, f"{field_name} must be at most {max_length} characters.", field_name)
        return value

    def in_range(
        self, value: float | None, field_name: str, *, low: float | None = None, high: float | None = None
    ) -> None:
        if value is None:
            return
        if (low is not None and value < low) or (high is not None and value > high):
            bounds = (
                f"between {low} and {high}"
                if low is not None and high is not None
                else (f"at least {low}" if low is not None else f"at most {high}")
            )
            self.add(ErrorCode.OUT_OF_RANGE, f"{field_name} must be {bounds}.", field_name)

    def raise_any(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise DomainErrors(self.errors)


# Search text is a few words: longer text helps no one, costs every fuzzy match and LIKE scan, and
# SQLite refuses LIKE patterns over 50,000 bytes outright.
MAX_SEARCH_LENGTH = 200
SEARCH_FIELD = ("filter", "search")


@overload
def search_text(value: str, field: str | Sequence[str]) -> str: ...


@overload
def search_text(value: str | None, field: str | Sequence[str]) -> str | None: ...


def search_text(value: str | None, field: str | Sequence[str]) -> str | None:
    """Search text, stripped; TOO_LONG past MAX_SEARCH_LENGTH characters."""
    if value is None:
        return None
    value = value.strip()
    if len(value) > MAX_SEARCH_LENGTH:
        path = [field] if isinstance(field, str) else list(field)
        raise DomainError(ErrorCode.TOO_LONG, f"{path[-1]} must be at most {MAX_SEARCH_LENGTH} characters.", path)
    return value


def escape_like(text: str) -> str:
    """Make user text literal inside a LIKE pattern (escape character: backslash)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains_pattern(text: str, field: Sequence[str] = SEARCH_FIELD) -> str:
    return f"%{escape_like(search_text(text, field).lower())}%"

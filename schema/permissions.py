"""Declared permissions for query fields; mutations refuse callers through `returns_payload` instead."""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission


class IsAuthenticated(BasePermission):
    message = "Sign in to do this."
    # Strawberry's BasePermission declares it per instance, so not a ClassVar; nothing mutates it.
    error_extensions = {"code": "UNAUTHENTICATED"}  # noqa: RUF012

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        return bool(info.context.viewer.is_authenticated)


class IsStaff(BasePermission):
    message = "Only platform staff may do this."
    error_extensions = {"code": "PERMISSION_DENIED"}  # noqa: RUF012 (as above)

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        return bool(info.context.viewer.is_staff)

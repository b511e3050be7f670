"""Declared permissions for query fields; mutations refuse callers through `returns_payload` instead."""

from __future__ import annotations

from typing import Any, ClassVar

from strawberry.permission import BasePermission


class IsAuthenticated(BasePermission):
    message = "Sign in to do this."
    error_extensions: ClassVar[dict[str, object]] = {"code": "UNAUTHENTICATED"}

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        return bool(info.context.viewer.is_authenticated)


class IsStaff(BasePermission):
    message = "Only platform staff may do this."
    error_extensions: ClassVar[dict[str, object]] = {"code": "PERMISSION_DENIED"}

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        return bool(info.context.viewer.is_staff)

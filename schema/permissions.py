"""Declared permissions for fields; ownership of objects is checked in resolvers/."""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission


class IsAuthenticated(BasePermission):
    message = "Sign in to do this."
    error_extensions = {"code": "UNAUTHENTICATED"}

    def has_permission(self, source: Any, info, **kwargs) -> bool:
        return info.context.viewer.is_authenticated


class IsPerson(BasePermission):
    message = "Sign in as a person to do this."
    error_extensions = {"code": "UNAUTHENTICATED"}

    def has_permission(self, source: Any, info, **kwargs) -> bool:
        return info.context.viewer.user_id is not None


class IsStaff(BasePermission):
    message = "Only platform staff may do this."
    error_extensions = {"code": "PERMISSION_DENIED"}

    def has_permission(self, source: Any, info, **kwargs) -> bool:
        return info.context.viewer.is_staff

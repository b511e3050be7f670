"""Closed sets of the partner integration kit, stored as text; the API exposes them as GraphQL enums."""

from __future__ import annotations

from enum import Enum


class BulkImportKind(str, Enum):
    """What a CSV file creates for the organization."""

    NEEDS = "NEEDS"
    LISTINGS = "LISTINGS"


class BulkImportStatus(str, Enum):
    RUNNING = "RUNNING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"


class IdempotencyState(str, Enum):
    RUNNING = "RUNNING"
    DONE = "DONE"

"""Closed sets of saved searches, stored as text."""

from __future__ import annotations

from datetime import timedelta
from enum import Enum


class SearchKind(str, Enum):
    """Which public list a saved search filters."""

    NEEDS = "NEEDS"
    LISTINGS = "LISTINGS"
    JOB_POSTINGS = "JOB_POSTINGS"
    SCHOLARSHIPS = "SCHOLARSHIPS"


class AlertFrequency(str, Enum):
    IMMEDIATE = "IMMEDIATE"
    DAILY = "DAILY"
    WEEKLY = "WEEKLY"
    OFF = "OFF"

    @property
    def interval(self) -> timedelta | None:
        """How long after one look for new matches the next is due; None when alerts are off."""
        return _INTERVALS.get(self)


_INTERVALS = {
    AlertFrequency.IMMEDIATE: timedelta(seconds=60),
    AlertFrequency.DAILY: timedelta(days=1),
    AlertFrequency.WEEKLY: timedelta(days=7),
}

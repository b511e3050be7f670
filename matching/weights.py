"""Feature weights per match kind, with documented defaults.

A score is the weighted mean of the features, so only the ratios between weights matter; the
defaults sum to 1 to read as shares. A query may override any weight within [0, 1] as long as
one stays positive; anything else is a ValueError (the API layer turns it into a userError).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Self

import numpy as np


@cache
def _names(cls: type[Weights]) -> tuple[str, ...]:  # asked for on every explanation: compute once per kind
    return tuple(f.name for f in dataclasses.fields(cls))


@dataclass(frozen=True)
class Weights:
    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise ValueError(f"weight '{f.name}' must be a number, got {value!r}")
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"weight '{f.name}' must be between 0 and 1, got {value}")
        if not any(getattr(self, f.name) > 0 for f in dataclasses.fields(self)):
            raise ValueError("at least one weight must be positive")

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return _names(cls)  # type: ignore[arg-type]  # a class is hashable; mypy reads its instances' __hash__

    def vector(self) -> np.ndarray:
        return np.array([getattr(self, n) for n in self.names()], dtype=np.float64)

    @classmethod
    def resolve(cls, overrides: Weights | Mapping[str, float] | None = None) -> Self:
        """Defaults of this kind, with the given weights replaced (validated)."""
        if overrides is None:
            return cls()
        if isinstance(overrides, Weights):
            if not isinstance(overrides, cls):
                raise ValueError(f"expected {cls.__name__}, got {type(overrides).__name__}")
            return overrides
        unknown = sorted(set(overrides) - set(cls.names()))
        if unknown:
            raise ValueError(f"unknown weight(s) {', '.join(unknown)}; expected some of {', '.join(cls.names())}")
        return dataclasses.replace(cls(), **dict(overrides))


@dataclass(frozen=True)
class JobStudentWeights(Weights):
    """An employer ranking students for a job. The posting's program is its trade and weighs like
    one: more than closeness, so a student outside every program of the posting never outranks an
    in-program student within reach only by being nearer (program 0.25 x (1 - RELATED_PROGRAM 0.3)
    = 0.175 > distance 0.15). Skills next; then credentials and schedule."""

    distance: float = 0.15
    skills: float = 0.25
    credentials: float = 0.10
    program: float = 0.25
    availability: float = 0.10
    experience: float = 0.05
    pay: float = 0.05
    start: float = 0.025
    activity: float = 0.025


@dataclass(frozen=True)
class StudentJobWeights(JobStudentWeights):
    """A student browsing jobs: same features, pay matters more, skills a little less."""

    skills: float = 0.20
    pay: float = 0.10


@dataclass(frozen=True)
class MentorWeights(Weights):
    """A mentee looking for a mentor: what the mentee wants to learn dominates, then the trade.
    (No schedule feature: neither a mentor nor a mentee states one, and a feature without data
    would rank nobody and explain nothing true.)"""

    distance: float = 0.15
    wanted_skills: float = 0.35
    shared_skills: float = 0.10
    program: float = 0.20
    capacity: float = 0.05
    experience: float = 0.10
    activity: float = 0.05


@dataclass(frozen=True)
class NeedListingWeights(Weights):
    """A school looking for donations for one need. `equity` is the configurable boost for
    Developing-tier schools and schools that have received least so far."""

    distance: float = 0.20
    category: float = 0.25
    title: float = 0.15
    condition: float = 0.10
    quantity: float = 0.15
    urgency: float = 0.05
    equity: float = 0.10


@dataclass(frozen=True)
class ListingNeedWeights(NeedListingWeights):
    """A donor looking for schools for one listing: urgency and equity weigh more here."""

    category: float = 0.20
    title: float = 0.10
    condition: float = 0.05
    quantity: float = 0.10
    urgency: float = 0.15
    equity: float = 0.20

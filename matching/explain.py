"""What the engine returns: ranked matches with explanations, and answers to "why not?".

Skill and credential fields hold ids; the caller maps them to names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple


class Component(NamedTuple):
    name: str
    weight: float
    value: float  # in [0, 1]
    reason: str


@dataclass(frozen=True)
class Explanation:
    distance_km: float
    components: tuple[Component, ...]
    matched_skills: tuple[int, ...] = ()
    missing_skills: tuple[int, ...] = ()
    matched_credentials: tuple[int, ...] = ()
    missing_credentials: tuple[int, ...] = ()


@dataclass(frozen=True)
class Match:
    id: int
    score: float  # weighted mean of the components, in [0, 1]
    explanation: Explanation


class ExclusionCode(str, Enum):
    NOT_FOUND = "NOT_FOUND"
    NOT_VISIBLE = "NOT_VISIBLE"
    OUTSIDE_RADIUS = "OUTSIDE_RADIUS"
    MISSING_CREDENTIAL = "MISSING_CREDENTIAL"
    EXPIRED_CREDENTIAL = "EXPIRED_CREDENTIAL"
    NO_CAPACITY = "NO_CAPACITY"
    NO_QUANTITY = "NO_QUANTITY"
    CONDITION_BELOW_MINIMUM = "CONDITION_BELOW_MINIMUM"
    UNRELATED_CATEGORY = "UNRELATED_CATEGORY"
    NOT_A_SUBSTITUTE = "NOT_A_SUBSTITUTE"  # same family, but the trade does not accept one for the other


@dataclass(frozen=True)
class Exclusion:
    code: ExclusionCode
    message: str
    ids: tuple[int, ...] = ()  # the credentials concerned, when the code is about credentials


@dataclass(frozen=True)
class PairExplanation:
    """Answer to "why is this candidate (not) in my list?"."""

    candidate_id: int
    eligible: bool
    reasons: tuple[Exclusion, ...] = ()  # every reason it is excluded (empty when eligible)
    distance_km: float | None = None
    score: float | None = None
    rank: int | None = None  # 1-based among all eligible candidates
    cutoff_score: float | None = None  # score of the k-th match, when k was given
    explanation: Explanation | None = None


@dataclass(frozen=True)
class Details:
    """Per-kind part of an explanation: one reason per feature, in feature order."""

    reasons: tuple[str, ...]
    matched_skills: tuple[int, ...] = ()
    missing_skills: tuple[int, ...] = ()
    matched_credentials: tuple[int, ...] = ()
    missing_credentials: tuple[int, ...] = ()


def build(
    names: Sequence[str], weights: list[float], values: list[float], distance_km: float, details: Details
) -> Explanation:
    components = tuple(map(Component, names, weights, values, details.reasons))
    return Explanation(
        distance_km=float(distance_km),
        components=components,
        matched_skills=details.matched_skills,
        missing_skills=details.missing_skills,
        matched_credentials=details.matched_credentials,
        missing_credentials=details.missing_credentials,
    )


def km(value: float) -> str:
    return f"{value:.1f} km" if value < 100 else f"{value:.0f} km"

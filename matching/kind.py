"""The contract every match kind (job -> students, need -> listings, ...) fulfils for the
generic ranking loop in `matching.rank`."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

import numpy as np

from .columns import Columnar
from .explain import Details, Exclusion
from .weights import Weights

QueryT = TypeVar("QueryT")  # what is matched: a Job, a Student, a Need, a Listing
PreparedT = TypeVar("PreparedT")  # the query's constants, computed once per query
PoolT = TypeVar("PoolT", bound=Columnar[Any])  # the candidates


@dataclass(frozen=True, eq=False)
class Block:
    """Eligible rows of one scored block: absolute positions, features (F, m), distances."""

    positions: np.ndarray
    values: np.ndarray
    distance_km: np.ndarray


class MatchKind(ABC, Generic[QueryT, PreparedT, PoolT]):
    weights_type: type[Weights]

    @property
    def features(self) -> tuple[str, ...]:
        return self.weights_type.names()

    @abstractmethod
    def prepare(self, query: QueryT, today: int) -> PreparedT:
        """Query-side constants, computed once per query (masks, day numbers)."""

    @abstractmethod
    def query_point(self, prepared: PreparedT) -> tuple[float, float]: ...

    @abstractmethod
    def search_radius(self, prepared: PreparedT, max_reach_km: float) -> float:
        """An upper bound of the effective radius over every finite-reach candidate (inf for
        a full scan); the grid examines the cells within it plus the infinite-reach rows."""

    @abstractmethod
    def score_block(self, prepared: PreparedT, pool: PoolT, lo: int, hi: int, alive: np.ndarray) -> Block | None:
        """Gate rows lo..hi-1 (alive, radius, hard requirements) and compute the features of
        the survivors, in `features` order. None when nothing survives."""

    @abstractmethod
    def exclusions(self, prepared: PreparedT, pool: PoolT, pos: int, alive: bool) -> list[Exclusion]:
        """Every reason row `pos` is excluded (scalar code, for "why not?")."""

    @abstractmethod
    def describe(self, prepared: PreparedT, pool: PoolT, pos: int, values: np.ndarray, distance_km: float) -> Details:
        """Reasons and matched/missing ids for one ranked row."""


def fmt_day(day_number: int) -> str:
    return date.fromordinal(int(day_number)).isoformat()

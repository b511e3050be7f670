"""The contract every match kind (job -> students, need -> listings, ...) fulfils for the
generic ranking loop in `matching.rank`."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from .explain import Details, Exclusion
from .weights import Weights


@dataclass(frozen=True, eq=False)
class Block:
    """Eligible rows of one scored block: absolute positions, features (F, m), distances."""

    positions: np.ndarray
    values: np.ndarray
    distance_km: np.ndarray


class MatchKind(ABC):
    weights_type: type[Weights]

    @property
    def features(self) -> tuple[str, ...]:
        return self.weights_type.names()

    @abstractmethod
    def prepare(self, query: Any, today: int) -> Any:
        """Query-side constants, computed once per query (masks, day numbers)."""

    @abstractmethod
    def query_point(self, prepared) -> tuple[float, float]: ...

    @abstractmethod
    def search_radius(self, prepared, max_reach_km: float) -> float:
        """An upper bound of the effective radius over every finite-reach candidate (inf for
        a full scan); the grid examines the cells within it plus the infinite-reach rows."""

    @abstractmethod
    def score_block(self, prepared, pool, lo: int, hi: int, alive: np.ndarray) -> Block | None:
        """Gate rows lo..hi-1 (alive, radius, hard requirements) and compute the features of
        the survivors, in `features` order. None when nothing survives."""

    @abstractmethod
    def exclusions(self, prepared, pool, pos: int, alive: bool) -> list[Exclusion]:
        """Every reason row `pos` is excluded (scalar code, for "why not?")."""

    @abstractmethod
    def describe(self, prepared, pool, pos: int, values: np.ndarray, distance_km: float) -> Details:
        """Reasons and matched/missing ids for one ranked row."""


def fmt_day(day_number: int) -> str:
    return date.fromordinal(int(day_number)).isoformat()

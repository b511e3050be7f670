"""Category fit between a need and a listing: can the offered item stand in for what was asked?

Category ids are 0..n-1, parent[i] is the parent id or -1 for a root. Fit is directional (what a
listing in category b is worth to a need in category a) and comes from what the trade accepts,
not from the tree's shape alone:

- the same category fits fully (a newer model of the same tool fills an older one's need);
- a need that names a whole family ("welding") is partly met by any kind of it, and a listing
  that names only a family is worth less to a specific need, since its title must say what it is;
- across categories only what a substitution table allows (an aluminum-capable pulse MIG fills a
  steel MIG need; a MIG welder never fills a spot-welder need) with the table's reason;
- anything else does not fit, and the engine excludes the pair with a reason: a sibling in the
  same family is usually a different tool (`NOT_A_SUBSTITUTE`), another family is unrelated.

The fit is a dense (n+1) x (n+1) matrix (the extra row and column stand for ids outside the
tree), so scoring a block is one gather; fine for the few hundred categories a taxonomy has.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .explain import ExclusionCode

SAME = 1.0
BROADER_NEED = 0.6  # the need names a family; the listing is one kind of it
BROADER_LISTING = 0.4  # the listing names only a family; its title has to say what it is
UNKNOWN = 0.5  # one side has no category: let the title decide, do not exclude


@dataclass(frozen=True)
class Substitution:
    """How well a listing's category stands in for a need's: 0 never (say why), up to 1."""

    fit: float
    reason: str

    def __post_init__(self) -> None:
        if not 0.0 <= self.fit <= 1.0:
            raise ValueError(f"a substitution's fit must be between 0 and 1, got {self.fit}")


class Taxonomy:
    def __init__(
        self,
        parent: Sequence[int],
        substitutes: Mapping[tuple[int, int], Substitution] | None = None,
        *,
        kinds: Sequence[str | None] | None = None,
        names: Sequence[str] | None = None,
    ):
        """substitutes: {(need category, listing category): Substitution}, overriding the tree's
        rules for that direction; kinds: what each category is (e.g. "consumable", "tool"), used
        to explain why two siblings do not stand in for each other; names: for explanations."""
        self.parent = np.asarray(parent, dtype=np.int64)
        n = len(self.parent)
        if np.any((self.parent < -1) | (self.parent >= n)):
            raise ValueError("parent ids must be -1 or a category id")
        self.root = np.arange(n)
        for _ in range(n + 1):  # walk up one level per pass, vectorized
            up = self.parent[self.root]
            moving = up >= 0
            if not moving.any():
                break
            self.root = np.where(moving, up, self.root)
        else:
            raise ValueError("the category parent array has a cycle")
        self.kinds = list(kinds) if kinds is not None else [None] * n
        self.names = list(names) if names is not None else [f"category {i}" for i in range(n)]
        if len(self.kinds) != n or len(self.names) != n:
            raise ValueError("kinds and names need one entry per category")
        self.substitutes = dict(substitutes or {})
        self._matrix = self._build_matrix(n)

    def _build_matrix(self, n: int) -> np.ndarray:
        matrix = np.zeros((n + 1, n + 1))
        ids = np.arange(n)
        ancestors = [self._ancestors(i) for i in range(n)]
        for b in range(n):  # need a is an ancestor of listing b, or the reverse
            matrix[ancestors[b], b] = BROADER_NEED
            matrix[b, ancestors[b]] = BROADER_LISTING
        matrix[ids, ids] = SAME
        for (a, b), sub in self.substitutes.items():
            if not (0 <= a < n and 0 <= b < n):
                raise ValueError(f"substitution ({a}, {b}) names a category outside the tree")
            matrix[a, b] = sub.fit
        return matrix

    def _ancestors(self, i: int) -> list[int]:
        out, up = [], int(self.parent[i])
        while up >= 0:
            out.append(up)
            up = int(self.parent[up])
        return out

    @classmethod
    def flat(cls, n: int) -> Taxonomy:
        """No hierarchy: only the same category fits."""
        return cls([-1] * n)

    def __len__(self) -> int:
        return len(self.parent)

    def fit(self, need: npt.ArrayLike, listing: npt.ArrayLike) -> np.ndarray:
        """Fit of a listing's category for a need's (broadcast arrays or scalars; -1 = unknown)."""
        a, b = np.broadcast_arrays(np.asarray(need, dtype=np.int64), np.asarray(listing, dtype=np.int64))
        n = len(self.parent)
        known = (a >= 0) & (b >= 0)
        inside = known & (a < n) & (b < n)
        # ids outside the tree index the sentinel row and column (all zeros), so they only fit themselves
        out = self._matrix[np.where(inside, a, n), np.where(inside, b, n)]
        out = np.where(known & (a == b), SAME, out)
        return np.where(known, out, UNKNOWN)

    def _name(self, i: int) -> str:
        return self.names[i] if 0 <= i < len(self.names) else f"category {i}"

    def _family(self, i: int) -> int:
        return int(self.root[i]) if 0 <= i < len(self.root) else -1

    def describe(self, need: int, listing: int) -> str:
        """Why the listing's category is worth what it is to the need (for an eligible pair)."""
        if need < 0 or listing < 0:
            return "category unknown on one side: the title decides"
        if need == listing:
            return "same category: the item itself, or a newer model of it"
        if (need, listing) in self.substitutes:
            return self.substitutes[(need, listing)].reason
        value = float(self.fit(need, listing))
        if value == BROADER_NEED:
            return f"the need asks for any {self._name(need).lower()}; {self._name(listing).lower()} is one kind"
        if value == BROADER_LISTING:
            return f"the listing names only {self._name(listing).lower()}: check its title"
        return "related category"

    def exclusion(self, need: int, listing: int) -> tuple[ExclusionCode, str] | None:
        """Why the listing cannot fill the need, or None when it can."""
        if float(self.fit(need, listing)) > 0.0:
            return None
        sub = self.substitutes.get((need, listing))
        if sub is not None:
            return ExclusionCode.NOT_A_SUBSTITUTE, sub.reason
        if self._family(need) < 0 or self._family(need) != self._family(listing):
            return ExclusionCode.UNRELATED_CATEGORY, "the categories are unrelated"
        wanted, offered = self._name(need).lower(), self._name(listing).lower()
        kind_a = self.kinds[need] if need < len(self.kinds) else None
        kind_b = self.kinds[listing] if listing < len(self.kinds) else None
        if kind_a and kind_b and kind_a != kind_b:
            return (
                ExclusionCode.NOT_A_SUBSTITUTE,
                f"{offered} is a {kind_b}, not a {kind_a}: it does not fill a need for {wanted}",
            )
        return ExclusionCode.NOT_A_SUBSTITUTE, f"{offered} cannot stand in for {wanted}: a different {kind_a or 'item'}"

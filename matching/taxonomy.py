"""Category fit between a need and a listing, from a category tree given as a parent array.

Category ids are 0..n-1, parent[i] is the parent id or -1 for a root. A donated item in the
same category fits fully; a parent or child category (need "welding", listing "MIG welder")
fits well; a sibling (MIG welder vs plasma cutter) partly; the same top-level family a little;
anything else not at all, and such pairs are excluded.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

SAME = 1.0
PARENT_CHILD = 0.7
SIBLING = 0.5
SAME_FAMILY = 0.25
UNKNOWN = 0.5  # one side has no category: let the title decide, do not exclude

_NAMES = {
    SAME: "same category",
    PARENT_CHILD: "parent or child category",
    SIBLING: "sibling category",
    SAME_FAMILY: "same category family",
    0.0: "unrelated category",
}


class Taxonomy:
    def __init__(self, parent: Sequence[int]):
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
        self._parent_ext = np.append(self.parent, -1)
        self._root_ext = np.append(self.root, -1)

    @classmethod
    def flat(cls, n: int) -> Taxonomy:
        """No hierarchy: only the same category fits."""
        return cls([-1] * n)

    def __len__(self) -> int:
        return len(self.parent)

    def fit(self, a: npt.ArrayLike, b: npt.ArrayLike) -> np.ndarray:
        """Fit of category a with category b (broadcast arrays or scalars; -1 = unknown)."""
        a, b = np.broadcast_arrays(np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64))
        n = len(self.parent)
        known = (a >= 0) & (b >= 0)
        inside = known & (a < n) & (b < n)
        # ids outside the tree index a sentinel slot, and every relation below is masked by
        # `inside`, so an unknown id only ever fits itself
        ia, ib = np.where(inside, a, n), np.where(inside, b, n)
        pa, pb = self._parent_ext[ia], self._parent_ext[ib]
        out = np.where(inside & (self._root_ext[ia] == self._root_ext[ib]), SAME_FAMILY, 0.0)
        out = np.where(inside & (pa == pb) & (pa >= 0), SIBLING, out)
        out = np.where(inside & ((pa == ib) | (pb == ia)), PARENT_CHILD, out)
        out = np.where(known & (a == b), SAME, out)
        return np.where(known, out, UNKNOWN)

    def describe(self, a: int, b: int) -> str:
        value = float(self.fit(a, b))
        if a < 0 or b < 0:
            return "category unknown on one side"
        return _NAMES.get(value, "related category")

"""The engine's category taxonomy from the reference data: the category tree plus what the trade
accepts as a stand-in (`db.reference.substitutes`), keyed by the database's category ids."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from db.reference.categories import CATEGORIES
from db.reference.substitutes import KINDS, SUBSTITUTES
from matching import Taxonomy
from matching.taxonomy import Substitution


@dataclass(frozen=True)
class Node:
    id: int
    slug: str
    name: str
    parent_id: int | None


def build(nodes: Iterable[Node]) -> Taxonomy:
    """Ids index the engine's arrays directly (slot 0 is unused when ids start at 1)."""
    listed = list(nodes)
    size = max((n.id for n in listed), default=0) + 1
    parent = [-1] * size
    kinds: list[str | None] = [None] * size
    names = [f"category {i}" for i in range(size)]
    by_slug = {n.slug: n.id for n in listed}
    for node in listed:
        parent[node.id] = node.parent_id if node.parent_id is not None else -1
        kinds[node.id] = KINDS.get(node.slug)
        names[node.id] = node.name
    substitutes = {
        (by_slug[s.need], by_slug[s.listing]): Substitution(s.fit, s.reason)
        for s in SUBSTITUTES
        if s.need in by_slug and s.listing in by_slug
    }
    return Taxonomy(parent, substitutes, kinds=kinds, names=names)


def reference_ids() -> dict[str, int]:
    """Category ids as migrations insert them: position in CATEGORIES, from 1."""
    return {seed.slug: i for i, seed in enumerate(CATEGORIES, start=1)}


def reference_taxonomy() -> Taxonomy:
    """The taxonomy without a database, for the engine's tests and the benchmarks."""
    ids = reference_ids()
    return build(
        Node(ids[seed.slug], seed.slug, seed.name, ids[seed.parent] if seed.parent else None) for seed in CATEGORIES
    )

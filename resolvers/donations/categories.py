"""The category tree, read once per process (it is reference data), and category suggestions for free text
(through `matching.vocabulary`, over the tree's names and aliases)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy import select

from core.errors import DomainError, ErrorCode
from core.validation import search_text
from db.engine import Database
from db.models import Category
from matching.vocabulary import Vocabulary, fold

MAX_SUGGESTIONS = 20
MIN_SCORE = 50.0  # WRatio, 0..100: below this a match is noise


@dataclass(frozen=True)
class CategoryNode:
    id: int
    slug: str
    name: str
    parent_id: int | None
    aliases: tuple[str, ...]
    is_service: bool
    position: int


@dataclass(frozen=True)
class Suggestion:
    category: CategoryNode
    score: float  # 0..1
    matched: str  # the name or alias that matched best


@dataclass
class CategoryTree:
    nodes: dict[int, CategoryNode]
    children: dict[int | None, list[CategoryNode]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for node in sorted(self.nodes.values(), key=lambda n: (n.position, n.id)):
            self.children.setdefault(node.parent_id, []).append(node)

    @property
    def roots(self) -> list[CategoryNode]:
        return self.children.get(None, [])

    def get(self, category_id: int) -> CategoryNode | None:
        return self.nodes.get(category_id)

    def require(self, category_id: int, field_name: str = "categoryId") -> CategoryNode:
        node = self.nodes.get(category_id)
        if node is None:
            raise DomainError(ErrorCode.UNKNOWN_CATEGORY, "No such category.", field_name)
        return node

    def with_descendants(self, category_id: int) -> list[int]:
        found, stack = [], [category_id]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(child.id for child in self.children.get(current, ()))
        return found

    def in_services(self, category_id: int) -> bool:
        node = self.nodes.get(category_id)
        return node is not None and node.is_service

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return Vocabulary(((n.id, n.name, n.aliases) for n in self.nodes.values()), suggest=MIN_SCORE)

    def _best_term(self, node: CategoryNode, key: str) -> str:
        scorer = self.vocabulary.scorer  # over one category's few names, not the whole tree
        return max((node.name, *node.aliases), key=lambda term: scorer(key, fold(term)))

    def suggest(self, text: str, limit: int) -> list[Suggestion]:
        """Categories whose name or an alias best matches `text`, best first, one entry per category."""
        key = fold(text)
        return [
            Suggestion(self.nodes[cid], round(score / 100, 4), self._best_term(self.nodes[cid], key))
            for cid, score in self.vocabulary.rank(text, limit)
        ]


_TREES: dict[str, CategoryTree] = {}


async def tree(db: Database) -> CategoryTree:
    """The tree for this database, loaded on first use; migrations are the only writers."""
    cached = _TREES.get(db.url)
    if cached is None:
        async with db.read() as session:
            rows = (await session.scalars(select(Category))).all()
        nodes = {
            row.id: CategoryNode(
                row.id, row.slug, row.name, row.parent_id, tuple(row.aliases or ()), row.is_service, row.position
            )
            for row in rows
        }
        cached = _TREES[db.url] = CategoryTree(nodes)
    return cached


async def suggest(db: Database, text: str, first: int | None) -> list[Suggestion]:
    limit = 5 if first is None else first
    if not (1 <= limit <= MAX_SUGGESTIONS):
        raise DomainError(ErrorCode.OUT_OF_RANGE, f"first must be between 1 and {MAX_SUGGESTIONS}.", "first")
    text = search_text(text, "text")
    if not text:
        return []
    return (await tree(db)).suggest(text, limit)

"""The equipment and service category tree, and fuzzy category suggestions."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers.donations import categories
from resolvers.donations.categories import CategoryNode, CategoryTree
from schema.context import Info
from schema.relay import Node, decode_id, node_type
from schema.scalars import given


@node_type
@strawberry.type(
    description="A kind of equipment, material or service that needs and listings are filed under; `children` "
    "make the tree. A filter on a category includes its sub-categories. Public reference data."
)
class Category(Node):
    slug: str = strawberry.field(description="A stable machine name, e.g. `welding-strsw`.")
    name: str = strawberry.field(description="The display name, e.g. 'Squeeze-type resistance spot welder (STRSW)'.")
    aliases: list[str] = strawberry.field(description="Other words people use for it (search terms).")
    is_service: bool = strawberry.field(description="A service (speaker, job shadow, tour...) rather than an item.")
    _node: strawberry.Private[CategoryNode]
    _tree: strawberry.Private[CategoryTree]

    @classmethod
    def of(cls, node: CategoryNode, tree: CategoryTree) -> Category:
        return cls(
            pk=node.id,
            slug=node.slug,
            name=node.name,
            aliases=list(node.aliases),
            is_service=node.is_service,
            _node=node,
            _tree=tree,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> Category | None:
        tree = await categories.tree(info.context.db)
        node = tree.get(pk)
        return cls.of(node, tree) if node else None

    @strawberry.field(description="The broader category; null for a root.")
    def parent(self) -> Category | None:
        parent = self._tree.get(self._node.parent_id) if self._node.parent_id else None
        return Category.of(parent, self._tree) if parent else None

    @strawberry.field(description="The narrower categories; empty for a leaf.")
    def children(self) -> list[Category]:
        return [Category.of(child, self._tree) for child in self._tree.children.get(self.pk, ())]


@strawberry.type(description="A category that matches free text, with how well (0 to 1).")
class CategorySuggestion:
    category: Category = strawberry.field(description="The suggested category.")
    score: float = strawberry.field(description="How well it matches, 0 to 1; higher is closer.")
    matched: str = strawberry.field(description="The category name or alias that matched best.")


@strawberry.type
class CatalogQueries:
    @strawberry.field(description="The category tree: the roots, each with its children.")
    async def categories(self, info: Info) -> list[Category]:
        tree = await categories.tree(info.context.db)
        return [Category.of(node, tree) for node in tree.roots]

    @strawberry.field(description="A category by ID; null when there is none.")
    async def category(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The category's ID.")]
    ) -> Category | None:
        return await Category.load(info, decode_id(id, "Category"))

    @strawberry.field(description="Categories that best match free text such as 'spot welder strsw', best first.")
    async def category_suggest(
        self,
        info: Info,
        text: Annotated[
            str, strawberry.argument(description="Free text, e.g. a listing's title; typos and aliases are fine.")
        ],
        first: Annotated[int | None, strawberry.argument(description="How many suggestions, 1 to 20; default 5.")] = 5,
    ) -> list[CategorySuggestion]:
        found = await categories.suggest(info.context.db, text, first)
        tree = await categories.tree(info.context.db)
        return [
            CategorySuggestion(category=Category.of(s.category, tree), score=s.score, matched=s.matched) for s in found
        ]


async def category_of(info: Info, category_id: int) -> Category:
    tree = await categories.tree(info.context.db)
    return Category.of(tree.nodes[category_id], tree)  # a row's category: the key exists


def given_with_category(input) -> dict:
    """The fields a client sent, with `categoryId` decoded to its key (needs and listings share it)."""
    changes = given(input)
    if changes.get("category_id") is not None:
        changes["category_id"] = decode_id(changes["category_id"], "Category", "categoryId")
    return changes

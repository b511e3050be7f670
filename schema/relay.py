"""Relay conventions: the Node interface, opaque global IDs, and cursor connections."""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, ClassVar, Generic, Self, TypeVar

import strawberry
from strawberry.types.base import StrawberryObjectDefinition

from core.errors import DomainError, ErrorCode
from core.paging import Page, Slice

if TYPE_CHECKING:
    from schema.context import Info

T = TypeVar("T")
ItemT = TypeVar("ItemT")
NodeT = TypeVar("NodeT", bound="Node")
_NODE_TYPES: dict[str, type[Node]] = {}
MAX_PK = 2**63 - 1  # the largest primary key either database holds (a signed 64-bit integer)
MAX_ID_LENGTH = 100


def encode_id(type_name: str, pk: int) -> strawberry.ID:
    return strawberry.ID(base64.urlsafe_b64encode(f"{type_name}:{pk}".encode()).decode().rstrip("="))


def decode_any_id(global_id: str, field: str = "id") -> tuple[str, int]:
    try:
        if len(global_id) > MAX_ID_LENGTH:
            raise ValueError("longer than any ID this API gives")
        padded = global_id + "=" * (-len(global_id) % 4)
        type_name, _, raw = base64.urlsafe_b64decode(padded.encode()).decode().partition(":")
        pk = int(raw)
        if type_name and 0 < pk <= MAX_PK:
            return type_name, pk
    except (ValueError, UnicodeDecodeError):
        pass
    raise DomainError(ErrorCode.INVALID, "Not a valid ID.", field)


def decode_id(global_id: str, expected: str, field: str = "id") -> int:
    """The primary key inside an ID of the expected type; anything else is an INVALID input."""
    type_name, pk = decode_any_id(global_id, field)
    if type_name != expected:
        raise DomainError(ErrorCode.INVALID, f"Expected an ID of a {expected}.", field)
    return pk


@strawberry.interface(description="An object with a globally unique ID.")
class Node:
    pk: strawberry.Private[int]
    if TYPE_CHECKING:  # set on each class by @strawberry.type
        __strawberry_definition__: ClassVar[StrawberryObjectDefinition]

    @strawberry.field(description="The object's global ID.")
    def id(self) -> strawberry.ID:
        return encode_id(self.__strawberry_definition__.name, self.pk)

    # Each node type loads itself by primary key, applying the same authorization as its direct
    # field, so `node(id:)` can never show more than the direct field would.
    @classmethod
    async def load(cls, info: Info, pk: int) -> Self | None:
        raise NotImplementedError(f"{cls.__name__} does not define load")

    @classmethod
    async def load_referenced(cls, info: Info, pk: int) -> Self:
        """The node a row's foreign key points to, for a non-null field.

        Only for node types whose `load` refuses no reader: the row exists, so a `None` here is a broken
        reference, an unexpected error (as GraphQL's non-null check would report it).
        """
        node = await cls.load(info, pk)
        if node is None:
            raise LookupError(f"{cls.__name__} {pk} is referenced but does not exist")
        return node


def node_type(cls: type[NodeT]) -> type[NodeT]:
    """Register a Node type (decorate after @strawberry.type) for `node(id:)`."""
    _NODE_TYPES[cls.__strawberry_definition__.name] = cls
    return cls


async def resolve_node(info: Info, global_id: str) -> Node | None:
    type_name, pk = decode_any_id(global_id)
    cls = _NODE_TYPES.get(type_name)
    if cls is None:
        raise DomainError(ErrorCode.INVALID, "Not a valid ID.", "id")
    node: Node | None = await cls.load(info, pk)
    return node


@strawberry.type(description="Where a page sits in the whole list.")
class PageInfo:
    has_next_page: bool = strawberry.field(
        description="True when more items follow: ask again with `after: endCursor`."
    )
    has_previous_page: bool = strawberry.field(description="True when items come before this page.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first edge; null on an empty page.")
    end_cursor: str | None = strawberry.field(
        description="Cursor of the last edge; pass it as `after` for the next page."
    )


@strawberry.type(description="One item of a page, with the cursor that points just after it.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Opaque; pass as `after` to continue after this item.")
    node: T = strawberry.field(description="The item.")


@strawberry.type(
    description="A page of a list, in the list's stable order; ask with `first` (at most 100) and `after`."
)
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The items of this page, in order.")
    page_info: PageInfo = strawberry.field(description="Whether more pages follow, and the cursors to ask for them.")

    @classmethod
    def of(cls, page: Slice[ItemT], to_node: Callable[[ItemT], T]) -> Connection[T]:
        edges = [Edge(cursor=page.cursor(i), node=to_node(item)) for i, item in enumerate(page.items)]
        return cls(
            edges=edges,
            page_info=PageInfo(
                has_next_page=page.has_next,
                has_previous_page=page.offset > 0,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
        )


First = Annotated[
    int | None,
    strawberry.argument(description="How many items to return, at most 100; 20 when omitted."),
]
After = Annotated[
    str | None,
    strawberry.argument(
        description="Return the items after this cursor (an edge's `cursor` or `pageInfo.endCursor` of the "
        "previous page); omit for the first page."
    ),
]


def page_args(first: int | None, after: str | None) -> Page:
    return Page.of(first, after)


def page_of(rows: Sequence[T], first: int | None, after: str | None) -> Slice[T]:
    """The page `first`/`after` asks for of rows already loaded in their stable order."""
    page = page_args(first, after)
    items, has_next = page.window(rows)
    return Slice(items, page.offset, has_next)

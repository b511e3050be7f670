"""Compiled execution (schema/execution/) answers exactly as graphql-core's own path: the same `data`,
the same errors with the same messages, paths and locations, in the same order.

A small Strawberry schema holds every shape the compiler meets: plain objects and lists, non-null
fields and items, an interface and a union, resolvers (sync and async) mixed into plain subtrees,
attributes that raise, values no scalar accepts. Its data is drawn by hypothesis too, holding None
where the schema promises a value, so null propagation is exercised on every shape."""

from __future__ import annotations

import enum
import random
from dataclasses import dataclass
from typing import Annotated, Any

import pytest
import strawberry
from hypothesis import given, settings
from hypothesis import strategies as st

from schema.execution import CompiledExecutor
from tests.platform.random_documents import comparable, random_document


class Boom(Exception):
    pass


@strawberry.enum(description="How worn.")
class Wear(enum.Enum):
    NEW = "new"
    USED = "used"


@strawberry.interface(description="Anything with a name.")
class Named:
    name: str


@strawberry.type(description="A tool.")
class Tool(Named):
    name: str
    weight: float | None
    count: int
    wear: Wear
    tags: list[str]
    notes: list[str | None] | None


@strawberry.type(description="A plain record without interfaces: any object with its attributes will do.")
class Spec:
    code: str
    torque: int | None
    limits: list[int]


@strawberry.type(description="A kit of tools.")
class Kit(Named):
    name: str
    tools: list[Tool]
    spare: Tool | None
    main: Tool
    spec: Spec | None
    specs: list[Spec | None]

    @strawberry.field(description="A resolver in the middle of plain data.")
    def label(self, upper: bool = False) -> str:
        return self.name.upper() if upper else self.name

    @strawberry.field(description="An async resolver in the middle of plain data.")
    async def heaviest(self) -> Tool | None:
        return max(self.tools, key=lambda t: t.weight or 0, default=None)


Item = Annotated[Kit | Tool, strawberry.union("Item", description="A kit or a tool.")]


@dataclass
class Data:
    kits: list[Any]


@strawberry.type(description="Root.")
class Query:
    @strawberry.field(description="Every kit.")
    def kits(self, info: strawberry.Info) -> list[Kit]:
        return info.root_value.kits

    @strawberry.field(description="Everything named.")
    async def named(self, info: strawberry.Info) -> list[Named]:
        return [x for kit in info.root_value.kits for x in (kit, *kit.tools)]

    @strawberry.field(description="Kits and tools.")
    def items(self, info: strawberry.Info) -> list[Item]:
        return [x for kit in info.root_value.kits for x in (kit, kit.main)]


class Quiet(strawberry.Schema):
    """Errors are the subject here: compared, not logged (a traceback each would dominate the run)."""

    def process_errors(self, errors: Any, execution_context: Any = None) -> None:
        return None


PLAIN = Quiet(Query)
COMPILED = Quiet(Query, execution_context_class=CompiledExecutor)
ROOTS = [("kits", "Kit"), ("named", "Named"), ("items", "Item")]


def _failing(name: str) -> property:
    def read(self: Any) -> Any:
        raise Boom(f"cannot read {name}")

    return property(read)


class Raising:
    """An object whose field reads fail: the error belongs to the field read. Where the schema
    checks the type (Tool implements an interface), the object itself is refused."""

    code, torque, limits = _failing("code"), _failing("torque"), _failing("limits")
    name, weight, count, tags = _failing("name"), _failing("weight"), _failing("count"), _failing("tags")


def tool(name: Any = "wrench", **overrides: Any) -> Tool:
    values: dict[str, Any] = {
        "name": name,
        "weight": 1.5,
        "count": 2,
        "wear": Wear.NEW,
        "tags": ["a", "b"],
        "notes": None,
    }
    values.update(overrides)
    return Tool(**values)


def spec(**values: Any) -> Spec:
    """Any values, also those the schema refuses: the types are not checked on the way in."""
    return Spec(**values)


def kit(name: Any = "body", **overrides: Any) -> Kit:
    values: dict[str, Any] = {
        "name": name,
        "tools": [tool(), tool("hammer")],
        "spare": None,
        "main": tool("welder"),
        "spec": Spec(code="S1", torque=None, limits=[1, 2]),
        "specs": [None, Spec(code="S2", torque=5, limits=[])],
    }
    values.update(overrides)
    return Kit(**values)


async def both(query: str, data: Data, variables: dict[str, Any] | None = None) -> tuple[Any, Any]:
    plain = await PLAIN.execute(query, root_value=data, variable_values=variables)
    compiled = await COMPILED.execute(query, root_value=data, variable_values=variables)
    return comparable(plain), comparable(compiled)


async def test_plain_fields_are_read_without_a_resolve_info():
    built: list[str] = []

    class Counting(CompiledExecutor):
        def build_resolve_info(self, field_def, field_nodes, parent_type, path):
            built.append(field_nodes[0].name.value)
            return super().build_resolve_info(field_def, field_nodes, parent_type, path)

    schema = Quiet(Query, execution_context_class=Counting)
    query = "{ kits { name tools { name weight tags wear } spec { code limits } } }"
    result = await schema.execute(query, root_value=Data([kit(), kit("paint")]))
    assert not result.errors
    assert result.data == (await PLAIN.execute(query, root_value=Data([kit(), kit("paint")]))).data
    assert built == ["kits"]  # the root field's resolver; nothing below it


async def test_a_null_in_a_non_null_field_nulls_the_nearest_nullable_parent_with_the_same_error():
    data = Data([kit(spare=tool(name=None)), kit("paint", main=tool(count=None))])
    query = "{ kits { name spare { name count } main { name count } } }"
    plain, compiled = await both(query, data)
    assert compiled == plain
    assert plain[0] is None  # main and kits' items are non-null, kits too: the second null reaches the root
    assert [e[:2] for e in plain[1]] == [
        ("Cannot return null for non-nullable field Tool.name.", ["kits", 0, "spare", "name"]),
        ("Cannot return null for non-nullable field Tool.count.", ["kits", 1, "main", "count"]),
    ]
    plain, compiled = await both(query, Data([kit(spare=tool(name=None))]))
    assert compiled == plain
    assert plain[0] == {"kits": [{"name": "body", "spare": None, "main": {"name": "welder", "count": 2}}]}


async def test_a_null_item_in_a_list_of_non_null_items():
    data = Data([kit(tools=[tool(tags=["a", None, "c"])], specs=[None])])
    query = "{ kits { specs { code } tools { tags } } }"
    plain, compiled = await both(query, data)
    assert compiled == plain
    assert plain[1][0][:2] == (
        "Cannot return null for non-nullable field Tool.tags.",
        ["kits", 0, "tools", 0, "tags", 1],
    )


async def test_errors_raised_by_reads_and_by_scalars_have_the_field_path_and_location():
    data = Data([kit(spec=Raising(), tools=[tool(weight="heavy"), tool(wear="broken")], specs=[Raising()])])
    query = """{
      kits {
        spec { code }
        specs { torque }
        tools { weight wear }
      }
    }"""
    plain, compiled = await both(query, data)
    assert compiled == plain
    paths = [e[1] for e in plain[1]]
    assert ["kits", 0, "spec", "code"] in paths and ["kits", 0, "specs", 0, "torque"] in paths
    assert ["kits", 0, "tools", 0, "weight"] in paths and ["kits", 0, "tools", 1, "wear"] in paths
    assert plain[1][0][2] == [(3, 16)]  # `code` inside `spec { ... }`, on the third line


async def test_a_non_iterable_list_and_an_exception_value():
    data = Data([kit(tools=Boom("stored failure"), specs=5)])
    plain, compiled = await both("{ kits { tools { name } specs { code } } }", data)
    assert compiled == plain
    assert len(plain[1]) == 1  # tools is non-null: the kit goes, the list error with it


async def test_aliases_fragments_skip_include_and_typename_on_abstract_types():
    query = """
    query ($yes: Boolean!, $no: Boolean!) {
      items {
        __typename
        ... on Kit { title: name label(upper: true) main { ...T } spec @include(if: $yes) { code } }
        ... on Tool { ...T weight @skip(if: $yes) }
      }
      named { ... on Named { name } ... on Tool { count @include(if: $no) } t: __typename }
    }
    fragment T on Tool { __typename name tags n: name }
    """
    for variables in ({"yes": True, "no": False}, {"yes": False, "no": True}):
        plain, compiled = await both(query, Data([kit(), kit("paint")]), variables)
        assert compiled == plain
        assert not plain[1]


async def test_async_resolvers_inside_plain_subtrees_keep_order_and_errors():
    data = Data([kit(tools=[tool(weight=None, name=None), tool(weight=3.0)]), kit("paint")])
    plain, compiled = await both("{ kits { heaviest { name weight } name tools { weight } } }", data)
    assert compiled == plain
    assert list(plain[0]["kits"][1]) == ["heaviest", "name", "tools"]


def test_a_document_run_twice_reuses_its_plan_and_answers_alike():
    data = Data([kit()])
    query = "{ kits { name tools { name } } }"
    first = COMPILED.execute_sync(query, root_value=data)
    second = COMPILED.execute_sync(query, root_value=data)
    assert first.data == second.data == PLAIN.execute_sync(query, root_value=data).data


values = st.sampled_from([None, "x", 3, 2.5, "bad", Wear.USED, True])


@st.composite
def tools(draw: st.DrawFn) -> Any:
    if draw(st.integers(0, 9)) == 0:
        return Raising()
    return tool(
        name=draw(st.sampled_from(["t", None, 7])),
        weight=draw(values),
        count=draw(st.sampled_from([1, None, "two", 2**40])),
        wear=draw(st.sampled_from([Wear.NEW, None, "NEW"])),
        tags=draw(st.sampled_from([[], ["a"], ["a", None], None, "ab"])),
        notes=draw(st.sampled_from([None, [], [None, "n"]])),
    )


@st.composite
def kits(draw: st.DrawFn) -> Any:
    specs = st.sampled_from(
        [None, spec(code="c", torque=1, limits=[1]), spec(code=None, torque="x", limits=[None]), Raising()]
    )
    return kit(
        name=draw(st.sampled_from(["k", None])),
        tools=draw(st.lists(tools(), max_size=3)),
        spare=draw(st.one_of(st.none(), tools())),
        main=draw(tools()),
        spec=draw(specs),
        specs=draw(st.lists(specs, max_size=2)),
    )


@settings(max_examples=150, deadline=None)
@given(st.randoms(use_true_random=False), st.lists(kits(), max_size=3))
async def test_random_documents_over_random_data_answer_alike(rng: random.Random, drawn: list[Any]):
    document = random_document(PLAIN._schema, rng, ROOTS, max_depth=4)
    plain, compiled = await both(document.text, Data(drawn), document.variables)
    assert compiled == plain, document.text


@pytest.mark.parametrize("seed", range(3))
async def test_random_documents_with_async_resolvers_answer_alike(seed: int):
    rng = random.Random(seed)
    data = Data([kit(), kit("paint", spare=tool(weight=None)), kit(main=tool(name=None))])
    for _ in range(25):
        document = random_document(PLAIN._schema, rng, ROOTS, max_depth=4)
        plain, compiled = await both(document.text, data, document.variables)
        assert compiled == plain, document.text

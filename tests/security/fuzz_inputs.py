"""Hypothesis strategies that follow the schema: variables for any field's arguments, mostly of the
right type (to get past coercion into the resolvers), now and then hostile or of the wrong type.

Values stay small (short lists, short text) so that every example is one quick request.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import UTC, timedelta, timezone
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLUnionType,
    get_named_type,
    is_leaf_type,
)
from hypothesis import strategies as st

TRICKY_TEXT = [
    "",
    " ",
    "%",
    "_",
    "\\",
    "a\x00b",
    "'; DROP TABLE need; --",
    "🚗💨",
    "Ｅｘａｍｐｌｅ",
    "x" * 300,
    "48226",
    "90210-1234",
    "ASE-A5",
    "MIG welding",
    "usd",
    "someone@example.com",
    "<script>alert(1)</script>",
    "[[[[",
]
TRICKY_INTS = [0, -1, 1, 5, 100, 101, 2**31 - 1, -(2**31)]
TRICKY_FLOATS = [0.0, -0.0, -1.0, 1e-9, 90.0, -90.0, 180.0, 5000.0, 1e308, -1e308]
JUNK: list[Any] = ["x", [], {}, True, 1.5, ["x"], {"a": 1}]  # (null for a required value: graphql-core's job)


def _text() -> st.SearchStrategy[str]:
    return st.one_of(st.text(max_size=24), st.sampled_from(TRICKY_TEXT))


def _cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


# Text arguments whose name tells what a caller would send: mostly that, sometimes anything.
_NAMED_TEXT = {
    "after": [_cursor("cursor:3"), _cursor(f"cursor:{10**30}"), _cursor("cursor:-1"), _cursor('pathway:["x"]')],
    "postalCode": ["48226", "48126", "49503", "00000", "4822", "48226-1234"],
    "currency": ["USD", "CAD", "JPY", "XXX", "ZZZ", "usd"],
    "email": ["a@example.com", "school@demo.shopready.dev", "not-an-email", "Ａ@example.com"],
    "code": ["ASE-A5", "ASE-B2", "ICAR-ACAD-CRF", "NOPE"],
    "password": ["correct horse battery staple", "short"],
}


def _text_for(name: str) -> st.SearchStrategy[str]:
    known = _NAMED_TEXT.get(name)
    return st.one_of(st.sampled_from(known), st.sampled_from(known), _text()) if known else _text()


# What an `...Id` argument names, when its name does not say the type outright.
_ID_TYPES = {
    "school": "Organization",
    "donor": "Organization",
    "employer": "Organization",
    "sponsor": "Organization",
    "student": "StudentProfile",
    "program": "TrainingProgram",
    "mentor": "MentorProfile",
    "posting": "JobPosting",
    "module": "AcademyModule",
    "member": "User",
}
Ids = Callable[[str], st.SearchStrategy[str]]


def global_ids(type_names: list[str], real: list[str]) -> Ids:
    """IDs for an argument by its name: mostly a real ID of the type the name says (`needId`: a Need),
    else any real ID, a well-formed ID of a random type and number, or junk text."""
    by_type: dict[str, list[str]] = {}
    for global_id in real:
        type_name = base64.urlsafe_b64decode(global_id + "=" * (-len(global_id) % 4)).decode().split(":")[0]
        by_type.setdefault(type_name, []).append(global_id)
    encoded = st.builds(
        lambda name, pk: base64.urlsafe_b64encode(f"{name}:{pk}".encode()).decode().rstrip("="),
        st.sampled_from(type_names),
        st.one_of(st.integers(-3, 50), st.sampled_from([2**31, 2**63, 10**30])),
    )
    anything = st.one_of(st.sampled_from(real), encoded, _text())

    def ids_for(name: str) -> st.SearchStrategy[str]:
        stem = name[:-2] if name.endswith("Id") else name
        type_name = _ID_TYPES.get(stem) or next((t for t in by_type if t.lower() == stem.lower()), None)
        fitting = by_type.get(type_name or "", [])
        return st.one_of(st.sampled_from(fitting), st.sampled_from(fitting), anything) if fitting else anything

    return ids_for


def _scalar(name: str, ids: st.SearchStrategy[str], argument: str) -> st.SearchStrategy[Any]:
    zones = st.sampled_from([UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=14)), None])
    if name == "String":
        return _text_for(argument)
    if name == "ID":
        return ids
    if name == "Int":
        return st.one_of(st.integers(-3, 120), st.sampled_from(TRICKY_INTS))
    if name == "Float":
        return st.one_of(st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False), st.sampled_from(TRICKY_FLOATS))
    if name == "Boolean":
        return st.booleans()
    if name == "Cents":
        return st.one_of(st.integers(-100, 10**9), st.sampled_from([0, 2**53, 2**63, 12.5]))
    if name == "Date":
        days = st.dates().map(lambda d: d.isoformat())
        return st.one_of(days, st.sampled_from(["2026-02-30", "0001-01-01", "9999-12-31", "today"]), _text())
    if name == "DateTime":
        moments = st.datetimes(timezones=zones).map(lambda d: d.isoformat())
        return st.one_of(moments, st.sampled_from(["2030-01-01T00:00:00", "9999-12-31T23:59:59-05:00"]))
    if name == "Upload":
        # files travel in multipart requests; a JSON body can only name one wrongly
        return st.one_of(st.none(), _text())
    raise ValueError(f"no strategy for scalar {name}")


def value_of(type_: GraphQLInputType, ids: Ids, name: str, depth: int = 0) -> st.SearchStrategy[Any]:
    """A variable value for `type_` (for an argument or field called `name`); about one in forty is of
    the wrong type altogether."""
    right = _typed(type_, ids, name, depth)
    # hypothesis starts from the simplest draw (0): keep that one well-typed
    return st.integers(0, 39).flatmap(lambda n: st.sampled_from(JUNK) if n == 39 else right)


def _typed(type_: GraphQLInputType, ids: Ids, name: str, depth: int) -> st.SearchStrategy[Any]:
    if isinstance(type_, GraphQLNonNull):
        return _bare(type_.of_type, ids, name, depth)
    inner = _bare(type_, ids, name, depth)
    return st.one_of(inner, inner, st.none())


def _bare(type_: GraphQLInputType, ids: Ids, name: str, depth: int) -> st.SearchStrategy[Any]:
    if isinstance(type_, GraphQLList):
        return st.lists(value_of(type_.of_type, ids, name, depth + 1), max_size=3)
    if isinstance(type_, GraphQLEnumType):
        return st.sampled_from(list(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return _input_object(type_, ids, depth)
    return _scalar(get_named_type(type_).name, ids(name), name)


def _input_object(type_: GraphQLInputObjectType, ids: Ids, depth: int) -> st.SearchStrategy[Any]:
    fields = type_.fields.items()
    required = {n: value_of(f.type, ids, n, depth + 1) for n, f in fields if isinstance(f.type, GraphQLNonNull)}
    optional = {} if depth > 3 else {n: value_of(f.type, ids, n, depth + 1) for n, f in fields if n not in required}
    return st.fixed_dictionaries(required, optional=optional)


def selection(field: GraphQLField, depth: int = 0) -> str:
    """What to ask of a field's result: leaves, ids, userErrors; connections only at the root."""
    named = get_named_type(field.type)
    if is_leaf_type(named):
        return ""
    if isinstance(named, GraphQLUnionType | GraphQLInterfaceType):
        return "{ __typename }"
    assert isinstance(named, GraphQLObjectType)
    if named.name.endswith("Connection"):
        edge = get_named_type(named.fields["edges"].type)
        assert isinstance(edge, GraphQLObjectType)
        node = selection(edge.fields["node"], depth + 1)
        return "{ edges { cursor node " + node + " } pageInfo { hasNextPage } }"
    parts = ["__typename"]
    for name, child in named.fields.items():
        if any(isinstance(a.type, GraphQLNonNull) for a in child.args.values()):
            continue
        child_named = get_named_type(child.type)
        if is_leaf_type(child_named):
            parts.append(name)
        elif depth < 1 and not child_named.name.endswith("Connection") and not child.args:
            parts.append(f"{name} {selection(child, depth + 1)}")
    return "{ " + " ".join(parts) + " }"


def document(operation: str, name: str, field: GraphQLField) -> str:
    """`query ($a: T, ...) { name(a: $a, ...) { ... } }`, one variable per argument."""
    declared = ", ".join(f"${arg}: {argument.type}" for arg, argument in field.args.items())
    passed = ", ".join(f"{arg}: ${arg}" for arg in field.args)
    head = f"{operation} ({declared})" if declared else operation
    call = f"{name}({passed})" if passed else name
    return f"{head} {{ {call} {selection(field)} }}"


def arguments(field: GraphQLField, ids: Ids) -> st.SearchStrategy[dict[str, Any]]:
    required = {n: value_of(a.type, ids, n) for n, a in field.args.items() if isinstance(a.type, GraphQLNonNull)}
    optional = {n: value_of(a.type, ids, n) for n, a in field.args.items() if n not in required}
    return st.fixed_dictionaries(required, optional=optional)

"""Walking the schema to write valid documents for any field: literal values for every argument type."""

from __future__ import annotations

import json

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    Undefined,
    get_named_type,
)

from schema import build_schema

SCALARS = {
    "String": json.dumps("x"),
    "ID": json.dumps("eA"),
    "Int": "1",
    "Float": "1.5",
    "Boolean": "true",
    "Cents": "100",
    "Date": json.dumps("2026-01-15"),
    "DateTime": json.dumps("2030-01-15T12:00:00+00:00"),
    # a file has no literal: it is the variable `$file`, sent as a part of a multipart request
    "Upload": "$file",
}


def schema() -> GraphQLSchema:
    return build_schema()._schema


def literal(type_: GraphQLInputType, text: str = "x") -> str:
    """A literal of `type_` with every required field given; strings (and IDs) are `text`."""
    if isinstance(type_, GraphQLNonNull):
        return literal(type_.of_type, text)
    if isinstance(type_, GraphQLList):
        return f"[{literal(type_.of_type, text)}]"
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        fields = [
            f"{name}: {literal(field.type, text)}"
            for name, field in type_.fields.items()
            if isinstance(field.type, GraphQLNonNull) and field.default_value is Undefined
        ]
        return "{" + ", ".join(fields) + "}"
    if type_.name in ("String", "ID"):
        return json.dumps(text)
    return SCALARS[type_.name]


def required_arguments(field: GraphQLField, text: str = "x", **given: str) -> str:
    """`(name: value, ...)` for the field's required arguments (and the ones `given`), or ''."""
    parts = {
        name: literal(argument.type, text)
        for name, argument in field.args.items()
        if isinstance(argument.type, GraphQLNonNull) and argument.default_value is Undefined
    }
    parts.update(given)
    return "(" + ", ".join(f"{k}: {v}" for k, v in parts.items()) + ")" if parts else ""


def _path_from_query(type_name: str) -> list[str]:
    """The fields (with their required arguments) leading from Query to `type_name`, shortest first found."""
    seen = {"Query"}
    queue: list[tuple[str, list[str]]] = [("Query", [])]
    while queue:
        current, path = queue.pop(0)
        for name, field in object_type(current).fields.items():
            target = get_named_type(field.type)
            if not isinstance(target, GraphQLObjectType) or target.name in seen:
                continue
            step = [*path, f"{name}{required_arguments(field)}"]
            if target.name == type_name:
                return step
            seen.add(target.name)
            queue.append((target.name, step))
    raise LookupError(f"{type_name} cannot be reached from Query")


def reach(type_name: str, field_text: str) -> str:
    """A query document reaching `field_text` on `type_name`: at the root, through `node(id:)` for a Node,
    or else along the fields leading to it from Query."""
    if type_name == "Query":
        return "{ " + field_text + " }"
    if any(i.name == "Node" for i in object_type(type_name).interfaces):
        return '{ node(id: "eA") { ... on ' + type_name + " { " + field_text + " } } }"
    path = _path_from_query(type_name)
    return "{ " + " { ".join([*path, field_text]) + " }" * (len(path) + 1)


def object_type(name: str) -> GraphQLObjectType:
    found = schema().type_map[name]
    assert isinstance(found, GraphQLObjectType)
    return found


def object_types(graph: GraphQLSchema) -> list[GraphQLObjectType]:
    return [t for n, t in graph.type_map.items() if isinstance(t, GraphQLObjectType) and not n.startswith("__")]

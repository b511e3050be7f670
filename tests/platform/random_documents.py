"""Random, valid-looking GraphQL documents over any schema, for comparing two ways of executing them.

A document selects a random subset of each type's fields (nested objects and lists included), with
aliases, `__typename`, inline fragments and named fragments (on the type itself, on an interface it
implements, or on the possible types of an abstract type), and `@skip` / `@include` driven by
variables whose values are drawn too. Fields needing arguments are left out, except a connection's
`first`, which gets a small page. Everything comes from one `random.Random`, so hypothesis can
drive it (`st.randoms()`) and shrink it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    get_named_type,
    is_leaf_type,
)
from graphql.pyutils import Undefined


@dataclass
class Document:
    text: str
    variables: dict[str, bool]


@dataclass
class _Builder:
    schema: GraphQLSchema
    rng: random.Random
    max_depth: int
    page: int
    fragments: list[str] = field(default_factory=list)
    variables: dict[str, bool] = field(default_factory=dict)
    aliases: int = 0

    def selection(self, type_: GraphQLNamedType, depth: int) -> str:
        parts: list[str] = []
        if isinstance(type_, GraphQLObjectType | GraphQLInterfaceType):
            fields = [(name, f) for name, f in type_.fields.items() if self._selectable(f, depth)]
            for name, definition in self.rng.sample(fields, min(len(fields), self.rng.randint(1, 4))):
                parts.append(self.field(name, definition, depth))
        if not parts or self.rng.random() < 0.3:
            parts.append(self._directed(self._aliased("__typename")))
        for _ in range(self.rng.choice([0, 0, 1, 2])):
            if depth < self.max_depth:
                parts.append(self.fragment(type_, depth))
        self.rng.shuffle(parts)
        return " ".join(parts)

    def field(self, name: str, definition: GraphQLField, depth: int) -> str:
        text = self._aliased(name)
        if "first" in definition.args:
            text += f"(first: {self.page})"
        named = get_named_type(definition.type)
        if not is_leaf_type(named):
            text += " { " + self.selection(named, depth + 1) + " }"
        return self._directed(text)

    def fragment(self, type_: GraphQLNamedType, depth: int) -> str:
        condition = self.rng.choice(self._conditions(type_))
        body = self.selection(condition, depth + 1)
        if self.rng.random() < 0.5:
            return self._directed(f"... on {condition.name} {{ {body} }}")
        name = f"F{len(self.fragments)}"
        self.fragments.append(f"fragment {name} on {condition.name} {{ {body} }}")
        return self._directed(f"...{name}")

    def _conditions(self, type_: GraphQLNamedType) -> list[GraphQLNamedType]:
        if isinstance(type_, GraphQLUnionType | GraphQLInterfaceType):
            return [type_, *self.schema.get_possible_types(type_)]
        if isinstance(type_, GraphQLObjectType):
            return [type_, *type_.interfaces]
        return [type_]

    def _selectable(self, definition: GraphQLField, depth: int) -> bool:
        if needs_arguments(definition):
            return False
        return depth < self.max_depth or is_leaf_type(get_named_type(definition.type))

    def _aliased(self, name: str) -> str:
        if self.rng.random() < 0.3:
            self.aliases += 1
            return f"a{self.aliases}: {name}"
        return name

    def _directed(self, text: str) -> str:
        roll = self.rng.random()
        if roll > 0.25:
            return text
        variable = f"v{len(self.variables)}"
        self.variables[variable] = self.rng.random() < 0.5
        directive = "skip" if roll < 0.12 else "include"
        head, brace, rest = text.partition(" {")
        return f"{head} @{directive}(if: ${variable}){brace}{rest}"


def needs_arguments(definition: GraphQLField) -> bool:
    """Whether the field has a non-null argument without a default (a document must give it)."""
    return any(isinstance(a.type, GraphQLNonNull) and a.default_value is Undefined for a in definition.args.values())


def random_document(
    schema: GraphQLSchema, rng: random.Random, roots: list[tuple[str, str]], *, max_depth: int = 4, page: int = 2
) -> Document:
    """A query of one or two of `roots` (each `(field text with its arguments, GraphQL type name)`)."""
    builder = _Builder(schema, rng, max_depth, page)
    selections = []
    for text, type_name in rng.sample(roots, rng.randint(1, min(2, len(roots)))):
        type_ = schema.get_type(type_name)
        assert type_ is not None, type_name
        body = " { " + builder.selection(type_, 1) + " }" if not is_leaf_type(type_) else ""
        selections.append(builder._aliased(text) + body)
    declared = ", ".join(f"${name}: Boolean!" for name in builder.variables)
    head = f"query Random({declared})" if declared else "query Random"
    text = head + " { " + " ".join(selections) + " } " + " ".join(builder.fragments)
    return Document(text, dict(builder.variables))


def comparable(result: Any) -> tuple[Any, list[tuple[Any, ...]]]:
    """`data` and each error's message, path and locations, in order, from an ExecutionResult."""
    errors = [(e.message, e.path, [(loc.line, loc.column) for loc in e.locations or ()]) for e in result.errors or ()]
    return result.data, errors

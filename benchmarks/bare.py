"""The yardstick of `benchmarks.api`: a bare Strawberry + Starlette server answering from memory.

    python -m benchmarks.bare --port 8001 --answers answers.json

`answers.json` maps a root field (`listings`, `donations`) to the `data` ShopReady gave for it. The
server builds plain Strawberry types of the same shape from those answers once, keeps the objects in
memory, and serves them for `<field>(first: Int)`: the framework's own cost for the same response,
with no database, authentication, cost accounting or guards. It runs with uvicorn's defaults, as a
Strawberry + Starlette app out of the box would.
"""

from __future__ import annotations

import argparse
import json
from typing import Any, Optional

import strawberry
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from strawberry.asgi import GraphQL

_SCALARS: dict[type, Any] = {str: str, int: int, float: float, bool: bool}


def _merged(samples: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Every key of the samples with its non-null values, so one null does not hide a field's type."""
    keys: dict[str, list[Any]] = {}
    for sample in samples:
        for key, value in sample.items():
            keys.setdefault(key, [])
            if value is not None:
                keys[key].append(value)
    return keys


class Shapes:
    """Strawberry types built from sample answers: one type per path, every field nullable."""

    def __init__(self) -> None:
        self.types: dict[str, type] = {}

    def type_of(self, name: str, samples: list[Any]) -> Any:
        if not samples:
            return Optional[str]  # noqa: UP045 - a runtime annotation Strawberry resolves
        first = samples[0]
        if isinstance(first, dict):
            return Optional[self._object(name, samples)]  # noqa: UP045
        if isinstance(first, list):
            items = [item for sample in samples for item in sample]
            return Optional[list[self.type_of(name, items)]]  # type: ignore[misc]  # noqa: UP045
        return Optional[_SCALARS[type(first)]]  # noqa: UP045

    def _object(self, name: str, samples: list[dict[str, Any]]) -> type:
        fields = _merged(samples)
        annotations = {f"f_{key}": self.type_of(f"{name}_{key}", values) for key, values in fields.items()}
        namespace: dict[str, Any] = {"__annotations__": annotations}
        for key in fields:
            namespace[f"f_{key}"] = strawberry.field(name=key, default=None)
        cls = strawberry.type(type(name, (), namespace))
        self.types[name] = cls
        return cls

    def build(self, name: str, value: Any) -> Any:
        """The answer as objects of the built types."""
        if isinstance(value, dict):
            cls = self.types[name]
            return cls(**{f"f_{key}": self.build(f"{name}_{key}", item) for key, item in value.items()})
        if isinstance(value, list):
            return [self.build(name, item) for item in value]
        return value


def _answering(held: Any) -> Any:
    def resolve(first: int | None = 20) -> Any:
        return held

    return resolve


async def healthz(request: Request) -> PlainTextResponse:
    return PlainTextResponse("ok")


def bare_app(answers: dict[str, Any]) -> Starlette:
    shapes = Shapes()
    annotations: dict[str, Any] = {}
    namespace: dict[str, Any] = {}
    for field_name, data in answers.items():
        root_type = shapes.type_of(field_name.capitalize(), [data])
        held = shapes.build(field_name.capitalize(), data)
        namespace[field_name] = strawberry.field(resolver=_answering(held), graphql_type=root_type)
    namespace["__annotations__"] = annotations
    query = strawberry.type(type("Query", (), namespace))
    schema = strawberry.Schema(query=query)
    graphql = GraphQL(schema, graphql_ide=None)
    return Starlette(routes=[Route("/graphql", graphql, methods=["GET", "POST"]), Route("/healthz", healthz)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--answers", required=True)
    args = parser.parse_args()
    with open(args.answers, encoding="utf-8") as handle:
        answers = json.load(handle)
    uvicorn.run(bare_app(answers), host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()

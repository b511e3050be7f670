"""JSON in and out of the GraphQL view through orjson, which serialises a response several times faster
than the standard library's encoder; a nested page of 50 listings is mostly encoding time otherwise."""

from __future__ import annotations

import orjson


class OrjsonCoding:
    """Mixed into the Strawberry view (its `encode_json` / `decode_json` hooks)."""

    def encode_json(self, data: object) -> str:
        # text, not bytes: a websocket adapter sends bytes as a binary frame, which graphql-transport-ws forbids
        return orjson.dumps(data).decode()

    def decode_json(self, data: str | bytes) -> object:
        return orjson.loads(data)  # its JSONDecodeError is the standard library's, which Strawberry catches

"""Reading connections the way a client does."""

from __future__ import annotations


def nodes(connection: dict) -> list[dict]:
    """The nodes of one page of a connection, in order."""
    return [edge["node"] for edge in connection["edges"]]

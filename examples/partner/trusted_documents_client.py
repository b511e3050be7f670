"""The base of the generated client: trusted documents, idempotency keys and the spec's media type.

ariadne-codegen copies this file into the generated package and builds `Client` on it. Each operation
goes out as `{"documentId": "sha256:<hex>"}`; the first time the server does not know the id, the
client registers the text with `persistedDocumentRegister` and sends it again, so a deployed app runs
only documents it registered. A mutation given `idempotency_key=` carries it as `Idempotency-Key`.
"""

from __future__ import annotations

import hashlib
from typing import Any

import httpx
from pydantic import BaseModel
from pydantic_core import to_jsonable_python

ACCEPT = "application/graphql-response+json, application/json;q=0.9"
REGISTER = """mutation RegisterDocument($input: PersistedDocumentRegisterInput!) {
  persistedDocumentRegister(input: $input) { documentId userErrors { field code message } }
}"""


class GraphQLClientError(Exception):
    """The server refused the request or answered with errors; `response` has the details."""

    def __init__(self, message: str, response: httpx.Response | None = None, errors: list[Any] | None = None) -> None:
        super().__init__(message)
        self.response, self.errors = response, errors or []


def document_id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(by_alias=True, exclude_unset=True, mode="json")
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return to_jsonable_python(value)


class TrustedDocumentsClient:
    def __init__(
        self,
        url: str = "",
        headers: dict[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        trusted_documents: bool = True,
    ) -> None:
        self.url = url
        self.headers = {"Accept": ACCEPT, **(headers or {})}
        self.http_client = http_client or httpx.AsyncClient(headers=self.headers, timeout=30)
        self.trusted_documents = trusted_documents
        self.registered: list[str] = []  # ids this client registered, for the program to report

    async def __aenter__(self) -> TrustedDocumentsClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.http_client.aclose()

    async def execute(
        self, query: str, operation_name: str | None = None, variables: dict[str, Any] | None = None, **kwargs: Any
    ) -> httpx.Response:
        headers = dict(kwargs.pop("headers", None) or {})
        key = kwargs.pop("idempotency_key", None)
        if key is not None:
            headers["Idempotency-Key"] = key
        body: dict[str, Any] = {"operationName": operation_name, "variables": _plain(variables or {})}
        if not self.trusted_documents:
            return await self._post({**body, "query": query}, headers, **kwargs)
        response = await self._post({**body, "documentId": document_id(query)}, headers, **kwargs)
        if response.status_code == 400 and _code(response) == "PERSISTED_DOCUMENT_NOT_FOUND":
            await self.register(query)
            response = await self._post({**body, "documentId": document_id(query)}, headers, **kwargs)
        return response

    async def register(self, text: str) -> str:
        """Register a document for this app's organization (sent as text: the one operation always allowed)."""
        body = {"query": REGISTER, "variables": {"input": {"document": text}}}
        payload = self.get_data(await self._post(body, {}))["persistedDocumentRegister"]
        if payload["userErrors"]:
            raise GraphQLClientError(f"the document was refused: {payload['userErrors']}")
        self.registered.append(payload["documentId"])
        return str(payload["documentId"])

    async def _post(self, body: dict[str, Any], headers: dict[str, str], **kwargs: Any) -> httpx.Response:
        return await self.http_client.post(url=self.url, json=body, headers=headers, **kwargs)

    def get_data(self, response: httpx.Response) -> dict[str, Any]:
        try:
            payload = response.json()
        except ValueError as exc:
            raise GraphQLClientError(f"HTTP {response.status_code}, not JSON", response) from exc
        if not isinstance(payload, dict) or ("data" not in payload and "errors" not in payload):
            raise GraphQLClientError(f"HTTP {response.status_code}, not a GraphQL response", response)
        if payload.get("errors"):
            raise GraphQLClientError(payload["errors"][0].get("message", "error"), response, payload["errors"])
        if response.status_code >= 300:
            raise GraphQLClientError(f"HTTP {response.status_code}", response)
        return dict(payload["data"])


def _code(response: httpx.Response) -> str | None:
    try:
        return str(response.json()["errors"][0]["extensions"]["code"])
    except (ValueError, KeyError, IndexError, TypeError):
        return None

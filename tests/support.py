"""Talking to the API as a client would, and writing rows for the given part of a test."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
from argon2 import PasswordHasher

from core.clock import utcnow
from core.settings import Settings
from core.tokens import issue_access_token
from db.engine import Database
from db.models import Membership, Organization, User, UserSession
from matching.geo import zip_centroid
from schema.relay import encode_id

PASSWORD = "correct horse battery staple"
_HASH = PasswordHasher(time_cost=1, memory_cost=8192).hash(PASSWORD)
_counter = itertools.count(1)


@dataclass
class Person:
    id: int
    email: str
    token: str

    @property
    def gid(self) -> str:
        return encode_id("User", self.id)


@dataclass
class Api:
    client: httpx.AsyncClient
    db: Database
    settings: Settings

    async def post(self, query: str, variables: dict | None = None, *, token: str | None = None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return await self.client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)

    async def gql(self, query: str, variables: dict | None = None, *, token: str | None = None) -> dict[str, Any]:
        """The response's `data`; fails the test on HTTP or top-level GraphQL errors."""
        response = await self.post(query, variables, token=token)
        assert response.status_code == 200, response.text
        body = response.json()
        assert not body.get("errors"), body["errors"]
        return body["data"]

    async def errors(self, query: str, variables: dict | None = None, *, token: str | None = None) -> list[dict]:
        response = await self.post(query, variables, token=token)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body.get("errors"), body
        return body["errors"]

    async def person(
        self, name: str = "Test Person", *, staff: bool = False, email: str | None = None, verified: bool = True
    ) -> Person:
        """A person with a confirmed email (unless `verified=False`), signed in on one session."""
        email = email or f"person{next(_counter)}@example.com"
        async with self.db.write() as session:
            user = User(
                email=email,
                name=name,
                password_hash=_HASH,
                is_staff=staff,
                email_verified_at=utcnow() if verified else None,
            )
            session.add(user)
        return Person(user.id, email, await sign_in_as(self.db, self.settings, user.id))

    async def organization(
        self,
        *,
        owner: Person | None = None,
        kinds: tuple[str, ...] = ("SCHOOL",),
        name: str | None = None,
        postal_code: str = "48226",
        role: str = "OWNER",
        **columns,
    ) -> int:
        lat, lon = centroid(postal_code)
        async with self.db.write() as session:
            org = Organization(
                name=name or f"Organization {next(_counter)}",
                is_school="SCHOOL" in kinds,
                is_donor="DONOR" in kinds,
                is_employer="EMPLOYER" in kinds,
                postal_code=postal_code,
                latitude=lat,
                longitude=lon,
                **columns,
            )
            session.add(org)
            await session.flush()
            if owner:
                session.add(Membership(organization_id=org.id, user_id=owner.id, role=role))
        return org.id


async def sign_in_as(db: Database, settings: Settings, user_id: int) -> str:
    """An access token for a new session of this person, as signing in would give."""
    async with db.write() as session:
        record = UserSession(user_id=user_id, expires_at=utcnow() + timedelta(days=settings.refresh_token_days))
        session.add(record)
    return issue_access_token(settings, user_id, record.id)[0]


def gid(type_name: str, pk: int) -> str:
    return encode_id(type_name, pk)


def centroid(postal_code: str) -> tuple[float, float]:
    """A bundled ZIP code's centre; a code the tests do not know is a mistake in the test."""
    point = zip_centroid(postal_code)
    if point is None:
        raise ValueError(f"unknown ZIP code {postal_code}")
    return point

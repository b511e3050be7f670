"""The typed per-request context: who is asking, the database, and fresh DataLoaders."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from sqlalchemy import select
from starlette.requests import Request
from strawberry.types import Info as StrawberryInfo

from core.passwords import Passwords
from core.rate_limits import RateLimiter
from core.settings import Settings
from core.viewer import Role, Viewer
from db.engine import Database
from db.models import Membership
from schema.loaders import Loaders


@dataclass
class Context:
    request: Request | None
    db: Database
    settings: Settings
    passwords: Passwords
    viewer: Viewer
    request_id: str
    limits: RateLimiter
    loaders: Loaders = field(init=False)
    _roles: asyncio.Future | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.db)

    async def roles(self) -> dict[int, Role]:
        """The viewer's role in each organization, read once per request however many fields ask."""
        if self._roles is None:
            self._roles = asyncio.ensure_future(self._read_roles())
        return await asyncio.shield(self._roles)

    async def _read_roles(self) -> dict[int, Role]:
        if self.viewer.is_app:
            return {self.viewer.app_organization_id: Role.ADMIN}
        if self.viewer.user_id is None:
            return {}
        async with self.db.read() as session:
            rows = await session.execute(
                select(Membership.organization_id, Membership.role).where(Membership.user_id == self.viewer.user_id)
            )
            return {org_id: Role(role) for org_id, role in rows}

    @property
    def rate_limit_key(self) -> str:
        """Whose budget a request spends: the app token, the person, or else the client address."""
        if self.viewer.is_app:
            return f"app:{self.viewer.app_token_id}"
        if self.viewer.user_id is not None:
            return f"user:{self.viewer.user_id}"
        client = self.request.client if self.request is not None else None
        return f"ip:{client.host if client else 'unknown'}"

    def note_mutation_applied(self) -> None:
        """Tell the idempotency guard in front of the view that this request changed something."""
        if self.request is not None:
            self.request.state.mutation_applied = True

    async def is_member(self, organization_id: int) -> bool:
        return self.viewer.is_staff or organization_id in await self.roles()


Info = StrawberryInfo[Context, None]

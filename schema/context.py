"""The typed per-request context: who is asking, the database, and fresh DataLoaders."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select
from starlette.requests import Request
from strawberry.extensions import SchemaExtension
from strawberry.types import Info as StrawberryInfo
from strawberry.types.graphql import OperationType

from core.mailer import Mailer
from core.passwords import Passwords
from core.rate_limits import RateLimiter
from core.settings import Settings
from core.viewer import Role, Viewer
from db.engine import Database
from db.models import Membership
from resolvers.accounts.services import Accounts
from resolvers.accounts.throttles import AccountLimits
from resolvers.events.bus import EventBus
from schema.loaders import Loaders

if TYPE_CHECKING:
    from schema.events.shared import SharedResults


@dataclass
class Context:
    request: Request | None
    db: Database
    settings: Settings
    passwords: Passwords
    viewer: Viewer
    request_id: str
    limits: RateLimiter
    mailer: Mailer
    loaders: Loaders = field(init=False)
    _roles: asyncio.Future | None = field(default=None, init=False)
    # set for queries by RolesOfQueries: a mutation may change roles, a subscription outlives them
    roles_as_signed_in: bool = field(default=False, init=False)
    # subscriptions: the process's event bus, and what the client sent with connection_init
    bus: EventBus | None = None
    connection_params: dict | None = None
    shared_results: SharedResults | None = None  # results executed once for every subscriber they fit

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.db)

    async def roles(self) -> dict[int, Role]:
        """The viewer's role in each organization, read once per request however many fields ask."""
        if self._roles is None:
            self._roles = asyncio.ensure_future(self._read_roles())
        return await asyncio.shield(self._roles)

    async def _read_roles(self) -> dict[int, Role]:
        if self.viewer.is_app:
            organization_id = self.viewer.app_organization_id  # set on every app token's viewer
            return {} if organization_id is None else {organization_id: Role.ADMIN}
        if self.viewer.user_id is None:
            return {}
        if self.roles_as_signed_in and self.viewer.memberships is not None:
            return {org_id: Role(role) for org_id, role in self.viewer.memberships}
        async with self.db.read() as session:
            rows = await session.execute(
                select(Membership.organization_id, Membership.role).where(Membership.user_id == self.viewer.user_id)
            )
            return {org_id: Role(role) for org_id, role in rows}

    @property
    def client_address(self) -> str:
        """The client's address, as the server sees it (behind a proxy, run uvicorn with --proxy-headers so
        this is the real client, not the proxy)."""
        client = self.request.client if self.request is not None else None
        return client.host if client else "unknown"

    @property
    def rate_limit_key(self) -> str:
        """Whose budget a request spends: the app token, the person, or else the client address."""
        if self.viewer.is_app:
            return f"app:{self.viewer.app_token_id}"
        if self.viewer.user_id is not None:
            return f"user:{self.viewer.user_id}"
        return f"ip:{self.client_address}"

    def accounts(self) -> Accounts:
        """What the account use cases need, with the per-client limits keyed on this request's client."""
        limits = AccountLimits(self.limits, self.settings)
        return Accounts(self.db, self.settings, self.passwords, self.mailer, limits, self.client_address)

    def note_mutation_applied(self) -> None:
        """Tell the idempotency guard in front of the view that this request changed something."""
        if self.request is not None:
            self.request.state.mutation_applied = True

    async def is_member(self, organization_id: int) -> bool:
        return self.viewer.is_staff or organization_id in await self.roles()


Info = StrawberryInfo[Context, None]


class RolesOfQueries(SchemaExtension):
    """A query takes the viewer's roles from the sign-in check (no statement of its own); a mutation,
    which may change them, and a subscription, which outlives them, read them from the database."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context.context
        if isinstance(context, Context):
            context.roles_as_signed_in = self.execution_context.operation_type is OperationType.QUERY
        yield

"""Partner app tokens: created by an organization's owners and admins, shown once, revocable."""

from __future__ import annotations

from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.tokens import new_app_token
from core.validation import Checks
from core.viewer import MANAGERS, Scope, Viewer, require_role
from db.engine import Database
from db.models import AppToken, Organization


async def create(
    db: Database, viewer: Viewer, organization_id: int, name: str, scopes: list[Scope]
) -> tuple[AppToken, str]:
    """The stored token and, once only, its secret value."""
    viewer.require_person()
    checks = Checks()
    name = checks.text(name, "name", max_length=100)
    if not scopes:
        checks.add(ErrorCode.INVALID_SCOPE, "Choose at least one scope.", "scopes")
    checks.raise_any()
    async with db.write() as session:
        if await session.get(Organization, organization_id) is None:
            raise not_found("Organization", "organizationId")
        await require_role(session, viewer, organization_id, roles=MANAGERS)
        secret, digest, last4 = new_app_token()
        token = AppToken(
            organization_id=organization_id,
            created_by_id=viewer.user_id,
            name=name,
            token_digest=digest,
            last4=last4,
            scopes=sorted({scope.value for scope in scopes}),
        )
        session.add(token)
    return token, secret


async def revoke(db: Database, viewer: Viewer, token_id: int) -> AppToken:
    viewer.require_person()
    async with db.write() as session:
        token = await session.get(AppToken, token_id)
        if token is None:
            raise not_found("App token")
        await require_role(session, viewer, token.organization_id, roles=MANAGERS, hide="App token")
        if token.revoked_at is not None:
            raise DomainError(ErrorCode.INVALID_TRANSITION, "This token is already revoked.", "id")
        token.revoked_at = utcnow()
    return token

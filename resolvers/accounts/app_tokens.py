"""Partner app tokens: created by an organization's owners and admins, shown once, limited to the scopes
its kinds allow, optionally expiring, rotated and revoked."""

from __future__ import annotations

from datetime import datetime

from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.tokens import new_app_token
from core.validation import Checks
from core.viewer import MANAGERS, SCOPE_KINDS, Scope, Viewer, require_role, scopes_allowed
from db.engine import Database
from db.models import AppToken, Organization


def _check_expiry(checks: Checks, expires_at: datetime | None) -> None:
    if expires_at is not None and expires_at <= utcnow():
        checks.add(ErrorCode.OUT_OF_RANGE, "expiresAt must be in the future.", "expiresAt")


def _check_scopes(organization: Organization, scopes: list[Scope]) -> None:
    refused = sorted(set(scopes) - scopes_allowed(organization.kinds), key=lambda s: s.name)
    if refused:
        scope = refused[0]
        kinds = " or ".join(sorted(kind.value for kind in SCOPE_KINDS[scope]))
        raise DomainError(
            ErrorCode.INVALID_SCOPE, f"{scope.name} is for {kinds} organizations; this one is not.", "scopes"
        )


async def create(
    db: Database,
    viewer: Viewer,
    organization_id: int,
    name: str,
    scopes: list[Scope],
    expires_at: datetime | None = None,
) -> tuple[AppToken, str]:
    """The stored token and, once only, its secret value."""
    viewer.require_person()
    checks = Checks()
    name = checks.text(name, "name", max_length=100)
    if not scopes:
        checks.add(ErrorCode.INVALID_SCOPE, "Choose at least one scope.", "scopes")
    _check_expiry(checks, expires_at)
    checks.raise_any()
    async with db.write() as session:
        organization = await session.get(Organization, organization_id)
        if organization is None:
            raise not_found("Organization", "organizationId")
        await require_role(session, viewer, organization_id, roles=MANAGERS)
        _check_scopes(organization, scopes)
        token, secret = _new(organization_id, viewer.user_id, name, sorted({s.value for s in scopes}), expires_at)
        session.add(token)
    return token, secret


def _new(
    organization_id: int, created_by: int | None, name: str, scopes: list[str], expires_at: datetime | None
) -> tuple[AppToken, str]:
    secret, digest, last4 = new_app_token()
    token = AppToken(
        organization_id=organization_id,
        created_by_id=created_by,
        name=name,
        token_digest=digest,
        last4=last4,
        scopes=scopes,
        expires_at=expires_at,
    )
    return token, secret


async def _managed_live_token(session, viewer: Viewer, token_id: int) -> AppToken:
    token = await session.get(AppToken, token_id, with_for_update=True)
    if token is None:
        raise not_found("App token")
    await require_role(session, viewer, token.organization_id, roles=MANAGERS, hide="App token")
    if token.revoked_at is not None:
        raise DomainError(ErrorCode.INVALID_TRANSITION, "This token is already revoked.", "id")
    return token


async def revoke(db: Database, viewer: Viewer, token_id: int) -> AppToken:
    viewer.require_person()
    async with db.write() as session:
        token = await _managed_live_token(session, viewer, token_id)
        token.revoked_at = utcnow()
    return token


async def rotate(
    db: Database, viewer: Viewer, token_id: int, *, expires_at: datetime | None = None, keep_expiry: bool = True
) -> tuple[AppToken, AppToken, str]:
    """Replace a token by a new one with the same name and scopes: (new, old now revoked, new secret).

    The new token keeps the old one's expiry with `keep_expiry`, else takes `expires_at` (None: never
    expires). Scopes its organization's kinds no longer allow are dropped.
    """
    viewer.require_person()
    checks = Checks()
    if not keep_expiry:
        _check_expiry(checks, expires_at)
    checks.raise_any()
    async with db.write() as session:
        old = await _managed_live_token(session, viewer, token_id)
        organization = await session.get_one(Organization, old.organization_id)
        allowed = {s.value for s in scopes_allowed(organization.kinds)}
        scopes = [s for s in old.scopes if s in allowed]
        if not scopes:
            raise DomainError(ErrorCode.INVALID_SCOPE, "None of the token's scopes fit its organization now.", "id")
        expiry = old.expires_at if keep_expiry else expires_at
        if expiry is not None and expiry <= utcnow():
            raise DomainError(ErrorCode.OUT_OF_RANGE, "The token has expired: give a new expiresAt.", "expiresAt")
        new, secret = _new(old.organization_id, viewer.user_id, old.name, scopes, expiry)
        old.revoked_at = utcnow()
        session.add(new)
    return new, old, secret

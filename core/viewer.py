"""Who is asking: a person (JWT) or a partner app (scoped token), and what they may do."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import DomainError, ErrorCode, permission_denied
from db.enums.accounts import OrganizationKind
from db.models import Membership


class Role(str, Enum):
    OWNER = "OWNER"
    ADMIN = "ADMIN"
    MEMBER = "MEMBER"


MANAGERS = frozenset({Role.OWNER, Role.ADMIN})
ANY_MEMBER = frozenset(Role)


class Scope(str, Enum):
    """What a partner app's token may do for its organization."""

    ORGANIZATION_WRITE = "organization:write"
    DONATIONS_READ = "donations:read"
    DONATIONS_WRITE = "donations:write"
    TALENT_READ = "talent:read"
    TALENT_WRITE = "talent:write"
    CONTENT_WRITE = "content:write"


_ANY_KIND = frozenset(OrganizationKind)
# Which kinds of organization may hold each scope: an app acts only within what its organization does.
SCOPE_KINDS: dict[Scope, frozenset[OrganizationKind]] = {
    Scope.ORGANIZATION_WRITE: _ANY_KIND,
    Scope.DONATIONS_READ: frozenset({OrganizationKind.SCHOOL, OrganizationKind.DONOR}),
    Scope.DONATIONS_WRITE: frozenset({OrganizationKind.SCHOOL, OrganizationKind.DONOR}),
    Scope.TALENT_READ: frozenset({OrganizationKind.EMPLOYER}),
    # schools run training programs with it; job postings stay for employers (NOT_AN_EMPLOYER otherwise)
    Scope.TALENT_WRITE: frozenset({OrganizationKind.EMPLOYER, OrganizationKind.SCHOOL}),
    Scope.CONTENT_WRITE: _ANY_KIND,
}


def scopes_allowed(kinds: list[str]) -> frozenset[Scope]:
    """The scopes an organization of these kinds may give its apps."""
    held = {OrganizationKind(kind) for kind in kinds}
    return frozenset(scope for scope, allowed in SCOPE_KINDS.items() if held & allowed)


@dataclass(frozen=True)
class Viewer:
    user_id: int | None = None
    is_staff: bool = False
    session_id: int | None = None
    app_token_id: int | None = None
    app_organization_id: int | None = None
    scopes: frozenset[str] = field(default_factory=frozenset)
    # (organization id, role) pairs read with the session check when signing in; None when not read
    memberships: tuple[tuple[int, str], ...] | None = field(default=None, compare=False)

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None or self.app_token_id is not None

    @property
    def is_app(self) -> bool:
        return self.app_token_id is not None

    def require_person(self) -> int:
        """The user id of a signed-in person; apps and anonymous callers are refused."""
        if self.user_id is None:
            raise DomainError(
                ErrorCode.UNAUTHENTICATED if not self.is_app else ErrorCode.PERMISSION_DENIED,
                "Sign in as a person to do this." if not self.is_app else "App tokens cannot do this.",
            )
        return self.user_id


ANONYMOUS = Viewer()


async def role_in(session: AsyncSession, viewer: Viewer, organization_id: int) -> Role | None:
    """The viewer's role in an organization; an app counts as ADMIN of its own organization."""
    if viewer.is_app:
        return Role.ADMIN if viewer.app_organization_id == organization_id else None
    if viewer.user_id is None:
        return None
    role = await session.scalar(
        select(Membership.role).where(
            Membership.organization_id == organization_id, Membership.user_id == viewer.user_id
        )
    )
    return Role(role) if role else None


async def require_role(
    session: AsyncSession,
    viewer: Viewer,
    organization_id: int,
    *,
    roles: frozenset[Role] = ANY_MEMBER,
    scope: Scope | None = None,
    hide: str | None = None,
) -> Role:
    """Refuse unless the viewer holds one of `roles` in the organization.

    Apps must also hold `scope`; with `scope=None` the action is for people only. With `hide`,
    a refusal reads NOT_FOUND for that object so its existence does not leak.
    """
    if not viewer.is_authenticated:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "Sign in to do this.")
    role = await role_in(session, viewer, organization_id)
    allowed = role is not None and role in roles
    if viewer.is_app and (scope is None or scope.value not in viewer.scopes):
        allowed = False
    if role is None or not allowed:
        if hide:
            raise DomainError(ErrorCode.NOT_FOUND, f"{hide} not found.", "id")
        raise permission_denied()
    return role

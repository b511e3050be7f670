"""Starlette authentication: a bearer token becomes a Viewer; a bad token is HTTP 401."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import or_, select, update
from starlette.authentication import AuthCredentials, AuthenticationBackend, AuthenticationError, BaseUser
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse

from core.clock import utcnow
from core.settings import Settings
from core.tokens import InvalidToken, app_token_digest, is_app_token, read_access_token
from core.viewer import ANONYMOUS, Viewer, scopes_allowed
from db.engine import Database
from db.models import AppToken, Membership, Organization, User, UserSession

LAST_USED_PRECISION = timedelta(minutes=5)


class Principal(BaseUser):
    def __init__(self, viewer: Viewer) -> None:
        self.viewer = viewer

    @property
    def is_authenticated(self) -> bool:
        return self.viewer.is_authenticated

    @property
    def display_name(self) -> str:
        return f"user:{self.viewer.user_id}" if self.viewer.user_id else f"app:{self.viewer.app_token_id}"


class BearerTokenBackend(AuthenticationBackend):
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    async def authenticate(self, conn: HTTPConnection):
        header = conn.headers.get("authorization")
        if not header:
            return AuthCredentials(), Principal(ANONYMOUS)
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthenticationError("Use 'Authorization: Bearer <token>'.")
        return AuthCredentials(["authenticated"]), Principal(await self.viewer_of(token.strip()))

    async def viewer_of(self, token: str) -> Viewer:
        """The viewer a bearer token stands for (asked by websocket connection init too); AuthenticationError if bad."""
        return await (self._app_viewer(token) if is_app_token(token) else self._person_viewer(token))

    async def _person_viewer(self, token: str) -> Viewer:
        try:
            claims = read_access_token(self.settings, token)
        except InvalidToken as exc:
            raise AuthenticationError("The access token is invalid or expired.") from exc
        # One statement: the session must still be open, so signing out refuses its access tokens at once;
        # the person's memberships come with it (one row each), for queries that ask for roles.
        async with self.db.read() as session:
            rows = (
                await session.execute(
                    select(User.id, User.is_staff, Membership.organization_id, Membership.role)
                    .join(UserSession, UserSession.user_id == User.id)
                    .outerjoin(Membership, Membership.user_id == User.id)
                    .where(
                        UserSession.id == claims.session_id,
                        User.id == claims.user_id,
                        UserSession.revoked_at.is_(None),
                        UserSession.expires_at > utcnow(),
                    )
                )
            ).all()
        if not rows:
            raise AuthenticationError("The access token is invalid, expired or signed out.")
        memberships = tuple((r.organization_id, r.role) for r in rows if r.organization_id is not None)
        row = rows[0]
        return Viewer(user_id=row.id, is_staff=row.is_staff, session_id=claims.session_id, memberships=memberships)

    async def _app_viewer(self, token: str) -> Viewer:
        now = utcnow()
        async with self.db.read() as session:
            found = (
                await session.execute(
                    select(AppToken, Organization)
                    .join(Organization, Organization.id == AppToken.organization_id)
                    .where(
                        AppToken.token_digest == app_token_digest(token),
                        AppToken.revoked_at.is_(None),
                        or_(AppToken.expires_at.is_(None), AppToken.expires_at > now),
                    )
                )
            ).first()
        if found is None:
            raise AuthenticationError("The app token is invalid, expired or revoked.")
        app, organization = found
        if app.last_used_at is None or app.last_used_at < now - LAST_USED_PRECISION:
            # Coarse on purpose: a write per request would serialize every app call on SQLite.
            async with self.db.write() as session:
                await session.execute(update(AppToken).where(AppToken.id == app.id).values(last_used_at=now))
        # Checked again at use: an organization that stops being an employer stops its apps' talent scopes.
        allowed = {scope.value for scope in scopes_allowed(organization.kinds)}
        return Viewer(
            app_token_id=app.id,
            app_organization_id=app.organization_id,
            scopes=frozenset(app.scopes) & allowed,
        )


def unauthorized(conn: HTTPConnection, exc: Exception) -> JSONResponse:
    return JSONResponse(
        {"errors": [{"message": str(exc), "extensions": {"code": "UNAUTHENTICATED"}}]},
        status_code=401,
        headers={"WWW-Authenticate": f'Bearer realm="shopready", error="invalid_token", error_description="{exc}"'},
    )

"""People: who am I, and what others may see of a person (one rule, `resolvers.accounts.policy`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from db import models
from db.engine import Database
from resolvers.accounts import policy
from schema.context import Info
from schema.relay import After, Connection, First, Node, node_type, page_args

if TYPE_CHECKING:
    from schema.accounts.organizations import Membership

_WHO_SEES = (
    "Visible to the person, to staff, and to people who share an organization, a donation, a job application "
    "or invitation, an invitation to an organization or a mentorship with them; null for everyone else, "
    "anonymous callers included."
)


async def sees_person(info: Info, user_id: int) -> bool:
    """The policy's answer for this request's viewer, batched across every person on the page."""
    viewer = info.context.viewer
    quick = policy.sees_without_asking(viewer, user_id)
    if quick is not None:
        return quick

    async def batch(db: Database, ids: Sequence[int]) -> list[bool]:
        async with db.read() as session:
            visible = await policy.visible_people(session, viewer, ids)
        return [i in visible for i in ids]

    return await info.context.loaders.custom("people_visible", batch).load(user_id)


@node_type
@strawberry.type(description="A person with an account; people act for organizations through memberships.")
class User(Node):
    _name: strawberry.Private[str]
    _created_at: strawberry.Private[datetime]
    _email: strawberry.Private[str]
    _email_verified_at: strawberry.Private[datetime | None]
    _is_self: strawberry.Private[bool] = False

    @classmethod
    def from_model(cls, row: models.User, *, is_self: bool = False) -> User:
        """`is_self` when the row is the caller's own account (e.g. just verified or signed in)."""
        return cls(
            pk=row.id,
            _name=row.name,
            _created_at=row.created_at,
            _email=row.email,
            _email_verified_at=row.email_verified_at,
            _is_self=is_self,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> User | None:
        row = await info.context.loaders.by_id(models.User).load(pk)
        return cls.from_model(row) if row else None

    async def _visible(self, info: Info) -> bool:
        return self._is_self or await sees_person(info, self.pk)

    @strawberry.field(description=f"The person's name as they gave it. {_WHO_SEES}")
    async def name(self, info: Info) -> str | None:
        return self._name if await self._visible(info) else None

    @strawberry.field(description=f"When the account was registered. {_WHO_SEES}")
    async def created_at(self, info: Info) -> datetime | None:
        return self._created_at if await self._visible(info) else None

    @strawberry.field(
        description="When the person confirmed their email; shown to the person and staff, null for everyone else."
    )
    def email_verified_at(self, info: Info) -> datetime | None:
        ctx = info.context
        return (
            self._email_verified_at if self._is_self or ctx.viewer.user_id == self.pk or ctx.viewer.is_staff else None
        )

    @strawberry.field(
        description="Sign-in email, normalized (NFKC, case-folded). Shown to the person, to fellow members of any "
        "organization they belong to, and to staff; null for everyone else."
    )
    async def email(self, info: Info) -> str | None:
        ctx = info.context
        if self._is_self or ctx.viewer.user_id == self.pk or ctx.viewer.is_staff:
            return self._email
        memberships = await ctx.loaders.by_column(models.Membership, "user_id").load(self.pk)
        roles = await ctx.roles()
        return self._email if any(m.organization_id in roles for m in memberships) else None

    @strawberry.field(
        description="How many of this person's notifications are unread; only the person sees it, null for everyone "
        "else (staff included)."
    )
    async def unread_notification_count(self, info: Info) -> int | None:
        from schema.notifications.notifications import unread_count

        if info.context.viewer.user_id != self.pk:
            return None
        return await unread_count(info, self.pk)

    @strawberry.field(
        description="The organizations this person belongs to and their role in each, oldest membership "
        "first. Only the person and staff see them; null for everyone else."
    )
    async def memberships(
        self, info: Info, first: First = 20, after: After = None
    ) -> Connection[Annotated[Membership, strawberry.lazy("schema.accounts.organizations")]] | None:
        from schema.accounts.organizations import Membership

        page = page_args(first, after)
        if info.context.viewer.user_id != self.pk and not info.context.viewer.is_staff:
            return None
        rows = await info.context.loaders.page_by_column(models.Membership, "user_id", page).load(self.pk)
        return Connection.of(rows, Membership.from_model)


@strawberry.type
class AccountQueries:
    @strawberry.field(description="The signed-in person; null when anonymous or when a partner app's token asks.")
    async def me(self, info: Info) -> User | None:
        user_id = info.context.viewer.user_id
        return await User.load(info, user_id) if user_id else None

"""Invitations to join an organization: sent to an address, attached only to an account that proved it
owns that address (so registering someone else's address gains nothing)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core import outbox
from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.global_ids import global_id
from core.mailer import Mailer
from core.viewer import MANAGERS, Role, Viewer, require_role
from db.engine import Database
from db.enums.events import EventType
from db.models import Invitation, Membership, Organization, User
from resolvers.accounts import account_mail
from resolvers.accounts.emails import normalize_email


def check_grant(actor_role: Role, role: Role) -> None:
    if role is Role.OWNER and actor_role is not Role.OWNER:
        raise DomainError(ErrorCode.PERMISSION_DENIED, "Only owners can make owners.", "role")


async def invite_member(
    db: Database, mailer: Mailer, viewer: Viewer, organization_id: int, email: str, role: Role
) -> Invitation:
    """Invite an address and mail it; the person joins once an account has verified that address."""
    email = normalize_email(email)
    async with db.write() as session:
        organization = await session.get(Organization, organization_id)
        if organization is None:
            raise not_found("Organization", "organizationId")
        actor_role = await require_role(session, viewer, organization_id, roles=MANAGERS)
        check_grant(actor_role, role)
        member = await session.scalar(
            select(Membership.id).join(User).where(Membership.organization_id == organization_id, User.email == email)
        )
        if member:
            raise DomainError(ErrorCode.ALREADY_MEMBER, "This person is already a member.", "email")
        invitation = await session.scalar(
            select(Invitation).where(Invitation.organization_id == organization_id, Invitation.email == email)
        )
        if invitation is None:
            invitation = Invitation(organization_id=organization_id, email=email)
            session.add(invitation)
        invitation.role, invitation.invited_by_id, invitation.accepted_at = role.value, viewer.user_id, None
        organization_name = organization.name
        await _announce(session, invitation, email)
    mailer.send_later(account_mail.invitation(email, organization_name, role.value))
    return invitation


async def _announce(session: AsyncSession, invitation: Invitation, email: str) -> None:
    """Tell the account that proved it owns the address (only that person hears of it, never the inviter or
    an app, so nobody learns from it whether an address has an account)."""
    invitee = await session.scalar(select(User.id).where(User.email == email, User.email_verified_at.is_not(None)))
    if invitee is None:
        return
    await session.flush()
    outbox.append(
        session,
        outbox.Event(
            EventType.ORGANIZATION_INVITATION_CREATED,
            "Organization",
            invitation.organization_id,
            organization_ids=(invitation.organization_id,),
            user_ids=(invitee,),
            data={
                "organization": global_id("Organization", invitation.organization_id),
                "role": invitation.role,
            },
        ),
    )


async def accept_invitation(db: Database, viewer: Viewer, organization_id: int) -> Membership:
    user_id = viewer.require_person()
    async with db.write() as session:
        user = await session.get_one(User, user_id)
        invitation = None
        if user.email_verified_at is not None:
            invitation = await session.scalar(
                select(Invitation).where(
                    Invitation.organization_id == organization_id,
                    Invitation.email == user.email,
                    Invitation.accepted_at.is_(None),
                )
            )
        if invitation is None:
            raise not_found("Invitation", "organizationId")
        member = await session.scalar(
            select(Membership.id).where(Membership.organization_id == organization_id, Membership.user_id == user_id)
        )
        if member:
            raise DomainError(ErrorCode.ALREADY_MEMBER, "You are already a member.", "organizationId")
        invitation.accepted_at = utcnow()
        membership = Membership(organization_id=organization_id, user_id=user_id, role=invitation.role)
        session.add(membership)
    return membership


async def attach_verified(session: AsyncSession, user: User) -> None:
    """Join every organization that invited the address the person has just proven is theirs."""
    if user.email_verified_at is None:
        return
    invitations = (
        await session.scalars(
            select(Invitation).where(Invitation.email == user.email, Invitation.accepted_at.is_(None))
        )
    ).all()
    member_of = set(
        (await session.scalars(select(Membership.organization_id).where(Membership.user_id == user.id))).all()
    )
    for invitation in invitations:
        if invitation.organization_id not in member_of:
            session.add(Membership(organization_id=invitation.organization_id, user_id=user.id, role=invitation.role))
        invitation.accepted_at = utcnow()

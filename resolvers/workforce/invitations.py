"""Inviting an existing technician to a shop's team, and their answer.

The invitation names an email; only the account with that email can see and answer it, so whether an
address has an account is never revealed to the shop. Accepting makes them a technician; their privacy
choice carries over: the shop counts their earlier records only if they say so (by default, if their
profile is visible to employers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found, permission_denied
from core.validation import Checks
from core.viewer import Viewer
from db.engine import Database, rows_matched
from db.enums.workforce import TechnicianInvitationStatus as Status
from db.enums.workforce import TechnicianRole, TechnicianStatus
from db.models import StudentProfile, Technician, TechnicianInvitation, User
from resolvers.accounts.emails import normalize_email
from resolvers.workforce.access import check_supervisor, checked_start
from resolvers.workforce.policy import SessionTies, may_manage_team
from resolvers.workforce.team import join, require_employer


@dataclass(frozen=True)
class InviteInput:
    organization_id: int
    email: str
    role: TechnicianRole
    started_on: date | None = None
    supervisor_user_id: int | None = None
    message: str | None = None


async def invite(db: Database, viewer: Viewer, given: InviteInput) -> TechnicianInvitation:
    """The shop's admins invite an address (event: technician invited)."""
    email = normalize_email(given.email)
    started_on = checked_start(given.started_on)
    checks = Checks()
    message = checks.text(given.message, "message", max_length=2000, required=False) or ""
    checks.raise_any()
    async with db.write() as session:
        await require_employer(session, given.organization_id)
        if not await may_manage_team(viewer, given.organization_id, SessionTies(session, viewer)):
            raise permission_denied("Only the shop's owners and admins manage its team.")
        await check_supervisor(session, given.organization_id, given.supervisor_user_id, None)
        on_team = await session.scalar(
            select(Technician.id)
            .join(User, User.id == Technician.user_id)
            .where(
                Technician.organization_id == given.organization_id,
                Technician.status == TechnicianStatus.ACTIVE.value,
                User.email == email,
            )
        )
        if on_team is not None:
            raise DomainError(ErrorCode.ALREADY_ON_TEAM, "This person is already on the team.", "email")
        invitation = TechnicianInvitation(
            organization_id=given.organization_id,
            email=email,
            role=given.role.value,
            started_on=started_on,
            supervisor_user_id=given.supervisor_user_id,
            invited_by_id=viewer.user_id,
            message=message,
            status=Status.PENDING.value,
        )
        session.add(invitation)
        try:
            await session.flush()
        except IntegrityError:
            raise DomainError(ErrorCode.DUPLICATE, "A pending invitation for this email exists.", "email") from None
    return invitation


async def _own_pending(session, viewer: Viewer, invitation_id: int) -> tuple[TechnicianInvitation, User]:
    """The invitation addressed to the caller's verified email; anyone else's reads NOT_FOUND."""
    user = await session.get_one(User, viewer.require_person())
    invitation = await session.get(TechnicianInvitation, invitation_id)
    if invitation is None or invitation.email != user.email or user.email_verified_at is None:
        raise not_found("Invitation")
    if invitation.status != Status.PENDING.value:
        raise DomainError(ErrorCode.INVALID_TRANSITION, f"The invitation was already {invitation.status}.", "id")
    return invitation, user


async def _answer(session, invitation: TechnicianInvitation, status: Status, technician_id: int | None) -> None:
    answered = await session.execute(
        update(TechnicianInvitation)
        .where(TechnicianInvitation.id == invitation.id, TechnicianInvitation.status == Status.PENDING.value)
        .values(status=status.value, responded_at=utcnow(), updated_at=utcnow(), technician_id=technician_id)
        .execution_options(synchronize_session=False)
    )
    if rows_matched(answered) == 0:
        raise DomainError(ErrorCode.INVALID_TRANSITION, "The invitation was answered meanwhile.", "id")
    invitation.status, invitation.technician_id = status.value, technician_id


async def accept(db: Database, viewer: Viewer, invitation_id: int, share: bool | None) -> Technician:
    """Join the team (event: technician joined). A technician without a student profile gets a private one,
    where their credentials and training are kept as for any student."""
    async with db.write() as session:
        invitation, user = await _own_pending(session, viewer, invitation_id)
        profile = await session.scalar(select(StudentProfile).where(StudentProfile.user_id == user.id))
        if profile is None:
            profile = StudentProfile(user_id=user.id, visible_to_employers=False)
            session.add(profile)
            await session.flush()
        technician = Technician(
            organization_id=invitation.organization_id,
            user_id=user.id,
            student_id=profile.id,
            role=invitation.role,
            started_on=invitation.started_on,
            status=TechnicianStatus.ACTIVE.value,
            supervisor_user_id=invitation.supervisor_user_id if invitation.supervisor_user_id != user.id else None,
            shares_earlier_records=profile.visible_to_employers if share is None else share,
        )
        await join(session, technician, "id")
        await _answer(session, invitation, Status.ACCEPTED, technician.id)
    return technician


async def decline(db: Database, viewer: Viewer, invitation_id: int) -> TechnicianInvitation:
    """Say no (event: technician invitation declined)."""
    async with db.write() as session:
        invitation, _user = await _own_pending(session, viewer, invitation_id)
        await _answer(session, invitation, Status.DECLINED, None)
    return invitation

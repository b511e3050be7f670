"""Deleting one's own account, with the password.

What goes: the account, its sessions and emailed tokens, its memberships, its student profile with
everything hanging from it (credentials, applications and their history, job invitations, enrollments
and completions, badges, scholarship applications), its mentor profile and its mentorships. What stays:
organizations' own records the person acted on (donation and application steps, postings, stories,
decisions) with the person shown as a deleted account (actor null), and anonymous pay reports, which
never named anyone. An organization must keep an owner: a sole owner hands ownership over first.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select, update

from core.errors import DomainError, ErrorCode
from core.viewer import Role, Viewer
from db.enums.talent import MentorshipStatus
from db.models import Membership, MentorProfile, Mentorship, Organization, User
from resolvers.accounts.passwords import confirm_password
from resolvers.accounts.services import Accounts


async def delete_account(accounts: Accounts, viewer: Viewer, *, password: str) -> None:
    user_id = viewer.require_person()
    async with accounts.db.read() as session:
        user = await session.get_one(User, user_id)
    await confirm_password(accounts, user, password, field="password")
    async with accounts.db.write() as session:
        await _refuse_if_sole_owner(session, user_id)
        # Active mentorships end with the account: give each mentor the place back (the counter is only
        # ever moved by conditional updates, and a CHECK keeps it within capacity).
        mentors = (
            await session.scalars(
                select(Mentorship.mentor_id).where(
                    Mentorship.mentee_id == user_id, Mentorship.status == MentorshipStatus.ACTIVE.value
                )
            )
        ).all()
        for mentor_id in mentors:
            await session.execute(
                update(MentorProfile)
                .where(MentorProfile.id == mentor_id, MentorProfile.active_mentees > 0)
                .values(active_mentees=MentorProfile.active_mentees - 1)
            )
        # The database cascades to everything the person holds and sets their id to null elsewhere.
        await session.execute(delete(User).where(User.id == user_id))


async def _refuse_if_sole_owner(session, user_id: int) -> None:
    owned = (
        await session.scalars(
            select(Membership.organization_id).where(Membership.user_id == user_id, Membership.role == Role.OWNER.value)
        )
    ).all()
    for organization_id in owned:
        # Locked on PostgreSQL, so two owners deleting their accounts at once cannot both be "the other owner".
        organization = await session.get(Organization, organization_id, with_for_update=True)
        owners = await session.scalar(
            select(func.count()).where(
                Membership.organization_id == organization_id, Membership.role == Role.OWNER.value
            )
        )
        if (owners or 0) <= 1:
            raise DomainError(
                ErrorCode.LAST_OWNER,
                f"You are the only owner of {organization.name}: make someone else an owner first.",
            )

"""Who may see what of a person and of an organization: the one place each rule is written.

A person (their name and when they signed up): the person themselves and staff; and people who share
something with them: an organization, a donation (members of its two organizations), a job application
or invitation (the student and the employer's members), an invitation to an organization (the invited,
once they verified the address, and whoever invited them; the organization's members see the invited),
a mentorship (mentor and mentee, from the request on), a scholarship application (the sponsor's members
see the applicant), a shop's team (its members and its technicians), or a student's named school
(its members).
Everyone else, anonymous callers included, sees null. A partner app counts as its organization.

An organization's contact: its members (and its apps), staff, and the other party of a donation with it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Protocol

from sqlalchemy import Select, literal, or_, select, union
from sqlalchemy.ext.asyncio import AsyncSession

from core.viewer import Viewer
from db.models import (
    Application,
    Donation,
    Invitation,
    JobInvitation,
    Membership,
    MentorProfile,
    Mentorship,
    Scholarship,
    ScholarshipApplication,
    StudentProfile,
    Technician,
    User,
)


def sees_without_asking(viewer: Viewer, user_id: int) -> bool | None:
    """The answer when it needs no query (True for oneself and staff, False for anonymous), else None."""
    if viewer.is_staff or (viewer.user_id is not None and viewer.user_id == user_id):
        return True
    if not viewer.is_authenticated:
        return False
    return None


async def visible_people(session: AsyncSession, viewer: Viewer, user_ids: Collection[int]) -> set[int]:
    """Which of these people the viewer may see, in one query however many are asked about."""
    decided = {uid: sees_without_asking(viewer, uid) for uid in user_ids}
    visible = {uid for uid, seen in decided.items() if seen}
    unknown = [uid for uid, seen in decided.items() if seen is None]
    if unknown:
        visible |= set((await session.scalars(_related(viewer, unknown))).all())
    return visible


def _viewer_organizations(viewer: Viewer) -> Any:
    if viewer.is_app:
        return select(literal(viewer.app_organization_id))
    return select(Membership.organization_id).where(Membership.user_id == viewer.user_id)


def _related(viewer: Viewer, targets: list[int]) -> Any:
    orgs = _viewer_organizations(viewer)
    member = Membership.user_id.in_(targets)
    queries: list[Select[Any]] = [
        # an organization
        select(Membership.user_id).where(member, Membership.organization_id.in_(orgs)),
        # a donation: members of either party, when the viewer acts for either party
        select(Membership.user_id)
        .join(
            Donation,
            or_(Donation.donor_id == Membership.organization_id, Donation.school_id == Membership.organization_id),
        )
        .where(member, or_(Donation.donor_id.in_(orgs), Donation.school_id.in_(orgs))),
        # a named school sees its students
        select(StudentProfile.user_id).where(StudentProfile.user_id.in_(targets), StudentProfile.school_id.in_(orgs)),
    ]
    for link in (Application, JobInvitation):
        # the employer's side sees the student; the student sees the employer's members
        queries.append(
            select(StudentProfile.user_id)
            .join(link, link.student_id == StudentProfile.id)
            .where(StudentProfile.user_id.in_(targets), link.employer_id.in_(orgs))
        )
        if viewer.user_id is not None:
            queries.append(
                select(Membership.user_id)
                .join(link, link.employer_id == Membership.organization_id)
                .join(StudentProfile, StudentProfile.id == link.student_id)
                .where(member, StudentProfile.user_id == viewer.user_id)
            )
    # a scholarship or tool-grant application: the sponsor's side sees the applicant
    queries.append(
        select(StudentProfile.user_id)
        .join(ScholarshipApplication, ScholarshipApplication.student_id == StudentProfile.id)
        .join(Scholarship, Scholarship.id == ScholarshipApplication.scholarship_id)
        .where(StudentProfile.user_id.in_(targets), Scholarship.sponsor_id.in_(orgs))
    )
    # a shop's team: its members see its technicians, and a technician sees the shop's members
    queries.append(
        select(Technician.user_id).where(Technician.user_id.in_(targets), Technician.organization_id.in_(orgs))
    )
    if viewer.user_id is not None:
        queries.append(
            select(Membership.user_id)
            .join(Technician, Technician.organization_id == Membership.organization_id)
            .where(member, Technician.user_id == viewer.user_id)
        )
    # an invitation to an organization: its members see the verified invitee
    queries.append(
        select(User.id)
        .join(Invitation, Invitation.email == User.email)
        .where(User.id.in_(targets), User.email_verified_at.is_not(None), Invitation.organization_id.in_(orgs))
    )
    if viewer.user_id is not None:
        own_email = select(User.email).where(User.id == viewer.user_id, User.email_verified_at.is_not(None))
        queries += [
            # ... and the invitee sees who invited them
            select(Invitation.invited_by_id).where(
                Invitation.invited_by_id.in_(targets), Invitation.email.in_(own_email)
            ),
            # a mentorship, either way round
            select(MentorProfile.user_id)
            .join(Mentorship, Mentorship.mentor_id == MentorProfile.id)
            .where(MentorProfile.user_id.in_(targets), Mentorship.mentee_id == viewer.user_id),
            select(Mentorship.mentee_id)
            .join(MentorProfile, Mentorship.mentor_id == MentorProfile.id)
            .where(Mentorship.mentee_id.in_(targets), MentorProfile.user_id == viewer.user_id),
        ]
    return union(*queries)


class OrganizationTies(Protocol):
    """What the rules need to know about the viewer's organizations, however the caller reads it."""

    async def organization_ids(self) -> Collection[int]:
        """The organizations the viewer is a member of (an app: its own organization)."""

    async def shares_donation_with(self, organization_id: int) -> bool:
        """Whether the viewer's side is the other party of a (not declined) donation with it."""


async def may_see_contact(viewer: Viewer, organization_id: int, ties: OrganizationTies) -> bool:
    """An organization's contact email and phone: its members (and its apps), staff, and the other party
    of a donation with it, who must arrange pickup or delivery."""
    if viewer.is_staff or organization_id in await ties.organization_ids():
        return True
    return await ties.shares_donation_with(organization_id)

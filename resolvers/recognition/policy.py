"""Who may see and act on recognition: the one place each rule is written.

Recognition levels and the wall are public; an organization joins or leaves the wall by its owners and
admins (their apps with organization:write). A thank-you note belongs to its donation: the school's
members write it (apps with donations:write), once the items were received; the donation's two parties
and staff read it, with its photos; to anyone else it does not exist, as the donation does not.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import DomainError, ErrorCode
from core.viewer import ANY_MEMBER, MANAGERS, Scope, Viewer, require_role, role_in
from db.models import Donation, ThankYouNote
from resolvers.donations import policy as donations_policy


async def require_wall_manager(session: AsyncSession, viewer: Viewer, organization_id: int) -> None:
    await require_role(session, viewer, organization_id, roles=MANAGERS, scope=Scope.ORGANIZATION_WRITE)


async def require_thanking_school(session: AsyncSession, viewer: Viewer, donation: Donation) -> None:
    """The school's members write the note; the donor is refused, anyone else does not see the donation."""
    if not viewer.is_authenticated:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "Sign in to do this.")
    if await role_in(session, viewer, donation.school_id) is None:
        if await role_in(session, viewer, donation.donor_id) is None and not viewer.is_staff:
            raise DomainError(ErrorCode.NOT_FOUND, "Donation not found.", "donationId")
        raise DomainError(ErrorCode.PERMISSION_DENIED, "Only the receiving school writes a thank-you note.")
    await require_role(session, viewer, donation.school_id, roles=ANY_MEMBER, scope=Scope.DONATIONS_WRITE)


def may_read_note(viewer: Viewer, member_of: Collection[int], note: ThankYouNote) -> bool:
    readers = donations_policy.reader_organizations(viewer, member_of)
    return donations_policy.sees_donation(readers, note.donor_id, note.school_id)

"""Who may change and see photos: the one place each rule is written.

A listing's photos are public like the listing; only members of its donor (their partner apps with
donations:write) add, remove or reorder them. A thank-you note's photos follow the note's rule
(resolvers/recognition/policy.py): the donation's two parties and staff.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import DomainError, ErrorCode
from core.viewer import ANY_MEMBER, Scope, Viewer, require_role
from db.models import Listing


async def require_listing_editor(session: AsyncSession, viewer: Viewer, listing: Listing) -> None:
    """Members of the donor (apps with donations:write); a withdrawn listing takes no more changes."""
    await require_role(session, viewer, listing.donor_id, roles=ANY_MEMBER, scope=Scope.DONATIONS_WRITE)
    if listing.withdrawn_at is not None:
        raise DomainError(ErrorCode.LISTING_UNAVAILABLE, "This listing was withdrawn.", "listingId")

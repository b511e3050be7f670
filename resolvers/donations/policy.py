"""Who may see and act on donations: the one place each rule is written.

A donation, its events and its receipt exist only for the members of its two parties (their partner
apps with a donations scope) and for staff. Fields, `node`, lists, use cases, receipts and contact
details of donation partners all ask here; to anyone else the donation does not exist.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.viewer import Scope, Viewer
from db.enums.donations import DonationStatus
from db.models import Donation, OutboxEvent

READ_SCOPES = frozenset({Scope.DONATIONS_READ.value, Scope.DONATIONS_WRITE.value})


def app_may_read(viewer: Viewer) -> bool:
    """People always may; a partner app needs a donations scope."""
    return not viewer.is_app or bool(viewer.scopes & READ_SCOPES)


def reader_organizations(viewer: Viewer, member_of: Collection[int]) -> set[int] | None:
    """The organizations whose donations the viewer reads as a party; None means every donation (staff)."""
    if viewer.is_staff:
        return None
    return set(member_of) if app_may_read(viewer) else set()


def may_export(viewer: Viewer, organization_id: int, member_of: Collection[int]) -> bool:
    """An organization's own needs, listings, donations and receipts, in bulk: its members (apps with a
    donations scope) and staff, the same readers as each donation's."""
    readers = reader_organizations(viewer, member_of)
    return readers is None or organization_id in readers


def actor_organizations(viewer: Viewer, member_of: Collection[int]) -> set[int]:
    """The organizations the viewer may take workflow steps for (apps need donations:write)."""
    if viewer.is_app and Scope.DONATIONS_WRITE.value not in viewer.scopes:
        return set()
    return set(member_of)


def sees_donation(readers: set[int] | None, donor_id: int, school_id: int) -> bool:
    return readers is None or donor_id in readers or school_id in readers


async def partners_among(session: AsyncSession, readers: set[int], organization_ids: Iterable[int]) -> set[int]:
    """Which of these organizations are on the other side of a (not declined) donation with the readers."""
    asked = list(organization_ids)
    d = Donation
    rows = await session.execute(
        select(d.donor_id, d.school_id).where(
            d.status != DonationStatus.DECLINED.value,
            or_(
                and_(d.donor_id.in_(asked), d.school_id.in_(readers)),
                and_(d.school_id.in_(asked), d.donor_id.in_(readers)),
            ),
        )
    )
    return {org for pair in rows for org in pair} - readers


def may_hear(viewer: Viewer, organization_ids: Collection[int], event: OutboxEvent) -> bool:
    """Events follow the read rules: needs and listings are public, donations and receipts reach their
    two parties (apps with a donations scope) and staff."""
    if event.is_public or viewer.is_staff:
        return True
    if not app_may_read(viewer):
        return False
    return any(org in organization_ids for org in event.organization_ids)


def sees_service_offer(readers: set[int] | None, shop_id: int, school_id: int) -> bool:
    """A shop's offer to deliver a school's service need: the school's and the shop's members (apps with a
    donations scope) and staff; to anyone else it does not exist."""
    return readers is None or shop_id in readers or school_id in readers


def may_offer_services(is_donor: bool, is_employer: bool) -> bool:
    """Shops offer School Assist services: organizations that give (donors) or hire (employers)."""
    return is_donor or is_employer

"""Who sees which donations: members of its two parties (apps with a donations scope), and staff.

To anyone else a donation, its events and its receipt do not exist. Fields, `node`, lists and
contact details of donation partners all ask here.
"""

from __future__ import annotations

from sqlalchemy import and_, or_, select

from core.viewer import Scope
from db import enums, models
from schema.accounts.organizations import CONTACT_VISIBILITY
from schema.context import Info

_READ_SCOPES = frozenset({Scope.DONATIONS_READ.value, Scope.DONATIONS_WRITE.value})


async def donation_organizations(info: Info) -> set[int] | None:
    """Organizations whose donations the viewer sees; None means all (staff)."""
    viewer = info.context.viewer
    if viewer.is_staff:
        return None
    if viewer.is_app:
        organization_id = viewer.app_organization_id  # set on every app token's viewer
        return {organization_id} if organization_id is not None and viewer.scopes & _READ_SCOPES else set()
    return set(await info.context.roles())


def sees(orgs: set[int] | None, donor_id: int, school_id: int) -> bool:
    return orgs is None or donor_id in orgs or school_id in orgs


async def _counterpart_batch(info: Info, organization_ids) -> list[bool]:
    """For each organization: does the viewer's side have a (not declined) donation with it?"""
    mine = await donation_organizations(info)
    if not mine:
        return [mine is None] * len(organization_ids)
    d = models.Donation
    async with info.context.db.read() as session:
        rows = await session.execute(
            select(d.donor_id, d.school_id).where(
                d.status != enums.DonationStatus.DECLINED.value,
                or_(
                    and_(d.donor_id.in_(organization_ids), d.school_id.in_(mine)),
                    and_(d.school_id.in_(organization_ids), d.donor_id.in_(mine)),
                ),
            )
        )
        partners = {org for pair in rows for org in pair} - mine
    return [org in partners for org in organization_ids]


async def is_donation_partner(info: Info, organization_id: int) -> bool:
    loader = info.context.loaders.custom("donation_partner", lambda db, keys: _counterpart_batch(info, keys))
    return await loader.load(organization_id)


CONTACT_VISIBILITY.append(is_donation_partner)

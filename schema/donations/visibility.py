"""The donation rules of `resolvers.donations.policy`, asked with the request's cached roles and loaders."""

from __future__ import annotations

from collections.abc import Sequence

from resolvers.donations import policy
from schema.context import Info


async def donation_organizations(info: Info) -> set[int] | None:
    """Organizations whose donations the viewer sees; None means all (staff)."""
    return policy.reader_organizations(info.context.viewer, await info.context.roles())


def sees(orgs: set[int] | None, donor_id: int, school_id: int) -> bool:
    return policy.sees_donation(orgs, donor_id, school_id)


async def _counterpart_batch(info: Info, organization_ids: Sequence[int]) -> list[bool]:
    """For each organization: does the viewer's side have a (not declined) donation with it?"""
    mine = await donation_organizations(info)
    if not mine:
        return [mine is None] * len(organization_ids)
    async with info.context.db.read() as session:
        partners = await policy.partners_among(session, mine, organization_ids)
    return [org in partners for org in organization_ids]


async def is_donation_partner(info: Info, organization_id: int) -> bool:
    """Whether the viewer's side shares a donation with the organization (staff: always)."""
    loader = info.context.loaders.custom("donation_partner", lambda db, keys: _counterpart_batch(info, keys))
    return bool(await loader.load(organization_id))

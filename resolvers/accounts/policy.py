"""Who may see what of an organization: the one place each rule is written."""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from core.viewer import Viewer


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

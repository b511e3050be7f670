"""Who the viewer acts for on the talent side, read from the request's cached roles (no extra queries)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from core.viewer import Scope
from db import models
from resolvers.pathways.scholarship_applicants import applicants_of
from resolvers.talent import students
from schema.context import Info


def _app_may(info: Info, scope: Scope) -> bool:
    viewer = info.context.viewer
    return not viewer.is_app or scope.value in viewer.scopes


async def acts_for(info: Info, organization_id: int, scope: Scope = Scope.TALENT_READ, *, staff: bool = True) -> bool:
    """A member of the organization, its app holding `scope`, or (with `staff`) platform staff."""
    if staff and info.context.viewer.is_staff:
        return True
    return _app_may(info, scope) and organization_id in await info.context.roles()


async def employer_ids(info: Info) -> list[int]:
    """The employers the viewer acts for (apps need talent:read)."""
    if not _app_may(info, Scope.TALENT_READ):
        return []
    ties = RequestTies(info)
    return await ties.employers_among(await ties.organization_ids())


@dataclass(frozen=True)
class RequestTies:
    """`resolvers.talent.policy.ViewerTies` from the request's cached roles and batched loaders."""

    info: Info

    async def organization_ids(self) -> Collection[int]:
        return set(await self.info.context.roles())

    async def employers_among(self, organization_ids: Collection[int]) -> list[int]:
        organizations = await self.info.context.loaders.by_id(models.Organization).load_many(list(organization_ids))
        return [org.id for org in organizations if org is not None and org.is_employer]

    async def released(self, student_id: int, employer_ids: list[int]) -> bool:
        # One query per request for every profile asked about; the viewer's employers do not change within it.
        async def batch(db, keys):
            released = await students.released_to(db, keys, employer_ids)
            return [key in released for key in keys]

        return await self.info.context.loaders.custom("students_released_to_viewer", batch).load(student_id)

    async def applied_for_awards(self, student_id: int, organization_ids: Collection[int]) -> bool:
        if not organization_ids:
            return False
        organizations = set(organization_ids)

        async def batch(db, keys):  # one query per request: the viewer's organizations do not change within it
            found = await applicants_of(db, keys, organizations)
            return [key in found for key in keys]

        return await self.info.context.loaders.custom("students_applied_for_viewers_awards", batch).load(student_id)

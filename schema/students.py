"""Student profiles: programs, skills and credentials, private unless the student opts in."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from db import models
from schema.context import Info
from schema.organizations import Organization
from schema.relay import Node, node_type
from schema.scalars import Program

if TYPE_CHECKING:  # pathways
    from schema.pathway import PathwayEntry
    from schema.scholarships import Scholarship


async def can_view_profile(info: Info, row: models.StudentProfile) -> bool:
    """The student, their school's members and staff always; employers only when it is visible."""
    ctx = info.context
    if ctx.viewer.is_staff or ctx.viewer.user_id == row.user_id:
        return True
    if row.school_id is not None and await ctx.is_member(row.school_id):
        return True
    return row.visible_to_employers and await _is_employer_member(info)


async def _is_employer_member(info: Info) -> bool:
    roles = await info.context.roles()
    organizations = await info.context.loaders.by_id(models.Organization).load_many(list(roles))
    return any(org is not None and org.is_employer for org in organizations)


@node_type
@strawberry.type(description="A student's or new technician's profile.")
class StudentProfile(Node):
    headline: str
    programs: list[Program]
    graduation_date: date | None
    postal_code: str | None
    travel_radius_km: float
    visible_to_employers: bool
    other_skills: list[str] = strawberry.field(description="Skills given that match no canonical skill, kept as given.")
    created_at: datetime
    updated_at: datetime
    _row: strawberry.Private[models.StudentProfile]

    @classmethod
    def from_model(cls, row: models.StudentProfile) -> "StudentProfile":
        return cls(
            pk=row.id,
            headline=row.headline,
            programs=[Program(p) for p in row.programs or ()],
            graduation_date=row.graduation_date,
            postal_code=row.postal_code,
            travel_radius_km=row.travel_radius_km,
            visible_to_employers=row.visible_to_employers,
            other_skills=list(row.other_skills or ()),
            created_at=row.created_at,
            updated_at=row.updated_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> "StudentProfile | None":
        row = await info.context.loaders.by_id(models.StudentProfile).load(pk)
        return cls.from_model(row) if row is not None and await can_view_profile(info, row) else None

    @strawberry.field
    async def school(self, info: Info) -> Organization | None:
        return await Organization.load(info, self._row.school_id) if self._row.school_id else None

    # --- Pathways: scholarships and the timeline (schema/scholarships.py, schema/pathway.py) ---
    @strawberry.field(description="Open or upcoming scholarships the student qualifies for, soonest deadline "
                                  "first; for the student, their school and staff.")
    async def eligible_scholarships(
        self, info: Info
    ) -> list[Annotated["Scholarship", strawberry.lazy("schema.scholarships")]]:
        from schema.scholarships import eligible_scholarships

        return await eligible_scholarships(info, self._row)

    @strawberry.field(description="The student's steps in date order, oldest first: enrollments, modules, badges "
                                  "and credentials, scholarships. Employers see only what the student released.")
    async def pathway(self, info: Info) -> list[Annotated["PathwayEntry", strawberry.lazy("schema.pathway")]]:
        from schema.pathway import pathway

        return await pathway(info, self._row)
    # --- end Pathways ---

"""`Organization.students`: a school's own students, found by name and graduation year."""

from __future__ import annotations

import strawberry

from core.paging import Page
from resolvers.talent import school_students
from schema.context import Info
from schema.relay import Connection
from schema.talent.students import StudentProfile


@strawberry.input(description="Narrows `Organization.students`; fields left out do not filter.")
class SchoolStudentFilter:
    name: str | None = strawberry.field(
        default=None,
        description="Words the student's name contains, each anywhere in it, ignoring case (`smi ann` finds Ann "
        "Smith); taken literally (% and _ are not wildcards); up to 200 characters.",
    )
    graduation_year: int | None = strawberry.field(
        default=None, description="Only students graduating (or graduated) in this calendar year, 1950 to 2100."
    )


async def school_students_of(
    info: Info, school_id: int, filter: SchoolStudentFilter | None, page: Page
) -> Connection[StudentProfile] | None:
    filter = filter or SchoolStudentFilter()
    criteria = school_students.SchoolStudentFilter(name=filter.name, graduation_year=filter.graduation_year)
    result = await school_students.search(
        info.context.db, info.context.viewer, school_id, set(await info.context.roles()), criteria, page
    )
    return None if result is None else Connection.of(result, StudentProfile.from_model)

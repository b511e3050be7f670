"""Student profiles: programs, skills and credentials, private unless the student opts in."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from db import models
from resolvers.talent import students
from resolvers.talent.student_access import may_see_student
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.errors import Payload, returns_payload
from schema.permissions import IsPerson
from schema.relay import Connection, Node, decode_id, node_type, page_args
from schema.scalars import NearInput, Program, given
from schema.talent.access import RequestTies, employer_ids, released_to_viewer
from schema.talent.enums import Availability
from schema.talent.skills import Skill, SkillSuggestion, skill_list, suggestions_of

if TYPE_CHECKING:
    from schema.talent.applications import Application
    from schema.talent.credentials import StudentCredential
    from schema.talent.invitations import JobInvitation

if TYPE_CHECKING:  # pathways
    from schema.pathways.scholarship_types import Scholarship
    from schema.pathways.timeline import PathwayEntry


async def can_view_profile(info: Info, row: models.StudentProfile) -> bool:
    """The one rule of `resolvers.talent.student_access.may_see_student`, from the request's cached roles."""
    return await may_see_student(info.context.viewer, row, RequestTies(info))


@node_type
@strawberry.type(description="A student's or new technician's profile.")
class StudentProfile(Node):
    headline: str
    bio: str
    programs: list[Program]
    availability: list[Availability]
    graduation_date: date | None
    postal_code: str | None
    travel_radius_km: float
    visible_to_employers: bool
    other_skills: list[str] = strawberry.field(description="Skills given that match no canonical skill, kept as given.")
    created_at: datetime
    updated_at: datetime
    _row: strawberry.Private[models.StudentProfile]

    @classmethod
    def from_model(cls, row: models.StudentProfile) -> StudentProfile:
        return cls(
            pk=row.id,
            headline=row.headline,
            bio=row.bio,
            programs=[Program(p) for p in row.programs or ()],
            availability=[Availability(a) for a in row.availability or ()],
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
    async def load(cls, info: Info, pk: int) -> StudentProfile | None:
        row = await info.context.loaders.by_id(models.StudentProfile).load(pk)
        return cls.from_model(row) if row is not None and await can_view_profile(info, row) else None

    @strawberry.field
    async def school(self, info: Info) -> Organization | None:
        return await Organization.load(info, self._row.school_id) if self._row.school_id else None

    @strawberry.field(description="Canonical skills.")
    def skills(self) -> list[Skill]:
        return skill_list(self._row.skill_ids)

    @strawberry.field(description="Credentials held, with their status as of today.")
    async def credentials(
        self, info: Info
    ) -> list[Annotated[StudentCredential, strawberry.lazy("schema.talent.credentials")]]:
        from schema.talent.credentials import StudentCredential

        rows = await info.context.loaders.by_column(models.StudentCredential, "student_id").load(self.pk)
        return [StudentCredential.from_model(row) for row in rows]

    async def contact_released(self, info: Info) -> bool:
        ctx = info.context
        if ctx.viewer.is_staff or ctx.viewer.user_id == self._row.user_id:
            return True
        if self._row.school_id is not None and await ctx.is_member(self._row.school_id):
            return True
        return await released_to_viewer(info, self.pk)

    @strawberry.field(description="Released to an employer only once the student applies or accepts its invitation.")
    async def name(self, info: Info) -> str | None:
        if not await self.contact_released(info):
            return None
        return (await info.context.loaders.by_id(models.User).load(self._row.user_id)).name

    @strawberry.field(description="Contact email; released like `name`.")
    async def email(self, info: Info) -> str | None:
        if not await self.contact_released(info):
            return None
        return (await info.context.loaders.by_id(models.User).load(self._row.user_id)).email

    @strawberry.field(description="The student's applications; only the student sees them here.")
    async def applications(
        self, info: Info
    ) -> list[Annotated[Application, strawberry.lazy("schema.talent.applications")]]:
        from schema.talent.applications import Application

        if info.context.viewer.user_id != self._row.user_id:
            return []
        rows = await info.context.loaders.by_column(models.Application, "student_id").load(self.pk)
        return [Application.from_model(row) for row in rows]

    @strawberry.field(description="Invitations received; only the student sees them here.")
    async def invitations(
        self, info: Info
    ) -> list[Annotated[JobInvitation, strawberry.lazy("schema.talent.invitations")]]:
        from schema.talent.invitations import JobInvitation

        if info.context.viewer.user_id != self._row.user_id:
            return []
        rows = await info.context.loaders.by_column(models.JobInvitation, "student_id").load(self.pk)
        return [JobInvitation.from_model(row) for row in rows]

    @strawberry.field(description="Open postings ranked for this student, best first; for the student and staff.")
    async def recommended_jobs(
        self, info: Info, first: int | None = 20, after: str | None = None
    ) -> Annotated[JobPostingMatchConnection, strawberry.lazy("schema.matches.fields")] | None:
        from schema.matches.fields import recommended_jobs

        return await recommended_jobs(info, self._row, first, after)

    @strawberry.field(description="Mentors with open places ranked for this student; for the student and staff.")
    async def mentor_matches(
        self, info: Info, first: int | None = 10
    ) -> Annotated[MentorProfileMatchConnection, strawberry.lazy("schema.matches.fields")] | None:
        from schema.matches.fields import mentor_matches

        return await mentor_matches(info, self._row, first)

    @strawberry.field(
        description="Open or upcoming scholarships and tool grants the student qualifies for, soonest deadline "
        "first; null unless you are the student, a member of their school, or staff."
    )
    async def eligible_scholarships(
        self,
        info: Info,
        first: Annotated[
            int | None, strawberry.argument(description="How many items to return, from 0 to 100; 20 when omitted.")
        ] = 20,
        after: Annotated[
            str | None,
            strawberry.argument(
                description="Return the items after this cursor (`pageInfo.endCursor` of the last page)."
            ),
        ] = None,
    ) -> Connection[Annotated[Scholarship, strawberry.lazy("schema.pathways.scholarship_types")]] | None:
        from schema.pathways.scholarship_types import eligible_scholarships

        return await eligible_scholarships(info, self._row, first, after)

    @strawberry.field(
        description="The student's steps, oldest first (steps of one day in the order of PathwayEntryKind): "
        "training, credentials, scholarships, mentorship and jobs. The student, their school and staff see every "
        "step; an organization sees the steps it recorded (its program, its award), an employer the steps of the "
        "student's applications to it, and, when the profile is visible to employers, badges and credentials."
    )
    async def pathway(
        self,
        info: Info,
        first: Annotated[
            int | None, strawberry.argument(description="How many items to return, from 0 to 100; 20 when omitted.")
        ] = 20,
        after: Annotated[
            str | None,
            strawberry.argument(
                description="Return the items after this cursor (`pageInfo.endCursor` of the last page)."
            ),
        ] = None,
    ) -> Connection[Annotated[PathwayEntry, strawberry.lazy("schema.pathways.timeline")]]:
        from schema.pathways.timeline import pathway

        return await pathway(info, self._row, first, after)


@strawberry.input(description="Only the fields given are changed; a first call creates your profile.")
class StudentProfileUpsertInput:
    school_id: strawberry.ID | None = strawberry.UNSET
    programs: list[Program] | None = strawberry.UNSET
    graduation_date: date | None = strawberry.UNSET
    postal_code: str | None = strawberry.UNSET
    travel_radius_km: float | None = strawberry.UNSET
    availability: list[Availability] | None = strawberry.UNSET
    skills: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="Free text; matched to canonical skills, the rest kept and reported."
    )
    headline: str | None = strawberry.UNSET
    bio: str | None = strawberry.UNSET
    visible_to_employers: bool | None = strawberry.UNSET


@strawberry.type
class StudentProfileUpsertPayload(Payload):
    student_profile: StudentProfile | None = None
    skill_suggestions: list[SkillSuggestion] = strawberry.field(
        default_factory=list, description="Skills kept as given because they matched no canonical skill."
    )


@strawberry.input
class StudentProfileFilter:
    near: NearInput | None = None
    program: Program | None = None
    availability: Availability | None = None
    credential: str | None = strawberry.field(default=None, description="A credential code held and not expired.")


@strawberry.type
class StudentQueries:
    @strawberry.field
    async def student_profile(self, info: Info, id: strawberry.ID) -> StudentProfile | None:
        return await StudentProfile.load(info, decode_id(id, "StudentProfile"))

    @strawberry.field(description="Your own student profile, if you have one.")
    async def my_student_profile(self, info: Info) -> StudentProfile | None:
        user_id = info.context.viewer.user_id
        if user_id is None:
            return None
        rows = await info.context.loaders.by_column(models.StudentProfile, "user_id").load(user_id)
        return StudentProfile.from_model(rows[0]) if rows else None

    @strawberry.field(description="Profiles you may browse: visible ones for employers, your students for schools.")
    async def student_profiles(
        self, info: Info, filter: StudentProfileFilter | None = None, first: int | None = 20, after: str | None = None
    ) -> Connection[StudentProfile]:
        filter = filter or StudentProfileFilter()
        roles = await info.context.roles()
        schools = await info.context.loaders.by_id(models.Organization).load_many(list(roles))
        audience = students.Audience(
            everyone=info.context.viewer.is_staff,
            visible=bool(await employer_ids(info)),
            school_ids=tuple(o.id for o in schools if o is not None and o.is_school and not info.context.viewer.is_app),
        )
        criteria = students.StudentFilter(
            near=filter.near.circle() if filter.near else None,
            program=filter.program.value if filter.program else None,
            availability=filter.availability.value if filter.availability else None,
            credential=filter.credential,
        )
        result = await students.browse(info.context.db, audience, criteria, page_args(first, after))
        return Connection.of(result, StudentProfile.from_model)


@strawberry.type
class StudentMutations:
    @strawberry.mutation(permission_classes=[IsPerson], description="Create or change your student profile.")
    @returns_payload
    async def student_profile_upsert(self, info: Info, input: StudentProfileUpsertInput) -> StudentProfileUpsertPayload:
        changes = given(input)
        if changes.get("school_id") is not None:
            changes["school_id"] = decode_id(changes["school_id"], "Organization", "schoolId")
        row, normalized = await students.upsert(info.context.db, info.context.viewer.user_id, changes)
        return StudentProfileUpsertPayload(
            student_profile=StudentProfile.from_model(row), skill_suggestions=suggestions_of(normalized)
        )

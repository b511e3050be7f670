"""Student profiles: programs, skills and credentials, private unless the student opts in."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from db import models
from resolvers.talent import policy, students
from resolvers.talent.policy import may_see_student
from schema.accounts.organizations import Organization
from schema.accounts.users import sees_person
from schema.context import Info
from schema.errors import Caller, Payload, returns_payload
from schema.relay import After, Connection, First, Node, decode_id, node_type, page_args, page_of
from schema.scalars import Program, given
from schema.talent.access import RequestTies, employer_ids
from schema.talent.enums import Availability
from schema.talent.skills import Skill, SkillSuggestion, skill_list, suggestions_of
from schema.talent.student_inputs import StudentProfileFilter, StudentProfileUpsertInput

if TYPE_CHECKING:
    from schema.matches.fields import JobPostingMatchConnection, MentorProfileMatchConnection
    from schema.talent.applications import Application
    from schema.talent.credentials import StudentCredential
    from schema.talent.invitations import JobInvitation

if TYPE_CHECKING:  # pathways
    from schema.pathways.scholarship_types import Scholarship
    from schema.pathways.timeline import PathwayEntry


async def can_view_profile(info: Info, row: models.StudentProfile) -> bool:
    """The one rule of `resolvers.talent.policy.may_see_student`, from the request's cached roles."""
    return await may_see_student(info.context.viewer, row, RequestTies(info))


@node_type
@strawberry.type(
    description="A student's or new technician's profile: programs, skills, credentials and the work they look "
    "for. Seen by the student, their school's members, staff, and employers (members, or apps with talent:read) "
    "while it is visible to employers or once the student applied to or accepted an invitation of that "
    "employer; null for anyone else."
)
class StudentProfile(Node):
    headline: str = strawberry.field(description="The student's one-line summary; empty when not given.")
    bio: str = strawberry.field(description="The student's own words about themselves, plain text; may be empty.")
    programs: list[Program] = strawberry.field(description="The training programs or trades the student studies.")
    availability: list[Availability] = strawberry.field(description="The kinds of work the student is looking for.")
    graduation_date: date | None = strawberry.field(
        description="When the student graduates (or graduated); null when not given."
    )
    postal_code: str | None = strawberry.field(
        description="The US ZIP code the student works from; null when not given, and then no match is ranked "
        "by distance for them."
    )
    travel_radius_km: float = strawberry.field(
        description="How far the student will travel to work, in kilometres; 50 unless they chose otherwise."
    )
    visible_to_employers: bool = strawberry.field(
        description="Whether employers may find and see the profile; false (private) until the student opts in. "
        "Name and contact stay hidden from employers either way until the student applies or accepts an invitation."
    )
    other_skills: list[str] = strawberry.field(description="Skills given that match no canonical skill, kept as given.")
    created_at: datetime = strawberry.field(description="When the profile was created.")
    updated_at: datetime = strawberry.field(description="When the profile last changed.")
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

    @strawberry.field(
        description="The school the student named; its members see the profile even when it is hidden. Null "
        "when none was named."
    )
    async def school(self, info: Info) -> Organization | None:
        return await Organization.load(info, self._row.school_id) if self._row.school_id else None

    @strawberry.field(description="The student's canonical skills, matched from the text they gave.")
    def skills(self) -> list[Skill]:
        return skill_list(self._row.skill_ids)

    @strawberry.field(
        description="Credentials held, in the order added, with their status as of today; seen by whoever sees "
        "the profile."
    )
    async def credentials(
        self, info: Info, first: First = 20, after: After = None
    ) -> Connection[Annotated[StudentCredential, strawberry.lazy("schema.talent.credentials")]]:
        from schema.talent.credentials import StudentCredential

        rows = await info.context.loaders.by_column(models.StudentCredential, "student_id").load(self.pk)
        return Connection.of(page_of(rows, first, after), StudentCredential.from_model)

    async def contact_released(self, info: Info) -> bool:
        return await policy.may_see_contact(info.context.viewer, self._row, RequestTies(info))

    @strawberry.field(description="Released to an employer only once the student applies or accepts its invitation.")
    async def name(self, info: Info) -> str | None:
        if not await self.contact_released(info) or not await sees_person(info, self._row.user_id):
            return None
        return (await info.context.loaders.by_id(models.User).load(self._row.user_id)).name

    @strawberry.field(description="Contact email; released like `name`.")
    async def email(self, info: Info) -> str | None:
        if not await self.contact_released(info):
            return None
        return (await info.context.loaders.by_id(models.User).load(self._row.user_id)).email

    def _is_own(self, info: Info) -> bool:
        return info.context.viewer.user_id is not None and info.context.viewer.user_id == self._row.user_id

    @strawberry.field(
        description="The student's applications, newest first; only the student sees them here (null for anyone "
        "else; employers see theirs through `applications`)."
    )
    async def applications(
        self, info: Info, first: First = 20, after: After = None
    ) -> Connection[Annotated[Application, strawberry.lazy("schema.talent.applications")]] | None:
        from schema.talent.applications import Application

        if not self._is_own(info):
            return None
        loader = info.context.loaders.by_column(models.Application, "student_id", order_by=("created_at", "id"))
        rows = list(reversed(await loader.load(self.pk)))
        return Connection.of(page_of(rows, first, after), Application.from_model)

    @strawberry.field(
        description="Invitations to apply the student received, newest first; only the student sees them here "
        "(null for anyone else)."
    )
    async def invitations(
        self, info: Info, first: First = 20, after: After = None
    ) -> Connection[Annotated[JobInvitation, strawberry.lazy("schema.talent.invitations")]] | None:
        from schema.talent.invitations import JobInvitation

        if not self._is_own(info):
            return None
        loader = info.context.loaders.by_column(models.JobInvitation, "student_id", order_by=("created_at", "id"))
        rows = list(reversed(await loader.load(self.pk)))
        return Connection.of(page_of(rows, first, after), JobInvitation.from_model)

    @strawberry.field(
        description="Open postings ranked for this student, best first, each score explained; for the student "
        "and staff (null for anyone else)."
    )
    async def recommended_jobs(
        self, info: Info, first: First = 20, after: After = None
    ) -> Annotated[JobPostingMatchConnection, strawberry.lazy("schema.matches.fields")] | None:
        from schema.matches.fields import recommended_jobs

        return await recommended_jobs(info, self._row, first, after)

    @strawberry.field(
        description="Mentors with open places ranked for this student, best first, each score explained; for the "
        "student and staff (null for anyone else). Pages of 10 unless `first` says otherwise."
    )
    async def mentor_matches(
        self, info: Info, first: First = 10, after: After = None
    ) -> Annotated[MentorProfileMatchConnection, strawberry.lazy("schema.matches.fields")] | None:
        from schema.matches.fields import mentor_matches

        return await mentor_matches(info, self._row, first, after)

    @strawberry.field(
        description="Open or upcoming scholarships and tool grants the student qualifies for, soonest deadline "
        "first; null unless you are the student, a member of their school, or staff."
    )
    async def eligible_scholarships(
        self,
        info: Info,
        first: Annotated[
            int | None, strawberry.argument(description="How many items to return, from 1 to 100; 20 when omitted.")
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
            int | None, strawberry.argument(description="How many items to return, from 1 to 100; 20 when omitted.")
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


@strawberry.type(description="The result of `studentProfileUpsert`.")
class StudentProfileUpsertPayload(Payload):
    student_profile: StudentProfile | None = strawberry.field(
        default=None, description="Your profile as saved; null when nothing was saved."
    )
    skill_suggestions: list[SkillSuggestion] = strawberry.field(
        default_factory=list, description="Skills kept as given because they matched no canonical skill."
    )


@strawberry.type
class StudentQueries:
    @strawberry.field(description="A student profile by ID; null when there is none the viewer may see.")
    async def student_profile(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The profile's global ID.")]
    ) -> StudentProfile | None:
        return await StudentProfile.load(info, decode_id(id, "StudentProfile"))

    @strawberry.field(description="Your own student profile; null when you have none or are not signed in as a person.")
    async def my_student_profile(self, info: Info) -> StudentProfile | None:
        user_id = info.context.viewer.user_id
        if user_id is None:
            return None
        rows = await info.context.loaders.by_column(models.StudentProfile, "user_id").load(user_id)
        return StudentProfile.from_model(rows[0]) if rows else None

    @strawberry.field(
        description="Profiles you may browse: visible ones for employers (members, or apps with talent:read), "
        "your students for schools, all for staff; empty for anyone else."
    )
    async def student_profiles(
        self,
        info: Info,
        filter: Annotated[
            StudentProfileFilter | None,
            strawberry.argument(description="Criteria; all profiles you may see if omitted."),
        ] = None,
        first: First = 20,
        after: After = None,
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
    @strawberry.mutation(
        description="Create or change your student profile (signed-in people only; app tokens get PERMISSION_DENIED)."
    )
    @returns_payload(caller=Caller.PERSON)
    async def student_profile_upsert(
        self,
        info: Info,
        input: Annotated[StudentProfileUpsertInput, strawberry.argument(description="The fields to set.")],
    ) -> StudentProfileUpsertPayload:
        changes = given(input)
        if changes.get("school_id") is not None:
            changes["school_id"] = decode_id(changes["school_id"], "Organization", "schoolId")
        row, normalized = await students.upsert(info.context.db, info.context.viewer.require_person(), changes)
        return StudentProfileUpsertPayload(
            student_profile=StudentProfile.from_model(row), skill_suggestions=suggestions_of(normalized)
        )

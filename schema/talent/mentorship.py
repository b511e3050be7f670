"""Mentors, their capacity, and mentorships."""

from __future__ import annotations

from datetime import datetime

import strawberry

from db import models
from db.enums import talent as e
from resolvers.talent import mentorship
from schema.accounts.users import User
from schema.context import Info
from schema.errors import Payload, returns_payload
from schema.permissions import IsAuthenticated, IsPerson
from schema.relay import Connection, Node, decode_id, node_type, page_args
from schema.scalars import NearInput, given
from schema.talent.credentials import Credential, credentials_by_ids
from schema.talent.enums import MentorshipStatus
from schema.talent.skills import Skill, SkillSuggestion, skill_list, suggestions_of


@node_type
@strawberry.type(description="An experienced technician's offer to mentor; shown to signed-in people.")
class MentorProfile(Node):
    headline: str
    other_specialties: list[str]
    years_experience: int
    capacity: int
    active_mentees: int
    postal_code: str | None
    remote_ok: bool
    distance_km: float | None
    _row: strawberry.Private[models.MentorProfile]

    @classmethod
    def from_model(cls, row: models.MentorProfile, distance_km: float | None = None) -> MentorProfile:
        return cls(
            pk=row.id,
            headline=row.headline,
            other_specialties=list(row.other_specialties or ()),
            years_experience=row.years_experience,
            capacity=row.capacity,
            active_mentees=row.active_mentees,
            postal_code=row.postal_code,
            remote_ok=row.remote_ok,
            distance_km=distance_km,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> MentorProfile | None:
        if not info.context.viewer.is_authenticated:
            return None
        row = await info.context.loaders.by_id(models.MentorProfile).load(pk)
        return cls.from_model(row) if row else None

    @strawberry.field
    def open_places(self) -> int:
        return max(0, self.capacity - self.active_mentees)

    @strawberry.field
    def specialties(self) -> list[Skill]:
        return skill_list(self._row.specialty_skill_ids)

    @strawberry.field
    async def credentials(self, info: Info) -> list[Credential]:
        return await credentials_by_ids(info, list(self._row.credential_ids or ()))

    @strawberry.field
    async def user(self, info: Info) -> User:
        return await User.load(info, self._row.user_id)

    @strawberry.field(description="Requests and mentorships; only the mentor sees them.")
    async def mentorships(self, info: Info, status: MentorshipStatus | None = None) -> list[Mentorship]:
        if info.context.viewer.user_id != self._row.user_id:
            return []
        rows = await info.context.loaders.by_column(models.Mentorship, "mentor_id").load(self.pk)
        return [Mentorship.from_model(r) for r in rows if status is None or r.status == status.value]


@node_type
@strawberry.type(description="A mentee's request to a mentor, and the mentorship once accepted.")
class Mentorship(Node):
    status: MentorshipStatus
    message: str
    created_at: datetime
    accepted_at: datetime | None
    ended_at: datetime | None
    _row: strawberry.Private[models.Mentorship]

    @classmethod
    def from_model(cls, row: models.Mentorship) -> Mentorship:
        return cls(
            pk=row.id,
            status=e.MentorshipStatus(row.status),
            message=row.message,
            created_at=row.created_at,
            accepted_at=row.accepted_at,
            ended_at=row.ended_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> Mentorship | None:
        row = await info.context.loaders.by_id(models.Mentorship).load(pk)
        if row is None:
            return None
        mentor = await info.context.loaders.by_id(models.MentorProfile).load(row.mentor_id)
        viewer = info.context.viewer
        if not viewer.is_staff and viewer.user_id not in (mentor.user_id, row.mentee_id):
            return None
        return cls.from_model(row)

    @strawberry.field
    async def mentor(self, info: Info) -> MentorProfile:
        return MentorProfile.from_model(
            await info.context.loaders.by_id(models.MentorProfile).load(self._row.mentor_id)
        )

    @strawberry.field
    async def mentee(self, info: Info) -> User:
        return await User.load(info, self._row.mentee_id)


@strawberry.input(description="Only the fields given are changed; a first call creates your mentor profile.")
class MentorProfileUpsertInput:
    specialties: list[str] | None = strawberry.UNSET
    credentials: list[str] | None = strawberry.field(default=strawberry.UNSET, description="Credential codes.")
    years_experience: int | None = strawberry.UNSET
    capacity: int | None = strawberry.field(default=strawberry.UNSET, description="Most active mentees at once (0-50).")
    postal_code: str | None = strawberry.UNSET
    remote_ok: bool | None = strawberry.UNSET
    headline: str | None = strawberry.UNSET


@strawberry.input
class MentorshipRequestInput:
    mentor_id: strawberry.ID
    message: str | None = None


@strawberry.input
class MentorFilter:
    near: NearInput | None = None
    specialty: str | None = None
    remote_ok: bool | None = None
    has_open_places: bool = False


@strawberry.type
class MentorProfilePayload(Payload):
    mentor_profile: MentorProfile | None = None
    skill_suggestions: list[SkillSuggestion] = strawberry.field(default_factory=list)


@strawberry.type
class MentorshipPayload(Payload):
    mentorship: Mentorship | None = None


@strawberry.type
class MentorshipQueries:
    @strawberry.field(permission_classes=[IsAuthenticated], description="Mentors; nearest first when `near` is given.")
    async def mentors(
        self, info: Info, filter: MentorFilter | None = None, first: int | None = 20, after: str | None = None
    ) -> Connection[MentorProfile]:
        filter = filter or MentorFilter()
        criteria = mentorship.MentorFilter(
            near=filter.near.circle() if filter.near else None,
            specialty=filter.specialty,
            remote_ok=filter.remote_ok,
            has_capacity=filter.has_open_places,
        )
        result = await mentorship.browse(info.context.db, criteria, page_args(first, after))
        distances = result.distances or {}
        return Connection.of(result, lambda row: MentorProfile.from_model(row, distances.get(row.id)))

    @strawberry.field(description="Your mentor profile, if you have one.")
    async def my_mentor_profile(self, info: Info) -> MentorProfile | None:
        if info.context.viewer.user_id is None:
            return None
        rows = await info.context.loaders.by_column(models.MentorProfile, "user_id").load(info.context.viewer.user_id)
        return MentorProfile.from_model(rows[0]) if rows else None

    @strawberry.field(description="Your requests and mentorships as a mentee.")
    async def my_mentorships(self, info: Info) -> list[Mentorship]:
        if info.context.viewer.user_id is None:
            return []
        rows = await info.context.loaders.by_column(models.Mentorship, "mentee_id").load(info.context.viewer.user_id)
        return [Mentorship.from_model(row) for row in rows]


def _id(value: strawberry.ID) -> int:
    return decode_id(value, "Mentorship")


@strawberry.type
class MentorshipMutations:
    @strawberry.mutation(permission_classes=[IsPerson], description="Create or change your mentor profile.")
    @returns_payload
    async def mentor_profile_upsert(self, info: Info, input: MentorProfileUpsertInput) -> MentorProfilePayload:
        row, normalized = await mentorship.upsert(info.context.db, info.context.viewer.user_id, given(input))
        return MentorProfilePayload(
            mentor_profile=MentorProfile.from_model(row), skill_suggestions=suggestions_of(normalized)
        )

    @strawberry.mutation(permission_classes=[IsPerson], description="Ask a mentor to mentor you.")
    @returns_payload
    async def mentorship_request(self, info: Info, input: MentorshipRequestInput) -> MentorshipPayload:
        row = await mentorship.request(
            info.context.db, info.context.viewer, decode_id(input.mentor_id, "MentorProfile", "mentorId"), input.message
        )
        return MentorshipPayload(mentorship=Mentorship.from_model(row))

    @strawberry.mutation(permission_classes=[IsPerson], description="The mentor accepts, if a place is free.")
    @returns_payload
    async def mentorship_accept(self, info: Info, id: strawberry.ID) -> MentorshipPayload:
        row = await mentorship.respond(info.context.db, info.context.viewer, _id(id), accept=True)
        return MentorshipPayload(mentorship=Mentorship.from_model(row))

    @strawberry.mutation(permission_classes=[IsPerson], description="The mentor declines a request.")
    @returns_payload
    async def mentorship_decline(self, info: Info, id: strawberry.ID) -> MentorshipPayload:
        row = await mentorship.respond(info.context.db, info.context.viewer, _id(id), accept=False)
        return MentorshipPayload(mentorship=Mentorship.from_model(row))

    @strawberry.mutation(
        permission_classes=[IsPerson], description="Either side ends a mentorship; the mentee may cancel a request."
    )
    @returns_payload
    async def mentorship_end(self, info: Info, id: strawberry.ID) -> MentorshipPayload:
        row = await mentorship.end(info.context.db, info.context.viewer, _id(id))
        return MentorshipPayload(mentorship=Mentorship.from_model(row))

"""Mentors, their capacity, and mentorships."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from db import models
from db.enums import talent as e
from resolvers.talent import mentorship
from schema.accounts.users import User
from schema.context import Info
from schema.errors import Caller, Payload, returns_payload
from schema.permissions import IsAuthenticated
from schema.relay import After, Connection, First, Node, decode_id, node_type, page_args, page_of
from schema.scalars import given
from schema.talent.credentials import Credential, credentials_by_ids
from schema.talent.enums import MentorshipStatus
from schema.talent.mentorship_inputs import (
    MentorFilter,
    MentorProfileUpsertInput,
    MentorshipAcceptInput,
    MentorshipDeclineInput,
    MentorshipEndInput,
    MentorshipRequestInput,
)
from schema.talent.skills import Skill, SkillSuggestion, skill_list, suggestions_of

StatusArgument = Annotated[
    MentorshipStatus | None, strawberry.argument(description="Only mentorships in this status; all if omitted.")
]


def _newest_first(rows, status: MentorshipStatus | None) -> list[models.Mentorship]:
    return [row for row in reversed(rows) if status is None or row.status == status.value]


@node_type
@strawberry.type(
    description="An experienced technician's offer to mentor new ones; seen by signed-in people (null for "
    "anonymous callers)."
)
class MentorProfile(Node):
    headline: str = strawberry.field(description="The mentor's one-line summary; may be empty.")
    other_specialties: list[str] = strawberry.field(
        description="Specialties given that match no canonical skill, kept as given."
    )
    years_experience: int = strawberry.field(description="Years working in the trade.")
    capacity: int = strawberry.field(description="The most mentees the mentor takes at once (0-50).")
    active_mentees: int = strawberry.field(description="Mentorships now ACTIVE; never more than `capacity`.")
    postal_code: str | None = strawberry.field(description="The US ZIP code the mentor works from; null if not given.")
    remote_ok: bool = strawberry.field(description="Whether the mentor also mentors remotely, whatever the distance.")
    distance_km: float | None = strawberry.field(
        description="Kilometres from the `near` point of the list's filter; null when none was given."
    )
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

    @strawberry.field(description="Places free for new mentees now: `capacity` minus `activeMentees`, at least 0.")
    def open_places(self) -> int:
        return max(0, self.capacity - self.active_mentees)

    @strawberry.field(description="The mentor's canonical specialties.")
    def specialties(self) -> list[Skill]:
        return skill_list(self._row.specialty_skill_ids)

    @strawberry.field(description="Credentials the mentor says they hold (not verified).")
    async def credentials(self, info: Info) -> list[Credential]:
        return await credentials_by_ids(info, list(self._row.credential_ids or ()))

    @strawberry.field(description="The mentor's account.")
    async def user(self, info: Info) -> User:
        return await User.load_referenced(info, self._row.user_id)

    @strawberry.field(
        description="Requests to this mentor and their mentorships, newest first; only the mentor sees them "
        "(null for anyone else)."
    )
    async def mentorships(
        self, info: Info, status: StatusArgument = None, first: First = 20, after: After = None
    ) -> Connection[Mentorship] | None:
        if info.context.viewer.user_id is None or info.context.viewer.user_id != self._row.user_id:
            return None
        loader = info.context.loaders.by_column(models.Mentorship, "mentor_id", order_by=("created_at", "id"))
        rows = _newest_first(await loader.load(self.pk), status)
        return Connection.of(page_of(rows, first, after), Mentorship.from_model)


@node_type
@strawberry.type(
    description="A mentee's request to a mentor, and the mentorship once accepted; seen by its two parties and "
    "staff, null for anyone else."
)
class Mentorship(Node):
    status: MentorshipStatus = strawberry.field(description="Where the mentorship stands.")
    message: str = strawberry.field(description="The mentee's message with the request; may be empty.")
    created_at: datetime = strawberry.field(description="When the mentee asked.")
    accepted_at: datetime | None = strawberry.field(description="When the mentor accepted; null until then.")
    ended_at: datetime | None = strawberry.field(
        description="When it was declined, cancelled or ended; null while requested or active."
    )
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

    @strawberry.field(description="The mentor asked.")
    async def mentor(self, info: Info) -> MentorProfile:
        return MentorProfile.from_model(
            await info.context.loaders.by_id(models.MentorProfile).load(self._row.mentor_id)
        )

    @strawberry.field(description="The person who asked to be mentored.")
    async def mentee(self, info: Info) -> User:
        return await User.load_referenced(info, self._row.mentee_id)


@strawberry.type(description="The result of `mentorProfileUpsert`.")
class MentorProfileUpsertPayload(Payload):
    mentor_profile: MentorProfile | None = strawberry.field(
        default=None, description="Your mentor profile as saved; null when nothing was saved."
    )
    skill_suggestions: list[SkillSuggestion] = strawberry.field(
        default_factory=list, description="Specialties kept as given because they matched no canonical skill."
    )


@strawberry.type(description="The mentorship a mutation changed.")
class MentorshipResult(Payload):
    mentorship: Mentorship | None = strawberry.field(
        default=None, description="The mentorship as saved; null when nothing changed."
    )


@strawberry.type(description="The result of `mentorshipRequest`.")
class MentorshipRequestPayload(MentorshipResult):
    pass


@strawberry.type(description="The result of `mentorshipAccept`.")
class MentorshipAcceptPayload(MentorshipResult):
    pass


@strawberry.type(description="The result of `mentorshipDecline`.")
class MentorshipDeclinePayload(MentorshipResult):
    pass


@strawberry.type(description="The result of `mentorshipEnd`.")
class MentorshipEndPayload(MentorshipResult):
    pass


@strawberry.type
class MentorshipQueries:
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="Mentors, for signed-in callers; nearest first when `filter.near` is given, else most "
        "experienced first.",
    )
    async def mentors(
        self,
        info: Info,
        filter: Annotated[
            MentorFilter | None, strawberry.argument(description="Criteria; all mentors if omitted.")
        ] = None,
        first: First = 20,
        after: After = None,
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

    @strawberry.field(description="Your mentor profile; null when you have none or are not signed in as a person.")
    async def my_mentor_profile(self, info: Info) -> MentorProfile | None:
        if info.context.viewer.user_id is None:
            return None
        rows = await info.context.loaders.by_column(models.MentorProfile, "user_id").load(info.context.viewer.user_id)
        return MentorProfile.from_model(rows[0]) if rows else None

    @strawberry.field(
        description="Your requests and mentorships as a mentee, newest first; empty unless signed in as a person."
    )
    async def my_mentorships(
        self, info: Info, status: StatusArgument = None, first: First = 20, after: After = None
    ) -> Connection[Mentorship]:
        user_id = info.context.viewer.user_id
        loader = info.context.loaders.by_column(models.Mentorship, "mentee_id", order_by=("created_at", "id"))
        rows = _newest_first(await loader.load(user_id), status) if user_id is not None else []
        return Connection.of(page_of(rows, first, after), Mentorship.from_model)


def _id(value: strawberry.ID) -> int:
    return decode_id(value, "Mentorship")


@strawberry.type
class MentorshipMutations:
    @strawberry.mutation(description="Create or change your mentor profile.")
    @returns_payload(caller=Caller.PERSON)
    async def mentor_profile_upsert(
        self,
        info: Info,
        input: Annotated[MentorProfileUpsertInput, strawberry.argument(description="The fields to set.")],
    ) -> MentorProfileUpsertPayload:
        row, normalized = await mentorship.upsert(info.context.db, info.context.viewer.require_person(), given(input))
        return MentorProfileUpsertPayload(
            mentor_profile=MentorProfile.from_model(row), skill_suggestions=suggestions_of(normalized)
        )

    @strawberry.mutation(
        description="Ask a mentor to mentor you: one open request per mentor (DUPLICATE), not yourself (INVALID), "
        "only while they have an open place (CAPACITY_REACHED)."
    )
    @returns_payload(caller=Caller.PERSON)
    async def mentorship_request(
        self, info: Info, input: Annotated[MentorshipRequestInput, strawberry.argument(description="The request.")]
    ) -> MentorshipRequestPayload:
        row = await mentorship.request(
            info.context.db, info.context.viewer, decode_id(input.mentor_id, "MentorProfile", "mentorId"), input.message
        )
        return MentorshipRequestPayload(mentorship=Mentorship.from_model(row))

    @strawberry.mutation(
        description="The mentor accepts a request, if a place is free (CAPACITY_REACHED otherwise); the mentee "
        "gets PERMISSION_DENIED, anyone else NOT_FOUND."
    )
    @returns_payload(caller=Caller.PERSON)
    async def mentorship_accept(
        self, info: Info, input: Annotated[MentorshipAcceptInput, strawberry.argument(description="The request.")]
    ) -> MentorshipAcceptPayload:
        row = await mentorship.respond(info.context.db, info.context.viewer, _id(input.id), accept=True)
        return MentorshipAcceptPayload(mentorship=Mentorship.from_model(row))

    @strawberry.mutation(
        description="The mentor declines a request; the mentee gets PERMISSION_DENIED, anyone else NOT_FOUND."
    )
    @returns_payload(caller=Caller.PERSON)
    async def mentorship_decline(
        self, info: Info, input: Annotated[MentorshipDeclineInput, strawberry.argument(description="The request.")]
    ) -> MentorshipDeclinePayload:
        row = await mentorship.respond(info.context.db, info.context.viewer, _id(input.id), accept=False)
        return MentorshipDeclinePayload(mentorship=Mentorship.from_model(row))

    @strawberry.mutation(
        description="Either side ends an active mentorship (ENDED), or the mentee cancels a request (CANCELLED); "
        "anyone else gets NOT_FOUND."
    )
    @returns_payload(caller=Caller.PERSON)
    async def mentorship_end(
        self, info: Info, input: Annotated[MentorshipEndInput, strawberry.argument(description="The mentorship.")]
    ) -> MentorshipEndPayload:
        row = await mentorship.end(info.context.db, info.context.viewer, _id(input.id))
        return MentorshipEndPayload(mentorship=Mentorship.from_model(row))

"""What clients send about mentoring: a mentor profile's fields, requests and answers, and mentor searches."""

from __future__ import annotations

import strawberry

from schema.scalars import NearInput


@strawberry.input(
    description="Your mentor profile's fields: only the fields given are changed; a first call creates the profile."
)
class MentorProfileUpsertInput:
    specialties: list[str] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Free text; matched to canonical skills, the rest kept as given and reported in "
        "`skillSuggestions`. Replaces the list.",
    )
    credentials: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="Codes of credentials you hold; replaces the list."
    )
    years_experience: int | None = strawberry.field(default=strawberry.UNSET, description="Years in the trade, 0-70.")
    capacity: int | None = strawberry.field(
        default=strawberry.UNSET,
        description="Most active mentees at once (0-50); never below those active now (CAPACITY_BELOW_ACTIVE).",
    )
    postal_code: str | None = strawberry.field(default=strawberry.UNSET, description="The US ZIP code you work from.")
    remote_ok: bool | None = strawberry.field(default=strawberry.UNSET, description="Whether you mentor remotely too.")
    headline: str | None = strawberry.field(default=strawberry.UNSET, description="One line, at most 200 characters.")


@strawberry.input(description="A request to a mentor.")
class MentorshipRequestInput:
    mentor_id: strawberry.ID = strawberry.field(description="The MentorProfile to ask; it needs an open place.")
    message: str | None = strawberry.field(default=None, description="A message to the mentor, plain text.")


@strawberry.input(description="The mentorship request to accept.")
class MentorshipAcceptInput:
    id: strawberry.ID = strawberry.field(description="The Mentorship's global ID.")


@strawberry.input(description="The mentorship request to decline.")
class MentorshipDeclineInput:
    id: strawberry.ID = strawberry.field(description="The Mentorship's global ID.")


@strawberry.input(description="The mentorship to end, or the request to cancel.")
class MentorshipEndInput:
    id: strawberry.ID = strawberry.field(description="The Mentorship's global ID.")


@strawberry.input(description="Which mentors to list; every criterion given must hold.")
class MentorFilter:
    near: NearInput | None = strawberry.field(
        default=None, description="Mentors within this circle, nearest first (else most experienced first)."
    )
    specialty: str | None = strawberry.field(
        default=None, description="Free text matched to a canonical skill; no mentors when it matches none."
    )
    remote_ok: bool | None = strawberry.field(
        default=None, description="Only mentors who do (or do not) mentor remotely."
    )
    has_open_places: bool = strawberry.field(default=False, description="Only mentors with an open place now.")

"""What clients send about student profiles: the fields to save, and the criteria of a search."""

from __future__ import annotations

from datetime import date

import strawberry

from schema.scalars import NearInput, Program
from schema.talent.enums import Availability


@strawberry.input(
    description="Your student profile's fields: only the fields given are changed (null clears one); a first "
    "call creates the profile."
)
class StudentProfileUpsertInput:
    school_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Your school (an Organization that is a school); null for none."
    )
    programs: list[Program] | None = strawberry.field(
        default=strawberry.UNSET, description="The programs or trades you study; replaces the list."
    )
    graduation_date: date | None = strawberry.field(
        default=strawberry.UNSET, description="When you graduate (or graduated)."
    )
    postal_code: str | None = strawberry.field(
        default=strawberry.UNSET, description="The US ZIP code you work from; needed for distance-based matches."
    )
    travel_radius_km: float | None = strawberry.field(
        default=strawberry.UNSET, description="How far you will travel, in kilometres: above 0, at most 1,000."
    )
    availability: list[Availability] | None = strawberry.field(
        default=strawberry.UNSET, description="The kinds of work you are looking for; replaces the list."
    )
    skills: list[str] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Free text, at most 50; matched to canonical skills, the rest kept as given and reported in "
        "`skillSuggestions`. Replaces the list.",
    )
    headline: str | None = strawberry.field(default=strawberry.UNSET, description="One line, at most 200 characters.")
    bio: str | None = strawberry.field(default=strawberry.UNSET, description="Plain text, at most 5,000 characters.")
    visible_to_employers: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Let employers find and see your profile (not your name or contact)."
    )


@strawberry.input(description="Which student profiles to list; every criterion given must hold.")
class StudentProfileFilter:
    near: NearInput | None = strawberry.field(
        default=None, description="Profiles within this circle, nearest first (else most recently updated first)."
    )
    program: Program | None = strawberry.field(default=None, description="Profiles studying this program.")
    availability: Availability | None = strawberry.field(
        default=None, description="Profiles looking for this kind of work."
    )
    credential: str | None = strawberry.field(default=None, description="A credential code held and not expired.")

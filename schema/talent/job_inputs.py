"""What clients send to the job board: postings to create or change, and the criteria and order of a search."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry

from db.enums import talent as e
from resolvers.talent import jobs
from schema.enum_type import enum_type
from schema.relay import decode_id
from schema.scalars import NearInput, Program
from schema.talent.enums import Benefit, RoleType
from schema.talent.pay_amounts import PayAmountInput, PayRangeInput


@strawberry.input(description="A new job posting. Pay is required: every posting shows its range.")
class JobPostingCreateInput:
    employer_id: strawberry.ID = strawberry.field(
        description="The employer posting it; you must be its member (or its app with talent:write)."
    )
    title: str = strawberry.field(description="The job's title, at most 200 characters.")
    role_type: RoleType = strawberry.field(description="The kind of role.")
    pay: PayRangeInput | None = strawberry.field(
        default=None, description="The pay range; required (PAY_REQUIRED when missing)."
    )
    programs: list[Program] | None = strawberry.field(default=None, description="The programs or trades it suits.")
    description: str | None = strawberry.field(default=None, description="Plain text, at most 10,000 characters.")
    postal_code: str | None = strawberry.field(
        default=None, description="The workplace's US ZIP code; the employer's address when omitted."
    )
    required_credentials: list[str] | None = strawberry.field(
        default=None, description="Codes of credentials applicants must hold (UNKNOWN_CREDENTIAL for others)."
    )
    preferred_skills: list[str] | None = strawberry.field(
        default=None,
        description="Free text; matched to canonical skills, the rest kept as given and reported in "
        "`skillSuggestions`.",
    )
    benefits: list[Benefit] | None = strawberry.field(default=None, description="The benefits offered.")
    openings: int = strawberry.field(default=1, description="How many people you will hire for it, 1-1,000.")
    closes_on: date | None = strawberry.field(
        default=None, description="The last day it takes applications, not in the past; open-ended if omitted."
    )


@strawberry.input(description="A change to a job posting: only the fields given change (null clears an optional one).")
class JobPostingUpdateInput:
    id: strawberry.ID = strawberry.field(description="The posting to change; it must be open or filled.")
    title: str | None = strawberry.field(default=strawberry.UNSET, description="The job's title.")
    role_type: RoleType | None = strawberry.field(default=strawberry.UNSET, description="The kind of role.")
    pay: PayRangeInput | None = strawberry.field(
        default=strawberry.UNSET, description="The whole new pay range; cannot be cleared."
    )
    programs: list[Program] | None = strawberry.field(
        default=strawberry.UNSET, description="The programs it suits; replaces the list."
    )
    description: str | None = strawberry.field(default=strawberry.UNSET, description="Plain text.")
    postal_code: str | None = strawberry.field(default=strawberry.UNSET, description="The workplace's US ZIP code.")
    required_credentials: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="Credential codes applicants must hold; replaces the list."
    )
    preferred_skills: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="Free text, normalized as on create; replaces the list."
    )
    benefits: list[Benefit] | None = strawberry.field(
        default=strawberry.UNSET, description="The benefits offered; replaces the list."
    )
    openings: int | None = strawberry.field(
        default=strawberry.UNSET,
        description="1-1,000 and never below the hires made (OPENINGS_BELOW_HIRES); more than the hires "
        "reopens a filled posting.",
    )
    closes_on: date | None = strawberry.field(
        default=strawberry.UNSET, description="The last day it takes applications; null for open-ended."
    )


@strawberry.input(description="The posting to close.")
class JobPostingCloseInput:
    id: strawberry.ID = strawberry.field(description="The JobPosting's global ID.")


class _Order(Enum):
    DISTANCE = "DISTANCE"
    PAY = "PAY"
    NEWEST = "NEWEST"


JobPostingOrder = enum_type(
    _Order,
    name="JobPostingOrder",
    description="How to order job postings; ties go to the newest.",
    values={
        "DISTANCE": "Nearest first; needs `filter.near` (REQUIRED otherwise).",
        "PAY": "Best paid first, by the range's maximum per hour, then its minimum.",
        "NEWEST": "Most recently posted first.",
    },
)


@strawberry.input(description="Which open postings to list; every criterion given must hold.")
class JobPostingFilter:
    near: NearInput | None = strawberry.field(
        default=None, description="Postings within this circle; fills `distanceKm` and orders nearest first."
    )
    role_type: list[RoleType] | None = strawberry.field(default=None, description="Postings of any of these roles.")
    program: Program | None = strawberry.field(default=None, description="Postings suiting this program.")
    pay_at_least: PayAmountInput | None = strawberry.field(
        default=None, description="Postings whose range reaches at least this amount (compared per hour)."
    )
    credential: str | None = strawberry.field(default=None, description="Postings requiring this credential code.")
    benefits: list[Benefit] | None = strawberry.field(default=None, description="Postings offering all of these.")
    search: str | None = strawberry.field(
        default=None, description="Text found in the title or description (case-insensitive, taken literally)."
    )
    employer_id: strawberry.ID | None = strawberry.field(default=None, description="One employer's postings.")

    def criteria(self) -> jobs.JobFilter:
        """The filter in the use case's terms (also what a saved search keeps)."""
        return jobs.JobFilter(
            near=self.near.circle() if self.near else None,
            role_types=tuple(r.value for r in self.role_type or ()),
            program=self.program.value if self.program else None,
            pay_at_least=jobs.PayFloor(
                self.pay_at_least.amount.amount, e.PayUnit(self.pay_at_least.unit), self.pay_at_least.amount.currency
            )
            if self.pay_at_least
            else None,
            credential=self.credential,
            benefits=tuple(b.value for b in self.benefits or ()),
            search=self.search,
            employer_id=decode_id(self.employer_id, "Organization", "employerId") if self.employer_id else None,
        )

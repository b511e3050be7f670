"""Recognition: `Organization.recognition`, the public `recognitionWall`, and joining or leaving it."""

from __future__ import annotations

from typing import Annotated

import strawberry

from db import models
from db.enums.recognition import RecognitionLevel as DomainLevel
from resolvers.recognition import levels, wall
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.enum_type import enum_type
from schema.errors import INPUT, Payload, returns_payload
from schema.money import Cents, Money
from schema.relay import After, Connection, First, decode_id, page_args
from schema.scalars import NearInput

POINTS = (
    "Points: 1 per full $500 of value given (USD, from receipts), 5 per school helped, 5 per service need "
    "credited, 10 per student hired."
)

RecognitionLevel = enum_type(
    DomainLevel,
    name="RecognitionLevel",
    description=f"How much an organization has given to the pipeline, from its impact. {POINTS}",
    values={
        "SUPPORTER": f"From {levels.threshold(DomainLevel.SUPPORTER)} point: a first confirmed contribution.",
        "PARTNER": f"From {levels.threshold(DomainLevel.PARTNER)} points.",
        "CHAMPION": f"From {levels.threshold(DomainLevel.CHAMPION)} points.",
        "ALL_STAR": f"From {levels.threshold(DomainLevel.ALL_STAR)} points: an All-Star shop or donor.",
    },
)


@strawberry.type(description=f"An organization's recognition, from what the other side confirmed. Public. {POINTS}")
class Recognition:
    level: RecognitionLevel | None = strawberry.field(description="The level reached; null below the first.")
    next_level: RecognitionLevel | None = strawberry.field(description="The next level; null at ALL_STAR.")
    points: int = strawberry.field(description="Points earned so far.")
    next_level_points: int | None = strawberry.field(description="Points the next level needs; null at ALL_STAR.")
    progress: float = strawberry.field(
        description="How far from the current level's threshold to the next one's, 0 to 1; 1 at ALL_STAR."
    )
    value_given: Money = strawberry.field(description="Declared value given that counts (USD receipts).")
    schools_helped: int = strawberry.field(description="Distinct schools that received its donations.")
    services_delivered: int = strawberry.field(description="Service needs (speakers, tours...) credited to it.")
    students_hired: int = strawberry.field(description="Students hired through its job postings.")
    _organization_id: strawberry.Private[int]

    @classmethod
    def of(cls, organization_id: int, found: levels.Recognition) -> Recognition:
        return cls(
            level=found.level,
            next_level=found.next_level,
            points=found.points,
            next_level_points=found.next_level_points,
            progress=found.progress,
            value_given=Money(amount=Cents(found.value_given_cents), currency=levels.COUNTED_CURRENCY),
            schools_helped=found.schools_helped,
            services_delivered=found.services_delivered,
            students_hired=found.students_hired,
            _organization_id=organization_id,
        )

    @strawberry.field(description="Whether the organization chose to appear on `recognitionWall`.")
    async def on_wall(self, info: Info) -> bool:
        loader = info.context.loaders.custom("on_wall_by_organization", wall.on_wall)
        return bool(await loader.load(self._organization_id))


async def organization_recognition(info: Info, organization_id: int) -> Recognition:
    loader = info.context.loaders.custom("recognition_by_organization", levels.recognitions)
    return Recognition.of(organization_id, await loader.load(organization_id))


@strawberry.type(description="One organization on the recognition wall.")
class RecognitionWallEntry:
    organization: Organization = strawberry.field(description="The organization recognised.")
    recognition: Recognition = strawberry.field(description="Its level and points.")
    distance_km: float | None = strawberry.field(
        description="Great-circle kilometres from `filter.near`; null without it."
    )

    @classmethod
    def of(cls, entry: wall.WallEntry) -> RecognitionWallEntry:
        return cls(
            organization=Organization.from_model(entry.organization, entry.distance_km),
            recognition=Recognition.of(entry.organization.id, entry.recognition),
            distance_km=entry.distance_km,
        )


@strawberry.input(description="Which part of the wall; give a state or `near`, or neither for the whole wall.")
class RecognitionWallFilter:
    state: str | None = strawberry.field(default=None, description="Two-letter US state code, e.g. MI.")
    near: NearInput | None = strawberry.field(default=None, description="Only organizations within this circle.")


@strawberry.input(description="Show an organization on the public recognition wall, or take it off.")
class OrganizationRecognitionUpdateInput:
    organization_id: strawberry.ID = strawberry.field(
        description="The Organization; you must be an owner or admin (an app: organization:write)."
    )
    show_on_wall: bool = strawberry.field(
        description="True to appear on `recognitionWall` (once it holds a level), false to leave it."
    )


@strawberry.type(description="The result of `organizationRecognitionUpdate`.")
class OrganizationRecognitionUpdatePayload(Payload):
    organization: Organization | None = strawberry.field(default=None, description="The organization; null on error.")


@strawberry.type
class RecognitionQueries:
    @strawberry.field(
        description="The public recognition wall: organizations that opted in and hold a level, most points first "
        "(then by name). Public."
    )
    async def recognition_wall(
        self,
        info: Info,
        filter: Annotated[
            RecognitionWallFilter | None, strawberry.argument(description="A state or a circle; default: all.")
        ] = None,
        first: First = 20,
        after: After = None,
    ) -> Connection[RecognitionWallEntry]:
        filter = filter or RecognitionWallFilter()
        criteria = wall.WallFilter(state=filter.state, near=filter.near.circle() if filter.near else None)
        result = await wall.wall(info.context.db, criteria, page_args(first, after))
        return Connection.of(result, RecognitionWallEntry.of)


@strawberry.type
class RecognitionMutations:
    @strawberry.mutation(description="Choose whether an organization appears on the public recognition wall.")
    @returns_payload
    async def organization_recognition_update(
        self, info: Info, input: Annotated[OrganizationRecognitionUpdateInput, strawberry.argument(description=INPUT)]
    ) -> OrganizationRecognitionUpdatePayload:
        organization_id = decode_id(input.organization_id, "Organization", "organizationId")
        row: models.Organization = await wall.set_on_wall(
            info.context.db, info.context.viewer, organization_id, input.show_on_wall
        )
        return OrganizationRecognitionUpdatePayload(organization=Organization.from_model(row))

"""Organization.impact: items and value given or received, schools helped, services fulfilled."""

from __future__ import annotations

import strawberry

from resolvers.donations import impact
from schema.context import Info
from schema.money import Cents, Money

FROM_RECEIPTS = "counted from issued receipts, so only donations the school confirmed as received"


@strawberry.type(
    description="What an organization has given, received and fulfilled through ShopReady, all time. Public."
)
class OrganizationImpact:
    items_given: int = strawberry.field(description=f"Items it donated, {FROM_RECEIPTS}.")
    donations_given: int = strawberry.field(description=f"Donations it gave, {FROM_RECEIPTS}.")
    value_given: list[Money] = strawberry.field(description="Declared value given, one entry per currency.")
    schools_helped: int = strawberry.field(description="Distinct schools that received at least one of its donations.")
    items_received: int = strawberry.field(description=f"Items it received as a school, {FROM_RECEIPTS}.")
    donations_received: int = strawberry.field(description=f"Donations it received as a school, {FROM_RECEIPTS}.")
    value_received: list[Money] = strawberry.field(
        description="Declared value received, one entry per currency; empty when nothing was received."
    )
    services_fulfilled: int = strawberry.field(
        description="Services it delivered: service needs (speakers, job shadows, tours...) the school credited to it, "
        "through a completed visit or `needFulfill`."
    )
    service_hours: float = strawberry.field(
        description="Hours of those services, from each credited need's scheduled visit length; a service "
        "credited without a schedule adds none."
    )

    @classmethod
    def of(cls, found: impact.Impact) -> OrganizationImpact:
        def money(values: dict[str, int]) -> list[Money]:
            return [Money(amount=Cents(amount), currency=currency) for currency, amount in sorted(values.items())]

        return cls(
            items_given=found.items_given,
            donations_given=found.donations_given,
            value_given=money(found.value_given),
            schools_helped=found.schools_helped,
            items_received=found.items_received,
            donations_received=found.donations_received,
            value_received=money(found.value_received),
            services_fulfilled=found.services_fulfilled,
            service_hours=round(found.service_minutes / 60, 2),
        )


async def organization_impact(info: Info, organization_id: int) -> OrganizationImpact:
    loader = info.context.loaders.custom("impact_by_organization", impact.impacts)
    return OrganizationImpact.of(await loader.load(organization_id))

"""Organization.impact: items and value given or received, schools helped, services fulfilled."""

from __future__ import annotations

import strawberry

from resolvers.donations import impact
from schema.context import Info
from schema.money import Money


@strawberry.type(description="What an organization has given, received and fulfilled through ShopReady.")
class OrganizationImpact:
    items_given: int
    donations_given: int
    value_given: list[Money] = strawberry.field(description="Declared value given, one entry per currency.")
    schools_helped: int
    items_received: int
    donations_received: int
    value_received: list[Money]
    services_fulfilled: int = strawberry.field(description="Service needs (speakers, tours...) credited to it.")

    @classmethod
    def of(cls, found: impact.Impact) -> OrganizationImpact:
        def money(values: dict[str, int]) -> list[Money]:
            return [Money(amount=amount, currency=currency) for currency, amount in sorted(values.items())]

        return cls(
            items_given=found.items_given,
            donations_given=found.donations_given,
            value_given=money(found.value_given),
            schools_helped=found.schools_helped,
            items_received=found.items_received,
            donations_received=found.donations_received,
            value_received=money(found.value_received),
            services_fulfilled=found.services_fulfilled,
        )


async def organization_impact(info: Info, organization_id: int) -> OrganizationImpact:
    loader = info.context.loaders.custom("impact_by_organization", impact.impacts)
    return OrganizationImpact.of(await loader.load(organization_id))

"""`needsSummary`: where unmet needs concentrate, by category and region, month by month. Public."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from resolvers.donations import needs_summary
from schema.context import Info
from schema.donations.categories import Category, category_of
from schema.relay import decode_id
from schema.scalars import GeoPoint, NearInput

REGION = (
    "A region is a 3-digit ZIP prefix of the school's ZIP code (the area one USPS sectional centre serves, "
    "standing in for a metro area); schools without a ZIP code count in the totals only."
)


@strawberry.type(description="Counts and quantities of needs posted since `NeedsSummary.since`.")
class NeedFigures:
    needs: int = strawberry.field(description="Needs posted, whatever their status now.")
    open_needs: int = strawberry.field(description="Of those, needs still OPEN.")
    quantity_requested: int = strawberry.field(description="Items (or service occurrences) the needs asked for.")
    quantity_received: int = strawberry.field(description="Of those, received so far.")
    quantity_unmet: int = strawberry.field(description="What OPEN needs still lack (asked minus received).")
    unmet_ratio: float = strawberry.field(description="`quantityUnmet` over `quantityRequested`, 0 to 1.")
    schools_with_open_needs: int = strawberry.field(description="Schools with at least one OPEN need.")

    @classmethod
    def of(cls, figures: needs_summary.Figures) -> NeedFigures:
        return cls(
            needs=figures.needs,
            open_needs=figures.open_needs,
            quantity_requested=figures.quantity_requested,
            quantity_received=figures.quantity_received,
            quantity_unmet=figures.quantity_unmet,
            unmet_ratio=figures.unmet_ratio,
            schools_with_open_needs=figures.schools_with_open_needs,
        )


@strawberry.type(description="The figures of one category (its own needs, not its sub-categories').")
class NeedCategorySummary:
    category_id: strawberry.Private[int]
    figures: NeedFigures = strawberry.field(description="Its needs' counts and quantities.")

    @strawberry.field(description="The category.")
    async def category(self, info: Info) -> Category:
        return await category_of(info, self.category_id)


@strawberry.type(description=f"The figures of one region. {REGION}")
class NeedRegionSummary:
    zip_prefix: str = strawberry.field(description="The 3-digit ZIP prefix, e.g. 482.")
    state: str | None = strawberry.field(description="Its two-letter US state; null for an unknown prefix.")
    name: str = strawberry.field(description="Its commonest city and the prefix, e.g. 'Detroit area (482)'.")
    location: GeoPoint | None = strawberry.field(
        description="The median of its ZIP centroids: where a map puts it; null for an unknown prefix."
    )
    schools: int = strawberry.field(description="Schools located in it (with or without needs).")
    open_needs_per_school: float = strawberry.field(description="`figures.openNeeds` over `schools`.")
    figures: NeedFigures = strawberry.field(description="Its needs' counts and quantities.")

    @classmethod
    def of(cls, region: needs_summary.RegionFigures) -> NeedRegionSummary:
        return cls(
            zip_prefix=region.zip_prefix,
            state=region.state,
            name=f"{region.city or 'ZIP'} area ({region.zip_prefix})",
            location=GeoPoint.of(region.latitude, region.longitude),
            schools=region.schools,
            open_needs_per_school=region.open_needs_per_school,
            figures=NeedFigures.of(region.figures),
        )


@strawberry.type(description="One calendar month (UTC) of the trend.")
class NeedMonth:
    month: str = strawberry.field(description="The month, YYYY-MM.")
    needs_posted: int = strawberry.field(description="Needs posted that month.")
    quantity_requested: int = strawberry.field(description="What the needs posted that month asked for.")
    quantity_received: int = strawberry.field(
        description="Items schools confirmed receiving that month for needs in scope (by receipt date, whenever "
        "the need was posted)."
    )


@strawberry.type(
    description="Where unmet needs concentrate: totals, by category and by region, month by month, and the "
    f"regions most underserved relative to their schools. {REGION} Needs carry no value, so the figures are "
    "counts and quantities."
)
class NeedsSummary:
    since: datetime = strawberry.field(description="The figures cover needs posted from this moment on.")
    schools: int = strawberry.field(description="Schools in the area asked for (everywhere without one).")
    totals: NeedFigures = strawberry.field(description="Every need in scope.")
    by_category: list[NeedCategorySummary] = strawberry.field(
        description="Per category with needs in scope, most open needs first."
    )
    by_region: list[NeedRegionSummary] = strawberry.field(
        description="Per region with needs in scope, most open needs first."
    )
    trend: list[NeedMonth] = strawberry.field(description="Every month from `since` to now, oldest first.")
    _summary: strawberry.Private[needs_summary.NeedsSummary]

    @strawberry.field(
        description="The regions with open needs that have the most open needs per school (then the largest "
        "unmet share): where help goes furthest."
    )
    def underserved(
        self, limit: Annotated[int, strawberry.argument(description="How many regions, 1 to 50.")] = 5
    ) -> list[NeedRegionSummary]:
        return [NeedRegionSummary.of(r) for r in self._summary.underserved(max(1, min(limit, 50)))]

    @classmethod
    def of(cls, summary: needs_summary.NeedsSummary) -> NeedsSummary:
        return cls(
            since=summary.since,
            schools=summary.schools,
            totals=NeedFigures.of(summary.totals),
            by_category=[
                NeedCategorySummary(category_id=c.category_id, figures=NeedFigures.of(c.figures))
                for c in summary.by_category
            ],
            by_region=[NeedRegionSummary.of(r) for r in summary.by_region],
            trend=[
                NeedMonth(
                    month=m.month,
                    needs_posted=m.needs_posted,
                    quantity_requested=m.quantity_requested,
                    quantity_received=m.quantity_received,
                )
                for m in summary.trend
            ],
            _summary=summary,
        )


@strawberry.input(description="Which needs `needsSummary` covers; give `near` or `state`, or neither for everywhere.")
class NeedsSummaryFilter:
    near: NearInput | None = strawberry.field(default=None, description="Only schools within this circle.")
    state: str | None = strawberry.field(
        default=None, description="Only schools in this two-letter US state (by their state or ZIP code)."
    )
    category_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only needs in this category or its sub-categories."
    )
    since: datetime | None = strawberry.field(
        default=None,
        description="Only needs posted from this moment; within the last 60 months. Default: the start of the "
        "month eleven months ago (twelve months of trend).",
    )

    def criteria(self) -> needs_summary.SummaryFilter:
        return needs_summary.SummaryFilter(
            near=self.near.circle() if self.near else None,
            state=self.state,
            category_id=decode_id(self.category_id, "Category", "categoryId") if self.category_id else None,
            since=self.since,
        )


@strawberry.type
class NeedsSummaryQueries:
    @strawberry.field(
        description="Open needs, quantities and their trend by category and region, and the most underserved "
        "regions. Public; costs like a ranked list (see `extensions.cost`). Also as GeoJSON at "
        "`GET /exports/needs-summary.geojson`."
    )
    async def needs_summary(
        self,
        info: Info,
        filter: Annotated[
            NeedsSummaryFilter | None, strawberry.argument(description="The area, category and period.")
        ] = None,
    ) -> NeedsSummary:
        criteria = (filter or NeedsSummaryFilter()).criteria()
        return NeedsSummary.of(await needs_summary.summarize(info.context.db, criteria))

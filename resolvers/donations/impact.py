"""What an organization has given, received, and fulfilled, from receipts and credited service needs (with
the hours of their scheduled visits)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select

from db.engine import Database
from db.models import DonationReceipt, Need


@dataclass
class Impact:
    items_given: int = 0
    donations_given: int = 0
    value_given: dict[str, int] = field(default_factory=dict)  # currency -> cents
    schools_helped: int = 0
    items_received: int = 0
    donations_received: int = 0
    value_received: dict[str, int] = field(default_factory=dict)
    services_fulfilled: int = 0
    service_minutes: int = 0


async def impacts(db: Database, organization_ids: Sequence[int]) -> list[Impact]:
    """One Impact per id, in order, from four grouped queries whatever the number of ids."""
    found: dict[int, Impact] = defaultdict(Impact)
    async with db.read() as session:
        for side, column in (("given", DonationReceipt.donor_id), ("received", DonationReceipt.school_id)):
            rows = await session.execute(
                select(
                    column,
                    DonationReceipt.currency,
                    func.count(),
                    func.sum(DonationReceipt.quantity),
                    func.sum(DonationReceipt.declared_value_cents),
                )
                .where(column.in_(organization_ids))
                .group_by(column, DonationReceipt.currency)
            )
            for org_id, currency, count, items, value in rows:
                impact = found[org_id]
                setattr(impact, f"donations_{side}", getattr(impact, f"donations_{side}") + count)
                setattr(impact, f"items_{side}", getattr(impact, f"items_{side}") + int(items))
                getattr(impact, f"value_{side}")[currency] = int(value)
        helped = await session.execute(
            select(DonationReceipt.donor_id, func.count(func.distinct(DonationReceipt.school_id)))
            .where(DonationReceipt.donor_id.in_(organization_ids))
            .group_by(DonationReceipt.donor_id)
        )
        for org_id, schools in helped:
            found[org_id].schools_helped = schools
        services = await session.execute(
            select(Need.fulfilled_by_id, func.count(), func.coalesce(func.sum(Need.service_minutes), 0))
            .where(Need.fulfilled_by_id.in_(organization_ids))
            .group_by(Need.fulfilled_by_id)
        )
        for fulfiller_id, count, minutes in services:
            if fulfiller_id is not None:  # the filter above already excludes it; this tells the type checker
                found[fulfiller_id].services_fulfilled = count
                found[fulfiller_id].service_minutes = int(minutes or 0)
    return [found[i] if i in found else Impact() for i in organization_ids]

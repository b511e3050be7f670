"""`serve --demo` data for School Assist: a scheduled shop visit the demo school confirmed with the demo
employer's shop, a speaker offer from the demo donor awaiting the school, and a delivered job shadow."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from db.enums.donations import ServiceOfferStatus
from db.models import Need, Organization, ServiceOffer
from resolvers.demo.donations import CATEGORY_IDS


def _need(school: Organization, slug: str, title: str, starts_in: timedelta, minutes: int, address: str | None) -> Need:
    start = (utcnow() + starts_in).replace(hour=14, minute=0, second=0, microsecond=0)
    return Need(
        school_id=school.id,
        category_id=CATEGORY_IDS[slug],
        title=title,
        description="For the second-year collision class, about 18 students and two instructors.",
        priority="MEDIUM",
        quantity=1,
        latitude=school.latitude,
        longitude=school.longitude,
        service_starts_at=start,
        service_minutes=minutes,
        service_address=address,
    )


async def seed(session: AsyncSession, world) -> None:
    now = utcnow()
    school, donor, shop = world.schools[0], world.donors[0], world.employers[0]
    where = ", ".join(part for part in (shop.street, shop.city, shop.state) if part) or shop.name
    tour = _need(school, "services-shop-tour", "Shop tour: a working collision center", timedelta(days=10), 120, where)
    speaker = _need(
        school, "services-guest-speaker", "Guest speaker: a day as an estimator", timedelta(days=21), 60, None
    )
    shadow = _need(school, "services-job-shadow", "Job shadow day with a painter", timedelta(days=-14), 6 * 60, where)
    session.add_all([tour, speaker, shadow])
    await session.flush()
    shadow.quantity_received, shadow.fulfilled_by_id, shadow.fulfilled_at = 1, shop.id, now - timedelta(days=13)
    employer, donor_user = world.users["employer"].id, world.users["donor"].id
    session.add_all(
        [
            ServiceOffer(
                need_id=tour.id,
                school_id=school.id,
                shop_id=shop.id,
                created_by_id=employer,
                status=ServiceOfferStatus.CONFIRMED.value,
                message="Our estimator and refinish lead will walk the class through the shop.",
                confirmed_at=now - timedelta(days=1),
            ),
            ServiceOffer(
                need_id=speaker.id,
                school_id=school.id,
                shop_id=donor.id,
                created_by_id=donor_user,
                status=ServiceOfferStatus.OFFERED.value,
                message="Our lead estimator can talk about writing a first estimate.",
            ),
            ServiceOffer(
                need_id=shadow.id,
                school_id=school.id,
                shop_id=shop.id,
                created_by_id=employer,
                status=ServiceOfferStatus.COMPLETED.value,
                message="One student per painter, in the booth with PPE.",
                confirmed_at=now - timedelta(days=20),
                completed_at=now - timedelta(days=13),
            ),
        ]
    )
    await session.flush()

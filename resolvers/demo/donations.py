"""Demo needs, listings and donations in every state, with receipts and credited service needs.

The demo school and donor accounts own the first school and donor, so signing in as them shows
both sides of each workflow state. Donations move through the real state machine.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from db.enums.donations import DonationStatus, FulfillmentMethod
from db.models import Donation, Listing, Need
from db.reference.categories import CATEGORIES
from resolvers.donations import workflow as donation_workflow
from resolvers.donations.workflow import Action, Actor

CATEGORY_IDS = {seed.slug: index for index, seed in enumerate(CATEGORIES, start=1)}
S, P, D, T = FulfillmentMethod.SHIP, FulfillmentMethod.PICKUP, FulfillmentMethod.DELIVERY, FulfillmentMethod.TOW

# slug, title, condition, unit value in cents, ways to hand over, quantity
ITEMS = [
    ("welding-strsw", "Squeeze-type resistance spot welder, 220V", "LIKE_NEW", 1_250_000, (P, D), 1),
    ("welding-mig-steel", "MIG welder, 140A, with cart", "GOOD", 85_000, (S, P), 3),
    ("refinish-spray-guns", "HVLP spray guns, 1.3 tip", "NEW", 32_000, (S,), 12),
    ("refinish-abrasives", "Sanding discs, 6-inch, 80 to 400 grit (boxes)", "NEW", 4_500, (S, P), 40),
    ("refinish-paint-clearcoat", "Clear coat, 1 gallon kits", "NEW", 12_000, (S,), 20),
    ("body-tools-dent-repair-kits", "Stud welder dent repair kit", "GOOD", 45_000, (S, P), 4),
    ("body-tools-da-sanders", "6-inch DA sanders", "GOOD", 18_000, (S,), 8),
    ("diagnostics-scan-tools", "Scan tool with 2-year update subscription", "LIKE_NEW", 250_000, (S,), 2),
    ("diagnostics-hv-safety-kit", "Class 0 insulated gloves and tool set", "NEW", 38_000, (S,), 6),
    ("safety-respirators", "Half-mask respirators with cartridges", "NEW", 6_500, (S, P), 30),
    ("vehicles-parts-training-vehicles", "2016 sedan, total loss (frame damage)", "FOR_PARTS", 300_000, (T,), 1),
    ("vehicles-parts-bumper-covers", "Bumper covers, assorted late models", "FAIR", 9_000, (P,), 15),
    ("vehicles-parts-fenders", "Front fenders, primed", "GOOD", 11_000, (P, D), 10),
    ("classroom-student-uniforms", "Shop shirts, sizes S to XXL", "NEW", 2_500, (S,), 50),
    ("welding-mig-aluminum", "Aluminum pulse MIG welder with spool gun", "GOOD", 420_000, (P, D), 1),
    ("refinish-primers", "Epoxy primer, 1 gallon kits", "NEW", 9_000, (S,), 12),
    ("mechanical-vehicle-lifts", "Two-post lift, 10,000 lb", "GOOD", 350_000, (P,), 1),
    (
        "vehicles-parts-training-vehicles",
        "2019 compact, late model, for disassembly and reassembly",
        "GOOD",
        800_000,
        (T,),
        1,
    ),
]
# What each kind of donor gives (by the name suffix organizations give it), as ITEMS positions:
# shops give welders and parts, dealers scan tools and vehicles, insurers total-loss vehicles and
# parts, paint suppliers refinish products, tool distributors tools.
DONOR_ITEMS = {
    "Collision Center": (0, 1, 11, 12, 6, 9, 14),
    "Auto Group": (7, 17, 8, 13, 16),
    "Insurance Claims Office": (10, 11, 12, 17),
    "Paint Supply": (2, 3, 4, 9, 15),
    "Tool Distributors": (5, 6, 7, 8, 1, 2),
}
# slug, title, priority, quantity, the programs that need it
COLLISION, REFINISH, AUTOMOTIVE, DIESEL = "COLLISION", "REFINISH", "AUTOMOTIVE", "DIESEL"
NEEDS = [
    ("welding-strsw", "STRSW spot welder for the structural lab", "CRITICAL", 1, {COLLISION}),
    ("welding-mig-steel", "MIG welders for the welding stations", "HIGH", 3, {COLLISION}),
    ("refinish-spray-guns", "Spray guns for 12 refinish booths", "HIGH", 12, {COLLISION, REFINISH}),
    ("refinish-abrasives", "Sanding discs for the fall semester", "MEDIUM", 30, {COLLISION, REFINISH}),
    ("refinish-paint-clearcoat", "Clear coat for spray practice", "MEDIUM", 10, {COLLISION, REFINISH}),
    ("diagnostics-scan-tools", "Scan tools for ADAS and diagnostics class", "HIGH", 2, {COLLISION, AUTOMOTIVE}),
    ("safety-respirators", "Respirators for every student", "CRITICAL", 25, {COLLISION, REFINISH}),
    ("vehicles-parts-training-vehicles", "Salvage vehicle for frame-machine practice", "MEDIUM", 1, {COLLISION}),
    ("vehicles-parts-bumper-covers", "Bumper covers for plastic repair", "LOW", 10, {COLLISION}),
    ("body-tools-da-sanders", "DA sanders for body-filler practice", "MEDIUM", 8, {COLLISION}),
    ("diagnostics-hv-safety-kit", "Insulated gloves and tools for EV lessons", "HIGH", 6, {AUTOMOTIVE, COLLISION}),
    ("mechanical-vehicle-lifts", "Two-post lift for the service lab", "HIGH", 1, {AUTOMOTIVE, DIESEL}),
    ("classroom-student-uniforms", "Shop shirts for first-years", "LOW", 40, {COLLISION, REFINISH, AUTOMOTIVE, DIESEL}),
]
SERVICES = [
    ("services-guest-speaker", "Guest speaker: a day as an estimator"),
    ("services-shop-tour", "Shop tour for the second-year class"),
    ("services-job-shadow", "Job shadow days for seniors"),
]
CONDITION_NOTES = ["Works well.", "Lightly used.", "From our last remodel."]


def _listing(rng, donor, item, now) -> Listing:
    slug, title, condition, cents, methods, quantity = item
    return Listing(
        donor_id=donor.id,
        category_id=CATEGORY_IDS[slug],
        title=title,
        condition=condition,
        quantity=quantity,
        unit_value_cents=cents,
        currency="USD",
        fulfillment_mask=sum(m.bit for m in methods),
        description=f"Donated by {donor.name}. {rng.choice(CONDITION_NOTES)}",
        private_notes=f"Loading dock at the back; call {donor.contact_phone} a day ahead.",
        postal_code=donor.postal_code,
        latitude=donor.latitude,
        longitude=donor.longitude,
        available_until=now + timedelta(days=rng.randint(30, 120)),
    )


def _program_for(school, trades: set[str]) -> str:
    own = school.programs or [COLLISION]
    return next((p for p in own if p in trades), own[0])


def _need(rng, school, slug, title, priority, quantity, today, trades=None) -> Need:
    program = _program_for(school, trades or set(school.programs or [COLLISION]))
    return Need(
        school_id=school.id,
        category_id=CATEGORY_IDS[slug],
        title=title,
        priority=priority,
        quantity=quantity,
        description=f"For the {program.lower()} program at {school.name}.",
        needed_by=today + timedelta(days=rng.randint(20, 150)),
        latitude=school.latitude,
        longitude=school.longitude,
        created_at=utcnow() - timedelta(days=_posted_days_ago(title, quantity)),
    )


def _posted_days_ago(title: str, quantity: int) -> int:
    """Spread over the last five months, so `needsSummary` shows a trend; derived, not drawn, so the random
    stream (and every other demo figure) stays as it was."""
    return (len(title) * 37 + quantity * 11) % 150


def _same_category(donors, listings, school_needs, start: int):
    """The first donor (from `start`, in turn) with a listing of a category one of the needs asks for."""
    for k in range(len(donors)):
        giver = donors[(start + k) % len(donors)]
        for need in school_needs:
            listing = next((li for li in listings[giver.id] if li.category_id == need.category_id), None)
            if listing is not None:
                return giver, listing, need
    return None


async def _request(session: AsyncSession, listing: Listing, need: Need, quantity: int, actor: Actor) -> Donation:
    donation = Donation(
        listing_id=listing.id,
        need_id=need.id,
        donor_id=listing.donor_id,
        school_id=need.school_id,
        quantity=quantity,
        status=DonationStatus.REQUESTED.value,
        message="Our students would put this to use right away. Thank you!",
    )
    session.add(donation)
    await session.flush()
    donation_workflow.record(session, donation, None, DonationStatus.REQUESTED, actor, donation.message)
    return donation


async def _walk(session, donation: Donation, listing: Listing, path: list[Action], school: Actor, donor: Actor) -> None:
    method = next(m for m in FulfillmentMethod if listing.fulfillment_mask & m.bit)
    shipment = (
        {"fulfillment": method.value, "carrier": "UPS", "tracking_number": f"1Z{donation.id:010d}"}
        if method is FulfillmentMethod.SHIP
        else {"fulfillment": method.value, "arrangement": "Thursday, 3 pm"}
    )
    details: dict[Action, dict[str, Any]] = {
        Action.SHIP: {"values": shipment},
        Action.DECLINE: {
            "note": "Already promised to another school.",
            "values": {"decline_reason": "Already promised to another school."},
        },
        Action.CANCEL: {
            "note": "The program moved to a new building.",
            "values": {"cancel_reason": "The program moved to a new building."},
        },
    }
    for action in path:
        actor = school if action in (Action.RECEIVE, Action.CANCEL) else donor
        await donation_workflow.move(session, donation, action, actor, **details.get(action, {}))


async def seed(session: AsyncSession, world) -> None:
    rng, now = world.rng, utcnow()
    today = now.date()
    listings: dict[int, list[Listing]] = {}
    for donor in world.donors:
        kind = next(suffix for suffix in DONOR_ITEMS if suffix in donor.name)
        listings[donor.id] = [_listing(rng, donor, ITEMS[i], now) for i in rng.sample(DONOR_ITEMS[kind], k=4)]
        session.add_all(listings[donor.id])
    needs: dict[int, list[Need]] = {}
    for school in world.schools:
        fitting = [entry for entry in NEEDS if entry[4] & set(school.programs or [COLLISION])]
        chosen = rng.sample(fitting, k=min(4, len(fitting)))
        needs[school.id] = [
            _need(rng, school, slug, title, priority, quantity, today, trades)
            for slug, title, priority, quantity, trades in chosen
        ]
        session.add_all(needs[school.id])
        slug, title = rng.choice(SERVICES)
        session.add(_need(rng, school, slug, title, "MEDIUM", 1, today))
    await session.flush()

    # The demo school and donor: one donation in every state, on matching listings and needs.
    school, donor = world.schools[0], world.donors[0]
    school_actor = Actor(world.users["school"].id, None, school.id)
    donor_actor = Actor(world.users["donor"].id, None, donor.id)
    paths = {
        DonationStatus.REQUESTED: [],
        DonationStatus.APPROVED: [Action.APPROVE],
        DonationStatus.DECLINED: [Action.DECLINE],
        DonationStatus.SHIPPED: [Action.APPROVE, Action.SHIP],
        DonationStatus.RECEIVED: [Action.APPROVE, Action.SHIP, Action.RECEIVE],
        DonationStatus.CANCELLED: [Action.APPROVE, Action.CANCEL],
    }
    kind = next(suffix for suffix in DONOR_ITEMS if suffix in donor.name)
    for (status, path), item in zip(paths.items(), [ITEMS[i] for i in DONOR_ITEMS[kind]], strict=False):
        slug, title, condition, cents, methods, _ = item
        listing = _listing(rng, donor, (slug, title, condition, cents, methods, 2), now)
        need = _need(rng, school, slug, f"{title} (demo: {status.value.lower()})", "HIGH", 2, today)
        session.add_all([listing, need])
        await session.flush()
        # Taking all of a listing shows RESERVED (approved) and DONATED (received) listings too.
        whole = status in (DonationStatus.APPROVED, DonationStatus.RECEIVED)
        donation = await _request(session, listing, need, 2 if whole else 1, school_actor)
        await _walk(session, donation, listing, path, school_actor, donor_actor)

    # Across the region: received donations (receipts, impact), and a few in flight, each from a
    # listing of the category the school asked for.
    for index, other_school in enumerate(world.schools[1:], start=1):
        found = _same_category(world.donors, listings, needs[other_school.id], start=index)
        if found is None:
            continue
        giver, listing, need = found
        quantity = min(listing.quantity - listing.quantity_reserved - listing.quantity_donated, need.quantity)
        if quantity <= 0:
            continue
        donation = await _request(session, listing, need, quantity, Actor(None, None, other_school.id))
        path = [Action.APPROVE, Action.SHIP, Action.RECEIVE] if index % 2 else [Action.APPROVE]
        await _walk(session, donation, listing, path, Actor(None, None, other_school.id), Actor(None, None, giver.id))

    # A closed need, a withdrawn listing and an expired one, so every status shows.
    needs[school.id][-1].closed_at = now - timedelta(days=2)
    withdrawn, expired = listings[donor.id][1], listings[donor.id][2]
    withdrawn.withdrawn_at = now - timedelta(days=3)
    expired.available_until = now - timedelta(days=1)

    # Service needs fulfilled by local shops, who get the credit.
    for index, employer in enumerate(world.employers[:3]):
        slug, title = SERVICES[index % len(SERVICES)]
        target = world.schools[index % len(world.schools)]
        session.add(
            Need(
                school_id=target.id,
                category_id=CATEGORY_IDS[slug],
                title=f"{title} (done)",
                priority="MEDIUM",
                quantity=1,
                quantity_received=1,
                fulfilled_by_id=employer.id,
                fulfilled_at=now - timedelta(days=index + 1),
                latitude=target.latitude,
                longitude=target.longitude,
                needed_by=today - timedelta(days=index),
            )
        )
    await session.flush()

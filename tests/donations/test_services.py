"""School Assist over HTTP: a scheduled service need, shops' offers, the school's confirmation, cancelling with a
reason, completion crediting the shop's impact, who sees offers, and no double booking under racing confirmations."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from db.models import OutboxEvent
from resolvers.demo import World, seeders
from tests.donations.support import Parties, category, make_need, parties, step, userErrors
from tests.support import Api, Person, gid, sign_in_as

OFFER = """mutation ($input: ServiceOfferInput!) { serviceOffer(input: $input) {
  offer { id status message proposedStart shop { name } school { name } need { title } }
  userErrors { field code message } } }"""
CONFIRM = """mutation ($input: ServiceConfirmInput!) { serviceConfirm(input: $input) {
  offer { id status confirmedAt } userErrors { field code message } } }"""
CANCEL = """mutation ($input: ServiceCancelInput!) { serviceCancel(input: $input) {
  offer { id status cancelReason cancelledAt cancelledBy { name } } userErrors { field code message } } }"""
COMPLETE = """mutation ($input: ServiceCompleteInput!) { serviceComplete(input: $input) {
  offer { id status completedAt need { status fulfilledBy { name } } } userErrors { field code message } } }"""
FULFILL = """mutation ($input: NeedFulfillInput!) { needFulfill(input: $input) {
  need { status fulfilledBy { name } } userErrors { field code message } } }"""
NEED_UPDATE = """mutation ($input: NeedUpdateInput!) { needUpdate(input: $input) {
  need { schedule { startsAt durationMinutes } } userErrors { field code message } } }"""
NEED = """query ($id: ID!) { need(id: $id) {
  status serviceBooked fulfilledBy { name }
  schedule { startsAt endsAt durationMinutes atSchool address }
  serviceOffers(first: 20) { edges { node { id status shop { name } } } }
} }"""
IMPACT = """query ($id: ID!) { organization(id: $id) { impact { servicesFulfilled serviceHours } } }"""
NODE = """query ($id: ID!) { node(id: $id) { id ... on ServiceOffer { status } } }"""
MY_OFFERS = """query ($filter: ServiceOfferFilter) { serviceOffers(filter: $filter, first: 20) {
  edges { node { id status need { title } } } } }"""


def _in(days: int, hour: int = 9) -> str:
    start = (datetime.now(UTC) + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)
    return start.astimezone(UTC).isoformat()


async def _shop(api: Api, name: str, kinds: tuple[str, ...] = ("EMPLOYER",)) -> tuple[Person, str]:
    member = await api.person(f"{name} manager")
    org = await api.organization(owner=member, kinds=kinds, name=name, postal_code="48126")
    return member, gid("Organization", org)


async def _service_need(api: Api, p: Parties, **schedule) -> str:
    return await make_need(
        api,
        p,
        quantity=1,
        slug="services-shop-tour",
        title="Shop tour for the second-year class",
        schedule={"startsAt": _in(14), "durationMinutes": 90, **schedule},
    )


async def _offer(api: Api, need: str, token: str, shop: str | None = None, **fields) -> dict:
    return await step(
        api,
        OFFER,
        token,
        needId=need,
        message=fields.pop("message", "Two painters and a tour"),
        **fields,
        **({"organizationId": shop} if shop else {}),
    )


async def test_a_shop_offers_the_school_confirms_and_completion_credits_the_shop(api, db):
    # given a school's scheduled tour, at the school, and a donor shop
    p = await parties(api)
    need = await _service_need(api, p)
    state = (await api.gql(NEED, {"id": need}))["need"]
    assert state["schedule"]["durationMinutes"] == 90 and state["schedule"]["atSchool"] is True
    assert state["schedule"]["address"] is None and state["serviceBooked"] is False
    # when the donor offers (its only shop, so no organizationId), proposing a time
    offered = await _offer(api, need, p.donor_member.token, proposedStart=_in(15))
    assert offered["userErrors"] == []
    offer = offered["offer"]
    assert (offer["status"], offer["shop"]["name"], offer["school"]["name"]) == (
        "OFFERED",
        "Dearborn Collision",
        "Detroit Tech",
    )
    # and the school confirms, then records the visit as delivered
    confirmed = await step(api, CONFIRM, p.school_member.token, id=offer["id"])
    assert confirmed["userErrors"] == [] and confirmed["offer"]["status"] == "CONFIRMED"
    assert (await api.gql(NEED, {"id": need}))["need"]["serviceBooked"] is True
    done = await step(api, COMPLETE, p.school_member.token, id=offer["id"])
    # then the need is fulfilled by the shop, whose impact counts the service and its hours
    assert done["userErrors"] == []
    assert done["offer"]["status"] == "COMPLETED" and done["offer"]["completedAt"]
    assert done["offer"]["need"] == {"status": "FULFILLED", "fulfilledBy": {"name": "Dearborn Collision"}}
    impact = (await api.gql(IMPACT, {"id": p.donor}))["organization"]["impact"]
    assert impact == {"servicesFulfilled": 1, "serviceHours": 1.5}
    # and each transition was announced to the two parties only
    async with db.read() as session:
        events = (await session.scalars(select(OutboxEvent).where(OutboxEvent.subject_type == "ServiceOffer"))).all()
    assert [e.type for e in events] == [
        "service_offer.created",
        "service_offer.confirmed",
        "service_offer.completed",
    ]
    assert all(not e.is_public and set(e.organization_ids) == {p.school_id, p.donor_id} for e in events)


async def test_schedule_is_for_service_needs_in_the_future_with_a_sane_length(api):
    p = await parties(api)
    item = await api.gql(
        """mutation ($input: NeedCreateInput!) { needCreate(input: $input) { need { id } userErrors { code } } }""",
        {
            "input": {
                "schoolId": p.school,
                "categoryId": category("welding-strsw"),
                "title": "Spot welder",
                "quantity": 1,
                "schedule": {"startsAt": _in(3), "durationMinutes": 60},
            }
        },
        token=p.school_member.token,
    )
    assert userErrors(item["needCreate"]) == ["NOT_A_SERVICE"]
    need = await _service_need(api, p, address="Dearborn Collision, 100 Main St")
    schedule = (await api.gql(NEED, {"id": need}))["need"]["schedule"]
    assert schedule["atSchool"] is False and schedule["address"] == "Dearborn Collision, 100 Main St"
    past = await step(
        api, NEED_UPDATE, p.school_member.token, id=need, schedule={"startsAt": _in(-2), "durationMinutes": 60}
    )
    assert userErrors(past) == ["OUT_OF_RANGE"]
    too_long = await step(
        api, NEED_UPDATE, p.school_member.token, id=need, schedule={"startsAt": _in(2), "durationMinutes": 5000}
    )
    assert userErrors(too_long) == ["OUT_OF_RANGE"]
    moved = await step(
        api, NEED_UPDATE, p.school_member.token, id=need, schedule={"startsAt": _in(20), "durationMinutes": 240}
    )
    assert moved["userErrors"] == [] and moved["need"]["schedule"]["durationMinutes"] == 240
    cleared = await step(api, NEED_UPDATE, p.school_member.token, id=need, schedule=None)
    assert cleared["userErrors"] == [] and cleared["need"]["schedule"] is None


async def test_offers_are_seen_by_the_school_and_the_offering_shop_only(api):
    p = await parties(api)
    need = await _service_need(api, p)
    other_member, other_shop = await _shop(api, "Wayne Auto Body")
    outsider, _ = await _shop(api, "Nosy Motors")
    mine = (await _offer(api, need, p.donor_member.token))["offer"]["id"]
    theirs = (await _offer(api, need, other_member.token, other_shop))["offer"]["id"]

    async def seen(token: str | None) -> set[str]:
        edges = (await api.gql(NEED, {"id": need}, token=token))["need"]["serviceOffers"]["edges"]
        return {e["node"]["id"] for e in edges}

    assert await seen(p.school_member.token) == {mine, theirs}
    assert await seen(p.donor_member.token) == {mine}
    assert await seen(other_member.token) == {theirs}
    assert await seen(outsider.token) == set()
    assert await seen(None) == set()
    assert (await api.gql(NODE, {"id": mine}, token=outsider.token))["node"] is None
    assert (await api.gql(NODE, {"id": mine}, token=other_member.token))["node"] is None
    assert (await api.gql(NODE, {"id": mine}, token=p.school_member.token))["node"]["status"] == "OFFERED"
    listed = (await api.gql(MY_OFFERS, token=other_member.token))["serviceOffers"]["edges"]
    assert [e["node"]["id"] for e in listed] == [theirs]
    assert (await api.gql(MY_OFFERS, token=outsider.token))["serviceOffers"]["edges"] == []
    # outsiders cannot act on an offer they cannot see; a shop cannot confirm its own offer
    assert userErrors(await step(api, CONFIRM, outsider.token, id=mine)) == ["NOT_FOUND"]
    assert userErrors(await step(api, CANCEL, outsider.token, id=mine, reason="x")) == ["NOT_FOUND"]
    assert userErrors(await step(api, CANCEL, other_member.token, id=mine, reason="x")) == ["NOT_FOUND"]
    assert userErrors(await step(api, CONFIRM, p.donor_member.token, id=mine)) == ["PERMISSION_DENIED"]
    assert userErrors(await step(api, COMPLETE, p.donor_member.token, id=mine)) == ["PERMISSION_DENIED"]
    # signed out, nothing at all
    signed_out = (await api.gql(CONFIRM, {"input": {"id": mine}}))["serviceConfirm"]
    assert userErrors(signed_out) == ["UNAUTHENTICATED"]


async def test_either_side_cancels_with_a_reason_and_the_need_opens_again(api):
    p = await parties(api)
    need = await _service_need(api, p)
    other_member, other_shop = await _shop(api, "Wayne Auto Body")
    first = (await _offer(api, need, p.donor_member.token))["offer"]["id"]
    second = (await _offer(api, need, other_member.token, other_shop))["offer"]["id"]
    # a second live offer from the same shop is refused
    assert userErrors(await _offer(api, need, p.donor_member.token)) == ["ALREADY_OFFERED"]
    # a reason is required
    assert userErrors(await step(api, CANCEL, p.school_member.token, id=first, reason="  ")) == ["REQUIRED"]
    assert (await step(api, CONFIRM, p.school_member.token, id=first))["userErrors"] == []
    # while booked, other offers wait and new ones are refused
    assert userErrors(await step(api, CONFIRM, p.school_member.token, id=second)) == ["SERVICE_ALREADY_BOOKED"]
    late_member, late_shop = await _shop(api, "Late Garage", kinds=("DONOR",))
    assert userErrors(await _offer(api, need, late_member.token, late_shop)) == ["SERVICE_ALREADY_BOOKED"]
    # the shop cancels its confirmed visit, saying why
    cancelled = await step(api, CANCEL, p.donor_member.token, id=first, reason="Our painter is out sick.")
    assert cancelled["userErrors"] == []
    assert cancelled["offer"]["status"] == "CANCELLED"
    assert cancelled["offer"]["cancelReason"] == "Our painter is out sick."
    assert cancelled["offer"]["cancelledBy"] == {"name": "Dearborn Collision"}
    assert (await api.gql(NEED, {"id": need}))["need"]["serviceBooked"] is False
    assert userErrors(await step(api, CANCEL, p.donor_member.token, id=first, reason="again")) == ["INVALID_TRANSITION"]
    # the school confirms the other shop, then cancels it too
    assert (await step(api, CONFIRM, p.school_member.token, id=second))["userErrors"] == []
    by_school = await step(api, CANCEL, p.school_member.token, id=second, reason="The class trip moved.")
    assert by_school["offer"]["cancelledBy"] == {"name": "Detroit Tech"}
    # and the donor may offer again
    assert (await _offer(api, need, p.donor_member.token))["userErrors"] == []


async def test_need_fulfill_completes_the_confirmed_visit_and_refuses_another_shop(api):
    p = await parties(api)
    need = await _service_need(api, p)
    other_member, other_shop = await _shop(api, "Wayne Auto Body")
    offer = (await _offer(api, need, other_member.token, other_shop))["offer"]["id"]
    assert (await step(api, CONFIRM, p.school_member.token, id=offer))["userErrors"] == []
    wrong = await step(api, FULFILL, p.school_member.token, id=need, organizationId=p.donor)
    assert userErrors(wrong) == ["SERVICE_ALREADY_BOOKED"]
    right = await step(api, FULFILL, p.school_member.token, id=need, organizationId=other_shop)
    assert right["userErrors"] == [] and right["need"]["fulfilledBy"] == {"name": "Wayne Auto Body"}
    node = (await api.gql(NODE, {"id": offer}, token=other_member.token))["node"]
    assert node["status"] == "COMPLETED"
    assert (await api.gql(IMPACT, {"id": other_shop}))["organization"]["impact"]["serviceHours"] == 1.5


async def test_only_shops_offer_and_only_on_open_service_needs(api):
    p = await parties(api)
    item_need = await make_need(api, p, quantity=1)
    assert userErrors(await _offer(api, item_need, p.donor_member.token)) == ["NOT_A_SERVICE"]
    need = await _service_need(api, p)
    assert userErrors(await _offer(api, need, p.school_member.token, p.school)) == ["INVALID"]
    late = await _offer(api, need, p.donor_member.token, proposedStart=_in(-1))
    assert userErrors(late) == ["OUT_OF_RANGE"]


async def test_racing_confirmations_book_one_visit(api):
    # given six shops' offers on one tour
    p = await parties(api)
    need = await _service_need(api, p)
    offers = []
    for index in range(6):
        member, shop = await _shop(api, f"Shop {index}")
        offers.append((await _offer(api, need, member.token, shop))["offer"]["id"])
    # when the school's staff confirm all of them at once
    results = await asyncio.gather(*(step(api, CONFIRM, p.school_member.token, id=o) for o in offers))
    # then exactly one is confirmed and the rest are refused as already booked
    confirmed = [r for r in results if not r["userErrors"]]
    assert len(confirmed) == 1 and confirmed[0]["offer"]["status"] == "CONFIRMED"
    assert sorted(r["userErrors"][0]["code"] for r in results if r["userErrors"]) == ["SERVICE_ALREADY_BOOKED"] * 5
    edges = (await api.gql(NEED, {"id": need}, token=p.school_member.token))["need"]["serviceOffers"]["edges"]
    assert sorted(e["node"]["status"] for e in edges) == ["CONFIRMED"] + ["OFFERED"] * 5


async def test_racing_shops_on_the_same_offer_move_it_once(api):
    p = await parties(api)
    need = await _service_need(api, p)
    offer = (await _offer(api, need, p.donor_member.token))["offer"]["id"]
    results = await asyncio.gather(
        *(step(api, CONFIRM, p.school_member.token, id=offer) for _ in range(3)),
        *(step(api, CANCEL, p.donor_member.token, id=offer, reason="Cannot make it.") for _ in range(3)),
    )
    assert sum(not r["userErrors"] for r in results) in (1, 2)  # a confirm then a cancel may both pass, in order
    final = (await api.gql(NODE, {"id": offer}, token=p.school_member.token))["node"]["status"]
    assert final in ("CONFIRMED", "CANCELLED")
    assert {r["userErrors"][0]["code"] for r in results if r["userErrors"]} <= {"INVALID_TRANSITION"}


DEMO_VISITS = """{ serviceOffers(first: 20) { edges { node {
  status shop { name } need { title serviceBooked schedule { startsAt durationMinutes atSchool address } }
} } } }"""


async def test_demo_data_shows_a_scheduled_shop_visit(api, db):
    world = World(random.Random(7), 1, "not-a-real-hash")
    async with db.write() as session:
        for seeder in seeders():
            await seeder(session, world)
    school = await sign_in_as(api.db, api.settings, world.users["school"].id)
    edges = (await api.gql(DEMO_VISITS, token=school))["serviceOffers"]["edges"]
    by_status = {e["node"]["status"]: e["node"] for e in edges}
    assert set(by_status) >= {"OFFERED", "CONFIRMED", "COMPLETED"}
    visit = by_status["CONFIRMED"]
    assert visit["need"]["serviceBooked"] is True
    assert visit["need"]["schedule"]["durationMinutes"] == 120 and visit["need"]["schedule"]["atSchool"] is False
    assert datetime.fromisoformat(visit["need"]["schedule"]["startsAt"]) > datetime.now(UTC)
    shop = gid("Organization", world.employers[0].id)
    impact = (await api.gql(IMPACT, {"id": shop}))["organization"]["impact"]
    assert impact["serviceHours"] >= 6 and impact["servicesFulfilled"] >= 1
    # the demo donor sees its own offer only, awaiting the school
    donor = await sign_in_as(api.db, api.settings, world.users["donor"].id)
    mine = (await api.gql(DEMO_VISITS, token=donor))["serviceOffers"]["edges"]
    assert [e["node"]["status"] for e in mine] == ["OFFERED"]


async def test_closing_the_need_calls_off_its_offers_and_visit(api):
    p = await parties(api)
    need = await _service_need(api, p)
    other_member, other_shop = await _shop(api, "Wayne Auto Body")
    booked = (await _offer(api, need, p.donor_member.token))["offer"]["id"]
    waiting = (await _offer(api, need, other_member.token, other_shop))["offer"]["id"]
    assert (await step(api, CONFIRM, p.school_member.token, id=booked))["userErrors"] == []
    closed = await api.gql(
        """mutation ($input: NeedCloseInput!) { needClose(input: $input) { need { status } userErrors { code } } }""",
        {"input": {"id": need}},
        token=p.school_member.token,
    )
    assert closed["needClose"] == {"need": {"status": "CLOSED"}, "userErrors": []}
    for offer, token in ((booked, p.donor_member.token), (waiting, other_member.token)):
        node = (await api.gql(NODE, {"id": offer}, token=token))["node"]
        assert node["status"] == "CANCELLED"
    assert (await api.gql(NEED, {"id": need}))["need"]["serviceBooked"] is False

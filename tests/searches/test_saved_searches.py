"""Saved searches: private to their owner, told of new matching rows exactly once, by the list's own rules."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import select

from core.clock import frozen_at, utcnow
from db.enums.events import EventType
from db.models import OutboxEvent
from resolvers.events.delivery import new_client
from resolvers.events.worker import Worker
from resolvers.searches.alerts import alert_due
from tests.donations import support as donations
from tests.support import Api
from tests.talent import flows

CREATE = """
mutation ($input: SavedSearchCreateInput!) {
  savedSearchCreate(input: $input) {
    savedSearch { id name kind frequency filter nextAlertAt lastAlertedAt }
    userErrors { field code message }
  }
}"""
UPDATE = """
mutation ($input: SavedSearchUpdateInput!) {
  savedSearchUpdate(input: $input) { savedSearch { id name frequency kind } userErrors { field code } }
}"""
DELETE = """
mutation ($input: SavedSearchDeleteInput!) {
  savedSearchDelete(input: $input) { deletedSavedSearchId userErrors { field code } }
}"""
MINE = "{ savedSearches(first: 10) { edges { node { id name kind frequency } } pageInfo { hasNextPage } } }"
NODE = "query ($id: ID!) { node(id: $id) { ... on SavedSearch { name } } }"
CLOSE_POSTING = """
mutation ($input: JobPostingCloseInput!) { jobPostingClose(input: $input) { userErrors { code } } }"""
WITHDRAW = """
mutation ($input: ListingWithdrawInput!) { listingWithdraw(input: $input) { userErrors { code } } }"""


async def _save(api: Api, token: str, **input) -> dict:
    payload = (await api.gql(CREATE, {"input": {"name": "Welders", **input}}, token=token))["savedSearchCreate"]
    assert payload["userErrors"] == [], payload
    return payload["savedSearch"]


async def _matched(api: Api) -> list[OutboxEvent]:
    async with api.db.read() as session:
        rows = await session.scalars(
            select(OutboxEvent).where(OutboxEvent.type == EventType.SAVED_SEARCH_MATCHED.value).order_by(OutboxEvent.id)
        )
        return list(rows)


def _later(minutes: float):
    return utcnow() + timedelta(minutes=minutes)


async def test_a_saved_search_is_its_owners_alone(api):
    ana, bo = await api.person("Ana"), await api.person("Bo")
    saved = await _save(api, ana.token, listings={"search": "welder", "condition": "GOOD"}, frequency="IMMEDIATE")
    assert (saved["kind"], saved["frequency"]) == ("LISTINGS", "IMMEDIATE")
    assert '"search": "welder"' in saved["filter"] and '"condition": "GOOD"' in saved["filter"]
    mine = (await api.gql(MINE, token=ana.token))["savedSearches"]["edges"]
    assert [edge["node"]["name"] for edge in mine] == ["Welders"]
    # then: to anyone else it does not exist
    assert (await api.gql(MINE, token=bo.token))["savedSearches"]["edges"] == []
    assert (await api.gql(NODE, {"id": saved["id"]}, token=bo.token))["node"] is None
    changed = await api.gql(UPDATE, {"input": {"id": saved["id"], "name": "Mine now"}}, token=bo.token)
    assert [e["code"] for e in changed["savedSearchUpdate"]["userErrors"]] == ["NOT_FOUND"]
    deleted = await api.gql(DELETE, {"input": {"id": saved["id"]}}, token=bo.token)
    assert [e["code"] for e in deleted["savedSearchDelete"]["userErrors"]] == ["NOT_FOUND"]
    # the owner changes and deletes it
    renamed = await api.gql(
        UPDATE, {"input": {"id": saved["id"], "name": "Spot welders", "frequency": "OFF"}}, token=ana.token
    )
    assert renamed["savedSearchUpdate"]["savedSearch"]["name"] == "Spot welders"
    assert renamed["savedSearchUpdate"]["savedSearch"]["frequency"] == "OFF"
    deleted = await api.gql(DELETE, {"input": {"id": saved["id"]}}, token=ana.token)
    assert deleted["savedSearchDelete"] == {"deletedSavedSearchId": saved["id"], "userErrors": []}
    assert (await api.gql(MINE, token=ana.token))["savedSearches"]["edges"] == []


async def test_exactly_one_filter_and_a_person_is_needed(api):
    ana = await api.person("Ana")
    none = (await api.gql(CREATE, {"input": {"name": "x"}}, token=ana.token))["savedSearchCreate"]
    assert [e["code"] for e in none["userErrors"]] == ["INVALID"]
    two = {"name": "x", "needs": {}, "listings": {}}
    both = (await api.gql(CREATE, {"input": two}, token=ana.token))["savedSearchCreate"]
    assert [e["code"] for e in both["userErrors"]] == ["INVALID"]
    anonymous = (await api.gql(CREATE, {"input": {"name": "x", "needs": {}}}))["savedSearchCreate"]
    assert [e["code"] for e in anonymous["userErrors"]] == ["UNAUTHENTICATED"]
    unknown = {"name": "x", "needs": {"categoryId": donations.gid("Category", 99999)}}
    bad = (await api.gql(CREATE, {"input": unknown}, token=ana.token))["savedSearchCreate"]
    assert [e["code"] for e in bad["userErrors"]] == ["UNKNOWN_CATEGORY"]


async def test_new_matching_listings_are_announced_once_to_the_owner(api):
    p = await donations.parties(api)
    ana = await api.person("Ana")
    await donations.make_listing(api, p, title="Older spot welder")  # there before the search: never announced
    saved = await _save(api, ana.token, listings={"search": "welder"}, frequency="IMMEDIATE")
    new = await donations.make_listing(api, p, title="Newer spot welder")
    await donations.make_listing(api, p, title="Paint booth filters")  # does not match
    # when: two workers look at once, then again later
    results = await asyncio.gather(alert_due(api.db, _later(2)), alert_due(api.db, _later(2)))
    again = await alert_due(api.db, _later(4))
    # then
    assert sorted(results) == [0, 1] and again == 0
    [event] = await _matched(api)
    assert event.user_ids == [ana.id] and event.organization_ids == []
    assert event.data["savedSearch"] == saved["id"] and event.data["kind"] == "LISTINGS"
    assert event.data["matches"] == [new] and event.data["count"] == 1
    assert "Welders" in event.data["title"] and event.data["body"]
    # a further match is announced on the next look, alone
    newest = await donations.make_listing(api, p, title="Welder, MIG")
    assert await alert_due(api.db, _later(6)) == 1
    assert (await _matched(api))[-1].data["matches"] == [newest]


async def test_only_rows_the_list_would_show_are_announced(api):
    shop = await flows.employer(api)
    student = await flows.student(api)
    saved = await _save(api, student.person.token, jobPostings={"roleType": ["TECHNICIAN"]}, frequency="IMMEDIATE")
    kept = await flows.posting(api, shop, title="Collision Technician")
    closed = await flows.posting(api, shop, title="Technician, closed at once")
    await flows.posting(api, shop, title="Estimator", roleType="ESTIMATOR")
    closing = await api.gql(CLOSE_POSTING, {"input": {"id": closed}}, token=shop.owner.token)
    assert closing["jobPostingClose"]["userErrors"] == []
    p = await donations.parties(api)
    near = await _save(api, student.person.token, listings={"near": {"postalCode": "48226", "radiusKm": 30}})
    withdrawn = await donations.make_listing(api, p, title="Withdrawn welder")
    await api.gql(WITHDRAW, {"input": {"id": withdrawn}}, token=p.donor_member.token)
    far = donations.Parties(
        p.school_member,
        p.donor_member,
        p.school_id,
        await api.organization(owner=p.donor_member, kinds=("DONOR",), postal_code="90210"),
    )
    await donations.make_listing(api, far, title="Far away welder")
    close_by = await donations.make_listing(api, p, title="Nearby welder")
    # when
    assert await alert_due(api.db, _later(2)) == 1  # the DAILY search over listings is not due yet
    assert await alert_due(api.db, _later(60 * 24 + 2)) == 1
    # then
    by_search = {event.data["savedSearch"]: event.data["matches"] for event in await _matched(api)}
    assert by_search == {saved["id"]: [kept], near["id"]: [close_by]}


async def test_off_never_alerts_and_a_new_filter_starts_from_now(api):
    p = await donations.parties(api)
    ana = await api.person("Ana")
    off = await _save(api, ana.token, needs={"search": "welder"}, frequency="OFF")
    assert off["nextAlertAt"] is None
    await donations.make_need(api, p, title="Spot welder for lab")
    assert await alert_due(api.db, _later(60 * 24 * 30)) == 0
    on = await api.gql(UPDATE, {"input": {"id": off["id"], "frequency": "IMMEDIATE"}}, token=ana.token)
    assert on["savedSearchUpdate"]["userErrors"] == []
    assert await alert_due(api.db, _later(2)) == 0
    # turning it on (here with a new filter) announces only what is added from then on
    changed = {"id": off["id"], "frequency": "IMMEDIATE", "needs": {"search": "booth"}}
    assert (await api.gql(UPDATE, {"input": changed}, token=ana.token))["savedSearchUpdate"]["userErrors"] == []
    assert await alert_due(api.db, _later(2)) == 0
    booth = await donations.make_need(api, p, title="Paint booth")
    assert await alert_due(api.db, _later(4)) == 1
    assert [event.data["matches"] for event in await _matched(api)] == [[booth]]


async def test_the_worker_looks_at_due_searches(api, db, settings):
    p = await donations.parties(api)
    ana = await api.person("Ana")
    await _save(api, ana.token, needs={"search": "lift"}, frequency="IMMEDIATE")
    lift = await donations.make_need(api, p, title="Two-post lift", slug="mechanical-vehicle-lifts")
    worker = Worker(db, settings, new_client())
    try:
        with frozen_at(_later(2)):
            await worker.step()
            await worker.step()  # within the minute: not looked at again
    finally:
        await worker.client.close()
    assert [event.data["matches"] for event in await _matched(api)] == [[lift]]

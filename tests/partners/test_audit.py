"""The audit trail, read from the event log: only what the viewer may see (staff all, owners and admins
their organizations), with who did it (a person or an app), every filter, as a connection and as a CSV
export."""

from __future__ import annotations

import csv
import io

from db.models import Membership
from schema.relay import decode_any_id
from tests.donations.support import APPROVE, make_listing, make_need, parties, requested, step
from tests.partners.support import app_token, listing_input
from tests.talent import flows

AUDIT = """
query ($filter: AuditEntryFilter, $first: Int, $after: String) {
  auditEntries(filter: $filter, first: $first, after: $after) {
    edges { cursor node { occurredAt action objectType objectId organizationIds actorId actorName fromStatus
      toStatus note } }
    pageInfo { hasNextPage endCursor }
  }
}"""


async def trail(api, token: str, **variables) -> list[dict]:
    data = await api.gql(AUDIT, variables, token=token)
    return [edge["node"] for edge in data["auditEntries"]["edges"]]


async def donation_history(api):
    """A school and a donor, one donation requested by the school and approved by the donor."""
    p = await parties(api)
    listing = await make_listing(api, p, quantity=5)
    need = await make_need(api, p, quantity=5)
    donation = await requested(api, p, listing, need, 2)
    assert (await step(api, APPROVE, p.donor_member.token, id=donation, note="Pick up Friday"))["userErrors"] == []
    return p, donation


DONATION_ACTIONS = [f"donation.{step}" for step in ("requested", "approved", "declined", "shipped", "received")]


async def test_owners_see_their_organizations_entries_newest_first(api):
    p, donation = await donation_history(api)
    entries = await trail(api, p.school_member.token)
    assert [(e["action"], e["objectType"], e["actorName"]) for e in entries] == [
        ("donation.approved", "Donation", "Donor Manager"),
        ("donation.requested", "Donation", "School Teacher"),
        ("need.created", "Need", "School Teacher"),  # the school's own need; the donor's listing is not its own
    ]
    assert entries[0]["objectId"] == donation
    assert entries[0]["note"] == "Pick up Friday" and entries[0]["fromStatus"] == "REQUESTED"
    assert entries[0]["toStatus"] == "APPROVED"
    assert set(entries[0]["organizationIds"]) == {p.school, p.donor}
    assert entries[1]["actorId"] == p.school_member.gid
    donor_side = await trail(api, p.donor_member.token)
    assert [e["action"] for e in donor_side] == ["donation.approved", "donation.requested", "listing.created"]
    assert donor_side[:2] == entries[:2]


async def test_what_an_app_does_is_recorded_as_the_app(api):
    p = await parties(api)
    token = await app_token(api, p.donor_member, p.donor_id, ["DONATIONS_WRITE"])
    created = await api.gql(
        "mutation ($input: ListingCreateInput!) { listingCreate(input: $input) { listing { id } userErrors { code } } "
        "}",
        {"input": listing_input(p)},
        token=token,
    )
    assert created["listingCreate"]["userErrors"] == []
    [entry] = await trail(api, p.donor_member.token, filter={"actions": ["listing.created"]})
    assert entry["objectId"] == created["listingCreate"]["listing"]["id"]
    assert entry["actorName"] == "Partner" and decode_any_id(entry["actorId"])[0] == "AppToken"
    by_app = await trail(api, p.donor_member.token, filter={"actorId": entry["actorId"]})
    assert by_app == [entry]


async def test_others_see_nothing_of_it(api):
    p, _ = await donation_history(api)
    stranger = await api.person("Stranger")
    await api.organization(owner=stranger, kinds=("SCHOOL",))
    assert await trail(api, stranger.token) == []
    plain_member = await api.person("Plain member")
    async with api.db.write() as session:
        session.add(Membership(organization_id=p.school_id, user_id=plain_member.id, role="MEMBER"))
    assert await trail(api, plain_member.token) == []
    app = await app_token(api, p.school_member, p.school_id, ["DONATIONS_READ"])
    assert await trail(api, app) == []
    # asking for an organization one does not manage changes nothing
    assert await trail(api, stranger.token, filter={"organizationId": p.school}) == []


async def test_staff_see_every_organization_and_filter(api):
    p, donation = await donation_history(api)
    other, _ = await donation_history(api)
    staff = await api.person("Staff", staff=True)
    assert len(await trail(api, staff.token)) == 8  # per history: need and listing created, requested, approved
    mine = await trail(api, staff.token, filter={"organizationId": p.donor, "actions": DONATION_ACTIONS})
    assert {e["objectId"] for e in mine} == {donation}
    assert [e["action"] for e in await trail(api, staff.token, filter={"actions": ["donation.approved"]})] == [
        "donation.approved",
        "donation.approved",
    ]
    by_actor = await trail(api, staff.token, filter={"actorId": other.school_member.gid})
    assert [(e["action"], e["actorName"]) for e in by_actor] == [
        ("donation.requested", "School Teacher"),
        ("need.created", "School Teacher"),
    ]
    assert by_actor[0]["objectId"] != donation
    by_object = await trail(api, staff.token, filter={"objectId": donation})
    assert len(by_object) == 2
    newest = (await trail(api, staff.token))[0]["occurredAt"]
    assert len(await trail(api, staff.token, filter={"since": newest})) == 1
    assert len(await trail(api, staff.token, filter={"until": newest})) == 7


async def test_pages_follow_one_another(api):
    await donation_history(api)
    await donation_history(api)
    staff = await api.person("Staff", staff=True)
    everything = await trail(api, staff.token)
    seen, after = [], None
    while True:
        data = await api.gql(AUDIT, {"first": 3, "after": after}, token=staff.token)
        seen += [edge["node"] for edge in data["auditEntries"]["edges"]]
        if not data["auditEntries"]["pageInfo"]["hasNextPage"]:
            break
        after = data["auditEntries"]["pageInfo"]["endCursor"]
    assert seen == everything and len(seen) == 8


async def test_application_history_belongs_to_the_employer(api):
    employer = await flows.employer(api)
    student = await flows.student(api)
    posting = await flows.posting(api, employer)
    application = (await flows.apply(api, student, posting))["application"]["id"]
    assert (await flows.move(api, employer.owner.token, application, "REVIEWING"))["userErrors"] == []
    entries = await trail(api, employer.owner.token, filter={"objectId": application})
    assert [(e["action"], e["objectType"], e["fromStatus"], e["toStatus"]) for e in entries] == [
        ("application.moved", "Application", "APPLIED", "REVIEWING"),
        ("application.created", "Application", None, "APPLIED"),
    ]
    assert entries[0]["actorId"] == employer.owner.gid
    assert await trail(api, student.person.token) == []


async def test_malformed_filters_are_refused(api):
    staff = await api.person("Staff", staff=True)
    response = await api.post(AUDIT, {"filter": {"objectId": "not-an-id"}}, token=staff.token)
    assert response.json()["errors"][0]["extensions"]["code"] == "INVALID"


async def test_the_csv_export_shows_the_same_entries(api):
    p, donation = await donation_history(api)
    await donation_history(api)
    response = await api.client.get("/exports/audit.csv", headers={"Authorization": f"Bearer {p.school_member.token}"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["action"], r["objectId"]) for r in rows][:2] == [
        ("donation.approved", donation),
        ("donation.requested", donation),
    ]
    assert [r["action"] for r in rows][2:] == ["need.created"]
    assert set(rows[0]["organizationIds"].split()) == {p.school, p.donor}
    filtered = await api.client.get(
        "/exports/audit.jsonl",
        params={"action": "donation.requested"},
        headers={"Authorization": f"Bearer {p.school_member.token}"},
    )
    assert [line.count("donation.requested") for line in filtered.text.splitlines()] == [1]
    anonymous = await api.client.get("/exports/audit.csv")
    assert anonymous.status_code == 401
    bad = await api.client.get(
        "/exports/audit.csv",
        params={"since": "yesterday"},
        headers={"Authorization": f"Bearer {p.school_member.token}"},
    )
    assert bad.status_code == 400

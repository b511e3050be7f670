"""The audit trail and an organization's imports cost the same SQL for a few rows as for many (no N+1)."""

from __future__ import annotations

from core import outbox
from db.enums.events import EventType
from db.models import BulkImport, Donation
from resolvers.donations.events import donation_event
from schema.relay import decode_id
from tests.donations.support import make_listing, make_need, parties

AUDIT = """query ($first: Int) { auditEntries(first: $first) {
  edges { node { action objectId organizationIds actorId actorName } } pageInfo { hasNextPage } } }"""
IMPORTS = """query ($org: ID!, $first: Int) { bulkImports(organizationId: $org, first: $first) {
  edges { node { id status errorCount errors(first: 5) { edges { node { line column code } } } } } } }"""


async def test_audit_entries_cost_the_same_at_two_sizes(api, count_sql):
    p = await parties(api)
    listing = await make_listing(api, p, quantity=50)
    need = await make_need(api, p, quantity=50)
    listing_id, need_id = decode_id(listing, "Listing"), decode_id(need, "Need")
    counts, have = [], 0
    for size in (4, 40):
        async with api.db.write() as session:
            for _ in range(size - have):
                donation = Donation(
                    listing_id=listing_id,
                    need_id=need_id,
                    donor_id=p.donor_id,
                    school_id=p.school_id,
                    quantity=1,
                    # declined: only one request per need and listing may be open at a time
                    status="DECLINED",
                )
                session.add(donation)
                await session.flush()
                with outbox.acting_as(outbox.Actor(user_id=p.school_member.id)):
                    outbox.append(session, donation_event(EventType.DONATION_REQUESTED, donation, None))
        have = size
        with count_sql() as counter:
            data = await api.gql(AUDIT, {"first": size}, token=p.school_member.token)
        assert len(data["auditEntries"]["edges"]) == size
        counts.append(counter.count)
    assert counts[0] == counts[1], counts


async def test_bulk_imports_cost_the_same_at_two_sizes(api, count_sql):
    p = await parties(api)
    counts = []
    for size in (3, 30):
        async with api.db.write() as session:
            session.add_all(
                BulkImport(
                    organization_id=p.school_id,
                    kind="NEEDS",
                    status="FAILED",
                    filename="x.csv",
                    total_rows=2,
                    processed_rows=2,
                    error_count=1,
                    errors=[{"line": 2, "column": "title", "code": "REQUIRED", "message": "title is required."}],
                )
                for _ in range(size - (3 if size == 30 else 0))
            )
        with count_sql() as counter:
            data = await api.gql(IMPORTS, {"org": p.school, "first": size}, token=p.school_member.token)
        assert len(data["bulkImports"]["edges"]) == size
        assert data["bulkImports"]["edges"][0]["node"]["errors"]["edges"][0]["node"]["line"] == 2
        counts.append(counter.count)
    assert counts[0] == counts[1], counts

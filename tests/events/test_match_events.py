"""Match events come from the matching engine when rows change: entrants into a top k, announced once."""

from __future__ import annotations

from sqlalchemy import select

from db.enums.events import EventType
from db.models import OutboxEvent
from resolvers.matches.watch import watch
from tests.donations.support import make_listing, make_need, parties
from tests.support import gid
from tests.talent import flows


async def _events(db, type: EventType) -> list[OutboxEvent]:
    async with db.read() as session:
        return list((await session.scalars(select(OutboxEvent).where(OutboxEvent.type == type.value))).all())


async def test_a_new_student_entering_a_postings_top_20_is_announced_once(api, db):
    assert await watch(db) == 0  # the first round only sets the mark
    employer = await flows.employer(api)
    posting = await flows.posting(api, employer)
    assert await watch(db) == 0  # the posting's first ranking is its baseline
    newcomer = await flows.student(api, visible=True, name="New Student")
    hidden = await flows.student(api, visible=False, name="Hidden Student")
    assert await watch(db) == 1
    [event] = await _events(db, EventType.MATCH_CANDIDATE_ENTERED)
    assert event.data["jobPosting"] == posting and event.data["student"] == newcomer.profile_gid
    assert event.organization_ids == [employer.org_id] and event.data["rank"] >= 1
    assert hidden.profile_gid not in {e.data["student"] for e in await _events(db, EventType.MATCH_CANDIDATE_ENTERED)}
    assert await watch(db) == 0  # nothing new: nothing announced again


async def test_a_new_listing_entering_a_needs_top_10_is_announced_to_the_school(api, db):
    assert await watch(db) == 0
    p = await parties(api)
    need = await make_need(api, p)
    assert await watch(db) == 0
    listing = await make_listing(api, p)
    assert await watch(db) == 1
    [event] = await _events(db, EventType.MATCH_LISTING_ENTERED)
    assert event.data == {**event.data, "need": need, "listing": listing}
    assert event.organization_ids == [p.school_id] and gid("Organization", p.school_id) == p.school

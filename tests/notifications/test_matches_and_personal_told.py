"""Match rows of the table (a new listing in a need's top 10, a new posting in a student's top 10) and the
events other parts of the platform emit for the people they name."""

from __future__ import annotations

from db.enums.events import EventType
from resolvers.matches.watch import watch
from tests.donations.support import make_listing, make_need, parties
from tests.notifications.support import announce, consume, everyone_told, kinds_of, mailed, told
from tests.support import gid
from tests.talent import flows


async def test_a_school_is_told_when_a_new_listing_enters_a_needs_top_10(api, db, settings, mailer, mailbox):
    assert await watch(db) == 0  # the first round sets the mark
    p = await parties(api)
    need = await make_need(api, p, title="Spot welder for the lab")
    await watch(db)  # the need's baseline
    listing = await make_listing(api, p, title="Pro spot welder")
    assert await watch(db) == 1
    await consume(db, settings, mailer)
    assert await kinds_of(api, p.school_member) == ["LISTING_MATCH"]
    assert await kinds_of(api, p.donor_member) == []
    [match] = await told(api, p.school_member)
    assert match["subject"]["id"] == listing and match["title"] == "New match for “Spot welder for the lab”"
    assert need
    assert await mailed(mailbox, p.school_member) == []  # a match waits for the daily digest by default


async def test_a_student_is_told_when_a_new_posting_enters_their_top_10(api, db, settings, mailer):
    assert await watch(db) == 0
    shop = await flows.employer(api, name="Motor City Collision")
    alex = await flows.student(api, visible=True)
    hidden = await flows.student(api, visible=False, name="Hidden Student")
    await watch(db)  # the students' baselines
    job = await flows.posting(api, shop, title="Collision Apprentice")
    await watch(db)
    await consume(db, settings, mailer)
    assert await kinds_of(api, alex.person) == ["JOB_MATCH"]
    [match] = await told(api, alex.person)
    assert match["subject"]["id"] == job and "Collision Apprentice" in match["title"]
    assert await kinds_of(api, shop.owner) == []  # the employer is not told where it ranks for a student
    # recommendations are the student's own: a hidden profile hides the student from employers, not jobs from them
    assert await kinds_of(api, hidden.person) == ["JOB_MATCH"]


async def test_personal_events_tell_exactly_the_people_they_name(api, db, settings, mailer):
    alice, bob, carol = await api.person("Alice"), await api.person("Bob"), await api.person("Carol")
    await announce(db, EventType.MESSAGE_SENT, (alice.id, bob.id), {"title": "New message from Sam", "body": "Hi!"})
    await announce(db, EventType.SAVED_SEARCH_MATCHED, (bob.id,), {"savedSearch": gid("SavedSearch", 1)})
    await announce(db, EventType.TECHNICIAN_LEVEL_REACHED, (carol.id,), {"title": 42})  # not text: the default
    await announce(db, EventType.TECHNICIAN_SAFETY_EXPIRING, (carol.id,), {})
    await announce(db, EventType.DEVELOPMENT_PLAN_STEP_DUE, (carol.id, 999_999), {"body": "Weld test on Friday"})
    await consume(db, settings, mailer)
    assert await kinds_of(api, alice) == ["MESSAGE_RECEIVED"]
    assert await kinds_of(api, bob) == ["MESSAGE_RECEIVED", "SAVED_SEARCH_MATCH"]
    assert await kinds_of(api, carol) == [
        "DEVELOPMENT_PLAN_STEP_DUE",
        "TECHNICIAN_LEVEL_REACHED",
        "TECHNICIAN_SAFETY_EXPIRING",
    ]
    by_kind = {n["kind"]: n for n in await told(api, carol)}
    assert by_kind["TECHNICIAN_LEVEL_REACHED"]["title"] == "A new level reached"
    assert by_kind["DEVELOPMENT_PLAN_STEP_DUE"]["body"] == "Weld test on Friday"
    assert (await told(api, alice))[0]["title"] == "New message from Sam"
    assert sum((await everyone_told(db)).values()) == 6  # the unknown account 999999 is skipped

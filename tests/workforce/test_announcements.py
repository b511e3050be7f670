"""A shop's news about its people reaches the outbox once: a level reached since the technician came in, a
safety training about to lapse, a plan step due within a week; and only the people named hear of it."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core.clock import today
from core.viewer import Viewer
from db.models import DevelopmentPlan, OutboxEvent, PlanStep, SafetyCertification
from resolvers.events.audience import CachedTies, may_hear
from resolvers.workforce.announcements import announce_workforce
from tests.notifications import support as notifications
from tests.notifications.support import consume, everyone_told
from tests.workforce import support
from tests.workforce.support import REFINISH_SAFETY, member, technician_row


async def _events(db, type: str) -> list[OutboxEvent]:
    async with db.read() as session:
        return list(await session.scalars(select(OutboxEvent).where(OutboxEvent.type == type).order_by(OutboxEvent.id)))


async def _add_safety(db, technician_id: int, training: str, completed_days_ago: int, expires_in: int | None) -> None:
    async with db.write() as session:
        session.add(
            SafetyCertification(
                technician_id=technician_id,
                training=training,
                completed_on=today() - timedelta(days=completed_days_ago),
                expires_on=today() + timedelta(days=expires_in) if expires_in is not None else None,
            )
        )


async def test_a_level_reached_at_the_shop_is_announced_once_to_the_technician_supervisor_and_admins(api, db):
    shop = await support.shop(api)
    admin = await member(api, shop.org_id, "Ada Admin", role="ADMIN")
    await member(api, shop.org_id, "Pat Peer")
    # the academy badge and ProLevel 1 were earned a month ago; the safety training the role needs is recorded today
    painter, pk = await technician_row(
        api, shop, "Riley Painter", "REFINISH", credentials=("ICAR-ACAD-PREP", "ICAR-REF-PL1"), safety=REFINISH_SAFETY
    )
    assert await announce_workforce(db) == 1
    assert await announce_workforce(db) == 0  # scanning again announces nothing new
    [event] = await _events(db, "technician.level_reached")
    assert event.data["level"] == 1 and event.data["role"] == "REFINISH"
    assert "Riley Painter reached level 1" in event.data["title"]
    assert set(event.user_ids) == {painter.id, shop.supervisor.id, shop.owner.id, admin.id}
    assert event.organization_ids == [shop.org_id] and event.subject_id == pk


async def test_a_level_held_on_the_first_day_is_where_the_technician_came_in_not_news(api, db):
    shop = await support.shop(api)
    _, pk = await technician_row(
        api,
        shop,
        "Kim Veteran",
        "REFINISH",
        started_on=today() - timedelta(days=20),
        credentials=("ICAR-ACAD-PREP", "ICAR-REF-PL1"),
    )
    for training in REFINISH_SAFETY:
        await _add_safety(db, pk, training, completed_days_ago=60, expires_in=None)
    assert await announce_workforce(db) == 0
    assert await _events(db, "technician.level_reached") == []


async def test_safety_training_lapsing_is_announced_at_each_threshold_once(api, db):
    shop = await support.shop(api)
    painter, pk = await technician_row(api, shop, "Jo Sprayer", "REFINISH")
    await _add_safety(db, pk, "RESPIRATOR_FIT", completed_days_ago=335, expires_in=30)
    await _add_safety(db, pk, "HAZCOM", completed_days_ago=10, expires_in=200)  # not within 90 days
    assert await announce_workforce(db) == 1
    assert await announce_workforce(db) == 0
    [event] = await _events(db, "technician.safety_expiring")
    assert (event.data["certification"], event.data["withinDays"]) == ("RESPIRATOR_FIT", 30)
    assert event.data["expiresOn"] == (today() + timedelta(days=30)).isoformat()
    assert "Respirator fit test" in event.data["title"]
    assert painter.id in event.user_ids and shop.supervisor.id in event.user_ids


async def test_a_plan_step_due_within_a_week_is_announced_to_the_technician_and_supervisor_only(api, db):
    shop = await support.shop(api)
    painter, pk = await technician_row(api, shop, "Lee Learner", "REFINISH")
    async with db.write() as session:
        plan = DevelopmentPlan(technician_id=pk, role="REFINISH", target_level=1)
        session.add(plan)
        await session.flush()
        for ordinal, (title, in_days, held) in enumerate(
            [("Shadow the lead painter", 5, False), ("Blend practice", 30, False), ("Done already", 3, True)]
        ):
            session.add(
                PlanStep(
                    plan_id=plan.id,
                    kind="MENTOR_SESSION",
                    codes=[],
                    title=title,
                    target_on=today() + timedelta(days=in_days),
                    ordinal=ordinal,
                    completed_on=today() if held else None,
                )
            )
    assert await announce_workforce(db) == 1
    [event] = await _events(db, "development_plan.step_due")
    assert event.data["step"] == "Shadow the lead painter" and event.subject_type == "DevelopmentPlan"
    assert set(event.user_ids) == {painter.id, shop.supervisor.id}


async def test_workforce_news_reaches_only_the_people_it_names_never_an_app_or_a_peer(api, db):
    shop = await support.shop(api)
    peer = await member(api, shop.org_id, "Pat Peer")
    painter, _ = await technician_row(
        api, shop, "Riley Painter", "REFINISH", credentials=("ICAR-ACAD-PREP", "ICAR-REF-PL1"), safety=REFINISH_SAFETY
    )
    await announce_workforce(db)
    [event] = await _events(db, "technician.level_reached")
    students: dict = {}
    hears = {
        name: await may_hear(CachedTies(db, viewer), event, students)
        for name, viewer in {
            "technician": Viewer(user_id=painter.id),
            "supervisor": Viewer(user_id=shop.supervisor.id),
            "peer": Viewer(user_id=peer.id),
            "shop's app": Viewer(app_token_id=1, app_organization_id=shop.org_id, scopes=frozenset({"talent:read"})),
        }.items()
    }
    assert hears == {"technician": True, "supervisor": True, "peer": False, "shop's app": False}


async def test_a_level_reached_becomes_a_notification_for_the_people_named_and_no_one_else(api, db, settings, mailer):
    shop = await support.shop(api)
    peer = await member(api, shop.org_id, "Pat Peer")
    painter, _ = await technician_row(
        api, shop, "Riley Painter", "REFINISH", credentials=("ICAR-ACAD-PREP", "ICAR-REF-PL1"), safety=REFINISH_SAFETY
    )
    await announce_workforce(db)
    await consume(db, settings, mailer)
    told = await everyone_told(db)
    level = "TECHNICIAN_LEVEL_REACHED"
    assert {person for person, kind in told if kind == level} == {painter.id, shop.supervisor.id, shop.owner.id}
    assert (peer.id, level) not in told
    [note] = await notifications.told(api, painter)
    assert note["kind"] == level and "Riley Painter reached level 1" in note["title"]

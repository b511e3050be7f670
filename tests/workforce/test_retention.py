"""Retention signals: aggregated over the team, withheld under five people, pay against the area's."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from core.clock import frozen_at
from db.models import AcademyModule, Enrollment, ModuleCompletion, PayReport, Technician, TrainingProgram
from matching.geo import zip_centroid
from tests.support import gid
from tests.talent import flows
from tests.workforce import support
from tests.workforce.support import technician_row

NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)
TODAY = NOW.date()
RETENTION = """
query ($org: ID!) { workforce(organizationId: $org) { retention {
  activeTechnicians minimumGroup medianTenureMonths departuresLast12Months
  quarters { quarter startsOn endsOn technicians trainingHoursPerTechnician credentialsEarned }
  pay { roleType postings shopHourlyMedian { amount } area { median { amount } sampleSize } ratio shortage }
} } }"""
ESTIMATE = """{ payEstimate(input: {roleType: REFINISH_TECHNICIAN, postalCode: "48226", unit: HOUR}) {
  estimate { median { amount } } } }"""
END = """
mutation ($input: TechnicianEndInput!) {
  technicianEnd(input: $input) { technician { status endedOn } userErrors { code } }
}"""
NODE = "query ($id: ID!) { node(id: $id) { ... on Technician { role } } }"


async def _completions(api, shop, profile_ids: list[int], modules: int, on: date) -> int:
    """Each profile completes the first `modules` academy modules in the shop's program; the hours each."""
    async with api.db.write() as session:
        program = TrainingProgram(organization_id=shop.org_id, name="Shop academy")
        session.add(program)
        await session.flush()
        chosen = (await session.execute(select(AcademyModule.id, AcademyModule.hours).order_by(AcademyModule.id))).all()
        for profile in profile_ids:
            enrollment = Enrollment(program_id=program.id, student_id=profile, enrolled_on=on)
            session.add(enrollment)
            await session.flush()
            session.add_all(
                ModuleCompletion(enrollment_id=enrollment.id, module_id=module, completed_on=on)
                for module, _ in chosen[:modules]
            )
    return sum(hours for _, hours in chosen[:modules])


async def _profile_of(api, technician_pk: int) -> int:
    async with api.db.read() as session:
        return await session.scalar(select(Technician.student_id).where(Technician.id == technician_pk))


async def test_retention_is_withheld_under_five_and_aggregated_from_five_for_peers_and_owners(api):
    with frozen_at(NOW):
        shop = await support.shop(api)
        started = [TODAY - timedelta(days=d) for d in (700, 500, 400, 200, 100, 50)]
        team = [
            await technician_row(api, shop, f"Tech {i}", "REFINISH", started_on=day, credentials=("ICAR-REF-PL1",))
            for i, day in enumerate(started[:4])
        ]

        async def signals(token: str) -> dict:
            return (await api.gql(RETENTION, {"org": shop.gid}, token=token))["workforce"]["retention"]

        # four on the team: every figure that could point at a person is withheld
        small = await signals(shop.owner.token)
        assert small["activeTechnicians"] == 4 and small["minimumGroup"] == 5
        assert small["medianTenureMonths"] is None and small["departuresLast12Months"] is None
        current = small["quarters"][-1]
        assert current["quarter"] == "2026-Q4" and current["technicians"] == 4
        assert current["trainingHoursPerTechnician"] is None and current["credentialsEarned"] is None

        # six on the team, one of whom leaves; two complete academy modules this quarter
        for i, day in enumerate(started[4:], start=4):
            team.append(await technician_row(api, shop, f"Tech {i}", "REFINISH", started_on=day))
        leaver = gid("Technician", team[0][1])
        ended = await api.gql(END, {"input": {"id": leaver, "endedOn": "2026-11-01"}}, token=shop.owner.token)
        assert ended["technicianEnd"]["technician"]["status"] == "LEFT"
        profiles = [await _profile_of(api, pk) for _, pk in team[1:3]]
        hours = await _completions(api, shop, profiles, modules=3, on=TODAY - timedelta(days=2))

        peer = team[3][0]
        seen_by_peer = await signals(peer.token)
        assert seen_by_peer == await signals(shop.owner.token)  # the same aggregates for peers and owners
        assert seen_by_peer["activeTechnicians"] == 5
        tenure_months = sorted((TODAY - day).days / 30.44 for day in started[1:])
        assert seen_by_peer["medianTenureMonths"] == round(tenure_months[2], 1)
        assert seen_by_peer["departuresLast12Months"] == 1
        q4 = seen_by_peer["quarters"][-1]
        assert q4["technicians"] == 6  # the leaver was on the team during the quarter
        assert q4["trainingHoursPerTechnician"] == round(2 * hours / 6, 1)
        # credentials earned this quarter while on the team: the first four's ProLevels, a month ago (the
        # leaver's included: they earned it before leaving)
        assert q4["credentialsEarned"] == 4
        q1, q3 = seen_by_peer["quarters"][0], seen_by_peer["quarters"][-2]
        assert (q3["quarter"], q3["technicians"], q3["credentialsEarned"]) == ("2026-Q3", 5, 0)
        assert (q1["quarter"], q1["technicians"], q1["trainingHoursPerTechnician"]) == ("2026-Q1", 3, None)
        # and a peer never sees another technician's records
        assert (await api.gql(NODE, {"id": gid("Technician", team[4][1])}, token=peer.token))["node"] is None
        # someone outside the shop sees no workforce at all
        stranger = await api.person("Stranger")
        assert (await api.gql(RETENTION, {"org": shop.gid}, token=stranger.token))["workforce"] is None


async def test_the_shops_posted_pay_is_compared_with_the_areas_under_the_pay_tools_rule(api):
    shop = await support.shop(api)
    await flows.posting(api, shop.employer, title="Painter", roleType="REFINISH_TECHNICIAN")  # $25-32 an hour
    await flows.posting(api, shop.employer, title="Estimator", roleType="ESTIMATOR")
    centroid = zip_centroid("48226")
    assert centroid is not None
    lat, lon = centroid
    async with api.db.write() as session:
        session.add_all(
            PayReport(
                role_type="REFINISH_TECHNICIAN",
                postal_code="48226",
                state="MI",
                latitude=lat,
                longitude=lon,
                amount_cents=cents,
                unit="HOUR",
                basis="HOURLY",
                hourly_cents=cents,
                credential_ids=[],
            )
            for cents in (2300, 2400, 2500, 2600, 2700)
        )

    pay = (await api.gql(RETENTION, {"org": shop.gid}, token=shop.owner.token))["workforce"]["retention"]["pay"]

    by_role = {p["roleType"]: p for p in pay}
    area = (await api.gql(ESTIMATE))["payEstimate"]["estimate"]["median"]["amount"]
    painter = by_role["REFINISH_TECHNICIAN"]
    assert painter["postings"] == 1 and painter["shopHourlyMedian"]["amount"] == 2850
    assert painter["area"]["median"]["amount"] == area and painter["ratio"] == round(2850 / area, 2)
    estimator = by_role["ESTIMATOR"]
    assert estimator["area"] is None and estimator["ratio"] is None and "Fewer than 5" in estimator["shortage"]

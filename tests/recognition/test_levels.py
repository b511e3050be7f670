"""Recognition levels from confirmed impact, on the organization and on the opt-in public wall."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from db.enums.recognition import RecognitionLevel
from db.models import Need
from resolvers.donations.impact import Impact
from resolvers.recognition.levels import recognize
from tests.donations.support import make_need, parties
from tests.recognition.support import received_donation
from tests.support import gid

RECOGNITION = """query ($id: ID!) { organization(id: $id) { recognition {
  level nextLevel points nextLevelPoints progress valueGiven { amount currency }
  schoolsHelped servicesDelivered studentsHired onWall } } }"""
WALL = """query ($filter: RecognitionWallFilter, $first: Int, $after: String) {
  recognitionWall(filter: $filter, first: $first, after: $after) {
    edges { node { organization { name } recognition { level points } distanceKm } }
    pageInfo { hasNextPage endCursor } } }"""
JOIN = """mutation ($input: OrganizationRecognitionUpdateInput!) { organizationRecognitionUpdate(input: $input) {
  organization { name recognition { onWall } } userErrors { field code message } } }"""


@pytest.mark.parametrize(
    ("impact", "hired", "level", "next_level", "points"),
    [
        (Impact(), 0, None, RecognitionLevel.SUPPORTER, 0),
        (Impact(value_given={"USD": 49_999}), 0, None, RecognitionLevel.SUPPORTER, 0),
        (Impact(value_given={"USD": 50_000}), 0, RecognitionLevel.SUPPORTER, RecognitionLevel.PARTNER, 1),
        (Impact(value_given={"CAD": 5_000_000}), 0, None, RecognitionLevel.SUPPORTER, 0),  # USD only
        (Impact(schools_helped=5), 0, RecognitionLevel.PARTNER, RecognitionLevel.CHAMPION, 25),
        (Impact(services_fulfilled=4), 8, RecognitionLevel.CHAMPION, RecognitionLevel.ALL_STAR, 100),
        (Impact(value_given={"USD": 10_000_000}, schools_helped=10), 0, RecognitionLevel.ALL_STAR, None, 250),
    ],
)
def test_levels_follow_the_documented_points(impact, hired, level, next_level, points):
    found = recognize(impact, hired)
    assert (found.level, found.next_level, found.points) == (level, next_level, points)
    assert 0 <= found.progress <= 1
    if next_level is None:
        assert found.progress == 1 and found.next_level_points is None


async def test_a_donor_is_recognised_from_received_donations_and_credited_services(api):
    p = await parties(api)
    before = (await api.gql(RECOGNITION, {"id": p.donor}))["organization"]["recognition"]
    assert (before["level"], before["points"], before["progress"]) == (None, 0, 0)
    # two received donations worth $15,000 and $1,500 to one school: 30 + 3 points, 5 for the school
    await received_donation(api, p, quantity=10)
    await received_donation(api, p, quantity=1)
    # a service need the school credited to the donor (a shop visit): 5 points
    service = await make_need(api, p, slug="welding-strsw", title="Shop tour")
    async with api.db.write() as session:
        await session.execute(update(Need).where(Need.id == _pk(service)).values(fulfilled_by_id=p.donor_id))
    found = (await api.gql(RECOGNITION, {"id": p.donor}))["organization"]["recognition"]
    assert found["valueGiven"] == {"amount": 1_650_000, "currency": "USD"}
    assert (found["schoolsHelped"], found["servicesDelivered"], found["studentsHired"]) == (1, 1, 0)
    assert (found["points"], found["level"], found["nextLevel"], found["nextLevelPoints"]) == (
        43,
        "PARTNER",
        "CHAMPION",
        100,
    )
    assert found["progress"] == pytest.approx((43 - 25) / 75, abs=1e-4)
    school = (await api.gql(RECOGNITION, {"id": p.school}))["organization"]["recognition"]
    assert school["level"] is None  # receiving is not giving


def _pk(global_id: str) -> int:
    import base64

    return int(base64.urlsafe_b64decode(global_id + "=" * (-len(global_id) % 4)).decode().split(":")[1])


async def test_the_wall_shows_only_organizations_that_opted_in_and_hold_a_level(api):
    p = await parties(api)
    q = await parties(api, school_zip="60601", donor_zip="60602")  # Chicago
    await received_donation(api, p, quantity=10)
    await received_donation(api, q, quantity=1)
    async with api.db.write() as session:
        from db.models import Organization

        await session.execute(update(Organization).where(Organization.id == p.donor_id).values(state="MI"))
        await session.execute(update(Organization).where(Organization.id == q.donor_id).values(state="IL"))
    assert (await api.gql(WALL))["recognitionWall"]["edges"] == []

    joined = await api.gql(JOIN, {"input": {"organizationId": p.donor, "showOnWall": True}}, token=p.donor_member.token)
    assert joined["organizationRecognitionUpdate"]["organization"]["recognition"]["onWall"] is True
    # a school with no level may opt in, but shows only once it holds one
    await api.gql(JOIN, {"input": {"organizationId": p.school, "showOnWall": True}}, token=p.school_member.token)
    names = [e["node"]["organization"]["name"] for e in (await api.gql(WALL))["recognitionWall"]["edges"]]
    assert names == ["Dearborn Collision"]

    await api.gql(JOIN, {"input": {"organizationId": q.donor, "showOnWall": True}}, token=q.donor_member.token)
    wall = (await api.gql(WALL))["recognitionWall"]["edges"]
    assert [(e["node"]["recognition"]["points"], e["node"]["recognition"]["level"]) for e in wall] == [
        (35, "PARTNER"),
        (8, "SUPPORTER"),
    ]
    in_illinois = (await api.gql(WALL, {"filter": {"state": "il"}}))["recognitionWall"]["edges"]
    assert len(in_illinois) == 1 and in_illinois[0]["node"]["distanceKm"] is None
    near_detroit = await api.gql(WALL, {"filter": {"near": {"postalCode": "48226", "radiusKm": 50}}})
    [entry] = near_detroit["recognitionWall"]["edges"]
    assert entry["node"]["organization"]["name"] == "Dearborn Collision" and 0 < entry["node"]["distanceKm"] < 50
    paged = await api.gql(WALL, {"first": 1})
    assert paged["recognitionWall"]["pageInfo"]["hasNextPage"] is True
    rest = await api.gql(WALL, {"first": 1, "after": paged["recognitionWall"]["pageInfo"]["endCursor"]})
    assert [e["node"]["recognition"]["points"] for e in rest["recognitionWall"]["edges"]] == [8]

    left = await api.gql(JOIN, {"input": {"organizationId": p.donor, "showOnWall": False}}, token=p.donor_member.token)
    assert left["organizationRecognitionUpdate"]["userErrors"] == []
    assert len((await api.gql(WALL))["recognitionWall"]["edges"]) == 1


async def test_only_owners_and_admins_put_an_organization_on_the_wall(api):
    p = await parties(api)
    outsider = await api.person()
    refused = await api.gql(JOIN, {"input": {"organizationId": p.donor, "showOnWall": True}}, token=outsider.token)
    assert [e["code"] for e in refused["organizationRecognitionUpdate"]["userErrors"]] == ["PERMISSION_DENIED"]
    member = await api.person()
    from db.models import Membership

    async with api.db.write() as session:
        session.add(Membership(organization_id=p.donor_id, user_id=member.id, role="MEMBER"))
    refused = await api.gql(JOIN, {"input": {"organizationId": p.donor, "showOnWall": True}}, token=member.token)
    assert [e["code"] for e in refused["organizationRecognitionUpdate"]["userErrors"]] == ["PERMISSION_DENIED"]
    anonymous = await api.gql(JOIN, {"input": {"organizationId": p.donor, "showOnWall": True}})
    assert [e["code"] for e in anonymous["organizationRecognitionUpdate"]["userErrors"]] == ["UNAUTHENTICATED"]
    found = (await api.gql(RECOGNITION, {"id": p.donor}))["organization"]["recognition"]
    assert found["onWall"] is False
    assert gid("Organization", p.donor_id) == p.donor

"""Finding 4, second half: a person's name and sign-up time were readable by anyone through `node`. Now one
rule (`resolvers.accounts.policy`) decides, on every path that shows a person."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update

from db.models import Membership, MentorProfile, Mentorship, StudentProfile
from tests.donations.support import make_listing, make_need, parties, requested
from tests.support import Api, gid

NODE = "query ($id: ID!) { node(id: $id) { ... on User { name createdAt } } }"
EVENTS = "query ($id: ID!) { donation(id: $id) { events { actor { name } } } }"
MENTORS = "{ mentors(first: 50) { edges { node { user { name } } } } }"


async def seen(api: Api, user_gid: str, token: str | None) -> dict:
    return (await api.gql(NODE, {"id": user_gid}, token=token))["node"]


async def test_anonymous_callers_and_strangers_see_no_name_even_of_a_hidden_students_owner(api: Api) -> None:
    student = await api.person("Hidden Student")
    async with api.db.write() as session:
        session.add(StudentProfile(user_id=student.id, visible_to_employers=False))
    stranger = await api.person("Stranger")
    assert await seen(api, student.gid, None) == {"name": None, "createdAt": None}
    assert await seen(api, student.gid, stranger.token) == {"name": None, "createdAt": None}
    mine = await seen(api, student.gid, student.token)
    assert mine["name"] == "Hidden Student" and mine["createdAt"]


async def test_fellow_members_and_staff_see_the_name(api: Api) -> None:
    owner, member, staff = await api.person("Owner"), await api.person("Member"), await api.person(staff=True)
    org = await api.organization(owner=owner)
    async with api.db.write() as session:
        session.add(Membership(organization_id=org, user_id=member.id, role="MEMBER"))
    assert (await seen(api, owner.gid, member.token))["name"] == "Owner"
    assert (await seen(api, owner.gid, staff.token))["name"] == "Owner"
    members = await api.gql(
        "query ($id: ID!) { organization(id: $id) { members { edges { node { user { name } } } } } }",
        {"id": gid("Organization", org)},
        token=member.token,
    )
    assert [e["node"]["user"]["name"] for e in members["organization"]["members"]["edges"]] == ["Owner", "Member"]


async def test_the_two_parties_of_a_donation_see_each_others_names_and_a_third_does_not(api: Api) -> None:
    p = await parties(api)
    listing = await make_listing(api, p)
    need = await make_need(api, p)
    donation = await requested(api, p, listing, need, 1)
    outsider = await api.person("Outsider")
    await api.organization(owner=outsider, kinds=("DONOR",))
    assert (await seen(api, p.school_member.gid, p.donor_member.token))["name"] == "School Teacher"
    assert (await seen(api, p.donor_member.gid, p.school_member.token))["name"] == "Donor Manager"
    assert (await seen(api, p.school_member.gid, outsider.token))["name"] is None
    events = await api.gql(EVENTS, {"id": donation}, token=p.donor_member.token)
    assert [e["actor"]["name"] for e in events["donation"]["events"]] == ["School Teacher"]


async def test_a_mentor_is_named_to_their_mentees_only(api: Api) -> None:
    mentor, mentee, stranger = await api.person("Mentor Mel"), await api.person("Mentee"), await api.person()
    async with api.db.write() as session:
        profile = MentorProfile(user_id=mentor.id, capacity=2)
        session.add(profile)
        await session.flush()
        session.add(Mentorship(mentor_id=profile.id, mentee_id=mentee.id, status="REQUESTED"))
    for viewer, name in ((stranger.token, None), (mentee.token, "Mentor Mel")):
        listed = await api.gql(MENTORS, token=viewer)
        assert [e["node"]["user"]["name"] for e in listed["mentors"]["edges"]] == [name]
    assert (await seen(api, mentee.gid, mentor.token))["name"] == "Mentee"
    async with api.db.write() as session:
        await session.execute(update(Mentorship).values(mentee_id=stranger.id))
    assert (await seen(api, mentee.gid, mentor.token))["name"] is None


async def test_the_rule_costs_the_same_sql_for_5_and_40_people_on_a_page(api: Api, count_sql: Any) -> None:
    viewer = await api.person("Viewer")
    counts, mentors = {}, 0
    for size in (5, 40):
        while mentors < size:
            person = await api.person(f"Mentor {mentors}")
            async with api.db.write() as session:
                session.add(MentorProfile(user_id=person.id, capacity=1))
            mentors += 1
        with count_sql() as counter:
            listed = await api.gql(MENTORS, token=viewer.token)
        assert len(listed["mentors"]["edges"]) == size
        assert all(e["node"]["user"]["name"] is None for e in listed["mentors"]["edges"])
        counts[size] = counter.count
    assert counts[5] == counts[40], counts

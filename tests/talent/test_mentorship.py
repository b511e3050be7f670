"""Mentorship: profiles, requests, and never more active mentees than the capacity."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from db.models import MentorProfile, Mentorship
from tests.talent.flows import codes

UPSERT = """
mutation ($input: MentorProfileUpsertInput!) {
  mentorProfileUpsert(input: $input) {
    mentorProfile { id capacity activeMentees openPlaces yearsExperience remoteOk specialties { name }
                    otherSpecialties credentials { code } }
    skillSuggestions { given }
    userErrors { field code }
  }
}"""
REQUEST = """
mutation ($input: MentorshipRequestInput!) {
  mentorshipRequest(input: $input) { mentorship { id status } userErrors { code } }
}"""
ACCEPT = """
mutation ($input: MentorshipAcceptInput!) {
  mentorshipAccept(input: $input) { mentorship { status } userErrors { code } }
}"""
DECLINE = """
mutation ($input: MentorshipDeclineInput!) {
  mentorshipDecline(input: $input) { mentorship { status } userErrors { code } }
}"""
END = """
mutation ($input: MentorshipEndInput!) { mentorshipEnd(input: $input) { mentorship { status } userErrors { code } } }"""
MENTORS = """
query ($filter: MentorFilter) {
  mentors(filter: $filter) { edges { node { id distanceKm user { name } openPlaces } } }
}"""
MY_MENTORSHIPS = """
query ($status: MentorshipStatus, $first: Int, $after: String) {
  myMentorships(status: $status, first: $first, after: $after) {
    edges { node { id status mentor { headline } } } pageInfo { hasNextPage endCursor }
  }
}"""
MENTOR_SIDE = """
query ($status: MentorshipStatus, $first: Int, $after: String) {
  myMentorProfile { mentorships(status: $status, first: $first, after: $after) {
    edges { node { id status mentee { name } } } pageInfo { hasNextPage endCursor }
  } }
}"""


def _id(mentorship_id: str) -> dict:
    return {"input": {"id": mentorship_id}}


async def _mentor(api, capacity: int = 3):
    person = await api.person("Morgan Mentor")
    data = await api.gql(
        UPSERT,
        {
            "input": {
                "specialties": ["frame pulling", "MIG", "old-school lead work"],
                "credentials": ["ASE-B4", "ICAR-SST-PL3"],
                "yearsExperience": 22,
                "capacity": capacity,
                "postalCode": "48089",
                "remoteOk": True,
            }
        },
        token=person.token,
    )
    payload = data["mentorProfileUpsert"]
    assert payload["userErrors"] == []
    return person, payload["mentorProfile"]


async def _request(api, mentor_id: str) -> str:
    mentee = await api.person("New Tech")
    data = await api.gql(
        REQUEST, {"input": {"mentorId": mentor_id, "message": "Teach me sectioning?"}}, token=mentee.token
    )
    assert data["mentorshipRequest"]["userErrors"] == []
    return data["mentorshipRequest"]["mentorship"]["id"]


async def _active(api) -> tuple[int, int]:
    async with api.db.read() as session:
        counter = await session.scalar(select(MentorProfile.active_mentees))
        rows = await session.scalar(select(func.count()).where(Mentorship.status == "ACTIVE"))
    return counter, rows


async def test_mentor_profile_normalizes_specialties(api):
    person, profile = await _mentor(api)
    assert [s["name"] for s in profile["specialties"]] == ["Frame straightening", "MIG welding"]
    assert profile["otherSpecialties"] == ["old-school lead work"]
    assert [c["code"] for c in profile["credentials"]] == ["ASE-B4", "ICAR-SST-PL3"]
    assert profile["openPlaces"] == 3
    bad = await api.gql(UPSERT, {"input": {"capacity": 51}}, token=person.token)
    assert codes(bad["mentorProfileUpsert"]) == ["OUT_OF_RANGE"]
    found = await api.gql(
        MENTORS,
        {"filter": {"near": {"postalCode": "48226", "radiusKm": 50}, "specialty": "frame pulling"}},
        token=person.token,
    )
    [edge] = found["mentors"]["edges"]
    assert edge["node"]["user"]["name"] == "Morgan Mentor" and 10 < edge["node"]["distanceKm"] < 30
    assert (await api.gql(MENTORS, {"filter": {"specialty": "estimating"}}, token=person.token))["mentors"][
        "edges"
    ] == []


async def test_twenty_concurrent_accepts_on_capacity_three_accept_exactly_three(api):
    mentor, profile = await _mentor(api, capacity=3)
    requests = [await _request(api, profile["id"]) for _ in range(20)]
    responses = await asyncio.gather(*(api.post(ACCEPT, _id(r), token=mentor.token) for r in requests))
    assert [r.status_code for r in responses] == [200] * 20
    bodies = [r.json() for r in responses]
    assert not any(b.get("errors") for b in bodies), [b["errors"] for b in bodies if b.get("errors")]
    payloads = [b["data"]["mentorshipAccept"] for b in bodies]
    assert sum(1 for p in payloads if not p["userErrors"]) == 3
    assert sorted(tuple(codes(p)) for p in payloads if p["userErrors"]) == [("CAPACITY_REACHED",)] * 17
    assert await _active(api) == (3, 3)


async def test_ending_frees_a_place_and_capacity_cannot_drop_below_active(api):
    mentor, profile = await _mentor(api, capacity=2)
    first, second, third = [await _request(api, profile["id"]) for _ in range(3)]
    for r in (first, second):
        assert (await api.gql(ACCEPT, _id(r), token=mentor.token))["mentorshipAccept"]["userErrors"] == []
    assert codes((await api.gql(ACCEPT, _id(third), token=mentor.token))["mentorshipAccept"]) == ["CAPACITY_REACHED"]
    lowered = await api.gql(UPSERT, {"input": {"capacity": 1}}, token=mentor.token)
    assert codes(lowered["mentorProfileUpsert"]) == ["CAPACITY_BELOW_ACTIVE"]
    ended = await api.gql(END, _id(first), token=mentor.token)
    assert ended["mentorshipEnd"]["mentorship"]["status"] == "ENDED"
    assert codes((await api.gql(END, _id(first), token=mentor.token))["mentorshipEnd"]) == ["INVALID_TRANSITION"]
    assert (await api.gql(ACCEPT, _id(third), token=mentor.token))["mentorshipAccept"]["mentorship"][
        "status"
    ] == "ACTIVE"
    assert await _active(api) == (2, 2)


async def test_requests_are_refused_when_duplicate_self_or_answered_by_the_wrong_person(api):
    mentor, profile = await _mentor(api)
    mentee = await api.person()
    first = await api.gql(REQUEST, {"input": {"mentorId": profile["id"]}}, token=mentee.token)
    request_id = first["mentorshipRequest"]["mentorship"]["id"]
    again = await api.gql(REQUEST, {"input": {"mentorId": profile["id"]}}, token=mentee.token)
    assert codes(again["mentorshipRequest"]) == ["DUPLICATE"]
    self_request = await api.gql(REQUEST, {"input": {"mentorId": profile["id"]}}, token=mentor.token)
    assert codes(self_request["mentorshipRequest"]) == ["INVALID"]
    assert codes((await api.gql(ACCEPT, _id(request_id), token=mentee.token))["mentorshipAccept"]) == [
        "PERMISSION_DENIED"
    ]
    stranger = await api.person()
    assert codes((await api.gql(ACCEPT, _id(request_id), token=stranger.token))["mentorshipAccept"]) == ["NOT_FOUND"]
    declined = await api.gql(DECLINE, _id(request_id), token=mentor.token)
    assert declined["mentorshipDecline"]["mentorship"]["status"] == "DECLINED"
    # a declined request is history: the mentee may ask again, and cancel
    renewed = await api.gql(REQUEST, {"input": {"mentorId": profile["id"]}}, token=mentee.token)
    renewed_id = renewed["mentorshipRequest"]["mentorship"]["id"]
    cancelled = await api.gql(END, _id(renewed_id), token=mentee.token)
    assert cancelled["mentorshipEnd"]["mentorship"]["status"] == "CANCELLED"
    assert await _active(api) == (0, 0)


async def test_both_sides_page_their_mentorships_newest_first_and_no_one_else_sees_them(api):
    mentor, profile = await _mentor(api, capacity=3)
    mentees = [await api.person(f"Mentee {i}") for i in range(3)]
    made = []
    for mentee in mentees:
        data = await api.gql(REQUEST, {"input": {"mentorId": profile["id"]}}, token=mentee.token)
        made.append(data["mentorshipRequest"]["mentorship"]["id"])
    assert (await api.gql(ACCEPT, _id(made[1]), token=mentor.token))["mentorshipAccept"]["userErrors"] == []

    first = (await api.gql(MENTOR_SIDE, {"first": 2}, token=mentor.token))["myMentorProfile"]["mentorships"]
    after = first["pageInfo"]["endCursor"]
    rest = (await api.gql(MENTOR_SIDE, {"after": after}, token=mentor.token))["myMentorProfile"]["mentorships"]
    assert [e["node"]["id"] for e in first["edges"] + rest["edges"]] == list(reversed(made))
    assert first["pageInfo"]["hasNextPage"] and not rest["pageInfo"]["hasNextPage"]
    active = (await api.gql(MENTOR_SIDE, {"status": "ACTIVE"}, token=mentor.token))["myMentorProfile"]
    assert [(e["node"]["id"], e["node"]["mentee"]["name"]) for e in active["mentorships"]["edges"]] == [
        (made[1], "Mentee 1")
    ]

    mine = (await api.gql(MY_MENTORSHIPS, token=mentees[1].token))["myMentorships"]["edges"]
    assert [(e["node"]["id"], e["node"]["status"]) for e in mine] == [(made[1], "ACTIVE")]
    requested = await api.gql(MY_MENTORSHIPS, {"status": "REQUESTED"}, token=mentees[1].token)
    assert requested["myMentorships"]["edges"] == []
    # a mentee does not see the mentor's list, and an anonymous caller has no mentorships
    others = "query ($id: ID!) { node(id: $id) { ... on MentorProfile { mentorships { edges { node { id } } } } } }"
    seen = await api.gql(others, {"id": profile["id"]}, token=mentees[0].token)
    assert seen["node"] == {"mentorships": None}
    assert (await api.gql(MY_MENTORSHIPS))["myMentorships"] == {
        "edges": [],
        "pageInfo": {"hasNextPage": False, "endCursor": None},
    }

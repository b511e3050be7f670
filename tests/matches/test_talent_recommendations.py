"""A student's recommended jobs and mentor matches: theirs (and staff's) only."""

from __future__ import annotations

from tests.matches.support import candidate, job, shop

MENTOR_UPSERT = """
mutation ($input: MentorProfileUpsertInput!) {
  mentorProfileUpsert(input: $input) { mentorProfile { id } userErrors { code } }
}"""
PROFILE = """
query ($id: ID!) { studentProfile(id: $id) {
  recommendedJobs(first: 5) { edges { node { title } score explanation { matchedSkills { name } } } }
  mentorMatches(first: 5) { edges { node { id headline } score } } } }"""


async def mentor(api, headline: str, **fields) -> str:
    person = await api.person(headline)
    values = {"headline": headline, "postalCode": "48226", "capacity": 2, "specialties": ["MIG welding"], **fields}
    data = await api.gql(MENTOR_UPSERT, {"input": values}, token=person.token)
    assert data["mentorProfileUpsert"]["userErrors"] == []
    return data["mentorProfileUpsert"]["mentorProfile"]["id"]


async def test_a_student_sees_jobs_and_mentors_best_first(api):
    employer = await shop(api)
    await job(api, employer, title="Welder", preferredSkills=["MIG welding"])
    await job(api, employer, title="Painter", preferredSkills=["Color matching"], requiredCredentials=[])
    student = await candidate(api, "me", skills=["MIG welding"])
    near = await mentor(api, "near welder")
    await mentor(api, "far welder", postalCode="48126", specialties=["Color matching"])
    await mentor(api, "full", capacity=0)

    data = (await api.gql(PROFILE, {"id": student.profile_gid}, token=student.person.token))["studentProfile"]

    jobs = data["recommendedJobs"]["edges"]
    assert [e["node"]["title"] for e in jobs] == ["Welder", "Painter"]
    assert jobs[0]["explanation"]["matchedSkills"] == [{"name": "MIG welding"}]
    mentors = data["mentorMatches"]["edges"]
    assert [e["node"]["headline"] for e in mentors] == ["near welder", "far welder"]
    assert mentors[0]["node"]["id"] == near


async def test_others_do_not_see_a_students_recommendations(api):
    employer = await shop(api)
    await job(api, employer)
    student = await candidate(api, "me")
    staff = await api.person("Staff", staff=True)

    theirs = (await api.gql(PROFILE, {"id": student.profile_gid}, token=employer.owner.token))["studentProfile"]
    assert theirs["recommendedJobs"] is None and theirs["mentorMatches"] is None
    staffs = (await api.gql(PROFILE, {"id": student.profile_gid}, token=staff.token))["studentProfile"]
    assert staffs["recommendedJobs"]["edges"]


MENTOR_PAGE = """
query ($id: ID!, $first: Int, $after: String) { studentProfile(id: $id) {
  mentorMatches(first: $first, after: $after) { edges { node { headline } } pageInfo { hasNextPage endCursor } } } }"""


async def test_mentor_matches_page_with_after(api):
    student = await candidate(api, "me", skills=["MIG welding"])
    for i in range(3):
        await mentor(api, f"mentor {i}", postalCode=("48226", "48201", "48126")[i])
    ask = {"id": student.profile_gid}

    whole = (await api.gql(MENTOR_PAGE, ask, token=student.person.token))["studentProfile"]["mentorMatches"]
    first = (await api.gql(MENTOR_PAGE, {**ask, "first": 2}, token=student.person.token))["studentProfile"]
    after = first["mentorMatches"]["pageInfo"]["endCursor"]
    rest = (await api.gql(MENTOR_PAGE, {**ask, "after": after}, token=student.person.token))["studentProfile"]

    ranked = [e["node"]["headline"] for e in whole["edges"]]
    assert len(ranked) == 3 and not whole["pageInfo"]["hasNextPage"]
    paged = [e["node"]["headline"] for e in first["mentorMatches"]["edges"] + rest["mentorMatches"]["edges"]]
    assert paged == ranked
    assert first["mentorMatches"]["pageInfo"]["hasNextPage"] and not rest["mentorMatches"]["pageInfo"]["hasNextPage"]

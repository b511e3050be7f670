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

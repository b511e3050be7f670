"""Nothing hidden, closed or deleted ever appears, even when the in-memory index has not heard
of the change; new students and new credentials reach the index."""

from __future__ import annotations

from tests.matches.support import add_credential, candidate, candidates, headlines, job, pk, shop, sql

RECOMMENDED = """
query { myStudentProfile { recommendedJobs(first: 5) { edges { node { id title status } score } } } }"""


async def test_rows_changed_behind_the_index_never_appear_and_the_page_stays_full(api):
    employer = await shop(api)
    posting = await job(api, employer)
    best = await candidate(api, "best")
    gone = await candidate(api, "second", postal_code="48126")
    await candidate(api, "third", skills=["MIG welding"])
    await candidate(api, "fourth", skills=["MIG welding"], postal_code="48126")
    assert headlines(await candidates(api, posting, employer.owner.token, first=2)) == ["best", "second"]

    # no updated_at stamp: only the re-check against the database can know
    await sql(api, "UPDATE student_profile SET visible_to_employers = false WHERE id = :id", id=pk(best.profile_gid))
    await sql(api, "DELETE FROM student_profile WHERE id = :id", id=pk(gone.profile_gid))

    found = await candidates(api, posting, employer.owner.token, first=2)
    assert headlines(found) == ["third", "fourth"]
    assert found["pageInfo"]["hasNextPage"] is False


async def test_a_closed_posting_is_never_recommended(api):
    employer = await shop(api)
    open_one = await job(api, employer, title="Open role")
    closed = await job(api, employer, title="Closed role")
    student = await candidate(api, "looking")
    data = await api.gql(RECOMMENDED, token=student.person.token)
    assert {e["node"]["title"] for e in data["myStudentProfile"]["recommendedJobs"]["edges"]} == {
        "Open role",
        "Closed role",
    }

    await sql(api, "UPDATE job_posting SET status = 'CLOSED' WHERE id = :id", id=pk(closed))

    data = await api.gql(RECOMMENDED, token=student.person.token)
    assert [e["node"]["id"] for e in data["myStudentProfile"]["recommendedJobs"]["edges"]] == [open_one]


async def test_a_new_visible_student_and_a_new_credential_reach_the_index(api):
    employer = await shop(api)
    posting = await job(api, employer)
    await candidate(api, "early")
    assert headlines(await candidates(api, posting, employer.owner.token)) == ["early"]  # the index is warm

    await candidate(api, "newcomer", postal_code="48126")
    lacking = await candidate(api, "credential later", credential=False, postal_code="48126", skills=["MIG welding"])
    assert headlines(await candidates(api, posting, employer.owner.token)) == ["early", "newcomer"]

    await add_credential(api, lacking)
    assert headlines(await candidates(api, posting, employer.owner.token)) == ["early", "newcomer", "credential later"]


async def test_a_student_who_hides_the_profile_leaves_the_list(api):
    employer = await shop(api)
    posting = await job(api, employer)
    who = await candidate(api, "shy")
    assert headlines(await candidates(api, posting, employer.owner.token)) == ["shy"]

    from tests.talent.flows import UPSERT_PROFILE

    await api.gql(UPSERT_PROFILE, {"input": {"visibleToEmployers": False}}, token=who.person.token)
    assert headlines(await candidates(api, posting, employer.owner.token)) == []

"""A posting's candidates through HTTP: who may ask, planted truth, why-not, weights."""

from __future__ import annotations

from tests.matches.support import (
    CANDIDATES,
    EXPLAIN,
    REQUIRED,
    candidate,
    candidates,
    candidates_or_none,
    headlines,
    job,
    shop,
)
from tests.support import gid
from tests.talent import flows


async def planted(api):
    """The best candidate is nearest with every preferred skill and the required credential;
    each distractor misses one thing."""
    employer = await shop(api)
    posting = await job(api, employer)
    best = await candidate(api, "best")
    await candidate(api, "no credential", credential=False)
    await candidate(api, "farther", postal_code="48126")  # Dearborn, ~12 km
    await candidate(api, "fewer skills", skills=["MIG welding"])
    hidden = await candidate(api, "hidden", visible=False)
    await candidate(api, "too far", postal_code="60601")  # Chicago, beyond every radius
    return employer, posting, best, hidden


async def test_best_candidate_first_and_the_ineligible_absent(api):
    employer, posting, best, _ = await planted(api)

    found = await candidates(api, posting, employer.owner.token)

    assert headlines(found)[0] == "best"
    assert sorted(headlines(found)[1:]) == ["farther", "fewer skills"]
    top = found["edges"][0]
    assert top["node"]["id"] == best.profile_gid
    assert top["node"]["name"] is None  # contact stays with the release rules
    assert [c["code"] for c in top["explanation"]["matchedCredentials"]] == [REQUIRED]
    assert {s["name"] for s in top["explanation"]["matchedSkills"]} == {
        "MIG welding",
        "Frame straightening",
        "Color matching",
    }
    assert {c["name"] for c in top["explanation"]["components"]} >= {"distance", "skills", "credentials"}
    assert all(0 <= e["score"] <= 1 for e in found["edges"])
    assert [e["score"] for e in found["edges"]] == sorted((e["score"] for e in found["edges"]), reverse=True)
    fewer = next(e for e in found["edges"] if e["node"]["headline"] == "fewer skills")
    assert {s["name"] for s in fewer["explanation"]["missingSkills"]} == {"Frame straightening", "Color matching"}


async def test_pages_follow_the_ranking(api):
    employer, posting, _, _ = await planted(api)
    everyone = headlines(await candidates(api, posting, employer.owner.token))

    first = await candidates(api, posting, employer.owner.token, first=2)
    rest = await candidates(api, posting, employer.owner.token, first=2, after=first["pageInfo"]["endCursor"])

    assert first["pageInfo"]["hasNextPage"] is True and rest["pageInfo"]["hasNextPage"] is False
    assert headlines(first) + headlines(rest) == everyone


async def test_match_explain_says_why_a_student_is_left_out(api):
    employer, posting, _best, _hidden = await planted(api)
    ids = {
        e["node"]["headline"]: e["node"]["id"] for e in (await candidates(api, posting, employer.owner.token))["edges"]
    }
    lacking = await _profile_id(api, "no credential", posting)
    far = await _profile_id(api, "too far", posting)

    verdict = (await api.gql(EXPLAIN, {"job": posting, "student": lacking}, token=employer.owner.token))["matchExplain"]
    assert verdict["eligible"] is False
    [reason] = verdict["reasons"]
    assert reason["code"] == "MISSING_CREDENTIAL" and [c["code"] for c in reason["credentials"]] == [REQUIRED]

    verdict = (await api.gql(EXPLAIN, {"job": posting, "student": far}, token=employer.owner.token))["matchExplain"]
    assert [r["code"] for r in verdict["reasons"]] == ["OUTSIDE_RADIUS"]

    verdict = await api.gql(EXPLAIN, {"job": posting, "student": ids["best"]}, token=employer.owner.token)
    assert verdict["matchExplain"]["eligible"] is True and verdict["matchExplain"]["rank"] == 1
    assert verdict["matchExplain"]["reasons"] == []


async def test_match_explain_never_reveals_a_hidden_profile_or_another_employers_posting(api):
    employer, posting, _, hidden = await planted(api)
    errors = await api.errors(EXPLAIN, {"job": posting, "student": hidden.profile_gid}, token=employer.owner.token)
    assert errors[0]["extensions"]["code"] == "NOT_FOUND"

    other = await shop(api)
    lacking = await _profile_id(api, "no credential", posting)
    errors = await api.errors(EXPLAIN, {"job": posting, "student": lacking}, token=other.owner.token)
    assert errors[0]["extensions"]["code"] == "NOT_FOUND"


async def test_only_the_employer_and_staff_see_candidates(api):
    employer, posting, _, _ = await planted(api)
    colleague = await api.person("Colleague")
    async with api.db.write() as session:
        from db.models import Membership

        session.add(Membership(organization_id=employer.org_id, user_id=colleague.id, role="MEMBER"))
    staff = await api.person("Staff", staff=True)
    other = await shop(api)
    student = await candidate(api, "curious student")

    assert headlines(await candidates(api, posting, colleague.token))[0] == "best"
    assert headlines(await candidates(api, posting, staff.token))[0] == "best"
    assert await candidates_or_none(api, posting, other.owner.token) is None
    assert await candidates_or_none(api, posting, student.person.token) is None
    data = await api.gql(CANDIDATES, {"id": posting, "first": 5})
    assert data["jobPosting"]["candidates"] is None


async def test_weights_change_the_order_and_bad_weights_are_refused(api):
    employer, posting, _, _ = await planted(api)

    by_skills = await candidates(api, posting, employer.owner.token, weights={"distance": 0, "skills": 1})
    assert sorted(headlines(by_skills)[:2]) == ["best", "farther"]  # distance no longer counts
    assert headlines(by_skills)[-1] == "fewer skills"

    errors = await api.errors(
        CANDIDATES, {"id": posting, "first": 5, "weights": {"skills": 2.5}}, token=employer.owner.token
    )
    assert errors[0]["extensions"]["code"] == "INVALID_WEIGHTS"
    assert errors[0]["extensions"]["field"] == ["weights", "skills"]
    zero = dict.fromkeys(
        ("distance", "skills", "credentials", "program", "availability", "experience", "pay", "start", "activity"), 0
    )
    errors = await api.errors(CANDIDATES, {"id": posting, "first": 5, "weights": zero}, token=employer.owner.token)
    assert errors[0]["extensions"]["code"] == "INVALID_WEIGHTS"


async def _profile_id(api, headline: str, posting: str) -> str:
    from sqlalchemy import select

    from db.models import StudentProfile

    async with api.db.read() as session:
        pk = await session.scalar(select(StudentProfile.id).where(StudentProfile.headline == headline))
    return gid("StudentProfile", pk)


async def test_a_student_outside_the_list_can_be_found_by_the_employer_only_when_visible(api):
    employer = await shop(api)
    posting = await job(api, employer)
    who = await flows.student(api, visible=True, postalCode="48226")
    verdict = await api.gql(EXPLAIN, {"job": posting, "student": who.profile_gid}, token=employer.owner.token)
    assert verdict["matchExplain"]["eligible"] is False
    assert [r["code"] for r in verdict["matchExplain"]["reasons"]] == ["MISSING_CREDENTIAL"]

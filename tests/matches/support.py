"""Students, postings and credentials for the match tests, made over the API as users make them."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import text

from tests.support import Api
from tests.talent import flows
from tests.talent.flows import Employer, Student

ADD_CREDENTIAL = """
mutation ($input: StudentCredentialAddInput!) {
  studentCredentialAdd(input: $input) { studentCredential { id } userErrors { code } }
}"""
EXPLANATION = """explanation { distanceKm components { name weight value reason }
  matchedSkills { name } missingSkills { name } matchedCredentials { code } missingCredentials { code } }"""
CANDIDATES = f"""
query ($id: ID!, $first: Int, $after: String, $weights: CandidateWeightsInput) {{
  jobPosting(id: $id) {{
    candidates(first: $first, after: $after, weights: $weights) {{
      edges {{ cursor score node {{ id headline name skills {{ name }} }} {EXPLANATION} }}
      pageInfo {{ hasNextPage endCursor }}
    }}
  }}
}}"""
EXPLAIN = """
query ($job: ID!, $student: ID!) {
  matchExplain(jobPostingId: $job, studentId: $student) {
    student { id } eligible score rank cutoff distanceKm
    reasons { code message credentials { code } }
    explanation { components { name value } }
  }
}"""

REQUIRED = "ASE-B2"
PREFERRED_SKILLS = ["MIG welding", "Frame straightening", "Color matching"]


async def shop(api: Api, postal_code: str = "48226") -> Employer:
    return await flows.employer(api, postal_code)


async def job(api: Api, employer: Employer, **fields) -> str:
    values = {
        "requiredCredentials": [REQUIRED],
        "preferredSkills": PREFERRED_SKILLS,
        "postalCode": "48226",
        "programs": ["COLLISION"],
        **fields,
    }
    return await flows.posting(api, employer, **values)


async def add_credential(api: Api, who: Student, code: str = REQUIRED) -> None:
    earned = (date.today() - timedelta(days=30)).isoformat()
    data = await api.gql(ADD_CREDENTIAL, {"input": {"code": code, "earnedOn": earned}}, token=who.person.token)
    assert data["studentCredentialAdd"]["userErrors"] == [], data


async def candidate(
    api: Api,
    headline: str,
    *,
    credential: bool = True,
    skills=PREFERRED_SKILLS,
    postal_code: str = "48226",
    visible: bool = True,
    **fields,
) -> Student:
    who = await flows.student(
        api,
        visible=visible,
        headline=headline,
        skills=list(skills),
        postalCode=postal_code,
        travelRadiusKm=100,
        availability=["FULL_TIME"],
        **fields,
    )
    if credential:
        await add_credential(api, who)
    return who


async def candidates_or_none(api: Api, job_id: str, token: str, first: int = 20, **variables) -> dict | None:
    """The posting's `candidates` connection; None when the caller may not see them."""
    data = await api.gql(CANDIDATES, {"id": job_id, "first": first, **variables}, token=token)
    return data["jobPosting"]["candidates"]


async def candidates(api: Api, job_id: str, token: str, first: int = 20, **variables) -> dict:
    """The posting's `candidates` connection, for a caller who may see them."""
    found = await candidates_or_none(api, job_id, token, first, **variables)
    assert found is not None, "candidates are hidden from this caller"
    return found


def headlines(connection: dict) -> list[str]:
    return [edge["node"]["headline"] for edge in connection["edges"]]


async def sql(api: Api, statement: str, **params) -> None:
    """Change rows behind the application's back (no updated_at stamp), as another system might."""
    async with api.db.engine.begin() as conn:
        await conn.execute(text(statement), params)


def pk(global_id: str) -> int:
    from schema.relay import decode_any_id

    return decode_any_id(global_id)[1]

"""Steps of the talent flows as the API's users take them, shared by the talent tests."""

from __future__ import annotations

from dataclasses import dataclass

from tests.support import Api, Person, gid

UPSERT_PROFILE = """
mutation ($input: StudentProfileUpsertInput!) {
  studentProfileUpsert(input: $input) {
    studentProfile { id headline programs availability visibleToEmployers skills { name } otherSkills }
    skillSuggestions { given suggestions { name score } }
    userErrors { field code message }
  }
}"""
CREATE_POSTING = """
mutation ($input: JobPostingCreateInput!) {
  jobPostingCreate(input: $input) {
    jobPosting { id title status
                 pay { min { amount currency } max { amount currency } unit basis
                       hourlyMin { amount } hourlyMax { amount } }
                 requiredCredentials { code } preferredSkills { name } otherPreferredSkills benefits postalCode }
    skillSuggestions { given }
    userErrors { field code message }
  }
}"""
APPLY = """
mutation ($input: ApplicationCreateInput!) {
  applicationCreate(input: $input) { application { id status } userErrors { field code message } }
}"""
MOVE = """
mutation ($input: ApplicationMoveInput!) {
  applicationMove(input: $input) {
    application { id status events { fromStatus toStatus by actor { name } } }
    userErrors { field code message }
  }
}"""
INVITE = """
mutation ($input: InvitationCreateInput!) {
  invitationCreate(input: $input) { invitation { id status } userErrors { field code message } }
}"""
APP_TOKEN = """
mutation ($input: AppTokenCreateInput!) {
  appTokenCreate(input: $input) { token userErrors { code } }
}"""


def usd(cents: int) -> dict:
    """A MoneyInput in US dollars."""
    return {"amount": cents, "currency": "USD"}


def pay_range(low: int, high: int, unit: str = "HOUR", basis: str = "HOURLY") -> dict:
    """A PayRangeInput from amounts in cents."""
    return {"min": usd(low), "max": usd(high), "unit": unit, "basis": basis}


HOURLY_25_TO_32 = pay_range(2500, 3200)


@dataclass
class Employer:
    owner: Person
    org_id: int

    @property
    def gid(self) -> str:
        return gid("Organization", self.org_id)


@dataclass
class Student:
    person: Person
    profile_gid: str


async def employer(api: Api, postal_code: str = "48226", name: str | None = None) -> Employer:
    owner = await api.person("Erin Owner")
    return Employer(owner, await api.organization(owner=owner, kinds=("EMPLOYER",), postal_code=postal_code, name=name))


async def student(
    api: Api, *, visible: bool = True, name: str = "Alex Student", school_id: int | None = None, **fields
) -> Student:
    person = await api.person(name)
    values = {"visibleToEmployers": visible, "postalCode": "48226", "programs": ["COLLISION"], **fields}
    if school_id:
        values["schoolId"] = gid("Organization", school_id)
    data = await api.gql(UPSERT_PROFILE, {"input": values}, token=person.token)
    payload = data["studentProfileUpsert"]
    assert payload["userErrors"] == [], payload
    return Student(person, payload["studentProfile"]["id"])


async def posting(api: Api, employer: Employer, **fields) -> str:
    values = {
        "employerId": employer.gid,
        "title": "Collision Technician",
        "roleType": "TECHNICIAN",
        "pay": HOURLY_25_TO_32,
        **fields,
    }
    data = await api.gql(CREATE_POSTING, {"input": values}, token=employer.owner.token)
    payload = data["jobPostingCreate"]
    assert payload["userErrors"] == [], payload
    return payload["jobPosting"]["id"]


async def apply(api: Api, student: Student, posting_id: str, message: str = "I'd like to join.") -> dict:
    data = await api.gql(APPLY, {"input": {"jobPostingId": posting_id, "message": message}}, token=student.person.token)
    return data["applicationCreate"]


async def move(api: Api, token: str, application_id: str, status: str, note: str | None = None) -> dict:
    variables = {"input": {"applicationId": application_id, "status": status, "note": note}}
    return (await api.gql(MOVE, variables, token=token))["applicationMove"]


async def app_token(api: Api, employer: Employer, scopes: list[str]) -> str:
    data = await api.gql(
        APP_TOKEN,
        {"input": {"organizationId": employer.gid, "name": "Shop system", "scopes": scopes}},
        token=employer.owner.token,
    )
    assert data["appTokenCreate"]["userErrors"] == [], data
    return data["appTokenCreate"]["token"]


def codes(payload: dict) -> list[str]:
    return [error["code"] for error in payload["userErrors"]]

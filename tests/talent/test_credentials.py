"""The credential catalogue and students' credentials: expiry, status, bad input, school verification."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from db.models import StudentCredential
from resolvers.talent.credentials import add_months
from tests.talent import flows
from tests.talent.flows import codes

CATALOGUE = (
    "query ($filter: CredentialFilter) { credentials(filter: $filter) { code name issuer validityMonths renewable } }"
)
ADD = """
mutation ($input: StudentCredentialAddInput!) {
  studentCredentialAdd(input: $input) {
    studentCredential { id earnedOn expiresOn status verified credential { code } }
    userErrors { field code message }
  }
}"""
VERIFY = """
mutation ($input: StudentCredentialVerifyInput!) {
  studentCredentialVerify(input: $input) { studentCredential { verified verifiedAt } userErrors { code } }
}"""
REMOVE = """
mutation ($input: StudentCredentialRemoveInput!) {
  studentCredentialRemove(input: $input) {
    removedId studentProfile { credentials { edges { node { id } } } } userErrors { code }
  }
}"""
MY_CREDENTIALS = "{ myStudentProfile { credentials { edges { node { credential { code } status verified } } } } }"
SHOP_VIEW = """
query ($id: ID!) { studentProfile(id: $id) { credentials { edges { node { verified credential { code } } } } } }"""
PAGE = """
query ($first: Int, $after: String) {
  myStudentProfile { credentials(first: $first, after: $after) {
    edges { cursor node { credential { code } } } pageInfo { hasNextPage endCursor }
  } }
}"""


async def _count(api) -> int:
    async with api.db.read() as session:
        return await session.scalar(select(func.count()).select_from(StudentCredential))


async def test_catalogue_filters_by_issuer_and_literal_search(api):
    ase = (await api.gql(CATALOGUE, {"filter": {"issuer": "ASE"}}))["credentials"]
    assert {c["code"] for c in ase} >= {"ASE-A1", "ASE-B2", "ASE-G1", "ASE-L1", "ASE-L3"}
    assert all(c["validityMonths"] == 60 and c["renewable"] for c in ase)
    entry = (await api.gql(CATALOGUE, {"filter": {"issuer": "ASE_ENTRY_LEVEL"}}))["credentials"]
    assert entry and all(c["validityMonths"] == 24 and not c["renewable"] for c in entry)
    plastic = (await api.gql(CATALOGUE, {"filter": {"search": "plastic"}}))["credentials"]
    assert [c["code"] for c in plastic] == ["ICAR-ACAD-PLASTIC"]
    assert (await api.gql(CATALOGUE, {"filter": {"search": "%"}}))["credentials"] == []


async def test_expiry_is_computed_from_the_catalogue(api):
    alex = await flows.student(api)
    earned = date.today() - timedelta(days=30)
    data = await api.gql(
        ADD,
        {"input": {"code": "ase-b2", "earnedOn": earned.isoformat(), "credentialNumber": "123-456"}},
        token=alex.person.token,
    )
    payload = data["studentCredentialAdd"]
    assert payload["userErrors"] == []
    held = payload["studentCredential"]
    assert held["credential"]["code"] == "ASE-B2"
    assert held["expiresOn"] == add_months(earned, 60).isoformat()
    assert held["status"] == "VALID" and held["verified"] is False
    badge = await api.gql(
        ADD, {"input": {"code": "ICAR-ACAD-CRF", "earnedOn": earned.isoformat()}}, token=alex.person.token
    )
    assert badge["studentCredentialAdd"]["studentCredential"]["expiresOn"] is None


@pytest.mark.parametrize(
    ("earned_days_ago", "expires_in_days", "status"),
    [
        (400, 200, "VALID"),
        (400, 90, "EXPIRING"),
        (400, 0, "EXPIRING"),
        (800, -1, "EXPIRED"),
    ],
)
async def test_status_is_computed_from_today(api, earned_days_ago, expires_in_days, status):
    alex = await flows.student(api)
    today = date.today()
    variables = {
        "input": {
            "code": "ASE-EL-PR",
            "earnedOn": (today - timedelta(days=earned_days_ago)).isoformat(),
            "expiresOn": (today + timedelta(days=expires_in_days)).isoformat(),
        }
    }
    data = await api.gql(ADD, variables, token=alex.person.token)
    assert data["studentCredentialAdd"]["studentCredential"]["status"] == status
    mine = await api.gql(MY_CREDENTIALS, token=alex.person.token)
    assert mine["myStudentProfile"]["credentials"]["edges"][0]["node"]["status"] == status


@pytest.mark.parametrize(
    ("values", "code", "field"),
    [
        ({"code": "ASE-Z9"}, "UNKNOWN_CREDENTIAL", ["code"]),
        ({"earnedOn": (date.today() + timedelta(days=1)).isoformat()}, "EARNED_IN_FUTURE", ["earnedOn"]),
        ({"earnedOn": "2024-05-01", "expiresOn": "2024-04-30"}, "EXPIRES_BEFORE_EARNED", ["expiresOn"]),
        ({"earnedOn": "2024-05-01", "expiresOn": "2024-05-01"}, "EXPIRES_BEFORE_EARNED", ["expiresOn"]),
    ],
)
async def test_bad_credentials_are_refused_and_nothing_saved(api, values, code, field):
    alex = await flows.student(api)
    data = await api.gql(
        ADD, {"input": {"code": "ASE-A5", "earnedOn": "2024-05-01", **values}}, token=alex.person.token
    )
    payload = data["studentCredentialAdd"]
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [(code, field)]
    assert payload["studentCredential"] is None
    assert await _count(api) == 0


async def test_adding_needs_a_profile_and_refuses_the_same_credential_twice(api):
    nobody = await api.person()
    data = await api.gql(ADD, {"input": {"code": "ASE-A5", "earnedOn": "2024-05-01"}}, token=nobody.token)
    assert codes(data["studentCredentialAdd"]) == ["PROFILE_REQUIRED"]
    alex = await flows.student(api)
    await api.gql(ADD, {"input": {"code": "ASE-A5", "earnedOn": "2024-05-01"}}, token=alex.person.token)
    again = await api.gql(ADD, {"input": {"code": "ASE-A5", "earnedOn": "2024-05-01"}}, token=alex.person.token)
    assert codes(again["studentCredentialAdd"]) == ["DUPLICATE"]
    assert await _count(api) == 1


async def test_the_students_school_verifies_and_nobody_else_can(api):
    teacher = await api.person("Dana Instructor")
    school = await api.organization(owner=teacher, kinds=("SCHOOL",))
    other_teacher = await api.person()
    await api.organization(owner=other_teacher, kinds=("SCHOOL",))
    shop = await flows.employer(api)
    alex = await flows.student(api, visible=True, school_id=school)
    added = await api.gql(ADD, {"input": {"code": "ASE-EL-NS", "earnedOn": "2025-05-01"}}, token=alex.person.token)
    credential_id = added["studentCredentialAdd"]["studentCredential"]["id"]
    for outsider in (other_teacher, shop.owner, alex.person):
        data = await api.gql(VERIFY, {"input": {"id": credential_id}}, token=outsider.token)
        assert codes(data["studentCredentialVerify"]) == ["NOT_FOUND"]
    data = await api.gql(VERIFY, {"input": {"id": credential_id}}, token=teacher.token)
    assert data["studentCredentialVerify"]["studentCredential"]["verified"] is True
    again = await api.gql(VERIFY, {"input": {"id": credential_id}}, token=teacher.token)
    assert codes(again["studentCredentialVerify"]) == ["INVALID_TRANSITION"]
    seen_by_shop = await api.gql(
        SHOP_VIEW,
        {"id": alex.profile_gid},
        token=shop.owner.token,
    )
    assert seen_by_shop["studentProfile"]["credentials"]["edges"] == [
        {"node": {"verified": True, "credential": {"code": "ASE-EL-NS"}}}
    ]


def test_add_months_clamps_to_the_end_of_the_month():
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 11, 15), 24) == date(2026, 11, 15)


async def test_only_the_student_removes_a_credential(api):
    alex = await flows.student(api)
    added = await api.gql(ADD, {"input": {"code": "ASE-A5", "earnedOn": "2024-05-01"}}, token=alex.person.token)
    credential_id = added["studentCredentialAdd"]["studentCredential"]["id"]
    for token in ((await api.person()).token, (await flows.employer(api)).owner.token):
        refused = await api.gql(REMOVE, {"input": {"id": credential_id}}, token=token)
        assert codes(refused["studentCredentialRemove"]) == ["NOT_FOUND"]
    assert await _count(api) == 1
    removed = (await api.gql(REMOVE, {"input": {"id": credential_id}}, token=alex.person.token))[
        "studentCredentialRemove"
    ]
    assert removed == {"removedId": credential_id, "studentProfile": {"credentials": {"edges": []}}, "userErrors": []}
    assert await _count(api) == 0


async def test_credentials_page_in_the_order_added(api):
    alex = await flows.student(api)
    codes_added = ["ASE-A1", "ASE-A2", "ASE-A3", "ASE-A4", "ASE-A5"]
    for code in codes_added:
        await api.gql(ADD, {"input": {"code": code, "earnedOn": "2024-05-01"}}, token=alex.person.token)
    first = (await api.gql(PAGE, {"first": 2}, token=alex.person.token))["myStudentProfile"]["credentials"]
    rest = (await api.gql(PAGE, {"first": 10, "after": first["pageInfo"]["endCursor"]}, token=alex.person.token))[
        "myStudentProfile"
    ]["credentials"]
    seen = [e["node"]["credential"]["code"] for e in first["edges"] + rest["edges"]]
    assert seen == codes_added
    assert first["pageInfo"]["hasNextPage"] and not rest["pageInfo"]["hasNextPage"]
    errors = await api.errors(PAGE, {"first": 101}, token=alex.person.token)
    assert errors[0]["extensions"]["code"] == "OUT_OF_RANGE"

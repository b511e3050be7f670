"""A shop, its people and its technicians, as the workforce tests need them; documents used across tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from core.clock import today
from db.models import Credential, Membership, SafetyCertification, StudentCredential, Technician
from tests.pathways.factories import student_profile
from tests.support import Api, Person, gid
from tests.talent import flows

STANDING_FIELDS = """
  role level proLevel nextLevel
  missingForNext { requirement { kind codes title level } lapsedOn }
  expiringWithin90Days { code expiresOn daysLeft }
"""
TECHNICIAN_FIELDS = f"""
  id role status startedOn sharesEarlierRecords person {{ name }} supervisor {{ name }}
  credentials(first: 20) {{ edges {{ node {{ earnedOn credential {{ code }} }} }} }}
  standing(roles: [REFINISH]) {{ {STANDING_FIELDS} }}
  safety {{ training state expiresOn requiredByRole }}
"""
TECHNICIAN = f"query ($id: ID!) {{ node(id: $id) {{ ... on Technician {{ {TECHNICIAN_FIELDS} }} }} }}"
HIRE = """
mutation ($input: TechnicianHireInput!) {
  technicianHire(input: $input) { technician { id role startedOn } userErrors { field code message } }
}"""
CREDENTIAL_ADD = """
mutation ($input: StudentCredentialAddInput!) {
  studentCredentialAdd(input: $input) { studentCredential { id } userErrors { field code message } }
}"""
SAFETY_RECORD = """
mutation ($input: SafetyCertificationRecordInput!) {
  safetyCertificationRecord(input: $input) {
    certification { training completedOn expiresOn state }
    technician { safety { training state } }
    userErrors { field code message }
  }
}"""
REFINISH_SAFETY = ("RESPIRATOR_MEDICAL", "RESPIRATOR_FIT", "HAZCOM", "SP2_SAFETY", "SP2_POLLUTION")


@dataclass
class Shop:
    owner: Person
    org_id: int
    supervisor: Person  # a member of the shop who supervises technicians

    @property
    def gid(self) -> str:
        return gid("Organization", self.org_id)

    @property
    def employer(self) -> flows.Employer:
        return flows.Employer(self.owner, self.org_id)


async def member(api: Api, org_id: int, name: str, role: str = "MEMBER") -> Person:
    person = await api.person(name)
    async with api.db.write() as session:
        session.add(Membership(organization_id=org_id, user_id=person.id, role=role))
    return person


async def shop(api: Api, name: str = "Motor City Collision", postal_code: str = "48226") -> Shop:
    owner = await api.person("Erin Owner")
    org_id = await api.organization(owner=owner, kinds=("EMPLOYER",), name=name, postal_code=postal_code)
    return Shop(owner, org_id, await member(api, org_id, "Sam Supervisor"))


async def hired(
    api: Api, the_shop: Shop, name: str = "Alex Painter", *, visible: bool = False
) -> tuple[flows.Student, str]:
    """A student who applied to the shop and was moved to HIRED; returns them and the Application id."""
    student = await flows.student(api, name=name, visible=visible)
    posting = await flows.posting(api, the_shop.employer, title="Refinish Technician", roleType="REFINISH_TECHNICIAN")
    applied = await flows.apply(api, student, posting)
    application = applied["application"]["id"]
    for status in ("REVIEWING", "INTERVIEW", "OFFERED", "HIRED"):
        assert (await flows.move(api, the_shop.owner.token, application, status))["userErrors"] == []
    return student, application


async def hire(api: Api, the_shop: Shop, application: str, role: str = "REFINISH", **fields) -> dict:
    variables = {"input": {"applicationId": application, "role": role, **fields}}
    return (await api.gql(HIRE, variables, token=the_shop.owner.token))["technicianHire"]


async def add_credential(api: Api, person: Person, code: str, earned_on: date, **fields) -> dict:
    variables = {"input": {"code": code, "earnedOn": earned_on.isoformat(), **fields}}
    payload = (await api.gql(CREDENTIAL_ADD, variables, token=person.token))["studentCredentialAdd"]
    assert payload["userErrors"] == [], payload
    return payload


async def record_safety(api: Api, token: str, technician: str, training: str, completed_on: date, **fields) -> dict:
    variables = {
        "input": {"technicianId": technician, "training": training, "completedOn": completed_on.isoformat(), **fields}
    }
    return (await api.gql(SAFETY_RECORD, variables, token=token))["safetyCertificationRecord"]


async def technician_row(
    api: Api,
    the_shop: Shop,
    name: str,
    role: str,
    *,
    started_on: date | None = None,
    supervisor: Person | None = None,
    credentials: tuple[str, ...] = (),
    safety: tuple[str, ...] = (),
    shares: bool = True,
) -> tuple[Person, int]:
    """A technician written straight to the tables, for tests about what comes after the hire; their
    credentials are earned a month ago (or on their first day, if later), their safety training today."""
    person = await api.person(name)
    profile = await student_profile(api, person)
    started_on = started_on or today() - timedelta(days=400)
    earned = max(started_on, today() - timedelta(days=30))
    async with api.db.write() as session:
        technician = Technician(
            organization_id=the_shop.org_id,
            user_id=person.id,
            student_id=profile,
            role=role,
            started_on=started_on,
            supervisor_user_id=(supervisor or the_shop.supervisor).id,
            shares_earlier_records=shares,
        )
        session.add(technician)
        await session.flush()
        ids = dict((await session.execute(select(Credential.code, Credential.id))).all())
        for code in credentials:
            expires = earned + timedelta(days=365) if code.startswith("ICAR-") and "-PL" in code else None
            session.add(
                StudentCredential(student_id=profile, credential_id=ids[code], earned_on=earned, expires_on=expires)
            )
        for training in safety:
            session.add(SafetyCertification(technician_id=technician.id, training=training, completed_on=today()))
    return person, technician.id


def codes(payload: dict) -> list[str]:
    return [error["code"] for error in payload["userErrors"]]

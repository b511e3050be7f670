"""A person's own data: an export of everything the account holds (GET /exports/me), and deletion."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from db.models import (
    Application,
    Credential,
    DonationEvent,
    Membership,
    MentorProfile,
    Mentorship,
    PayReport,
    StudentCredential,
    StudentProfile,
    User,
)
from tests.donations.support import make_listing, make_need, parties, requested
from tests.security.support import count
from tests.support import PASSWORD, Api, Person
from tests.talent import flows

DELETE = "mutation ($password: String!) { accountDelete(input: {password: $password}) { userErrors { code field } } }"


async def student_with_records(api: Api) -> tuple[Person, int]:
    """A student who applied to a job, holds a credential and is mentored (an active mentorship)."""
    hiring = await flows.employer(api)
    posting = await flows.posting(api, hiring)
    student = await flows.student(api, visible=True)
    applied = await flows.apply(api, student, posting)
    assert applied["userErrors"] == []
    mentor = await api.person("Mentor")
    async with api.db.write() as session:
        profile = MentorProfile(user_id=mentor.id, capacity=2, active_mentees=1)
        session.add(profile)
        await session.flush()
        session.add(Mentorship(mentor_id=profile.id, mentee_id=student.person.id, status="ACTIVE"))
        student_id = await session.scalar(select(StudentProfile.id).where(StudentProfile.user_id == student.person.id))
        credential_id = await session.scalar(select(Credential.id).limit(1))
        assert student_id is not None and credential_id is not None
        session.add(StudentCredential(student_id=student_id, credential_id=credential_id, earned_on=date(2025, 5, 1)))
        session.add(
            PayReport(
                role_type="TECHNICIAN",
                postal_code="48226",
                latitude=42.3,
                longitude=-83.0,
                amount_cents=2500,
                unit="HOUR",
                basis="HOURLY",
                hourly_cents=2500,
            )
        )
    return student.person, profile.id


async def test_the_export_holds_what_the_account_holds_and_no_secret(api: Api) -> None:
    person, _ = await student_with_records(api)
    response = await api.client.get("/exports/me", headers={"Authorization": f"Bearer {person.token}"})
    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    assert "attachment" in response.headers["content-disposition"]
    export: dict[str, Any] = response.json()
    assert export["account"]["email"] == person.email and "password_hash" not in export["account"]
    student = export["student_profile"]
    assert len(student["applications"]) == 1 and student["applications"][0]["events"]
    assert len(export["mentorships_as_mentee"]) == 1 and len(export["sessions"]) == 1
    assert "token_digest" not in response.text and "$argon2" not in response.text
    assert "pay_report" not in response.text and "amount_cents" not in response.text


async def test_the_export_is_for_the_person_only(api: Api) -> None:
    anonymous = await api.client.get("/exports/me")
    assert anonymous.status_code == 401 and anonymous.headers["www-authenticate"].startswith("Bearer")
    hiring = await flows.employer(api)
    app_token = await flows.app_token(api, hiring, ["TALENT_READ"])
    as_app = await api.client.get("/exports/me", headers={"Authorization": f"Bearer {app_token}"})
    assert as_app.status_code == 403 and as_app.json()["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


async def test_deletion_needs_the_password_and_changes_nothing_without_it(api: Api) -> None:
    person, _ = await student_with_records(api)
    wrong = await api.gql(DELETE, {"password": "not my password"}, token=person.token)
    assert wrong["accountDelete"]["userErrors"] == [{"code": "INVALID_CREDENTIALS", "field": ["password"]}]
    assert await count(api, User, User.id == person.id) == 1
    assert await count(api, StudentProfile) == 1 and await count(api, Application) == 1


async def test_a_sole_owner_cannot_delete_the_account_until_someone_else_owns(api: Api) -> None:
    owner, other = await api.person(), await api.person()
    org = await api.organization(owner=owner)
    refused = await api.gql(DELETE, {"password": PASSWORD}, token=owner.token)
    assert refused["accountDelete"]["userErrors"] == [{"code": "LAST_OWNER", "field": None}]
    assert await count(api, User, User.id == owner.id) == 1
    async with api.db.write() as session:
        session.add(Membership(organization_id=org, user_id=other.id, role="OWNER"))
    done = await api.gql(DELETE, {"password": PASSWORD}, token=owner.token)
    assert done["accountDelete"]["userErrors"] == []
    assert await count(api, Membership, Membership.organization_id == org) == 1


async def test_deletion_removes_the_student_records_frees_the_mentor_and_keeps_others_history(api: Api) -> None:
    person, mentor_profile = await student_with_records(api)
    p = await parties(api)
    donation = await requested(api, p, await make_listing(api, p), await make_need(api, p), 1)
    assert donation
    done = await api.gql(DELETE, {"password": PASSWORD}, token=person.token)
    assert done["accountDelete"]["userErrors"] == []
    assert await count(api, User, User.id == person.id) == 0
    for model in (StudentProfile, StudentCredential, Application, Mentorship):
        assert await count(api, model) == 0, model
    async with api.db.read() as session:
        assert (await session.get_one(MentorProfile, mentor_profile)).active_mentees == 0
    assert await count(api, PayReport) == 1  # anonymous: never anyone's
    assert (await api.post("{ me { id } }", token=person.token)).status_code == 401
    # a donation party deleting their account leaves the donation's history, with the step's actor unnamed
    async with api.db.write() as session:
        session.add(Membership(organization_id=p.school_id, user_id=(await api.person()).id, role="OWNER"))
    left = await api.gql(DELETE, {"password": PASSWORD}, token=p.school_member.token)
    assert left["accountDelete"]["userErrors"] == []
    async with api.db.read() as session:
        actors = (await session.scalars(select(DonationEvent.actor_user_id))).all()
    assert actors == [None]

"""A sponsor sees its applicants (released by applying) and ranks them by fit; open lists hold only
awards that still accept applications."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from db.models import Scholarship, ScholarshipApplication, StudentCredential, StudentProfile
from schema.relay import decode_any_id
from tests.pathways.factories import student_credential, student_profile
from tests.pathways.test_scholarships import apply, create, foundation, today
from tests.support import gid, sign_in_as

APPLICANTS = """
query ($id: ID!, $order: ScholarshipApplicationOrder = OLDEST) {
  node(id: $id) {
    ... on Scholarship {
      applications(first: 20, orderBy: $order) {
        edges { node {
          fit { score eligible components { name value reason } }
          student { name programs school { name } credentials { edges { node { credential { code } } } }
                    pathway(first: 20) { edges { node { kind } } } }
        } }
      }
    }
  }
}"""
OPEN = """{ scholarships(openOnly: true, first: 20) { edges { node { name isOpen } } } }"""


async def _applicant(api, name: str, school_id: int, credentials=(), **profile):
    person = await api.person(name)
    student = await student_profile(api, person, school_id=school_id, **profile)
    for code in credentials:
        await student_credential(api, student, code, today() - timedelta(days=60))
    return person, student


async def _setup(api):
    manager, sponsor = await foundation(api)
    school = await api.organization(kinds=("SCHOOL",), name="Warren Career Tech")
    award = await create(api, manager, sponsor, eligibility={"programs": ["COLLISION", "REFINISH"]})
    strong, _ = await _applicant(
        api, "Casey Strong", school, ("ASE-EL-NS", "ASE-EL-SR", "ASE-EL-PR", "ICAR-ACAD-CRF", "ICAR-ACAD-DR")
    )
    middling, _ = await _applicant(api, "Riley Middle", school, ("ASE-EL-PR",), programs=("REFINISH",))
    newcomer, _ = await _applicant(api, "Jamie New", school)
    for person in (newcomer, middling, strong):  # the weakest applies first
        assert (await apply(api, person, award))["userErrors"] == []
    return manager, sponsor, award


async def test_a_sponsor_sees_its_applicants_with_their_school_programs_credentials_and_steps(api):
    manager, _, award = await _setup(api)

    edges = (await api.gql(APPLICANTS, {"id": award}, token=manager.token))["node"]["applications"]["edges"]

    students = [e["node"]["student"] for e in edges]
    assert [s["name"] for s in students] == ["Jamie New", "Riley Middle", "Casey Strong"]
    strong = students[2]
    assert strong["school"]["name"] == "Warren Career Tech" and strong["programs"] == ["COLLISION"]
    assert {c["node"]["credential"]["code"] for c in strong["credentials"]["edges"]} >= {"ASE-EL-NS", "ICAR-ACAD-CRF"}
    assert {e["node"]["kind"] for e in strong["pathway"]["edges"]} & {"CREDENTIAL_EARNED", "BADGE_EARNED"}


async def test_others_still_see_no_applicant(api):
    _, _, award = await _setup(api)
    other_manager, _ = await foundation(api)  # another donor: not the sponsor
    employer = await api.person("Shop owner")
    await api.organization(owner=employer, kinds=("EMPLOYER",))

    for token in (other_manager.token, employer.token):
        data = await api.gql(APPLICANTS, {"id": award}, token=token)
        assert data["node"]["applications"] is None  # the list itself is the sponsor's
    async with api.db.read() as session:
        student_id = await session.scalar(select(StudentProfile.id).limit(1))
    profile = await api.gql(
        "query ($id: ID!) { node(id: $id) { id } }",
        {"id": gid("StudentProfile", student_id)},
        token=other_manager.token,
    )
    assert profile["node"] is None


async def test_a_sponsor_ranks_applicants_by_fit_to_the_rules(api):
    manager, _, award = await _setup(api)

    edges = (await api.gql(APPLICANTS, {"id": award, "order": "FIT"}, token=manager.token))["node"]["applications"][
        "edges"
    ]

    assert [e["node"]["student"]["name"] for e in edges] == ["Casey Strong", "Riley Middle", "Jamie New"]
    fits = [e["node"]["fit"] for e in edges]
    assert fits[0]["score"] > fits[1]["score"] > fits[2]["score"] and all(f["eligible"] for f in fits)
    parts = {c["name"]: c for c in fits[0]["components"]}
    assert parts["rules"]["value"] == 1.0 and parts["credentials"]["value"] == 1.0
    assert "ASE-EL-NS" in parts["credentials"]["reason"] and parts["training"]["value"] == 1.0


async def test_an_applicant_whose_credential_lapsed_ranks_after_those_who_meet_every_rule(api):
    manager, sponsor = await foundation(api)
    school = await api.organization(kinds=("SCHOOL",))
    award = await create(api, manager, sponsor, eligibility={"requiredCredentials": ["ASE-EL-PR"]})
    lapsing, lapsing_id = await _applicant(api, "Quinn Lapsed", school, ("ASE-EL-PR", "ASE-EL-NS", "ASE-EL-SR"))
    steady, _ = await _applicant(api, "Avery Steady", school, ("ASE-EL-PR",))
    for person in (lapsing, steady):
        assert (await apply(api, person, award))["userErrors"] == []
    async with api.db.write() as session:
        await session.execute(
            update(StudentCredential)
            .where(StudentCredential.student_id == lapsing_id)
            .values(expires_on=today() - timedelta(days=1))
        )

    edges = (await api.gql(APPLICANTS, {"id": award, "order": "FIT"}, token=manager.token))["node"]["applications"][
        "edges"
    ]
    assert [e["node"]["student"]["name"] for e in edges] == ["Avery Steady", "Quinn Lapsed"]
    lapsed = edges[1]["node"]["fit"]
    assert lapsed["eligible"] is False and "ASE-EL-PR" in lapsed["components"][0]["reason"]


async def test_the_fit_is_the_sponsors_alone(api):
    manager, _, _ = await _setup(api)
    query = "query ($id: ID!) { node(id: $id) { ... on ScholarshipApplication { fit { score } } } }"
    async with api.db.read() as session:
        application_id, user_id = (
            await session.execute(
                select(ScholarshipApplication.id, StudentProfile.user_id)
                .join(StudentProfile, StudentProfile.id == ScholarshipApplication.student_id)
                .limit(1)
            )
        ).one()
    application = {"id": gid("ScholarshipApplication", application_id)}
    own = await api.gql(query, application, token=await sign_in_as(api.db, api.settings, user_id))
    assert own["node"]["fit"] is None  # the student sees the application, not the sponsor's ranking
    sponsors = await api.gql(query, application, token=manager.token)
    assert 0 < sponsors["node"]["fit"]["score"] <= 1


async def test_open_lists_leave_out_closed_and_exhausted_awards(api):
    manager, sponsor = await foundation(api)
    await create(api, manager, sponsor, name="Still open")
    exhausted = await create(api, manager, sponsor, name="Every award made", awards=1)
    closing = await create(api, manager, sponsor, name="Closed yesterday")
    async with api.db.write() as session:
        await session.execute(
            update(Scholarship).where(Scholarship.id == decode_any_id(exhausted)[1]).values(awards_made=1)
        )
        await session.execute(
            update(Scholarship)
            .where(Scholarship.id == decode_any_id(closing)[1])
            .values(opens_on=today() - timedelta(days=10), closes_on=today() - timedelta(days=1))
        )

    listed = (await api.gql(OPEN))["scholarships"]["edges"]

    assert [e["node"]["name"] for e in listed] == ["Still open"]
    assert all(e["node"]["isOpen"] for e in listed)

"""A hire becomes a technician with their history; an invited technician joins with their privacy choice."""

from __future__ import annotations

from datetime import timedelta

from core.clock import today
from tests.support import gid
from tests.talent import flows
from tests.workforce import support
from tests.workforce.support import TECHNICIAN, add_credential, codes, hire, hired

MY_RECORDS = """{ myTechnicianRecords(first: 5) { edges { node { role organization { name } status } } } }"""
INVITE = """
mutation ($input: TechnicianInviteInput!) {
  technicianInvite(input: $input) { invitation { id email role status } userErrors { field code message } }
}"""
MY_INVITATIONS = """{ myTechnicianInvitations(first: 5) { edges { node { id role organization { name } } } } }"""
ACCEPT = """
mutation ($input: TechnicianInvitationAcceptInput!) {
  technicianInvitationAccept(input: $input) {
    technician { id sharesEarlierRecords startedOn supervisor { name } }
    userErrors { field code message }
  }
}"""
DECLINE = """
mutation ($input: TechnicianInvitationDeclineInput!) {
  technicianInvitationDecline(input: $input) { invitation { status } userErrors { code } }
}"""
SHARE = """
mutation ($input: TechnicianSharingUpdateInput!) {
  technicianSharingUpdate(input: $input) { technician { sharesEarlierRecords } userErrors { code } }
}"""
PATHWAY = """query ($id: ID!) { node(id: $id) { ... on Technician {
  profile { pathway(first: 20) { edges { node { kind } } } } } } }"""
PENDING = (
    """query ($org: ID!) { workforce(organizationId: $org) { invitations(first: 5) { edges { node { email } } } } }"""
)


async def test_a_hire_becomes_a_technician_of_the_shop_with_their_credentials(api):
    # given: a refinish student with academy and ProLevel 1 credentials from school, hired by the shop
    shop = await support.shop(api)
    student, application = await hired(api, shop)
    await add_credential(api, student.person, "ICAR-ACAD-PREP", today() - timedelta(days=300))
    await add_credential(api, student.person, "ICAR-REF-PL1", today() - timedelta(days=200))

    # when: the owner adds the hire to the team
    payload = await hire(api, shop, application, supervisorId=shop.supervisor.gid)

    # then: a technician of the shop, seen by the owner with their earlier credentials
    assert payload["userErrors"] == []
    technician = payload["technician"]
    assert technician["role"] == "REFINISH" and technician["startedOn"] == today().isoformat()
    seen = (await api.gql(TECHNICIAN, {"id": technician["id"]}, token=shop.owner.token))["node"]
    assert seen["person"]["name"] == "Alex Painter" and seen["supervisor"]["name"] == "Sam Supervisor"
    assert seen["sharesEarlierRecords"] is True
    assert {e["node"]["credential"]["code"] for e in seen["credentials"]["edges"]} == {
        "ICAR-ACAD-PREP",
        "ICAR-REF-PL1",
    }
    [refinish] = seen["standing"]
    # ProLevel 1 is held, but level 1 also needs the refinish safety training, which no one recorded yet
    assert refinish["proLevel"] == 1 and refinish["level"] == 0 and refinish["nextLevel"] == 1
    missing = {tuple(gap["requirement"]["codes"]) for gap in refinish["missingForNext"]}
    assert missing == {(code,) for code in support.REFINISH_SAFETY}
    assert {s["training"]: s["state"] for s in seen["safety"]}["RESPIRATOR_FIT"] == "MISSING"
    # their pathway carries over under the student's own choices: the shop sees the steps of its hire, not
    # the credential steps of a profile that was never made visible to employers
    pathway = await api.gql(PATHWAY, {"id": technician["id"]}, token=shop.owner.token)
    kinds = {e["node"]["kind"] for e in pathway["node"]["profile"]["pathway"]["edges"]}
    assert {"JOB_APPLIED", "JOB_HIRED"} <= kinds and "CREDENTIAL_EARNED" not in kinds
    own = await api.gql(PATHWAY, {"id": technician["id"]}, token=student.person.token)
    assert "CREDENTIAL_EARNED" in {e["node"]["kind"] for e in own["node"]["profile"]["pathway"]["edges"]}
    # and the technician finds their record
    mine = (await api.gql(MY_RECORDS, token=student.person.token))["myTechnicianRecords"]["edges"]
    assert [(e["node"]["role"], e["node"]["organization"]["name"]) for e in mine] == [
        ("REFINISH", "Motor City Collision")
    ]


async def test_only_a_hired_application_of_your_shop_makes_a_technician_and_only_once(api):
    shop, other = await support.shop(api), await support.shop(api, name="Other Shop")
    _student, application = await hired(api, shop)
    applicant = await flows.student(api, name="Still Applying")
    posting = await flows.posting(api, shop.employer)
    pending = (await flows.apply(api, applicant, posting))["application"]["id"]
    outsider = await api.person("Outsider")

    assert codes(await hire(api, shop, pending)) == ["NOT_HIRED"]
    assert codes(await hire(api, other, application)) == ["NOT_FOUND"]
    # the supervisor must be someone in the shop
    refused = await hire(api, shop, application, supervisorId=outsider.gid)
    assert codes(refused) == ["NOT_FOUND"] and refused["userErrors"][0]["field"] == ["supervisorId"]
    # a plain member of the shop sees the application but does not manage the team
    member_payload = await api.gql(
        support.HIRE, {"input": {"applicationId": application, "role": "REFINISH"}}, token=shop.supervisor.token
    )
    assert codes(member_payload["technicianHire"]) == ["PERMISSION_DENIED"]
    assert (await hire(api, shop, application))["userErrors"] == []
    assert codes(await hire(api, shop, application)) == ["ALREADY_ON_TEAM"]


async def test_an_invited_technician_joins_and_their_privacy_choice_carries_over(api):
    shop = await support.shop(api)
    # an experienced technician with a private profile and a ProLevel 2 from their previous shop
    tech = await flows.student(api, name="Jordan Veteran", visible=False)
    await add_credential(api, tech.person, "ICAR-REF-PL2", today() - timedelta(days=100))
    invited = await api.gql(
        INVITE,
        {
            "input": {
                "organizationId": shop.gid,
                "email": tech.person.email.upper(),
                "role": "REFINISH",
                "supervisorId": shop.supervisor.gid,
                "message": "Come paint with us.",
            }
        },
        token=shop.owner.token,
    )
    invitation = invited["technicianInvite"]["invitation"]
    assert invitation["status"] == "PENDING" and invitation["email"] == tech.person.email
    pending = await api.gql(PENDING, {"org": shop.gid}, token=shop.owner.token)
    assert [e["node"]["email"] for e in pending["workforce"]["invitations"]["edges"]] == [tech.person.email]

    # only the invited account sees and answers it
    stranger = await api.person("Stranger")
    assert (await api.gql(MY_INVITATIONS, token=stranger.token))["myTechnicianInvitations"]["edges"] == []
    refused = await api.gql(ACCEPT, {"input": {"id": invitation["id"]}}, token=stranger.token)
    assert codes(refused["technicianInvitationAccept"]) == ["NOT_FOUND"]
    mine = (await api.gql(MY_INVITATIONS, token=tech.person.token))["myTechnicianInvitations"]["edges"]
    assert [e["node"]["id"] for e in mine] == [invitation["id"]]

    # accepting without a choice carries the private profile's choice over: earlier records stay theirs
    accepted = (await api.gql(ACCEPT, {"input": {"id": invitation["id"]}}, token=tech.person.token))[
        "technicianInvitationAccept"
    ]
    assert accepted["userErrors"] == [] and accepted["technician"]["sharesEarlierRecords"] is False
    technician = accepted["technician"]["id"]

    async def owner_view() -> dict:
        return (await api.gql(TECHNICIAN, {"id": technician}, token=shop.owner.token))["node"]

    seen = await owner_view()
    assert seen["credentials"]["edges"] == [] and seen["standing"][0]["proLevel"] == 0
    # what they earn while at the shop always counts
    await add_credential(api, tech.person, "ASE-B2", today())
    assert [e["node"]["credential"]["code"] for e in (await owner_view())["credentials"]["edges"]] == ["ASE-B2"]
    # the technician alone decides to share the earlier ones
    supervisor_try = await api.gql(
        SHARE, {"input": {"id": technician, "shareEarlierRecords": True}}, token=shop.supervisor.token
    )
    assert codes(supervisor_try["technicianSharingUpdate"]) == ["PERMISSION_DENIED"]
    shared = await api.gql(SHARE, {"input": {"id": technician, "shareEarlierRecords": True}}, token=tech.person.token)
    assert shared["technicianSharingUpdate"]["technician"]["sharesEarlierRecords"] is True
    seen = await owner_view()
    assert seen["standing"][0]["proLevel"] == 2
    # a second invitation to someone on the team, and a second answer, are refused
    again = await api.gql(
        INVITE,
        {"input": {"organizationId": shop.gid, "email": tech.person.email, "role": "REFINISH"}},
        token=shop.owner.token,
    )
    assert codes(again["technicianInvite"]) == ["ALREADY_ON_TEAM"]
    twice = await api.gql(ACCEPT, {"input": {"id": invitation["id"]}}, token=tech.person.token)
    assert codes(twice["technicianInvitationAccept"]) == ["INVALID_TRANSITION"]


async def test_an_invitation_to_an_unknown_address_reveals_nothing_and_can_be_declined(api):
    shop = await support.shop(api)
    unknown = await api.gql(
        INVITE,
        {"input": {"organizationId": shop.gid, "email": "nobody@example.com", "role": "ESTIMATOR"}},
        token=shop.owner.token,
    )
    assert unknown["technicianInvite"]["userErrors"] == []  # the same answer as for an existing account
    person = await api.person("Casey Tech")
    invited = await api.gql(
        INVITE,
        {"input": {"organizationId": shop.gid, "email": person.email, "role": "ESTIMATOR"}},
        token=shop.owner.token,
    )
    invitation = invited["technicianInvite"]["invitation"]["id"]
    member_try = await api.gql(
        INVITE,
        {"input": {"organizationId": shop.gid, "email": "x@example.com", "role": "ESTIMATOR"}},
        token=shop.supervisor.token,
    )
    assert codes(member_try["technicianInvite"]) == ["PERMISSION_DENIED"]
    declined = await api.gql(DECLINE, {"input": {"id": invitation}}, token=person.token)
    assert declined["technicianInvitationDecline"]["invitation"]["status"] == "DECLINED"
    school = await api.organization(owner=shop.owner, kinds=("SCHOOL",))
    not_a_shop = await api.gql(
        INVITE,
        {"input": {"organizationId": gid("Organization", school), "email": person.email, "role": "ESTIMATOR"}},
        token=shop.owner.token,
    )
    assert codes(not_a_shop["technicianInvite"]) == ["NOT_AN_EMPLOYER"]

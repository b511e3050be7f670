"""Finding 1 (account takeover through invitations) and the email verification that fixes it."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core.clock import frozen_at, utcnow
from db.models import AccountToken, Invitation, Membership, User, UserSession
from tests.accounts.support import REGISTER, TOKEN_CREATE, VERIFY, register_and_verify
from tests.conftest import Mailbox
from tests.mail_server import token_in
from tests.security.support import count
from tests.support import Api, gid

INVITE = """
mutation ($input: OrganizationMemberInviteInput!) {
  organizationMemberInvite(input: $input) { invitation { email role } userErrors { code } }
}"""
ACCEPT = """
mutation ($org: ID!) {
  organizationInvitationAccept(input: {organizationId: $org}) { membership { role } userErrors { code } }
}"""
MEMBER_ADD = """
mutation ($input: OrganizationMemberAddInput!) {
  organizationMemberAdd(input: $input) { membership { role } userErrors { code field } }
}"""
RESEND = """
mutation ($email: String!) { emailVerificationResend(input: {email: $email}) { userErrors { code } } }"""


async def test_an_admin_invitation_does_not_go_to_whoever_registers_the_address(api: Api, mailbox: Mailbox) -> None:
    # given an ADMIN invitation to x@example.com
    owner = await api.person()
    org = await api.organization(owner=owner)
    invited = await api.gql(
        INVITE,
        {"input": {"organizationId": gid("Organization", org), "email": "x@example.com", "role": "ADMIN"}},
        token=owner.token,
    )
    assert invited["organizationMemberInvite"]["userErrors"] == []
    # when an attacker, who cannot read that mailbox, registers the address
    attacker = {"email": "x@example.com", "password": "attacker pass 99", "name": "Mallory"}
    registered = await api.gql(REGISTER, {"input": attacker})
    assert registered["userRegister"]["userErrors"] == []
    signed_in = await api.gql(TOKEN_CREATE, {"input": {"email": attacker["email"], "password": attacker["password"]}})
    # then the attacker gets no session and nothing attaches
    assert [e["code"] for e in signed_in["tokenCreate"]["userErrors"]] == ["INVALID_CREDENTIALS"]
    assert signed_in["tokenCreate"]["token"] is None
    assert await count(api, Membership, Membership.organization_id == org) == 1
    assert await count(api, Invitation, Invitation.accepted_at.is_(None)) == 1
    assert await count(api, UserSession) == 1  # the owner's only
    # and the mailbox owner who follows the link is the one who joins, with their own password
    verified = await register_and_verify(api, mailbox, "x@example.com", "owner of mailbox 7", "Xavier")
    me = await api.gql("{ me { name memberships { edges { node { role } } } } }", token=verified["token"])
    assert me["me"]["name"] == "Xavier"
    assert [e["node"]["role"] for e in me["me"]["memberships"]["edges"]] == ["ADMIN"]
    again = await api.gql(TOKEN_CREATE, {"input": {"email": attacker["email"], "password": attacker["password"]}})
    assert again["tokenCreate"]["token"] is None


async def test_a_verification_token_works_once_and_only_its_hash_is_stored(api: Api, mailbox: Mailbox) -> None:
    await api.gql(REGISTER, {"input": {"email": "once@example.com", "password": "torque wrench 42", "name": "O"}})
    [mail] = await mailbox.received(to="once@example.com")
    token = token_in(mail.message)
    async with api.db.read() as session:
        stored = (await session.scalars(select(AccountToken))).one()
    assert token not in (stored.token_digest, stored.email) and len(stored.token_digest) == 64
    first = await api.gql(VERIFY, {"token": token})
    assert first["emailVerify"]["userErrors"] == [] and first["emailVerify"]["token"]
    second = await api.gql(VERIFY, {"token": token})
    assert second["emailVerify"]["userErrors"] == [
        {
            "field": ["token"],
            "code": "INVALID_TOKEN",
            "message": "This link is invalid, expired or used already; ask for a new one.",
        }
    ]
    assert second["emailVerify"]["token"] is None
    assert await count(api, UserSession) == 1


async def test_an_expired_verification_token_is_refused_and_the_account_stays_unverified(
    api: Api, mailbox: Mailbox
) -> None:
    await api.gql(REGISTER, {"input": {"email": "late@example.com", "password": "torque wrench 42", "name": "L"}})
    [mail] = await mailbox.received(to="late@example.com")
    with frozen_at(utcnow() + timedelta(hours=api.settings.verification_token_hours, minutes=1)):
        data = await api.gql(VERIFY, {"token": token_in(mail.message)})
    assert [e["code"] for e in data["emailVerify"]["userErrors"]] == ["INVALID_TOKEN"]
    assert await count(api, User, User.email_verified_at.is_not(None)) == 0
    assert await count(api, UserSession) == 0


async def test_the_mailbox_owners_own_link_wins_over_a_later_registration(api: Api, mailbox: Mailbox) -> None:
    owner = {"email": "pat@example.com", "password": "pats own pass 1", "name": "Pat"}
    await api.gql(REGISTER, {"input": owner})
    [own_link] = await mailbox.received(to="pat@example.com")
    attacker = {**owner, "password": "attacker pass 99", "name": "Mallory"}
    await api.gql(REGISTER, {"input": attacker})
    verified = await api.gql(VERIFY, {"token": token_in(own_link.message)})
    assert verified["emailVerify"]["user"]["name"] == "Pat"
    attacker_in = await api.gql(TOKEN_CREATE, {"input": {"email": owner["email"], "password": attacker["password"]}})
    assert attacker_in["tokenCreate"]["token"] is None
    # the attacker's link, followed later, cannot replace the confirmed account's password either
    attacker_link = (await mailbox.received(to="pat@example.com"))[-1]
    late = await api.gql(VERIFY, {"token": token_in(attacker_link.message)})
    assert [e["code"] for e in late["emailVerify"]["userErrors"]] == ["INVALID_TOKEN"]
    owner_in = await api.gql(TOKEN_CREATE, {"input": {"email": owner["email"], "password": owner["password"]}})
    assert owner_in["tokenCreate"]["userErrors"] == []


async def test_an_unverified_account_cannot_accept_or_be_added(api: Api) -> None:
    owner = await api.person()
    unverified = await api.person(email="u@example.com", verified=False)
    org = await api.organization(owner=owner)
    org_id = gid("Organization", org)
    await api.gql(INVITE, {"input": {"organizationId": org_id, "email": "u@example.com"}}, token=owner.token)
    accepted = await api.gql(ACCEPT, {"org": org_id}, token=unverified.token)
    added = await api.gql(
        MEMBER_ADD, {"input": {"organizationId": org_id, "email": "u@example.com"}}, token=owner.token
    )
    assert [e["code"] for e in accepted["organizationInvitationAccept"]["userErrors"]] == ["NOT_FOUND"]
    assert added["organizationMemberAdd"]["userErrors"] == [{"code": "NOT_FOUND", "field": ["email"]}]
    assert await count(api, Membership, Membership.user_id == unverified.id) == 0


async def test_resending_answers_alike_and_mails_only_an_unverified_account(api: Api, mailbox: Mailbox) -> None:
    verified = await api.person(email="done@example.com")
    await api.person(email="pending@example.com", verified=False)
    answers = [
        (await api.gql(RESEND, {"email": email}))["emailVerificationResend"]
        for email in ("done@example.com", "pending@example.com", "nobody@example.com")
    ]
    assert answers == [{"userErrors": []}] * 3
    received = await mailbox.received()
    assert [r.envelope_to for r in received] == [["pending@example.com"]]
    assert verified.email not in str([r.envelope_to for r in received])


async def test_the_right_password_of_an_unverified_account_mails_a_link_and_answers_like_a_wrong_one(
    api: Api, mailbox: Mailbox
) -> None:
    from tests.support import PASSWORD

    person = await api.person(email="legacy@example.com", verified=False)
    right = await api.gql(TOKEN_CREATE, {"input": {"email": person.email, "password": PASSWORD}})
    wrong = await api.gql(TOKEN_CREATE, {"input": {"email": person.email, "password": "not the password"}})
    assert right["tokenCreate"] == wrong["tokenCreate"]
    [mail] = await mailbox.received(to=person.email)
    confirmed = await api.gql(VERIFY, {"token": token_in(mail.message)})
    assert confirmed["emailVerify"]["userErrors"] == []
    signed_in = await api.gql(TOKEN_CREATE, {"input": {"email": person.email, "password": PASSWORD}})
    assert signed_in["tokenCreate"]["userErrors"] == []

"""Password reset by emailed token and password change; both end the person's other sessions."""

from __future__ import annotations

from sqlalchemy import select

from db.models import AccountToken, User, UserSession
from tests.accounts.support import TOKEN_CREATE
from tests.conftest import Mailbox
from tests.mail_server import token_in
from tests.security.support import count
from tests.support import PASSWORD, Api

REQUEST = """
mutation ($email: String!) { passwordResetRequest(input: {email: $email}) { userErrors { field code message } } }"""
RESET = """
mutation ($token: String!, $password: String!) {
  passwordReset(input: {token: $token, password: $password}) { userErrors { field code } }
}"""
CHANGE = """
mutation ($current: String!, $new: String!) {
  passwordChange(input: {currentPassword: $current, newPassword: $new}) { userErrors { field code } }
}"""
ME = "{ me { email } }"


async def password_hash(api: Api, user_id: int) -> str:
    async with api.db.read() as session:
        return str(await session.scalar(select(User.password_hash).where(User.id == user_id)))


async def signs_in(api: Api, email: str, password: str) -> bool:
    data = await api.gql(TOKEN_CREATE, {"input": {"email": email, "password": password}})
    return data["tokenCreate"]["token"] is not None


async def test_a_reset_request_answers_alike_for_known_and_unknown_addresses(api: Api, mailbox: Mailbox) -> None:
    person = await api.person(email="known@example.com")
    known = await api.gql(REQUEST, {"email": "KNOWN@example.com"})
    unknown = await api.gql(REQUEST, {"email": "unknown@example.com"})
    assert known == unknown == {"passwordResetRequest": {"userErrors": []}}
    received = await mailbox.received()
    assert [r.envelope_to for r in received] == [[person.email]]
    assert received[0].message["Subject"] == "Reset your ShopReady password"
    assert await count(api, AccountToken) == 1


async def test_a_reset_sets_the_password_once_and_ends_every_session(api: Api, mailbox: Mailbox) -> None:
    person = await api.person()
    await api.gql(REQUEST, {"email": person.email})
    [mail] = await mailbox.received(to=person.email)
    token = token_in(mail.message)
    done = await api.gql(RESET, {"token": token, "password": "brand new secret 8"})
    assert done["passwordReset"]["userErrors"] == []
    assert (await api.post(ME, token=person.token)).status_code == 401
    assert await signs_in(api, person.email, "brand new secret 8")
    assert not await signs_in(api, person.email, PASSWORD)
    before = await password_hash(api, person.id)
    again = await api.gql(RESET, {"token": token, "password": "another secret 99"})
    assert again["passwordReset"]["userErrors"] == [{"field": ["token"], "code": "INVALID_TOKEN"}]
    assert await password_hash(api, person.id) == before


async def test_a_weak_new_password_keeps_the_token_and_the_old_password(api: Api, mailbox: Mailbox) -> None:
    person = await api.person()
    await api.gql(REQUEST, {"email": person.email})
    token = token_in((await mailbox.received(to=person.email))[0].message)
    before = await password_hash(api, person.id)
    weak = await api.gql(RESET, {"token": token, "password": "short"})
    assert weak["passwordReset"]["userErrors"] == [{"field": ["password"], "code": "PASSWORD_TOO_SHORT"}]
    assert await password_hash(api, person.id) == before
    assert (await api.post(ME, token=person.token)).status_code == 200
    retried = await api.gql(RESET, {"token": token, "password": "strong enough now 5"})
    assert retried["passwordReset"]["userErrors"] == []


async def test_a_made_up_reset_token_changes_nothing(api: Api) -> None:
    person = await api.person()
    before = await password_hash(api, person.id)
    data = await api.gql(RESET, {"token": "not-a-real-token", "password": "brand new secret 8"})
    assert data["passwordReset"]["userErrors"] == [{"field": ["token"], "code": "INVALID_TOKEN"}]
    assert await password_hash(api, person.id) == before


async def test_changing_needs_the_current_password_and_ends_the_other_sessions(api: Api) -> None:
    person = await api.person()
    other = await api.gql(TOKEN_CREATE, {"input": {"email": person.email, "password": PASSWORD}})
    other_token = other["tokenCreate"]["token"]
    before = await password_hash(api, person.id)
    wrong = await api.gql(CHANGE, {"current": "not my password", "new": "brand new secret 8"}, token=person.token)
    assert wrong["passwordChange"]["userErrors"] == [{"field": ["currentPassword"], "code": "INVALID_CREDENTIALS"}]
    assert await password_hash(api, person.id) == before
    assert await count(api, UserSession, UserSession.revoked_at.is_not(None)) == 0
    weak = await api.gql(CHANGE, {"current": PASSWORD, "new": "short"}, token=person.token)
    assert weak["passwordChange"]["userErrors"] == [{"field": ["newPassword"], "code": "PASSWORD_TOO_SHORT"}]
    done = await api.gql(CHANGE, {"current": PASSWORD, "new": "brand new secret 8"}, token=person.token)
    assert done["passwordChange"]["userErrors"] == []
    assert (await api.post(ME, token=person.token)).status_code == 200  # this session stays
    assert (await api.post(ME, token=other_token)).status_code == 401  # the other one ends
    assert await signs_in(api, person.email, "brand new secret 8")

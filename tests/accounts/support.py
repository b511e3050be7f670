"""Reading connections the way a client does."""

from __future__ import annotations

from typing import Any

from tests.mail_server import token_in


def nodes(connection: dict) -> list[dict]:
    """The nodes of one page of a connection, in order."""
    return [edge["node"] for edge in connection["edges"]]


REGISTER = """
mutation ($input: UserRegisterInput!) { userRegister(input: $input) { email userErrors { field code message } } }"""
VERIFY = """
mutation ($token: String!) {
  emailVerify(input: {token: $token}) {
    token refreshToken tokenExpiresAt refreshTokenExpiresAt user { id name email } userErrors { field code message }
  }
}"""
TOKEN_CREATE = """
mutation ($input: TokenCreateInput!) {
  tokenCreate(input: $input) {
    token refreshToken tokenExpiresAt user { email } userErrors { field code message retryAfterSeconds }
  }
}"""


async def register_and_verify(api: Any, mailbox: Any, email: str, password: str, name: str = "Pat") -> dict:
    """Sign up through the API and follow the link from the mail that arrived: the emailVerify payload."""
    registered = await api.gql(REGISTER, {"input": {"email": email, "password": password, "name": name}})
    assert registered["userRegister"]["userErrors"] == [], registered
    address = registered["userRegister"]["email"]
    mails = await mailbox.received(to=address)
    assert mails, f"no mail reached {address}"
    verified = await api.gql(VERIFY, {"token": token_in(mails[-1].message)})
    assert verified["emailVerify"]["userErrors"] == [], verified
    return verified["emailVerify"]

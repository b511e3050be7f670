"""Finding 7 (smaller): a fullwidth look-alike email registered as a second account. Emails are now NFKC
normalized and case-folded before uniqueness, and migration 0009 normalizes the rows already stored."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from db import migrate
from db.engine import create_engine
from db.models import User
from resolvers.accounts.emails import normalize_email
from tests.accounts.support import REGISTER, TOKEN_CREATE
from tests.conftest import Mailbox
from tests.platform.test_migrations import _scratch_database
from tests.security.support import count
from tests.support import PASSWORD, Api

FULLWIDTH = "ｓａｍ＠ｅｘａｍｐｌｅ．ｃｏｍ"


@pytest.mark.parametrize(
    ("given", "stored"),
    [(FULLWIDTH, "sam@example.com"), (" SAM@Example.COM ", "sam@example.com"), ("ﬁnn@example.com", "finn@example.com")],
)
def test_look_alikes_normalize_to_one_address(given: str, stored: str) -> None:
    assert normalize_email(given) == stored


async def test_a_fullwidth_look_alike_is_the_same_account(api: Api, mailbox: Mailbox) -> None:
    owner = await api.person(email="sam@example.com")
    data = await api.gql(REGISTER, {"input": {"email": FULLWIDTH, "password": "torque wrench 42", "name": "Imp"}})
    assert data["userRegister"] == {"email": "sam@example.com", "userErrors": []}
    assert await count(api, User) == 1
    [mail] = await mailbox.received(to=owner.email)
    assert mail.message["Subject"] == "You already have a ShopReady account"
    signed_in = await api.gql(TOKEN_CREATE, {"input": {"email": FULLWIDTH, "password": PASSWORD}})
    assert signed_in["tokenCreate"]["user"] == {"email": "sam@example.com"}


async def test_migration_0009_normalizes_stored_emails_and_keeps_every_row() -> None:
    url, drop = await _scratch_database()
    try:
        migrate.upgrade(url, "0008")
        engine = create_engine(url)
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO user_account (id, email, name, password_hash) VALUES "
                    "(1, :a, 'Fullwidth', 'x'), (2, 'kept@example.com', 'Kept', 'x'), (3, :b, 'Twin', 'x'), "
                    "(4, 'twin@example.com', 'Twin', 'x')"
                ),
                {"a": FULLWIDTH, "b": "ＴＷＩＮ@example.com"},
            )
            await conn.execute(text("INSERT INTO organization (id, name, programs) VALUES (1, 'Shop', '[]')"))
            await conn.execute(
                text("INSERT INTO membership (organization_id, user_id, role) VALUES (1, 1, 'OWNER'), (1, 2, 'MEMBER')")
            )
        migrate.upgrade(url)
        async with engine.connect() as conn:
            emails: dict[int, str] = dict(
                (await conn.execute(text("SELECT id, email FROM user_account ORDER BY id"))).all()
            )
            members = (await conn.execute(text("SELECT count(*) FROM membership"))).scalar()
        await engine.dispose()
        # normalized where that names no other account; a collision is left for a person to resolve
        assert emails == {1: "sam@example.com", 2: "kept@example.com", 3: "ＴＷＩＮ@example.com", 4: "twin@example.com"}
        assert members == 2
    finally:
        if drop:
            await drop()

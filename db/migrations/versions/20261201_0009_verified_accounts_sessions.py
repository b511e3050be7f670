"""verified accounts, sessions, emailed tokens, app token expiry

Accounts prove their email before they sign in or join an invitation's organization; sign-in sessions
with rotating refresh tokens replace the per-account lockout (sign-in throttles live in rate_bucket);
emailed single-use tokens for verification and password reset; app tokens may expire. Existing emails
are normalized with NFKC and case folding (a row whose normalized form is taken already is left as it is
and reported, since two accounts cannot be merged by a migration). Existing accounts are not marked
verified: their owners verify on their next sign-in attempt, which mails them a link.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 18:00:00
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("id", ID, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
    ]


def _normalized(email: str) -> str:
    # Frozen copy of the rule at this revision (resolvers.accounts.emails.normalize_email).
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", email).strip().casefold())


def _normalize_emails() -> None:
    bind = op.get_bind()
    users = bind.execute(sa.text("SELECT id, email FROM user_account ORDER BY id")).all()
    taken = {email for _, email in users}
    for user_id, email in users:
        normalized = _normalized(email)
        if normalized == email:
            continue
        if normalized in taken:
            print(f"user_account {user_id}: {normalized!r} belongs to another account; left unnormalized")
            continue
        bind.execute(sa.text("UPDATE user_account SET email = :e WHERE id = :i"), {"e": normalized, "i": user_id})
        taken.discard(email)
        taken.add(normalized)
    invitations = bind.execute(sa.text("SELECT id, organization_id, email FROM organization_invitation")).all()
    pairs = {(org, email) for _, org, email in invitations}
    for invitation_id, org, email in invitations:
        normalized = _normalized(email)
        if normalized != email and (org, normalized) not in pairs:
            bind.execute(
                sa.text("UPDATE organization_invitation SET email = :e WHERE id = :i"),
                {"e": normalized, "i": invitation_id},
            )
            pairs.discard((org, email))
            pairs.add((org, normalized))
    for org_id, email in bind.execute(
        sa.text("SELECT id, contact_email FROM organization WHERE contact_email IS NOT NULL")
    ).all():
        if _normalized(email) != email:
            bind.execute(
                sa.text("UPDATE organization SET contact_email = :e WHERE id = :i"), {"e": _normalized(email), "i": org_id}
            )


def upgrade() -> None:
    # Plain ALTER TABLE, never a batch copy: on SQLite a copy drops user_account, and with foreign keys on
    # that would cascade to every membership and profile. SQLite drops plain columns itself since 3.35.
    op.add_column("user_account", sa.Column("email_verified_at", sa.DateTime(timezone=True), nullable=True))
    op.drop_column("user_account", "failed_login_count")
    op.drop_column("user_account", "login_locked_until")
    op.add_column("app_token", sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))

    op.create_table(
        "user_session",
        sa.Column("user_id", ID, nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_reason", sa.String(length=30), nullable=True),
        *_timestamps(),
        sa.CheckConstraint(
            "ended_reason IN ('SIGNED_OUT', 'SIGNED_OUT_EVERYWHERE', 'REFRESH_REUSED', 'PASSWORD_CHANGED', "
            "'PASSWORD_RESET')",
            name=op.f("ck_user_session_ended_reason_known"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_user_session_user_id_user_account"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_session")),
    )
    with op.batch_alter_table("user_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_session_user_id"), ["user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_user_session_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "refresh_token",
        sa.Column("session_id", ID, nullable=False),
        sa.Column("token_digest", sa.String(length=64), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        *_timestamps(),
        sa.ForeignKeyConstraint(
            ["session_id"], ["user_session.id"], name=op.f("fk_refresh_token_session_id_user_session"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refresh_token")),
        sa.UniqueConstraint("token_digest", name=op.f("uq_refresh_token_token_digest")),
    )
    with op.batch_alter_table("refresh_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refresh_token_session_id"), ["session_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_refresh_token_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "account_token",
        sa.Column("user_id", ID, nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("token_digest", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        *_timestamps(),
        sa.CheckConstraint("purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')", name=op.f("ck_account_token_purpose_known")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_account_token_user_id_user_account"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_token")),
        sa.UniqueConstraint("token_digest", name=op.f("uq_account_token_token_digest")),
    )
    with op.batch_alter_table("account_token", schema=None) as batch_op:
        batch_op.create_index("ix_account_token_user_purpose", ["user_id", "purpose"], unique=False)
        batch_op.create_index(batch_op.f("ix_account_token_updated_at"), ["updated_at"], unique=False)

    _normalize_emails()


def downgrade() -> None:
    # Normalized emails stay normalized: the earlier code reads them as well.
    with op.batch_alter_table("account_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_token_updated_at"))
        batch_op.drop_index("ix_account_token_user_purpose")
    op.drop_table("account_token")
    with op.batch_alter_table("refresh_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refresh_token_updated_at"))
        batch_op.drop_index(batch_op.f("ix_refresh_token_session_id"))
    op.drop_table("refresh_token")
    with op.batch_alter_table("user_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_session_updated_at"))
        batch_op.drop_index(batch_op.f("ix_user_session_user_id"))
    op.drop_table("user_session")
    op.drop_column("app_token", "expires_at")
    op.add_column("user_account", sa.Column("login_locked_until", sa.DateTime(timezone=True), nullable=True))
    op.add_column("user_account", sa.Column("failed_login_count", sa.Integer(), server_default="0", nullable=False))
    op.drop_column("user_account", "email_verified_at")

"""services: a service need's visit, and shops' offers to deliver it

A need gets the visit's start, length in minutes and place (no address: at the school). Shops offer
to deliver a service need; the school confirms one. A partial unique index lets at most one offer per
need be CONFIRMED or COMPLETED, so racing confirmations cannot double-book it; another keeps one live
offer per shop and need.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01 15:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
BOOKED = sa.text("status IN ('CONFIRMED', 'COMPLETED')")
LIVE = sa.text("status IN ('OFFERED', 'CONFIRMED')")


def upgrade() -> None:
    with op.batch_alter_table("need", schema=None) as batch_op:
        batch_op.add_column(sa.Column("service_starts_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("service_minutes", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("service_address", sa.Text(), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_need_service_schedule_whole"),
            "(service_starts_at IS NULL AND service_minutes IS NULL AND service_address IS NULL) "
            "OR (service_starts_at IS NOT NULL AND service_minutes > 0)",
        )

    op.create_table(
        "service_offer",
        sa.Column("need_id", ID, nullable=False),
        sa.Column("school_id", ID, nullable=False),
        sa.Column("shop_id", ID, nullable=False),
        sa.Column("created_by_id", ID, nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("message", sa.Text(), server_default="", nullable=False),
        sa.Column("proposed_start", sa.DateTime(timezone=True), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancel_reason", sa.Text(), nullable=True),
        sa.Column("cancelled_by_id", ID, nullable=True),
        sa.Column("id", ID, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.CheckConstraint(
            "status IN ('OFFERED', 'CONFIRMED', 'COMPLETED', 'CANCELLED')", name=op.f("ck_service_offer_status_known")
        ),
        sa.CheckConstraint("shop_id <> school_id", name=op.f("ck_service_offer_not_to_self")),
        sa.CheckConstraint(
            "status <> 'CANCELLED' OR cancel_reason IS NOT NULL", name=op.f("ck_service_offer_cancel_has_reason")
        ),
        sa.ForeignKeyConstraint(
            ["need_id"], ["need.id"], name=op.f("fk_service_offer_need_id_need"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["school_id"], ["organization.id"], name=op.f("fk_service_offer_school_id_organization"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["organization.id"], name=op.f("fk_service_offer_shop_id_organization"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_service_offer_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["cancelled_by_id"],
            ["organization.id"],
            name=op.f("fk_service_offer_cancelled_by_id_organization"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_offer")),
    )
    with op.batch_alter_table("service_offer", schema=None) as batch_op:
        for column in ("need_id", "school_id", "shop_id", "status", "updated_at"):
            batch_op.create_index(batch_op.f(f"ix_service_offer_{column}"), [column], unique=False)
        batch_op.create_index(
            "uq_service_offer_booked_need", ["need_id"], unique=True, sqlite_where=BOOKED, postgresql_where=BOOKED
        )
        batch_op.create_index(
            "uq_service_offer_live_need_shop",
            ["need_id", "shop_id"],
            unique=True,
            sqlite_where=LIVE,
            postgresql_where=LIVE,
        )


def downgrade() -> None:
    op.drop_table("service_offer")
    with op.batch_alter_table("need", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_need_service_schedule_whole"), type_="check")
        batch_op.drop_column("service_address")
        batch_op.drop_column("service_minutes")
        batch_op.drop_column("service_starts_at")

"""allocation plans

Allocation plans kept with their inputs (needs, listings, scores, fairness settings) and results,
and the donations a plan offered (`donation.allocation_plan_id`).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 12:12:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "allocation_plan",
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("created_by_id", ID, nullable=True),
        sa.Column("category_id", ID, nullable=True),
        sa.Column("postal_code", sa.String(length=10), nullable=True),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("longitude", sa.Double(), nullable=True),
        sa.Column("radius_km", sa.Double(), nullable=True),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("assignments", sa.JSON(), nullable=False),
        sa.Column("greedy_assignments", sa.JSON(), nullable=False),
        sa.Column("total", sa.Double(), nullable=False),
        sa.Column("greedy_total", sa.Double(), nullable=False),
        sa.Column("unconstrained_total", sa.Double(), nullable=False),
        sa.Column("fairness_bonus", sa.Double(), server_default="0", nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("applied_by_id", ID, nullable=True),
        sa.Column("id", ID, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.CheckConstraint("source IN ('PLAN', 'PAIRS')", name=op.f("ck_allocation_plan_source_known")),
        sa.CheckConstraint("radius_km IS NULL OR radius_km > 0", name=op.f("ck_allocation_plan_radius_positive")),
        sa.ForeignKeyConstraint(
            ["applied_by_id"], ["user_account.id"], name=op.f("fk_allocation_plan_applied_by_id_user_account"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["category_id"], ["category.id"], name=op.f("fk_allocation_plan_category_id_category"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["user_account.id"], name=op.f("fk_allocation_plan_created_by_id_user_account"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allocation_plan")),
    )
    op.create_index(op.f("ix_allocation_plan_updated_at"), "allocation_plan", ["updated_at"], unique=False)
    with op.batch_alter_table("donation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("allocation_plan_id", ID, nullable=True))
        batch_op.create_index(batch_op.f("ix_donation_allocation_plan_id"), ["allocation_plan_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_donation_allocation_plan_id_allocation_plan"),
            "allocation_plan",
            ["allocation_plan_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("donation", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_donation_allocation_plan_id_allocation_plan"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_donation_allocation_plan_id"))
        batch_op.drop_column("allocation_plan_id")
    op.drop_index(op.f("ix_allocation_plan_updated_at"), table_name="allocation_plan")
    op.drop_table("allocation_plan")

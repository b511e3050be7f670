"""event actors: who caused each outbox event, for the audit trail

Events recorded before carry no actor; the audit trail shows them as the platform's.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox_event") as table:
        table.add_column(sa.Column("actor_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True))
        table.add_column(sa.Column("actor_app_token_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True))
        table.create_index("ix_outbox_event_actor_user_id", ["actor_user_id"])
        table.create_index("ix_outbox_event_actor_app_token_id", ["actor_app_token_id"])


def downgrade() -> None:
    with op.batch_alter_table("outbox_event") as table:
        table.drop_index("ix_outbox_event_actor_app_token_id")
        table.drop_index("ix_outbox_event_actor_user_id")
        table.drop_column("actor_app_token_id")
        table.drop_column("actor_user_id")

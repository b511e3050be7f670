"""tool grant donations and mentored enrollments

A donation may deliver a student's awarded tool grant (at most one live donation per grant), and
an enrollment may name the student's active mentorship so the mentor can record progress.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 23:46:52.070760
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('donation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tool_grant_application_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True))
        batch_op.create_index('uq_donation_live_tool_grant', ['tool_grant_application_id'], unique=True, sqlite_where=sa.text("status NOT IN ('DECLINED', 'CANCELLED')"), postgresql_where=sa.text("status NOT IN ('DECLINED', 'CANCELLED')"))
        batch_op.create_foreign_key(batch_op.f('fk_donation_tool_grant_application_id_scholarship_application'), 'scholarship_application', ['tool_grant_application_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('enrollment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mentorship_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True))
        batch_op.create_index(batch_op.f('ix_enrollment_mentorship_id'), ['mentorship_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_enrollment_mentorship_id_mentorship'), 'mentorship', ['mentorship_id'], ['id'], ondelete='SET NULL')



def downgrade() -> None:
    with op.batch_alter_table('enrollment', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_enrollment_mentorship_id_mentorship'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_enrollment_mentorship_id'))
        batch_op.drop_column('mentorship_id')

    with op.batch_alter_table('donation', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_donation_tool_grant_application_id_scholarship_application'), type_='foreignkey')
        batch_op.drop_index('uq_donation_live_tool_grant', sqlite_where=sa.text("status NOT IN ('DECLINED', 'CANCELLED')"), postgresql_where=sa.text("status NOT IN ('DECLINED', 'CANCELLED')"))
        batch_op.drop_column('tool_grant_application_id')


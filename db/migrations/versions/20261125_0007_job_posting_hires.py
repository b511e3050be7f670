"""job posting hires

Hires count against a posting's openings: `hires` never passes `openings`, and a posting whose
openings are all filled is FILLED. Postings that already have hired applications are counted in.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 00:29:22.589247
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('job_posting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hires', sa.Integer(), server_default='0', nullable=False))
        batch_op.drop_constraint(batch_op.f('ck_job_posting_status_known'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_job_posting_status_known'),
                                         "status IN ('OPEN', 'CLOSED', 'FILLED')")

    op.execute("UPDATE job_posting SET hires = (SELECT count(*) FROM application"
               " WHERE application.job_posting_id = job_posting.id AND application.status = 'HIRED')")
    op.execute("UPDATE job_posting SET openings = hires WHERE hires > openings")
    op.execute("UPDATE job_posting SET status = 'FILLED' WHERE status = 'OPEN' AND hires >= openings")

    with op.batch_alter_table('job_posting', schema=None) as batch_op:
        batch_op.create_check_constraint(batch_op.f('ck_job_posting_hires_within_openings'),
                                         'hires >= 0 AND hires <= openings')


def downgrade() -> None:
    op.execute("UPDATE job_posting SET status = 'CLOSED' WHERE status = 'FILLED'")
    with op.batch_alter_table('job_posting', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_job_posting_hires_within_openings'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_job_posting_status_known'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_job_posting_status_known'), "status IN ('OPEN', 'CLOSED')")
        batch_op.drop_column('hires')

"""messages and saved searches

Conversations attached to a donation, application, invitation or mentorship (each side an
organization or one person), their messages, blocks and reports; saved searches over the public
lists with their alert frequency and high-water mark.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01 15:20:00
"""

from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('conversation',
    sa.Column('subject_type', sa.String(length=12), nullable=False),
    sa.Column('subject_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('side_a_organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('side_a_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('side_b_organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('side_b_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('first_contact_organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('last_message_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("subject_type IN ('DONATION', 'APPLICATION', 'INVITATION', 'MENTORSHIP')", name=op.f('ck_conversation_subject_type_known')),
    sa.CheckConstraint('(side_a_organization_id IS NULL) <> (side_a_user_id IS NULL)', name=op.f('ck_conversation_side_a_one_party')),
    sa.CheckConstraint('(side_b_organization_id IS NULL) <> (side_b_user_id IS NULL)', name=op.f('ck_conversation_side_b_one_party')),
    sa.ForeignKeyConstraint(['first_contact_organization_id'], ['organization.id'], name=op.f('fk_conversation_first_contact_organization_id_organization'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['side_a_organization_id'], ['organization.id'], name=op.f('fk_conversation_side_a_organization_id_organization'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['side_a_user_id'], ['user_account.id'], name=op.f('fk_conversation_side_a_user_id_user_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['side_b_organization_id'], ['organization.id'], name=op.f('fk_conversation_side_b_organization_id_organization'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['side_b_user_id'], ['user_account.id'], name=op.f('fk_conversation_side_b_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conversation')),
    sa.UniqueConstraint('subject_type', 'subject_id', name=op.f('uq_conversation_subject_type_subject_id'))
    )
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conversation_first_contact_organization_id'), ['first_contact_organization_id'], unique=False)
        batch_op.create_index('ix_conversation_last_message', ['last_message_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conversation_side_a_organization_id'), ['side_a_organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conversation_side_a_user_id'), ['side_a_user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conversation_side_b_organization_id'), ['side_b_organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conversation_side_b_user_id'), ['side_b_user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conversation_updated_at'), ['updated_at'], unique=False)

    op.create_table('message_block',
    sa.Column('blocker_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('blocked_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('blocked_organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('(blocked_user_id IS NULL) <> (blocked_organization_id IS NULL)', name=op.f('ck_message_block_one_blocked')),
    sa.ForeignKeyConstraint(['blocked_organization_id'], ['organization.id'], name=op.f('fk_message_block_blocked_organization_id_organization'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['blocked_user_id'], ['user_account.id'], name=op.f('fk_message_block_blocked_user_id_user_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['blocker_id'], ['user_account.id'], name=op.f('fk_message_block_blocker_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message_block')),
    sa.UniqueConstraint('blocker_id', 'blocked_organization_id', name=op.f('uq_message_block_blocker_id_blocked_organization_id')),
    sa.UniqueConstraint('blocker_id', 'blocked_user_id', name=op.f('uq_message_block_blocker_id_blocked_user_id'))
    )
    with op.batch_alter_table('message_block', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_block_blocker_id'), ['blocker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_message_block_updated_at'), ['updated_at'], unique=False)

    op.create_table('saved_search',
    sa.Column('owner_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('criteria', sa.JSON(), nullable=False),
    sa.Column('given', sa.JSON(), nullable=False),
    sa.Column('frequency', sa.String(length=10), nullable=False),
    sa.Column('seen_through_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), server_default='0', nullable=False),
    sa.Column('next_alert_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_alerted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("frequency IN ('IMMEDIATE', 'DAILY', 'WEEKLY', 'OFF')", name=op.f('ck_saved_search_frequency_known')),
    sa.CheckConstraint("kind IN ('NEEDS', 'LISTINGS', 'JOB_POSTINGS', 'SCHOLARSHIPS')", name=op.f('ck_saved_search_kind_known')),
    sa.ForeignKeyConstraint(['owner_id'], ['user_account.id'], name=op.f('fk_saved_search_owner_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_search'))
    )
    with op.batch_alter_table('saved_search', schema=None) as batch_op:
        batch_op.create_index('ix_saved_search_due', ['next_alert_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_saved_search_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_saved_search_updated_at'), ['updated_at'], unique=False)

    op.create_table('message',
    sa.Column('conversation_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('sender_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('length(body) BETWEEN 1 AND 4000', name=op.f('ck_message_body_length')),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversation.id'], name=op.f('fk_message_conversation_id_conversation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sender_id'], ['user_account.id'], name=op.f('fk_message_sender_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message'))
    )
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.create_index('ix_message_conversation_order', ['conversation_id', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_message_sender_id'), ['sender_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_message_updated_at'), ['updated_at'], unique=False)

    op.create_table('message_report',
    sa.Column('message_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('reporter_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['message.id'], name=op.f('fk_message_report_message_id_message'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reporter_id'], ['user_account.id'], name=op.f('fk_message_report_reporter_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message_report')),
    sa.UniqueConstraint('message_id', 'reporter_id', name=op.f('uq_message_report_message_id_reporter_id'))
    )
    with op.batch_alter_table('message_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_report_message_id'), ['message_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_message_report_reporter_id'), ['reporter_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_message_report_updated_at'), ['updated_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('message_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_report_updated_at'))
        batch_op.drop_index(batch_op.f('ix_message_report_reporter_id'))
        batch_op.drop_index(batch_op.f('ix_message_report_message_id'))

    op.drop_table('message_report')
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_updated_at'))
        batch_op.drop_index(batch_op.f('ix_message_sender_id'))
        batch_op.drop_index('ix_message_conversation_order')

    op.drop_table('message')
    with op.batch_alter_table('saved_search', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_saved_search_updated_at'))
        batch_op.drop_index(batch_op.f('ix_saved_search_owner_id'))
        batch_op.drop_index('ix_saved_search_due')

    op.drop_table('saved_search')
    with op.batch_alter_table('message_block', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_block_updated_at'))
        batch_op.drop_index(batch_op.f('ix_message_block_blocker_id'))

    op.drop_table('message_block')
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conversation_updated_at'))
        batch_op.drop_index(batch_op.f('ix_conversation_side_b_user_id'))
        batch_op.drop_index(batch_op.f('ix_conversation_side_b_organization_id'))
        batch_op.drop_index(batch_op.f('ix_conversation_side_a_user_id'))
        batch_op.drop_index(batch_op.f('ix_conversation_side_a_organization_id'))
        batch_op.drop_index('ix_conversation_last_message')
        batch_op.drop_index(batch_op.f('ix_conversation_first_contact_organization_id'))

    op.drop_table('conversation')

"""partner kit

Idempotency keys (the first answer to a caller's key, kept 24 hours), documents registered by
organizations' apps, and CSV bulk imports with their progress and errors.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 13:06:25.480396
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('idempotency_key',
    sa.Column('caller', sa.String(length=64), nullable=False),
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status_code', sa.Integer(), nullable=True),
    sa.Column('content_type', sa.String(length=100), nullable=True),
    sa.Column('body', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("state IN ('RUNNING', 'DONE')", name=op.f('ck_idempotency_key_state_known')),
    sa.PrimaryKeyConstraint('caller', 'key', name=op.f('pk_idempotency_key'))
    )
    with op.batch_alter_table('idempotency_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idempotency_key_expires_at'), ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_idempotency_key_updated_at'), ['updated_at'], unique=False)

    op.create_table('bulk_import',
    sa.Column('organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('total_rows', sa.Integer(), server_default='0', nullable=False),
    sa.Column('processed_rows', sa.Integer(), server_default='0', nullable=False),
    sa.Column('created_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('error_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('errors', sa.JSON(), nullable=False),
    sa.Column('created_by_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_by_app_token_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("kind IN ('NEEDS', 'LISTINGS')", name=op.f('ck_bulk_import_kind_known')),
    sa.CheckConstraint("status IN ('RUNNING', 'SUCCEEDED', 'FAILED')", name=op.f('ck_bulk_import_status_known')),
    sa.CheckConstraint('processed_rows <= total_rows', name=op.f('ck_bulk_import_progress_bounded')),
    sa.ForeignKeyConstraint(['created_by_app_token_id'], ['app_token.id'], name=op.f('fk_bulk_import_created_by_app_token_id_app_token'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_by_user_id'], ['user_account.id'], name=op.f('fk_bulk_import_created_by_user_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_bulk_import_organization_id_organization'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bulk_import'))
    )
    with op.batch_alter_table('bulk_import', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bulk_import_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_bulk_import_updated_at'), ['updated_at'], unique=False)

    op.create_table('persisted_document',
    sa.Column('organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('document_id', sa.String(length=71), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('registered_by_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('registered_by_app_token_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_persisted_document_organization_id_organization'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['registered_by_app_token_id'], ['app_token.id'], name=op.f('fk_persisted_document_registered_by_app_token_id_app_token'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['registered_by_user_id'], ['user_account.id'], name=op.f('fk_persisted_document_registered_by_user_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_persisted_document')),
    sa.UniqueConstraint('organization_id', 'document_id', name=op.f('uq_persisted_document_organization_id_document_id'))
    )
    with op.batch_alter_table('persisted_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_persisted_document_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_persisted_document_updated_at'), ['updated_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('persisted_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_persisted_document_updated_at'))
        batch_op.drop_index(batch_op.f('ix_persisted_document_document_id'))

    op.drop_table('persisted_document')
    with op.batch_alter_table('bulk_import', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bulk_import_updated_at'))
        batch_op.drop_index(batch_op.f('ix_bulk_import_organization_id'))

    op.drop_table('bulk_import')
    with op.batch_alter_table('idempotency_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idempotency_key_updated_at'))
        batch_op.drop_index(batch_op.f('ix_idempotency_key_expires_at'))

    op.drop_table('idempotency_key')

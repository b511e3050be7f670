"""photos, thank-you notes, recognition wall

Photos of listings and of thank-you notes (files in the media store, named by content), a school's
thank-you note on a received donation (one per donation), and the organizations that chose to appear
on the public recognition wall.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-01 15:20:35.831269
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('recognition_wall_entry',
    sa.Column('organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_recognition_wall_entry_organization_id_organization'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recognition_wall_entry')),
    sa.UniqueConstraint('organization_id', name=op.f('uq_recognition_wall_entry_organization_id'))
    )
    with op.batch_alter_table('recognition_wall_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recognition_wall_entry_updated_at'), ['updated_at'], unique=False)

    op.create_table('thank_you_note',
    sa.Column('donation_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('school_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('donor_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('author_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['author_user_id'], ['user_account.id'], name=op.f('fk_thank_you_note_author_user_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['donation_id'], ['donation.id'], name=op.f('fk_thank_you_note_donation_id_donation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['donor_id'], ['organization.id'], name=op.f('fk_thank_you_note_donor_id_organization'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_id'], ['organization.id'], name=op.f('fk_thank_you_note_school_id_organization'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_thank_you_note')),
    sa.UniqueConstraint('donation_id', name=op.f('uq_thank_you_note_donation_id'))
    )
    with op.batch_alter_table('thank_you_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_thank_you_note_donor_id'), ['donor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_thank_you_note_school_id'), ['school_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_thank_you_note_updated_at'), ['updated_at'], unique=False)

    op.create_table('photo',
    sa.Column('listing_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('thank_you_note_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('uploaded_by_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('thumbnail_key', sa.String(length=80), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('thumbnail_width', sa.Integer(), nullable=False),
    sa.Column('thumbnail_height', sa.Integer(), nullable=False),
    sa.Column('byte_size', sa.Integer(), nullable=False),
    sa.Column('caption', sa.String(length=300), server_default='', nullable=False),
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('(listing_id IS NOT NULL AND thank_you_note_id IS NULL) OR (listing_id IS NULL AND thank_you_note_id IS NOT NULL)', name=op.f('ck_photo_one_owner')),
    sa.CheckConstraint('position >= 0', name=op.f('ck_photo_position_not_negative')),
    sa.CheckConstraint('width > 0 AND height > 0 AND thumbnail_width > 0 AND thumbnail_height > 0', name=op.f('ck_photo_sized')),
    sa.ForeignKeyConstraint(['listing_id'], ['listing.id'], name=op.f('fk_photo_listing_id_listing'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thank_you_note_id'], ['thank_you_note.id'], name=op.f('fk_photo_thank_you_note_id_thank_you_note'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['user_account.id'], name=op.f('fk_photo_uploaded_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_photo'))
    )
    with op.batch_alter_table('photo', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_photo_key'), ['key'], unique=False)
        batch_op.create_index(batch_op.f('ix_photo_listing_id'), ['listing_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_photo_thank_you_note_id'), ['thank_you_note_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_photo_thumbnail_key'), ['thumbnail_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_photo_updated_at'), ['updated_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('photo', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_photo_updated_at'))
        batch_op.drop_index(batch_op.f('ix_photo_thumbnail_key'))
        batch_op.drop_index(batch_op.f('ix_photo_thank_you_note_id'))
        batch_op.drop_index(batch_op.f('ix_photo_listing_id'))
        batch_op.drop_index(batch_op.f('ix_photo_key'))

    op.drop_table('photo')
    with op.batch_alter_table('thank_you_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_thank_you_note_updated_at'))
        batch_op.drop_index(batch_op.f('ix_thank_you_note_school_id'))
        batch_op.drop_index(batch_op.f('ix_thank_you_note_donor_id'))

    op.drop_table('thank_you_note')
    with op.batch_alter_table('recognition_wall_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recognition_wall_entry_updated_at'))

    op.drop_table('recognition_wall_entry')

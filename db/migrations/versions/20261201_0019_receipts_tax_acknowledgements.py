"""receipts: tax acknowledgements

An organization's tax profile (legal name, EIN, tax status, the person who signs its receipts), and the
same elements copied onto each receipt when it is issued. Receipts issued before keep them null.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-01 15:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

_ORGANIZATION = (
    ("legal_name", 200),
    ("tax_id", 10),
    ("tax_status", 20),
    ("signer_name", 200),
    ("signer_title", 200),
)
_RECEIPT = (
    ("school_legal_name", 200),
    ("school_address", 400),
    ("school_tax_id", 10),
    ("school_tax_status", 20),
    ("signer_name", 200),
    ("signer_title", 200),
)


def upgrade() -> None:
    for name, length in _ORGANIZATION:
        op.add_column("organization", sa.Column(name, sa.String(length=length), nullable=True))
    for name, length in _RECEIPT:
        op.add_column("donation_receipt", sa.Column(name, sa.String(length=length), nullable=True))


def downgrade() -> None:
    for name, _ in reversed(_RECEIPT):
        op.drop_column("donation_receipt", name)
    for name, _ in reversed(_ORGANIZATION):
        op.drop_column("organization", name)

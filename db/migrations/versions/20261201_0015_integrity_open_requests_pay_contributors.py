"""integrity: one open request per need and listing; pay report contributors

Pay reports get `contributor_key`, a keyed hash of the reporting account (never its id), so an
estimate counts each person once. Reports stored before have none: each counts on its own.

A partial unique index over donations still under way (REQUESTED, APPROVED, SHIPPED), so two
racing requests for the same need and listing cannot both be opened.

Rows written before the index may already break the rule (the race it closes). Extra REQUESTED
duplicates hold nothing of the listing, so they are cancelled, with an event saying why; the one
kept is the furthest along, then the oldest. Duplicates that hold a reservation (two APPROVED or
SHIPPED) are left to a person: the upgrade stops and names them.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 13:00:00
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

OPEN = sa.text("status IN ('REQUESTED', 'APPROVED', 'SHIPPED')")
DUPLICATE_NOTE = "Closed as a duplicate open request for the same need and listing."
_PROGRESS = {"SHIPPED": 0, "APPROVED": 1, "REQUESTED": 2}


_donation = sa.table(
    "donation",
    sa.column("id", sa.Integer),
    sa.column("need_id", sa.Integer),
    sa.column("listing_id", sa.Integer),
    sa.column("status", sa.String),
    sa.column("cancel_reason", sa.Text),
    sa.column("updated_at", sa.DateTime(timezone=True)),
)
_event = sa.table(
    "donation_event",
    sa.column("donation_id", sa.Integer),
    sa.column("from_status", sa.String),
    sa.column("to_status", sa.String),
    sa.column("note", sa.Text),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("updated_at", sa.DateTime(timezone=True)),
)


def _cancel_duplicate_requests(connection: sa.Connection) -> None:
    rows = connection.execute(
        sa.select(_donation.c.id, _donation.c.need_id, _donation.c.listing_id, _donation.c.status)
        .where(_donation.c.status.in_(list(_PROGRESS)))
        .order_by(_donation.c.id)
    ).all()
    groups: dict[tuple[int, int], list] = {}
    for row in rows:
        groups.setdefault((row.need_id, row.listing_id), []).append(row)
    now = datetime.now(UTC)
    stuck = []
    for group in groups.values():
        kept, *extra = sorted(group, key=lambda r: (_PROGRESS[r.status], r.id))
        for row in extra:
            if row.status != "REQUESTED":
                stuck.append(row.id)
                continue
            connection.execute(
                _donation.update()
                .where(_donation.c.id == row.id)
                .values(status="CANCELLED", cancel_reason=DUPLICATE_NOTE, updated_at=now)
            )
            connection.execute(
                _event.insert().values(
                    donation_id=row.id,
                    from_status="REQUESTED",
                    to_status="CANCELLED",
                    note=DUPLICATE_NOTE,
                    created_at=now,
                    updated_at=now,
                )
            )
    if stuck:
        raise RuntimeError(
            "Donations "
            + ", ".join(map(str, sorted(stuck)))
            + " duplicate another open donation for the same need and listing and hold part of the listing; "
            "cancel or complete them, then migrate again."
        )


def upgrade() -> None:
    with op.batch_alter_table("pay_report", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contributor_key", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_pay_report_contributor_key"), ["contributor_key"], unique=False)

    _cancel_duplicate_requests(op.get_bind())
    with op.batch_alter_table("donation", schema=None) as batch_op:
        batch_op.create_index(
            "uq_donation_open_need_listing",
            ["need_id", "listing_id"],
            unique=True,
            sqlite_where=OPEN,
            postgresql_where=OPEN,
        )


def downgrade() -> None:
    # Requests cancelled as duplicates stay cancelled: reopening them would break the rule again.
    with op.batch_alter_table("donation", schema=None) as batch_op:
        batch_op.drop_index("uq_donation_open_need_listing", sqlite_where=OPEN, postgresql_where=OPEN)

    with op.batch_alter_table("pay_report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pay_report_contributor_key"))
        batch_op.drop_column("contributor_key")

"""`auditEntries`: who (a person or an app) did what to which object, when, for coordinators and admins."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry

from core.errors import DomainError, ErrorCode
from resolvers.partners import audit
from resolvers.partners.audit_sources import AuditCriteria, AuditEntry
from schema.context import Info
from schema.relay import After, Connection, First, decode_any_id, decode_id, encode_id, page_args


@strawberry.type(
    name="AuditEntry",
    description="One change in the audit trail: an event of the platform's event log (the README's catalogue), with "
    "who caused it. Conversations, saved searches and a shop's records of its people are not audited here.",
)
class AuditEntryRecord:
    occurred_at: datetime = strawberry.field(description="When it happened.")
    action: str = strawberry.field(
        description="What happened: the event's type as webhooks name it, e.g. donation.approved, application.moved, "
        "need.created (see `EventType`)."
    )
    object_type: str = strawberry.field(
        description="The GraphQL type of the object changed, e.g. Donation, Application, Need, Listing."
    )
    object_id: strawberry.ID = strawberry.field(description="The object's global ID (use `node(id:)` to read it).")
    organization_ids: list[strawberry.ID] = strawberry.field(
        description="The organizations the event concerns (a donation's donor and school; an application's employer)."
    )
    actor_id: strawberry.ID | None = strawberry.field(
        description="Who did it: a User's or an AppToken's global ID; null for the platform's own jobs (match "
        "events, credential expiry) and for events recorded before actors were."
    )
    actor_name: str | None = strawberry.field(description="The person's name or the app token's name, when known.")
    from_status: str | None = strawberry.field(
        description="The object's status before, for workflow moves; null when it was created or has no status."
    )
    to_status: str | None = strawberry.field(description="The object's status after, when it has one.")
    note: str | None = strawberry.field(description="The reason or note given with the change, if any.")

    @classmethod
    def of(cls, entry: AuditEntry) -> AuditEntryRecord:
        return cls(**record_values(entry))


def record_values(entry: AuditEntry) -> dict[str, Any]:
    """An entry as the API shows it (also the columns of the CSV export)."""
    if entry.actor_user_id is not None:
        actor = encode_id("User", entry.actor_user_id)
    elif entry.actor_app_token_id is not None:
        actor = encode_id("AppToken", entry.actor_app_token_id)
    else:
        actor = None
    return {
        "occurred_at": entry.occurred_at,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": encode_id(entry.object_type, entry.object_id),
        "organization_ids": [encode_id("Organization", pk) for pk in entry.organization_ids],
        "actor_id": actor,
        "actor_name": entry.actor_name,
        "from_status": entry.from_status,
        "to_status": entry.to_status,
        "note": entry.note,
    }


@strawberry.input(description="Which audit entries to list; every filter given must match.")
class AuditEntryFilter:
    organization_id: strawberry.ID | None = strawberry.field(default=None, description="Entries of this organization.")
    object_id: strawberry.ID | None = strawberry.field(
        default=None, description="Entries of this object (any object's global ID, e.g. a Donation's)."
    )
    actor_id: strawberry.ID | None = strawberry.field(
        default=None, description="Entries made by this person (a User's ID) or app (an AppToken's ID)."
    )
    actions: list[str] | None = strawberry.field(
        default=None, description='Entries with one of these actions (event types), e.g. ["donation.approved"].'
    )
    since: datetime | None = strawberry.field(default=None, description="Entries at or after this instant.")
    until: datetime | None = strawberry.field(default=None, description="Entries before this instant.")


def filters_from(
    organization_id: str | None,
    object_id: str | None,
    actor_id: str | None,
    actions: list[str] | None,
    since: datetime | None,
    until: datetime | None,
) -> dict[str, Any]:
    """The resolver's criteria from global IDs; a malformed one is INVALID for its field."""
    values: dict[str, Any] = {"since": since, "until": until}
    if organization_id:
        values["organization_id"] = decode_id(organization_id, "Organization", "organizationId")
    if object_id:
        values["object_type"], values["object_id"] = decode_any_id(object_id, "objectId")
    if actor_id:
        actor_type, pk = decode_any_id(actor_id, "actorId")
        if actor_type not in ("User", "AppToken"):
            raise DomainError(ErrorCode.INVALID, "Expected a User's or an AppToken's ID.", "actorId")
        values["actor_user_id" if actor_type == "User" else "actor_app_token_id"] = pk
    if actions:
        values["actions"] = frozenset(a.strip().lower() for a in actions)
    return values


@strawberry.type
class AuditQueries:
    @strawberry.field(
        description="The audit trail, newest first: staff read every entry, owners and admins their organizations' "
        "entries; anyone else an empty list. Also as CSV: GET /exports/audit.csv with the same filters."
    )
    async def audit_entries(
        self,
        info: Info,
        filter: Annotated[
            AuditEntryFilter | None, strawberry.argument(description="Narrow the entries; all when omitted.")
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[AuditEntryRecord]:
        given = filter or AuditEntryFilter()
        criteria: AuditCriteria = audit.criteria_for(
            info.context.viewer,
            await info.context.roles(),
            **filters_from(
                given.organization_id, given.object_id, given.actor_id, given.actions, given.since, given.until
            ),
        )
        entries = await audit.page(info.context.db, criteria, page_args(first, after))
        return Connection.of(entries, AuditEntryRecord.of)

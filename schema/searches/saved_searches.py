"""Saved searches over needs, listings, job postings and scholarships, with their alert frequency."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from enum import Enum
from typing import Annotated, Any

import strawberry

from core.errors import DomainError, ErrorCode
from db import models
from db.enums import searches as e
from resolvers.searches import policy, saved_searches
from resolvers.searches.saved_searches import SearchFilter
from schema.context import Info
from schema.donations.listing_inputs import ListingFilter
from schema.donations.needs import NeedFilter
from schema.enum_type import enum_type
from schema.errors import INPUT, Caller, Payload, camel_path, returns_payload
from schema.pathways.scholarships import ScholarshipFilter
from schema.relay import After, Connection, First, Node, decode_id, node_type, page_of
from schema.talent.job_inputs import JobPostingFilter

SearchKind = enum_type(
    e.SearchKind,
    description="Which public list a saved search filters.",
    values={
        "NEEDS": "School needs, as `needs(filter:)` lists them.",
        "LISTINGS": "Donors' listings, as `listings(filter:)` lists them.",
        "JOB_POSTINGS": "Open job postings, as `jobPostings(filter:)` lists them.",
        "SCHOLARSHIPS": "Scholarships and tool grants, as `scholarships` lists them.",
    },
)
AlertFrequency = enum_type(
    e.AlertFrequency,
    description="How often a saved search looks for new matching rows and tells its owner (a "
    "`saved_search.matched` event, which becomes a notification).",
    values={
        "IMMEDIATE": "Within about a minute of a new match.",
        "DAILY": "At most once a day, with every new match since the last time.",
        "WEEKLY": "At most once a week, with every new match since the last time.",
        "OFF": "Never; the search stays saved.",
    },
)


@node_type
@strawberry.type(description="A filter you saved over a public list; seen by you alone.")
class SavedSearch(Node):
    name: str = strawberry.field(description="Your name for it.")
    kind: SearchKind = strawberry.field(description="The list it filters.")
    frequency: AlertFrequency = strawberry.field(description="How often you are told of new matches.")
    filter: str = strawberry.field(
        description="The filter as you gave it: a JSON object in the list's filter input's own field names."
    )
    created_at: datetime = strawberry.field(description="When it was saved.")
    last_alerted_at: datetime | None = strawberry.field(
        description="When you were last told of new matches; null if never."
    )
    next_alert_at: datetime | None = strawberry.field(
        description="When it next looks for new matches; null when alerts are OFF."
    )

    @classmethod
    def from_model(cls, row: models.SavedSearch) -> SavedSearch:
        return cls(
            pk=row.id,
            name=row.name,
            kind=e.SearchKind(row.kind),
            frequency=e.AlertFrequency(row.frequency),
            filter=json.dumps(row.given, sort_keys=True),
            created_at=row.created_at,
            last_alerted_at=row.last_alerted_at,
            next_alert_at=row.next_alert_at,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> SavedSearch | None:
        row = await info.context.loaders.by_id(models.SavedSearch).load(pk)
        return cls.from_model(row) if row is not None and policy.owns(info.context.viewer, row) else None


FILTERS = "Give exactly one of `needs`, `listings`, `jobPostings` and `scholarships`"


@strawberry.input(description=f"A search to save. {FILTERS}.")
class SavedSearchCreateInput:
    name: str = strawberry.field(description="Your name for it, at most 200 characters.")
    frequency: AlertFrequency = strawberry.field(
        default=e.AlertFrequency.DAILY, description="How often to be told of new matches; DAILY when omitted."
    )
    needs: NeedFilter | None = strawberry.field(default=None, description="A filter over `needs`.")
    listings: ListingFilter | None = strawberry.field(default=None, description="A filter over `listings`.")
    job_postings: JobPostingFilter | None = strawberry.field(default=None, description="A filter over `jobPostings`.")
    scholarships: ScholarshipFilter | None = strawberry.field(default=None, description="A filter over `scholarships`.")


@strawberry.input(description=f"Changes to a saved search; fields left out stay. {FILTERS} to replace the filter.")
class SavedSearchUpdateInput:
    id: strawberry.ID = strawberry.field(description="Your SavedSearch; anyone else's is NOT_FOUND.")
    name: str | None = strawberry.field(default=None, description="A new name, at most 200 characters.")
    frequency: AlertFrequency | None = strawberry.field(default=None, description="A new alert frequency.")
    needs: NeedFilter | None = strawberry.field(default=None, description="A new filter over `needs`.")
    listings: ListingFilter | None = strawberry.field(default=None, description="A new filter over `listings`.")
    job_postings: JobPostingFilter | None = strawberry.field(
        default=None, description="A new filter over `jobPostings`."
    )
    scholarships: ScholarshipFilter | None = strawberry.field(
        default=None, description="A new filter over `scholarships`."
    )


@strawberry.input(description="The saved search to delete.")
class SavedSearchDeleteInput:
    id: strawberry.ID = strawberry.field(description="Your SavedSearch; anyone else's is NOT_FOUND.")


@strawberry.type(description="The saved search a mutation changed.")
class SavedSearchResult(Payload):
    saved_search: SavedSearch | None = strawberry.field(
        default=None, description="The search as saved; null when nothing changed."
    )


@strawberry.type(description="The result of `savedSearchCreate`.")
class SavedSearchCreatePayload(SavedSearchResult):
    pass


@strawberry.type(description="The result of `savedSearchUpdate`.")
class SavedSearchUpdatePayload(SavedSearchResult):
    pass


@strawberry.type(description="The result of `savedSearchDelete`.")
class SavedSearchDeletePayload(Payload):
    deleted_saved_search_id: strawberry.ID | None = strawberry.field(
        default=None, description="The ID of the deleted search; null when nothing was deleted."
    )


_FILTER_FIELDS = ("needs", "listings", "job_postings", "scholarships")


def _as_given(value: Any) -> Any:
    """An input as the person wrote it, in the API's field names, without the fields left out."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = ((f.name, getattr(value, f.name)) for f in dataclasses.fields(value))
        return {(camel_path([name]) or [name])[0]: _as_given(v) for name, v in fields if v not in (None, [])}
    if isinstance(value, Enum):
        return value.name
    if isinstance(value, list | tuple):
        return [_as_given(item) for item in value]
    return value


def _search_filter(input: SavedSearchCreateInput | SavedSearchUpdateInput, *, required: bool) -> SearchFilter | None:
    given = [(name, getattr(input, name)) for name in _FILTER_FIELDS if getattr(input, name) is not None]
    if len(given) > 1 or (required and not given):
        raise DomainError(ErrorCode.INVALID, f"{FILTERS}.", camel_path([given[-1][0]]) if given else None)
    if not given:
        return None
    value = given[0][1]
    return SearchFilter(criteria=value.criteria(), given=_as_given(value))


def _id(value: strawberry.ID) -> int:
    return decode_id(value, "SavedSearch")


@strawberry.type
class SavedSearchQueries:
    @strawberry.field(description="Your saved searches, oldest first; empty unless signed in as a person.")
    async def saved_searches(self, info: Info, first: First = 20, after: After = None) -> Connection[SavedSearch]:
        user_id = info.context.viewer.user_id
        loader = info.context.loaders.by_column(models.SavedSearch, "owner_id", order_by=("created_at", "id"))
        rows = await loader.load(user_id) if user_id is not None and not info.context.viewer.is_app else []
        return Connection.of(page_of(rows, first, after), SavedSearch.from_model)


@strawberry.type
class SavedSearchMutations:
    @strawberry.mutation(
        description="Save a search; you are told only of rows added after this moment. At most 50 per person."
    )
    @returns_payload(caller=Caller.PERSON)
    async def saved_search_create(
        self, info: Info, input: Annotated[SavedSearchCreateInput, strawberry.argument(description=INPUT)]
    ) -> SavedSearchCreatePayload:
        search = _search_filter(input, required=True)
        assert search is not None  # noqa: S101 - required=True raises instead
        row = await saved_searches.create(
            info.context.db, info.context.viewer, input.name, e.AlertFrequency(input.frequency), search
        )
        return SavedSearchCreatePayload(saved_search=SavedSearch.from_model(row))

    @strawberry.mutation(
        description="Change your saved search; a new filter is told only of rows added after this moment."
    )
    @returns_payload(caller=Caller.PERSON)
    async def saved_search_update(
        self, info: Info, input: Annotated[SavedSearchUpdateInput, strawberry.argument(description=INPUT)]
    ) -> SavedSearchUpdatePayload:
        search = _search_filter(input, required=False)
        frequency = e.AlertFrequency(input.frequency) if input.frequency is not None else None
        row = await saved_searches.update(
            info.context.db, info.context.viewer, _id(input.id), input.name, frequency, search
        )
        return SavedSearchUpdatePayload(saved_search=SavedSearch.from_model(row))

    @strawberry.mutation(description="Delete your saved search; no more alerts come from it.")
    @returns_payload(caller=Caller.PERSON)
    async def saved_search_delete(
        self, info: Info, input: Annotated[SavedSearchDeleteInput, strawberry.argument(description=INPUT)]
    ) -> SavedSearchDeletePayload:
        deleted = await saved_searches.delete(info.context.db, info.context.viewer, _id(input.id))
        return SavedSearchDeletePayload(deleted_saved_search_id=input.id if deleted else None)

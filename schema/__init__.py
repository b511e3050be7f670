"""The GraphQL schema: every domain's queries and mutations merged into one graph."""

from __future__ import annotations

from typing import Annotated

import strawberry
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)
from strawberry.extensions.query_depth_limiter import IgnoreContext
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types.base import get_object_definition

from core.rate_limits import Bucket
from core.settings import Settings
from schema import partners
from schema.accounts.account_security import AccountSecurityMutations
from schema.accounts.app_tokens import AppTokenMutations
from schema.accounts.organizations import OrganizationMutations, OrganizationQueries
from schema.accounts.sign_in import SignInMutations
from schema.accounts.users import AccountQueries
from schema.context import Info, RolesOfQueries
from schema.cost import QueryCost
from schema.donations.categories import CatalogQueries
from schema.donations.donations import DonationMutations, DonationQueries
from schema.donations.listings import ListingMutations, ListingQueries
from schema.donations.needs import NeedMutations, NeedQueries
from schema.donations.needs_summary import NeedsSummaryQueries
from schema.donations.receipts import ReceiptQueries
from schema.donations.services import ServiceMutations, ServiceQueries
from schema.error_policy import LoggedSchema
from schema.event_actor import EventActor
from schema.events.subscriptions import Subscription as EventSubscriptions
from schema.events.webhooks import WebhookMutations, WebhookQueries
from schema.execution import CompiledExecutor
from schema.http.document_cache import DocumentCache, PinnedDocuments
from schema.input_guard import InputGuard
from schema.matches.allocation import AllocationQueries
from schema.matches.fields import MatchQueries
from schema.matches.plans import AllocationMutations, AllocationPlanQueries
from schema.media.photos import PhotoMutations
from schema.messages.conversations import ConversationQueries, MessageMutations
from schema.messages.safety import MessageSafetyMutations, MessageSafetyQueries
from schema.money import SCALARS
from schema.notifications.notifications import NotificationMutations, NotificationQueries
from schema.notifications.subscriptions import NotificationSubscription
from schema.pathways.scholarships import ScholarshipMutations, ScholarshipQueries
from schema.pathways.stories import StoryMutations, StoryQueries
from schema.pathways.training import TrainingMutations, TrainingQueries
from schema.recognition.levels import RecognitionMutations, RecognitionQueries
from schema.recognition.thanks import ThankYouMutations
from schema.relay import Node, resolve_node
from schema.searches.saved_searches import SavedSearchMutations, SavedSearchQueries
from schema.talent.applications import ApplicationMutations, ApplicationQueries
from schema.talent.credentials import CredentialMutations, CredentialQueries
from schema.talent.invitations import InvitationMutations
from schema.talent.jobs import JobMutations, JobQueries
from schema.talent.mentorship import MentorshipMutations, MentorshipQueries
from schema.talent.pay import PayMutations, PayQueries
from schema.talent.skills import SkillQueries
from schema.talent.students import StudentMutations, StudentQueries
from schema.workforce.hiring import HiringMutations
from schema.workforce.plan_mutations import PlanMutations
from schema.workforce.reference import WorkforceReferenceQueries
from schema.workforce.safety import SafetyMutations
from schema.workforce.tasks import TaskMutations
from schema.workforce.team import WorkforceQueries
from schema.workforce.team_changes import TeamChangeMutations


@strawberry.type(description="Fetching any object by its global ID.")
class NodeQueries:
    @strawberry.field(description="Any object by its global ID, with the same access rules as its own field.")
    async def node(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="A global ID from any `id` field.")],
    ) -> Node | None:
        return await resolve_node(info, id)


QUERIES = (
    NodeQueries,
    AccountQueries,
    OrganizationQueries,
    CatalogQueries,
    NeedQueries,
    NeedsSummaryQueries,
    ListingQueries,
    DonationQueries,
    ReceiptQueries,
    ServiceQueries,
    StudentQueries,
    CredentialQueries,
    SkillQueries,
    JobQueries,
    ApplicationQueries,
    MentorshipQueries,
    PayQueries,
    TrainingQueries,
    ScholarshipQueries,
    StoryQueries,
    MatchQueries,
    AllocationQueries,
    WebhookQueries,
    AllocationPlanQueries,
    WorkforceQueries,
    WorkforceReferenceQueries,
    SavedSearchQueries,
    ConversationQueries,
    MessageSafetyQueries,
    RecognitionQueries,
    NotificationQueries,
    *partners.QUERIES,
)
MUTATIONS = (
    SignInMutations,
    AccountSecurityMutations,
    OrganizationMutations,
    AppTokenMutations,
    NeedMutations,
    ListingMutations,
    DonationMutations,
    ServiceMutations,
    StudentMutations,
    CredentialMutations,
    JobMutations,
    ApplicationMutations,
    InvitationMutations,
    MentorshipMutations,
    PayMutations,
    TrainingMutations,
    ScholarshipMutations,
    StoryMutations,
    WebhookMutations,
    AllocationMutations,
    HiringMutations,
    TeamChangeMutations,
    PlanMutations,
    SafetyMutations,
    TaskMutations,
    SavedSearchMutations,
    MessageMutations,
    MessageSafetyMutations,
    PhotoMutations,
    RecognitionMutations,
    ThankYouMutations,
    NotificationMutations,
    *partners.MUTATIONS,
)


def _described(cls: type, description: str) -> type:
    """merge_types takes no description; the merged type's definition gets it afterwards."""
    get_object_definition(cls, strict=True).description = description
    return cls


Query = _described(
    merge_types("Query", QUERIES), "Everything a client can read: start from `me`, a list, or `node(id:)`."
)
Subscription = _described(
    merge_types("Subscription", (EventSubscriptions, NotificationSubscription)),
    "Live updates over graphql-transport-ws on /graphql.",
)
Mutation = _described(
    merge_types("Mutation", MUTATIONS),
    "Every change: each takes one `input` and answers with a payload whose `userErrors` say why nothing changed.",
)


def _is_introspection(context: IgnoreContext) -> bool:
    return context.field_name.startswith("__")


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    settings = settings or Settings()
    # The limit rules are built once: fresh rule classes per request would never hit the validation cache.
    limit_rules = [
        *QueryDepthLimiter(max_depth=settings.max_query_depth, should_ignore=_is_introspection).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.max_aliases).validation_rules,
    ]
    if settings.is_production:
        limit_rules.append(NoSchemaIntrospectionCustomRule)
    pinned = PinnedDocuments()
    extensions = [
        lambda: AddValidationRules(limit_rules),
        lambda: MaxTokensLimiter(max_token_count=settings.max_query_tokens),
        InputGuard,  # before the cost: a refused argument is not charged
        lambda: QueryCost(
            limiter_of=lambda context: context.limits,
            max_cost=settings.max_query_cost,
            bucket=Bucket(settings.query_budget, settings.query_budget_restore_rate),
        ),
        # partner apps send the same few documents over and over: parse and validate each once
        lambda: DocumentCache(pinned),
        EventActor,
        RolesOfQueries,
    ]
    schema = LoggedSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        execution_context_class=CompiledExecutor if settings.compiled_execution else None,
        config=StrawberryConfig(scalar_map=SCALARS, disable_field_suggestions=settings.is_production),
    )
    schema.pinned_documents = pinned  # type: ignore[attr-defined]  # read by tests and operators
    return schema

"""The API contract partners rely on, checked by walking the schema rather than by a hand-kept list.

Every mutation takes one `input: <Mutation>Input!` and returns `<Mutation>Payload!` with `userErrors`;
money is `Money`; growing lists are connections; everything is described; every refusal of a caller
is a `userErrors` answer of the same shape.
"""

from __future__ import annotations

import re

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
    get_named_type,
)

from schema import build_schema
from tests.support import sign_in_as

SCHEMA = build_schema()._schema
assert SCHEMA.mutation_type is not None
MUTATIONS = SCHEMA.mutation_type.fields
# Mutations that serve callers who are not signed in: signing up, confirming an email, signing in, refreshing a
# session, and recovering a forgotten password (the token or the mailbox proves who is asking).
OPEN_MUTATIONS = {
    "userRegister",
    "emailVerify",
    "emailVerificationResend",
    "tokenCreate",
    "tokenRefresh",
    "passwordResetRequest",
    "passwordReset",
}
# Lists that may stay plain: reference catalogues and value objects (by item type), and lists bounded by a
# state machine or by the request itself (by field). Everything else that can grow is a connection.
BOUNDED_ITEM_TYPES = {
    "AcademyArea",
    "AcademyModule",
    "AreaProgress",
    "Category",
    "CategorySuggestion",
    "Credential",
    "MatchComponent",
    "MatchReason",
    "Money",
    "Skill",
    "SkillMatch",
    "SkillSuggestion",
    "UserError",
    # workforce: reference data, and value objects bounded by it (one per role, safety training, requirement,
    # Gold Class role, quarter of the last four, pay role type)
    "WorkforceRole",
    "RoleLevel",
    "RoleRequirement",
    "SafetyTrainingInfo",
    "TaskKindInfo",
    "RoleStanding",
    "RequirementGap",
    "ExpiringRequirement",
    "SafetyStatus",
    "GoldClassRole",
    "QuarterSignals",
    "ShopPayComparison",
    # notifications: one preference per notification kind
    "NotificationPreference",
}
PLAIN_LISTS = {
    ("Donation", "events"),  # one per workflow step: at most the donation state machine's length
    ("Application", "events"),  # one per workflow step of an application
    ("Enrollment", "completions"),  # at most one per module of the program's curriculum
    ("AllocationPlan", "assignments"),  # bounded by the plan the caller asked for
    ("WebhookDelivery", "attempts"),  # bounded by the retry schedule: about a dozen over three days
    ("AllocationApplyPayload", "outcomes"),  # one per pair given (at most 500) or per assignment of the plan
    ("GoldClassRole", "candidates"),  # at most three per role
    ("NeedsSummary", "byCategory"),  # one per category of the reference taxonomy
    ("NeedsSummary", "byRegion"),  # one per 3-digit ZIP prefix of the bundled ZIP data (under a thousand)
    ("NeedsSummary", "trend"),  # one per month, at most 60
    ("NeedsSummary", "underserved"),  # at most 50
    ("Listing", "photos"),  # at most 8 (resolvers/media/photos.py MAX_PHOTOS)
    ("ThankYouNote", "photos"),  # at most 8, like a listing's
    ("ListingPhotosReorderPayload", "photos"),  # the listing's photos: at most 8
}
BUILT_IN_SCALARS = {"String", "Int", "Float", "Boolean", "ID"}


def _user_types():
    for name, named in SCHEMA.type_map.items():
        if not name.startswith("__") and name not in BUILT_IN_SCALARS:
            yield name, named


def _upper_first(name: str) -> str:
    return name[0].upper() + name[1:]


def _unwrap_list(type_) -> GraphQLList | None:
    type_ = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    return type_ if isinstance(type_, GraphQLList) else None


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_every_mutation_takes_one_input_and_returns_its_own_payload(name):
    field = MUTATIONS[name]
    assert list(field.args) == ["input"], f"{name} takes {list(field.args)}"
    assert str(field.args["input"].type) == f"{_upper_first(name)}Input!"
    assert str(field.type) == f"{_upper_first(name)}Payload!"
    payload = get_named_type(field.type)
    assert str(payload.fields["userErrors"].type) == "[UserError!]!"


MONEY_NAMES = re.compile(
    r"^(amount|min|max|p\d\d|median|mean|hourly\w*|annual\w*|price|salary|wage|\w*(Cents|Amount|Value))$"
)


def test_money_is_money_everywhere():
    cents, number = SCHEMA.type_map["Cents"], SCHEMA.type_map["Int"]
    offenders = []
    for name, named in _user_types():
        if not isinstance(named, GraphQLObjectType | GraphQLInputObjectType | GraphQLInterfaceType):
            continue
        for field_name, field in named.fields.items():
            target = get_named_type(field.type)
            bare_cents = target is cents and name not in {"Money", "MoneyInput"}
            if bare_cents or (target is number and MONEY_NAMES.match(field_name)):
                offenders.append(f"{name}.{field_name}")
    assert not offenders, f"bare amounts, use Money/MoneyInput: {offenders}"


def test_growing_lists_are_connections():
    offenders = []
    for name, named in _user_types():
        if not isinstance(named, GraphQLObjectType | GraphQLInterfaceType) or name.endswith("Connection"):
            continue
        for field_name, field in named.fields.items():
            listed = _unwrap_list(field.type)
            if listed is None:
                continue
            item = get_named_type(listed)
            if (
                isinstance(item, GraphQLObjectType | GraphQLInterfaceType)
                and item.name not in BOUNDED_ITEM_TYPES
                and (name, field_name) not in PLAIN_LISTS
            ):
                offenders.append(f"{name}.{field_name}")
    assert not offenders, f"lists that can grow must be connections: {offenders}"


def test_connections_page_with_first_and_after():
    for name, named in _user_types():
        if not isinstance(named, GraphQLObjectType):
            continue
        for field_name, field in named.fields.items():
            target = get_named_type(field.type)
            if target.name.endswith("Connection"):
                assert {"first", "after"} <= set(field.args), f"{name}.{field_name} lacks first/after"


def _undescribed():
    for name, named in _user_types():
        if not named.description:
            yield name
        if isinstance(named, GraphQLEnumType):
            yield from (f"{name}.{value}" for value, v in named.values.items() if not v.description)
        if isinstance(named, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            for field_name, field in named.fields.items():
                if not field.description:
                    yield f"{name}.{field_name}"
                for arg_name, arg in getattr(field, "args", {}).items():
                    if not arg.description:
                        yield f"{name}.{field_name}({arg_name})"


def test_every_type_field_argument_and_enum_value_is_described():
    missing = list(_undescribed())
    assert not missing, f"{len(missing)} without a description, e.g. {missing[:20]}"


# -- refusals: one shape for every mutation --------------------------------------------------------------------


def _sample(type_, depth: int = 0):
    """A value of the right shape for any input type, for calls that must be refused before it matters."""
    if isinstance(type_, GraphQLNonNull):
        return _sample(type_.of_type, depth)
    if isinstance(type_, GraphQLList):
        return [_sample(type_.of_type, depth + 1)]
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return {
            name: _sample(field.type, depth + 1)
            for name, field in type_.fields.items()
            if (isinstance(field.type, GraphQLNonNull) and field.default_value is not None) or depth < 3
        }
    assert isinstance(type_, GraphQLScalarType)
    return {
        "ID": "Tm9uZTox",
        "Int": 1,
        "Float": 1.0,
        "Boolean": False,
        "Cents": 100,
        "Date": "2026-01-01",
        "DateTime": "2026-01-01T00:00:00+00:00",
    }.get(type_.name, "x")


def _document(name: str, field: GraphQLField) -> str:
    input_type = field.args["input"].type
    return f"mutation ($input: {input_type}) {{ {name}(input: $input) {{ userErrors {{ field code message }} }} }}"


@pytest.mark.parametrize("name", sorted(set(MUTATIONS) - OPEN_MUTATIONS))
async def test_an_anonymous_caller_gets_userErrors_UNAUTHENTICATED_from_every_mutation(api, name):
    field = MUTATIONS[name]
    variables = {"input": _sample(field.args["input"].type)}
    data = await api.gql(_document(name, field), variables)
    assert [e["code"] for e in data[name]["userErrors"]] == ["UNAUTHENTICATED"]


@pytest.mark.parametrize("name", sorted(OPEN_MUTATIONS))
async def test_open_mutations_serve_anonymous_callers(api, name):
    field = MUTATIONS[name]
    data = await api.gql(_document(name, field), {"input": _sample(field.args["input"].type)})
    assert "UNAUTHENTICATED" not in [e["code"] for e in data[name]["userErrors"]]


async def test_a_stranger_is_refused_in_userErrors_never_with_top_level_errors(api):
    stranger = await api.person("Stranger")
    for name, field in sorted(MUTATIONS.items()):
        if name in OPEN_MUTATIONS:
            continue
        token = await sign_in_as(api.db, api.settings, stranger.id)  # a fresh session: tokenRevoke ends one
        response = await api.post(_document(name, field), {"input": _sample(field.args["input"].type)}, token=token)
        body = response.json()
        assert response.status_code == 200 and not body.get("errors"), (name, body)
        assert isinstance(body["data"][name]["userErrors"], list)


def test_result_types_are_not_unions_of_errors():
    # Refusals travel in userErrors; no payload smuggles errors through a union instead.
    for name, field in MUTATIONS.items():
        assert not isinstance(get_named_type(field.type), GraphQLUnionType), name

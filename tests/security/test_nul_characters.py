"""NUL characters (U+0000) are refused in every text input, by one check where inputs enter.

They used to be stored on SQLite (and to end as "Unexpected error." on PostgreSQL, which cannot
store them). A mutation answers INVALID_CHARACTERS in `userErrors`, naming the field; a query
argument is refused before the query runs.
"""

from __future__ import annotations

import json

import pytest
from graphql import GraphQLInputObjectType, GraphQLNonNull, get_named_type
from sqlalchemy import func, select

from db.models import Base, Listing
from tests.donations.support import LISTING_CREATE, category, parties
from tests.security.schema_walk import object_type, required_arguments
from tests.talent.flows import UPSERT_PROFILE

NUL_TEXT = "a\x00b"
_TABLES = [t for t in Base.metadata.sorted_tables if not t.info.get("reference") and t.name != "rate_bucket"]


def _takes_text(type_, seen=frozenset()) -> bool:
    """Whether a required part of the input is text (so a NUL can reach it without optional fields)."""
    named = get_named_type(type_)
    if named.name in ("String", "ID"):
        return True
    if isinstance(named, GraphQLInputObjectType) and named.name not in seen:
        return any(
            _takes_text(f.type, seen | {named.name})
            for f in named.fields.values()
            if isinstance(f.type, GraphQLNonNull)
        )
    return False


MUTATIONS = sorted(
    name for name, field in object_type("Mutation").fields.items() if _takes_text(field.args["input"].type)
)


async def _rows(db) -> dict[str, int]:
    async with db.read() as session:
        return {t.name: await session.scalar(select(func.count()).select_from(t)) for t in _TABLES}


@pytest.mark.parametrize("mutation", MUTATIONS)
async def test_every_mutation_refuses_a_nul_in_its_text_and_changes_nothing(api, mutation):
    person = await api.person(staff=True)
    field = object_type("Mutation").fields[mutation]
    before = await _rows(api.db)

    arguments = required_arguments(field, NUL_TEXT)
    if "$file" in arguments:  # an Upload: the GraphQL multipart request spec, the file being a valid CSV
        document = f"mutation ($file: Upload!) {{ {mutation}{arguments} {{ userErrors {{ field code message }} }} }}"
        files = {
            "operations": (None, json.dumps({"query": document, "variables": {"file": None}})),
            "map": (None, json.dumps({"0": ["variables.file"]})),
            "0": ("rows.csv", b"title,category,quantity\nSpot welder,welding-strsw,1\n", "text/csv"),
        }
        headers = {"Authorization": f"Bearer {person.token}"}
        response = await api.client.post("/graphql", files=files, headers=headers)
    else:
        document = f"mutation {{ {mutation}{arguments} {{ userErrors {{ field code message }} }} }}"
        response = await api.post(document, token=person.token)

    body = response.json()
    assert response.status_code == 200 and "errors" not in body, body
    (error,) = body["data"][mutation]["userErrors"]
    assert (
        error["code"] == "INVALID_CHARACTERS"
        and error["message"] == "Text must not contain the NUL character (U+0000)."
    )
    assert error["field"] and all(part for part in error["field"])
    assert await _rows(api.db) == before


def test_the_walk_covers_the_mutations_that_take_text():
    assert len(MUTATIONS) >= 40 and {"listingCreate", "userRegister", "storyCreate"} <= set(MUTATIONS)


async def test_the_field_named_is_the_one_holding_the_nul_even_in_a_list(api):
    p = await parties(api)
    listing = {
        "donorId": p.donor,
        "categoryId": category("welding-strsw"),
        "title": "Spot welder",
        "description": "Works well.\x00",
        "condition": "GOOD",
        "quantity": 1,
        "unitValue": {"amount": 100},
        "fulfillment": ["SHIP"],
    }
    refused = (await api.gql(LISTING_CREATE, {"input": listing}, token=p.donor_member.token))["listingCreate"]
    assert [(e["code"], e["field"]) for e in refused["userErrors"]] == [("INVALID_CHARACTERS", ["description"])]
    async with api.db.read() as session:
        assert await session.scalar(select(func.count()).select_from(Listing)) == 0

    student = await api.person()
    profile = {"headline": "Painter", "skills": ["MIG welding", "Color\x00matching"]}
    refused = (await api.gql(UPSERT_PROFILE, {"input": profile}, token=student.token))["studentProfileUpsert"]
    assert [(e["code"], e["field"]) for e in refused["userErrors"]] == [("INVALID_CHARACTERS", ["skills", "1"])]


@pytest.mark.parametrize(
    ("document", "variables"),
    [
        ("query ($s: String) { needs(filter: {search: $s}) { edges { cursor } } }", {"s": NUL_TEXT}),
        ('{ listings(filter: {search: "a\\u0000b"}) { edges { cursor } } }', {}),
        ("query ($t: String!) { categorySuggest(text: $t) { score } }", {"t": NUL_TEXT}),
        ("query ($i: ID!) { node(id: $i) { id } }", {"i": NUL_TEXT}),
    ],
)
async def test_a_query_argument_with_a_nul_is_refused_before_the_query_runs(api, document, variables):
    response = await api.post(document, variables)
    body = response.json()
    assert response.status_code == 200 and body["data"] is None
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "INVALID_CHARACTERS"
    assert error["extensions"]["field"][-1] in ("search", "text", "id")

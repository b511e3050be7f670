"""`first` outside 1..100 is a clear OUT_OF_RANGE on every list field, before anything runs.

`skills(first: 0)` used to return the whole vocabulary, and `first: 0` gave an empty page elsewhere.
The check reads the document once, so it holds however deep the field and whatever its parent.
"""

from __future__ import annotations

import pytest
from graphql import get_named_type

from core.errors import DomainError
from core.paging import Page
from tests.security.schema_walk import object_type, object_types, reach, required_arguments, schema

LIST_FIELDS = sorted(
    (type_.name, name)
    for type_ in object_types(schema())
    if type_.name != "Mutation"
    for name, field in type_.fields.items()
    if "first" in field.args
)
REFUSED = {"message": "first must be between 1 and 100.", "extensions": {"code": "OUT_OF_RANGE", "field": ["first"]}}


def _document(type_name: str, field_name: str, first: str) -> str:
    field = object_type(type_name).fields[field_name]
    selection = "{ __typename }" if not get_named_type(field.type).name.startswith("__") else ""
    return reach(type_name, f"{field_name}{required_arguments(field, first=first)} {selection}")


def test_the_walk_finds_every_list_field_and_reaches_each():
    assert len(LIST_FIELDS) >= 35
    for type_name, field_name in LIST_FIELDS:  # each is reached: at the root, by node(id:), or along a path
        assert field_name in reach(type_name, field_name)
    assert ("Workforce", "technicians") in LIST_FIELDS and ("GoldClassRole", "coveredBy") in LIST_FIELDS
    assert ("Query", "skills") in LIST_FIELDS and ("StudentProfile", "pathway") in LIST_FIELDS


@pytest.mark.parametrize(("type_name", "field_name"), LIST_FIELDS)
async def test_first_outside_1_to_100_is_refused_on(api, type_name, field_name):
    person = await api.person(staff=True)
    for first in ("0", "101", "-1"):
        response = await api.post(_document(type_name, field_name, first), token=person.token)
        body = response.json()
        assert response.status_code == 200 and body.get("data") is None, (first, body)
        assert [{k: e[k] for k in ("message", "extensions")} for e in body["errors"]] == [REFUSED], (first, body)


async def test_first_given_through_a_variable_is_refused_too(api):
    response = await api.post("query ($n: Int!) { skills(first: $n) { name } }", {"n": 0})
    assert response.json()["errors"][0]["extensions"] == REFUSED["extensions"]
    assert response.json()["data"] is None


async def test_a_valid_first_still_pages(api):
    data = await api.gql("{ skills(first: 3) { name } }")
    assert len(data["skills"]) == 3


@pytest.mark.parametrize("first", [0, -5, 101])
def test_the_paging_rule_itself_refuses_pages_outside_1_to_100(first):
    with pytest.raises(DomainError) as refused:
        Page.of(first, None)
    assert (refused.value.code.value, refused.value.field) == ("OUT_OF_RANGE", ["first"])

"""Who sees a student's records: the student's circle (the student, their school, staff) sees all; an
employer sees a visible profile without name or private records until the student applies to it."""

from __future__ import annotations

import pytest

from tests.talent import flows

FIELDS = "name eligibleScholarships(first: 5) { edges { cursor } } pathway(first: 5) { edges { cursor } }"
PROFILE_PATHS = {
    "studentProfile": f"query ($id: ID!) {{ studentProfile(id: $id) {{ {FIELDS} }} }}",
    "node": f"query ($id: ID!) {{ node(id: $id) {{ ... on StudentProfile {{ {FIELDS} }} }} }}",
}
APPLICANT_NAME = """query ($posting: ID!) { jobPosting(id: $posting) {
  applications(first: 5) { edges { node { student { name } } } } } }"""


def _view(path: str, data: dict) -> dict | None:
    profile = data[path]
    if not profile:
        return None
    return {
        "name": profile["name"],
        "private": profile["eligibleScholarships"] is not None,
    }


@pytest.mark.parametrize("path", sorted(PROFILE_PATHS))
async def test_the_students_circle_sees_everything_employers_only_what_was_released(api, path):
    teacher = await api.person("Teacher")
    school_id = await api.organization(owner=teacher, kinds=("SCHOOL",), name="Lansing Tech")
    student = await flows.student(api, name="Sam Student", school_id=school_id, visible=True)
    shop, other_shop = await flows.employer(api), await flows.employer(api, name="Other Shop")
    stranger, staff = await api.person("Stranger"), await api.person("Staff", staff=True)

    async def view(token: str | None) -> dict | None:
        data = await api.gql(PROFILE_PATHS[path], {"id": student.profile_gid}, token=token)
        return _view(path, data)

    everything = {"name": "Sam Student", "private": True}
    assert await view(student.person.token) == everything
    assert await view(teacher.token) == everything
    assert await view(staff.token) == everything
    # A visible profile shows employers the profile, but not the name or the private records.
    assert await view(shop.owner.token) == {"name": None, "private": False}
    assert await view(stranger.token) is None
    assert await view(None) is None

    # Applying releases the name to that employer only, through every path that shows it.
    posting = await flows.posting(api, shop)
    assert (await flows.apply(api, student, posting))["userErrors"] == []
    assert await view(shop.owner.token) == {"name": "Sam Student", "private": False}
    assert await view(other_shop.owner.token) == {"name": None, "private": False}
    applicants = await api.gql(APPLICANT_NAME, {"posting": posting}, token=shop.owner.token)
    assert [e["node"]["student"]["name"] for e in applicants["jobPosting"]["applications"]["edges"]] == ["Sam Student"]


async def test_a_hidden_profile_is_the_circles_alone(api):
    teacher = await api.person("Teacher")
    school_id = await api.organization(owner=teacher, kinds=("SCHOOL",))
    student = await flows.student(api, name="Hidden Student", school_id=school_id, visible=False)
    shop = await flows.employer(api)
    for path, document in PROFILE_PATHS.items():
        assert _view(path, await api.gql(document, {"id": student.profile_gid}, token=shop.owner.token)) is None
        seen = _view(path, await api.gql(document, {"id": student.profile_gid}, token=teacher.token))
        assert seen == {"name": "Hidden Student", "private": True}

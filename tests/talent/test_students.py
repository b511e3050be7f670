"""Student profiles: skills normalized on save, and privacy by default."""

from __future__ import annotations

from sqlalchemy import select

from db.models import StudentProfile
from tests.talent import flows
from tests.talent.flows import UPSERT_PROFILE, codes

PROFILE = """
query ($id: ID!) { studentProfile(id: $id) { id headline name email skills { name } school { name } } }"""
MY_PROFILE = "{ myStudentProfile { id name email } }"


async def test_skills_are_normalized_and_unknown_ones_kept_with_suggestions(api):
    person = await api.person()
    data = await api.gql(
        UPSERT_PROFILE,
        {
            "input": {
                "skills": ["mig", "Colour matching", "ADAS calibrations", "TIG welding", "MIG welding", "  "],
                "availability": ["INTERNSHIP", "PART_TIME"],
                "headline": "Second-year collision student",
            }
        },
        token=person.token,
    )
    payload = data["studentProfileUpsert"]
    assert payload["userErrors"] == []
    profile = payload["studentProfile"]
    assert [s["name"] for s in profile["skills"]] == ["MIG welding", "Color matching", "ADAS calibration"]
    assert profile["otherSkills"] == ["TIG welding"]
    assert profile["visibleToEmployers"] is False  # private by default
    [suggestion] = payload["skillSuggestions"]
    assert suggestion["given"] == "TIG welding"
    assert suggestion["suggestions"][0]["name"] == "MIG welding"
    async with api.db.read() as session:
        stored = await session.scalar(select(StudentProfile))
    assert stored.skill_ids == [1, 25, 19] and stored.other_skills == ["TIG welding"]


async def test_upsert_changes_only_the_fields_given(api):
    person = await api.person()
    await api.gql(UPSERT_PROFILE, {"input": {"headline": "First", "skills": ["pdr"]}}, token=person.token)
    data = await api.gql(UPSERT_PROFILE, {"input": {"programs": ["REFINISH"]}}, token=person.token)
    profile = data["studentProfileUpsert"]["studentProfile"]
    assert profile["headline"] == "First" and profile["programs"] == ["REFINISH"]
    assert [s["name"] for s in profile["skills"]] == ["Paintless dent repair"]


async def test_bad_input_is_refused_and_nothing_saved(api):
    person = await api.person()
    donor = await api.organization(kinds=("DONOR",))
    for values, code in [
        ({"travelRadiusKm": 0}, "OUT_OF_RANGE"),
        ({"postalCode": "00000"}, "UNKNOWN_POSTAL_CODE"),
        ({"schoolId": flows.gid("Organization", donor)}, "NOT_A_SCHOOL"),
        ({"headline": "x" * 201}, "TOO_LONG"),
    ]:
        data = await api.gql(UPSERT_PROFILE, {"input": values}, token=person.token)
        assert codes(data["studentProfileUpsert"]) == [code], values
    async with api.db.read() as session:
        assert await session.scalar(select(StudentProfile)) is None


async def test_employer_reading_a_hidden_profile_gets_null(api):
    shop = await flows.employer(api)
    hidden = await flows.student(api, visible=False)
    data = await api.gql(PROFILE, {"id": hidden.profile_gid}, token=shop.owner.token)
    assert data["studentProfile"] is None
    node = await api.gql(
        "query ($id: ID!) { node(id: $id) { id } }", {"id": hidden.profile_gid}, token=shop.owner.token
    )
    assert node["node"] is None
    # the student always sees their own
    own = await api.gql(MY_PROFILE, token=hidden.person.token)
    assert own["myStudentProfile"] == {"id": hidden.profile_gid, "name": "Alex Student", "email": hidden.person.email}


async def test_name_and_contact_are_released_only_after_applying(api):
    shop = await flows.employer(api)
    other_shop = await flows.employer(api)
    alex = await flows.student(api, visible=True)
    job = await flows.posting(api, shop)
    # before: the profile is visible, the person is not
    before = await api.gql(PROFILE, {"id": alex.profile_gid}, token=shop.owner.token)
    assert before["studentProfile"]["id"] == alex.profile_gid
    assert before["studentProfile"]["name"] is None and before["studentProfile"]["email"] is None
    # when
    assert (await flows.apply(api, alex, job))["userErrors"] == []
    # then: released to that employer only
    after = await api.gql(PROFILE, {"id": alex.profile_gid}, token=shop.owner.token)
    assert after["studentProfile"]["name"] == "Alex Student"
    assert after["studentProfile"]["email"] == alex.person.email
    other = await api.gql(PROFILE, {"id": alex.profile_gid}, token=other_shop.owner.token)
    assert other["studentProfile"]["name"] is None and other["studentProfile"]["email"] is None
    anonymous = await api.gql(PROFILE, {"id": alex.profile_gid})
    assert anonymous["studentProfile"] is None


async def test_school_members_see_their_students_even_when_hidden(api):
    teacher = await api.person("Dana Instructor")
    school = await api.organization(owner=teacher, kinds=("SCHOOL",), name="Detroit Career Tech")
    alex = await flows.student(api, visible=False, school_id=school)
    data = await api.gql(PROFILE, {"id": alex.profile_gid}, token=teacher.token)
    assert data["studentProfile"]["name"] == "Alex Student"
    assert data["studentProfile"]["school"]["name"] == "Detroit Career Tech"
    listing = await api.gql("{ studentProfiles { edges { node { id } } } }", token=teacher.token)
    assert [e["node"]["id"] for e in listing["studentProfiles"]["edges"]] == [alex.profile_gid]


async def test_employers_browse_only_visible_profiles(api):
    shop = await flows.employer(api)
    visible = await flows.student(api, visible=True)
    await flows.student(api, visible=False)
    query = """
    { studentProfiles(filter: {near: {postalCode: "48226", radiusKm: 30}, program: COLLISION}) {
        edges { node { id name } } } }"""
    data = await api.gql(query, token=shop.owner.token)
    assert [e["node"] for e in data["studentProfiles"]["edges"]] == [{"id": visible.profile_gid, "name": None}]
    nobody = await api.gql(query, token=(await api.person()).token)
    assert nobody["studentProfiles"]["edges"] == []


async def test_person_only_mutations_refuse_app_tokens_in_userErrors(api):
    shop = await flows.employer(api)
    app = await flows.app_token(api, shop, ["TALENT_READ", "TALENT_WRITE"])
    response = await api.post(UPSERT_PROFILE, {"input": {"headline": "from a script"}}, token=app)
    assert response.status_code == 200 and not response.json().get("errors")
    payload = response.json()["data"]["studentProfileUpsert"]
    assert codes(payload) == ["PERMISSION_DENIED"] and payload["studentProfile"] is None
    anonymous = (await api.gql(UPSERT_PROFILE, {"input": {"headline": "nobody"}}))["studentProfileUpsert"]
    assert codes(anonymous) == ["UNAUTHENTICATED"]
    async with api.db.read() as session:
        assert await session.scalar(select(StudentProfile)) is None

"""Career stories: partners publish, anyone reads one feed; Markdown rendered to safe HTML."""

from __future__ import annotations

from core.markdown import to_safe_html
from db.models import Story, StoryTag
from tests.pathways.factories import count
from tests.support import gid

CREATE = """
mutation ($input: StoryCreateInput!) {
  storyCreate(input: $input) {
    story { id title body bodyHtml audience tags mediaUrl organization { name } }
    userErrors { field code message }
  }
}"""
DELETE = """
mutation ($input: StoryDeleteInput!) { storyDelete(input: $input) { deletedId userErrors { field code } } }"""
FEED = """
query ($filter: StoryFilter, $first: Int, $after: String) {
  stories(filter: $filter, first: $first, after: $after) {
    edges { node { title tags audience bodyHtml organization { name } } }
    pageInfo { hasNextPage endCursor }
  }
}"""
APP_TOKEN_CREATE = """
mutation ($input: AppTokenCreateInput!) { appTokenCreate(input: $input) { token userErrors { code } } }"""


def story_input(organization: int, **overrides) -> dict:
    values = {
        "organizationId": gid("Organization", organization),
        "title": "A day as a refinish technician",
        "summary": "Colour matching, booths and a steady hand.",
        "body": "# Paint\n\nIt is **precise** work.",
        "audience": ["STUDENTS", "PARENTS"],
        "tags": [" Refinish ", "careers", "REFINISH", "EV  Repair"],
        "mediaUrl": "https://video.example.org/refinish.mp4",
    }
    values.update(overrides)
    return {"input": values}


async def partner(api):
    member = await api.person("Partner editor")
    return member, await api.organization(owner=member, role="MEMBER", kinds=("EMPLOYER",), name="Body Shop")


async def test_partner_publishes_a_story_with_normalized_tags_and_safe_html(api):
    member, organization = await partner(api)
    data = await api.gql(CREATE, story_input(organization), token=member.token)
    story = data["storyCreate"]["story"]
    assert data["storyCreate"]["userErrors"] == []
    assert story["tags"] == ["refinish", "careers", "ev-repair"]
    assert story["bodyHtml"] == "<h1>Paint</h1>\n<p>It is <strong>precise</strong> work.</p>\n"
    assert story["body"] == "# Paint\n\nIt is **precise** work."


async def test_a_story_body_with_a_script_is_refused_and_nothing_is_stored(api):
    member, organization = await partner(api)
    for body, code in [
        ("Hello <script>alert('x')</script>", "UNSAFE_CONTENT"),
        ('<img src="a.png" onerror="alert(1)">', "UNSAFE_CONTENT"),
        ("[click](javascript:alert(1))", "UNSAFE_CONTENT"),
    ]:
        data = await api.gql(CREATE, story_input(organization, body=body), token=member.token)
        assert [(e["code"], e["field"]) for e in data["storyCreate"]["userErrors"]] == [(code, ["body"])]
        assert data["storyCreate"]["story"] is None
    assert await count(api, Story) == 0 and await count(api, StoryTag) == 0


async def test_other_bad_story_input(api):
    member, organization = await partner(api)
    outsider = await api.person()
    cases = [
        (story_input(organization, mediaUrl="javascript:alert(1)"), member, ["INVALID"]),
        (story_input(organization, mediaUrl="ftp://files.example.org/x"), member, ["INVALID"]),
        (story_input(organization, audience=[]), member, ["REQUIRED"]),
        (story_input(organization, tags=[f"t{i}" for i in range(11)]), member, ["OUT_OF_RANGE"]),
        (story_input(organization, tags=["x" * 41]), member, ["TOO_LONG"]),
        (story_input(organization, title=" "), member, ["REQUIRED"]),
        (story_input(organization), outsider, ["PERMISSION_DENIED"]),
    ]
    for variables, person, codes in cases:
        data = await api.gql(CREATE, variables, token=person.token)
        assert [e["code"] for e in data["storyCreate"]["userErrors"]] == codes, variables
    assert await count(api, Story) == 0


def test_sanitizer_removes_active_content_that_slips_past_the_checks():
    html = to_safe_html(
        '<a href="jav&#x61;script:alert(1)" onclick="x">a</a> <iframe src="https://x"></iframe>'
        "<style>p{}</style><b>ok</b> [x](https://example.org)"
    )
    assert "javascript" not in html and "onclick" not in html and "iframe" not in html and "<style" not in html
    assert "<b>ok</b>" in html and 'href="https://example.org"' in html and 'rel="noopener noreferrer nofollow"' in html


async def test_partner_apps_need_content_write(api):
    owner, organization = await partner(api)
    async with api.db.write() as session:
        from sqlalchemy import update

        from db.models import Membership

        await session.execute(update(Membership).values(role="OWNER"))
    tokens = {}
    for scopes in (["CONTENT_WRITE"], ["TALENT_READ"]):
        data = await api.gql(
            APP_TOKEN_CREATE,
            {"input": {"organizationId": gid("Organization", organization), "name": "CMS", "scopes": scopes}},
            token=owner.token,
        )
        tokens[scopes[0]] = data["appTokenCreate"]["token"]
    allowed = await api.gql(CREATE, story_input(organization), token=tokens["CONTENT_WRITE"])
    assert allowed["storyCreate"]["userErrors"] == []
    refused = await api.gql(CREATE, story_input(organization), token=tokens["TALENT_READ"])
    assert [e["code"] for e in refused["storyCreate"]["userErrors"]] == ["PERMISSION_DENIED"]
    assert await count(api, Story) == 1


async def test_public_feed_newest_first_filtered_by_audience_and_tags_with_pages(api):
    member, organization = await partner(api)
    for i, (audience, tags) in enumerate(
        [
            (["STUDENTS"], ["ev"]),
            (["PARENTS"], ["pay"]),
            (["EDUCATORS"], ["ev", "tools"]),
            (["STUDENTS"], ["pay"]),
        ]
    ):
        await api.gql(
            CREATE, story_input(organization, title=f"S{i}", audience=audience, tags=tags), token=member.token
        )
    titles = lambda data: [e["node"]["title"] for e in data["stories"]["edges"]]  # noqa: E731
    assert titles(await api.gql(FEED)) == ["S3", "S2", "S1", "S0"]
    assert titles(await api.gql(FEED, {"filter": {"audience": ["STUDENTS"]}})) == ["S3", "S0"]
    assert titles(await api.gql(FEED, {"filter": {"tags": [" EV "]}})) == ["S2", "S0"]
    assert titles(await api.gql(FEED, {"filter": {"tags": ["pay"], "audience": ["PARENTS", "EDUCATORS"]}})) == ["S1"]
    page = await api.gql(FEED, {"first": 3})
    assert titles(page) == ["S3", "S2", "S1"] and page["stories"]["pageInfo"]["hasNextPage"]
    rest = await api.gql(FEED, {"first": 3, "after": page["stories"]["pageInfo"]["endCursor"]})
    assert titles(rest) == ["S0"] and not rest["stories"]["pageInfo"]["hasNextPage"]


async def test_members_unpublish_their_organizations_stories(api):
    member, organization = await partner(api)
    story_id = (await api.gql(CREATE, story_input(organization), token=member.token))["storyCreate"]["story"]["id"]
    outsider = await api.person()
    refused = await api.gql(DELETE, {"input": {"id": story_id}}, token=outsider.token)
    assert refused["storyDelete"] == {"deletedId": None, "userErrors": [{"field": ["id"], "code": "NOT_FOUND"}]}
    assert (await api.gql(DELETE, {"input": {"id": story_id}}, token=member.token))["storyDelete"][
        "deletedId"
    ] == story_id
    gone = await api.gql(DELETE, {"input": {"id": story_id}}, token=member.token)
    assert [e["code"] for e in gone["storyDelete"]["userErrors"]] == ["NOT_FOUND"]
    assert await count(api, Story) == 0 and await count(api, StoryTag) == 0


async def _publish(api, member, organization, n):
    for i in range(n):
        await api.gql(
            CREATE, story_input(organization, title=f"S{i}", tags=[f"t{i % 3}", "careers"]), token=member.token
        )


async def test_feed_of_fifty_runs_a_constant_number_of_statements(api, count_sql):
    member, organization = await partner(api)
    other_member, other = await partner(api)
    await _publish(api, member, organization, 3)
    with count_sql() as small:
        data = await api.gql(FEED, {"first": 50})
    assert len(data["stories"]["edges"]) == 3
    await _publish(api, other_member, other, 47)
    with count_sql() as large:
        data = await api.gql(FEED, {"first": 50, "filter": {"tags": ["careers"]}})
    assert len(data["stories"]["edges"]) == 50
    assert small.count == large.count <= 4, (small.statements, large.statements)  # stories, organizations (+ BEGINs)

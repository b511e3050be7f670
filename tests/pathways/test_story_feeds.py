"""The stories as feeds: Atom and JSON Feed 1.1, parsed back with a real feed parser, filtered by audience
and tag, and revalidated with ETag / Last-Modified."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email.utils import format_datetime

import feedparser

from core.markdown import to_safe_html
from tests.pathways.test_stories import CREATE, DELETE, partner, story_input

ATOM, JSON_FEED = "/feeds/stories.atom", "/feeds/stories.json"


async def publish(api, token: str, organization: int, **overrides) -> str:
    data = await api.gql(CREATE, story_input(organization, **overrides), token=token)
    assert data["storyCreate"]["userErrors"] == []
    return data["storyCreate"]["story"]["id"]


async def three_stories(api) -> tuple[str, str, str]:
    member, organization = await partner(api)
    paint = await publish(api, member.token, organization)
    await asyncio.sleep(0.01)
    ev = await publish(
        api,
        member.token,
        organization,
        title="Working on EVs",
        audience=["EDUCATORS"],
        tags=["ev-repair"],
        body="High voltage, *high* care. <b>bold</b>",
        summary=None,
        mediaUrl=None,
    )
    await asyncio.sleep(0.01)
    hiring = await publish(
        api, member.token, organization, title="Hiring apprentices", audience=["EMPLOYERS"], tags=["hiring"]
    )
    return paint, ev, hiring


async def test_the_atom_feed_parses_with_every_story_newest_first(api):
    paint, _ev, _hiring = await three_stories(api)
    response = await api.client.get(ATOM)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    assert parsed.feed.title == "ShopReady career stories"
    assert parsed.feed.links[0]["rel"] == "self" and parsed.feed.links[0]["href"].endswith(ATOM)
    titles = [entry.title for entry in parsed.entries]
    assert titles == ["Hiring apprentices", "Working on EVs", "A day as a refinish technician"]
    first = parsed.entries[2]
    assert first.id.endswith(paint) and first.author == "Body Shop"
    assert first.summary == "Colour matching, booths and a steady hand."
    assert "<strong>precise</strong>" in first.content[0].value and first.content[0].type == "text/html"
    assert {t.term for t in first.tags} == {"STUDENTS", "PARENTS", "refinish", "careers", "ev-repair"}
    assert [link.href for link in first.links if link.rel == "enclosure"] == ["https://video.example.org/refinish.mp4"]
    assert parsed.entries[1].content[0].value == to_safe_html("High voltage, *high* care. <b>bold</b>").strip()


async def test_the_json_feed_follows_version_1_1(api):
    paint, _ev, _hiring = await three_stories(api)
    response = await api.client.get(JSON_FEED)
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/feed+json")
    document = response.json()
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["title"] and document["feed_url"].endswith(JSON_FEED)
    assert document["home_page_url"].startswith("http")
    assert isinstance(document["authors"], list) and "author" not in document  # 1.1: authors, not author
    items = document["items"]
    assert [item["title"] for item in items] == [
        "Hiring apprentices",
        "Working on EVs",
        "A day as a refinish technician",
    ]
    for item in items:
        assert isinstance(item["id"], str) and item["id"]
        assert item["content_html"]
        assert datetime.fromisoformat(item["date_published"]).tzinfo is not None  # RFC 3339
        assert item["authors"] == [{"name": "Body Shop"}]
    assert items[2]["tags"] == ["refinish", "careers", "ev-repair"] and items[2]["summary"]
    assert items[2]["external_url"] == "https://video.example.org/refinish.mp4"
    assert "summary" not in items[1] and "external_url" not in items[1]
    assert items[2]["_shopready"] == {"audience": ["STUDENTS", "PARENTS"], "storyId": paint}
    # feedparser 6.0 reads no JSON Feed: the 1.1 rules are checked above (version URL, `authors` arrays,
    # string ids, content_html, RFC 3339 dates, `_`-prefixed extensions) and here
    assert set(document) <= {
        "version",
        "title",
        "home_page_url",
        "feed_url",
        "description",
        "language",
        "authors",
        "items",
    }


async def test_feeds_filter_by_audience_and_tag(api):
    await three_stories(api)
    by_audience = feedparser.parse((await api.client.get(ATOM, params={"audience": "educators,employers"})).content)
    assert [e.title for e in by_audience.entries] == ["Hiring apprentices", "Working on EVs"]
    by_tag = (await api.client.get(JSON_FEED, params=[("tag", "EV Repair")])).json()
    assert [i["title"] for i in by_tag["items"]] == ["Working on EVs", "A day as a refinish technician"]
    both = (await api.client.get(JSON_FEED, params=[("tag", "ev-repair"), ("audience", "STUDENTS")])).json()
    assert [i["title"] for i in both["items"]] == ["A day as a refinish technician"]
    bad = await api.client.get(ATOM, params={"audience": "ROBOTS"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_conditional_requests_answer_304_until_the_feed_changes(api):
    member, organization = await partner(api)
    await publish(api, member.token, organization)
    first = await api.client.get(JSON_FEED)
    etag, last_modified = first.headers["etag"], first.headers["last-modified"]
    assert etag.startswith('"') and last_modified.endswith("GMT")

    same = await api.client.get(JSON_FEED, headers={"If-None-Match": etag})
    assert same.status_code == 304 and same.content == b"" and same.headers["etag"] == etag
    since = await api.client.get(ATOM, headers={"If-Modified-Since": last_modified})
    assert since.status_code == 304
    older = format_datetime(datetime(2020, 1, 1, tzinfo=UTC), usegmt=True)
    assert (await api.client.get(ATOM, headers={"If-Modified-Since": older})).status_code == 200
    # each format has its own ETag
    assert (await api.client.get(ATOM, headers={"If-None-Match": etag})).status_code == 200

    await asyncio.sleep(1.1)  # Last-Modified has one-second precision
    story = await publish(api, member.token, organization, title="A newer story")
    changed = await api.client.get(JSON_FEED, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert (await api.client.get(ATOM, headers={"If-Modified-Since": last_modified})).status_code == 200

    # deleting a story changes the body, so the ETag no longer matches
    newest = changed.headers["etag"]
    await api.gql(DELETE, {"input": {"id": story}}, token=member.token)
    assert (await api.client.get(JSON_FEED, headers={"If-None-Match": newest})).status_code == 200


async def test_an_empty_feed_is_still_valid(api):
    parsed = feedparser.parse((await api.client.get(ATOM)).content)
    assert not parsed.bozo and parsed.entries == [] and parsed.feed.updated
    assert (await api.client.get(JSON_FEED)).json()["items"] == []

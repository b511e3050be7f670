"""Markdown from partners, rendered to HTML that is safe to put on any page that syndicates it.

Two layers: bodies carrying active content (scripts, event handlers, javascript: links) are refused
when written, so authors learn it will not work; and whatever is stored is rendered through an
allowlist sanitizer on the way out, so nothing a renderer or a stored row lets through can run.
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

_MARKDOWN = MarkdownIt("commonmark", {"html": True, "linkify": False}).enable(["table", "strikethrough"])

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "del",
    "blockquote",
    "ul",
    "ol",
    "li",
    "code",
    "pre",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}

_ACTIVE_TAG = re.compile(
    r"<\s*/?\s*(script|style|iframe|frame|object|embed|applet|form|input|button|meta|link|base|svg|math)\b", re.I
)
_EVENT_HANDLER = re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.I)
# A dangerous scheme as a link target: Markdown links, autolinks, or any HTML attribute.
_ACTIVE_SCHEME = re.compile(r"(\]\(\s*<?|<|=\s*[\"']?)\s*(javascript|vbscript|data|livescript)\s*:", re.I)


def active_content(markdown: str) -> str | None:
    """What in the text would run in a reader's browser, described for the author; None if nothing."""
    if match := _ACTIVE_TAG.search(markdown):
        return f"<{match.group(1).lower()}> elements are not allowed."
    if match := _EVENT_HANDLER.search(markdown):
        return f"Event handler attributes ({match.group(1).lower()}) are not allowed."
    if match := _ACTIVE_SCHEME.search(markdown):
        return f"{match.group(2).lower()}: links are not allowed; use http(s) addresses."
    return None


@lru_cache(maxsize=2048)
def to_safe_html(markdown: str) -> str:
    html = _MARKDOWN.render(markdown)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )

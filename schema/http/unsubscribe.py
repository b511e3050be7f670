"""`/notifications/unsubscribe?token=...`: the signed link of every notification email, no sign-in needed.

GET shows a page that asks to confirm (mail scanners follow links; they must not unsubscribe anyone);
POST unsubscribes, from that page's button or from a mail reader's RFC 8058 one-click request
(`List-Unsubscribe=One-Click` in the body). A forged or altered token is refused with 400.
"""

from __future__ import annotations

from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from core.settings import Settings
from db.engine import Database
from resolvers.notifications.unsubscribe import PATH, Target, describe_target, read_token, unsubscribe

_HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex"}


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    html = (
        '<!doctype html><html><head><meta charset="utf-8"><title>'
        f"{escape(title)}</title></head><body><h1>{escape(title)}</h1>{body}</body></html>"
    )
    return HTMLResponse(html, status_code=status, headers=_HEADERS)


def _refused() -> HTMLResponse:
    return _page("This link does not work", "<p>The link is not one ShopReady sent. Nothing changed.</p>", 400)


def unsubscribe_routes(db: Database, settings: Settings) -> list[Route]:
    def target_of(request: Request) -> tuple[str, Target | None]:
        token = request.query_params.get("token", "")
        return token, read_token(settings, token)

    async def confirm(request: Request) -> Response:
        token, target = target_of(request)
        if target is None:
            return _refused()
        what = escape(describe_target(target))
        form = (
            f'<form method="post" action="{escape(PATH)}?token={escape(token, quote=True)}">'
            f'<p>Stop {what}? In-app notifications stay.</p><button type="submit">Unsubscribe</button></form>'
        )
        return _page("Unsubscribe", form)

    async def apply(request: Request) -> Response:
        _, target = target_of(request)
        if target is None:
            return _refused()
        await unsubscribe(db, target)
        return _page(
            "Unsubscribed",
            f"<p>You will no longer receive {escape(describe_target(target))}. "
            "Change this any time with <code>notificationPreferencesUpdate</code>.</p>",
        )

    return [Route(PATH, confirm, methods=["GET"]), Route(PATH, apply, methods=["POST"])]

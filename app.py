"""ShopReady: the Starlette app (GraphQL, health checks) and its command line."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

from starlette.applications import Starlette
from starlette.authentication import AuthenticationError
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse
from strawberry.schema import BaseSchema
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult

from core import clock
from core.database_errors import DatabaseUnavailable
from core.http_guards import BodyGuard, ErrorsAsJson, RequestId
from core.idempotency import IdempotencyStore
from core.logging import configure as configure_logging
from core.mailer import Mailer
from core.media_storage import storage_for
from core.passwords import Passwords
from core.rate_limits import RateLimiter
from core.settings import Settings
from core.viewer import ANONYMOUS
from db import migrate
from db.engine import Database, is_sqlite
from db.enums.notifications import DigestPeriod
from resolvers.accounts.export import export_person
from resolvers.events.bus import EventBus
from resolvers.events.worker import Worker
from resolvers.matches import staleness
from resolvers.notifications import digests
from resolvers.partners.documents import DocumentRegistry
from schema import build_schema
from schema.authentication import BearerTokenBackend, unauthorized
from schema.context import Context
from schema.events.shared import SharedResults, SharingHandler, TextWebSocket
from schema.http import graphiql
from schema.http.documents import RegisteredDocuments
from schema.http.exports import export_routes
from schema.http.fast_json import OrjsonCoding
from schema.http.feeds import feed_routes
from schema.http.idempotency import IdempotentMutations
from schema.http.media_files import media_routes
from schema.http.media_types import GraphQLOverHttp
from schema.http.needs_map import needs_map_routes
from schema.http.receipts import receipt_routes
from schema.http.unsubscribe import unsubscribe_routes

logger = logging.getLogger("shopready")


class ShopReadyGraphQL(OrjsonCoding, GraphQLOverHttp, GraphQL[Context, None]):
    graphql_transport_ws_handler_class = SharingHandler
    websocket_adapter_class = TextWebSocket

    def __init__(
        self,
        schema: BaseSchema,
        db: Database,
        settings: Settings,
        passwords: Passwords,
        backend: BearerTokenBackend,
        mailer: Mailer,
    ) -> None:
        super().__init__(
            schema,
            graphql_ide=None if settings.is_production else "graphiql",
            # graphql-transport-ws only: the legacy subscriptions-transport-ws protocol is not offered
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=timedelta(seconds=settings.subscription_init_timeout_seconds),
            max_subscriptions_per_connection=settings.subscriptions_per_connection,
            # Uploads (bulk imports) are safe to accept: multipart requests must carry a bearer token, which
            # a cross-site form cannot send (schema/http/media_types.py), and the body size limit applies.
            multipart_uploads_enabled=True,
        )
        self.db, self.settings, self.passwords, self.backend, self.mailer = db, settings, passwords, backend, mailer
        # the injectable clock, so tests move time for limits instead of sleeping
        self.limits = RateLimiter(db, clock=lambda: clock.utcnow().timestamp())
        self.bus = EventBus(db, settings.worker_poll_seconds)
        self.shared_results = SharedResults()

    async def render_graphql_ide(self, request: Request) -> Response:
        """GraphiQL from this server's own copy of its assets, so it works offline (schema/http/graphiql.py)."""
        return graphiql.page()

    async def on_ws_connect(self, context: Context) -> None:
        """Authenticate at connection_init with `{"Authorization": "Bearer <token>"}`; refuse with 4403 otherwise."""
        params = context.connection_params or {}
        header = params.get("Authorization") or params.get("authorization") or ""
        scheme, _, token = str(header).partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ConnectionRejectionError()
        try:
            context.viewer = await self.backend.viewer_of(token.strip())
        except AuthenticationError as exc:
            raise ConnectionRejectionError() from exc

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        # The database could not be reached: answer 503 with Retry-After (ErrorsAsJson), not a 200 with errors.
        if any((error.extensions or {}).get("code") == "UNAVAILABLE" for error in result.errors or ()):
            raise DatabaseUnavailable("the database could not be reached during the operation")
        return await super().process_result(request, result)

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        principal = request.scope.get("user")
        return Context(
            # Context.request says Request; a subscription's WebSocket is the same kind of HTTPConnection
            request=request,  # type: ignore[arg-type]
            db=self.db,
            settings=self.settings,
            passwords=self.passwords,
            viewer=principal.viewer if principal is not None else ANONYMOUS,
            # RequestId tags HTTP requests; a websocket connection gets an id of its own for its logs
            request_id=getattr(request.state, "request_id", None) or f"ws-{uuid.uuid4().hex[:16]}",
            limits=self.limits,
            bus=self.bus,
            shared_results=self.shared_results,
            mailer=self.mailer,
        )


def partner_http(graphql: ShopReadyGraphQL, db: Database, settings: Settings) -> RegisteredDocuments:
    """The view behind the partner guards: registered documents first, then idempotency keys."""
    return RegisteredDocuments(
        IdempotentMutations(graphql, IdempotencyStore(db, settings.secret_key)), DocumentRegistry(db), settings
    )


def create_app(
    settings: Settings | None = None,
    *,
    db: Database | None = None,
    mailer: Mailer | None = None,
    run_worker: bool | None = None,
) -> Starlette:
    """The app; `run_worker` (default: on SQLite) runs the delivery worker inside this process."""
    settings = settings or Settings.from_env()
    settings.check()
    owns_db = db is None
    db = db or Database(settings.database_url, timeouts=settings.database_timeouts)
    mailer = mailer or Mailer.configured(settings.smtp_url, settings.mail_dir, settings.mail_from)
    passwords = Passwords(time_cost=settings.password_time_cost, memory_cost_kib=settings.password_memory_kib)
    backend = BearerTokenBackend(db, settings)
    graphql = ShopReadyGraphQL(build_schema(settings), db, settings, passwords, backend, mailer)
    in_process_worker = is_sqlite(settings.database_url) if run_worker is None else run_worker

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> JSONResponse:
        try:
            async with db.engine.connect() as conn:
                current = await conn.run_sync(migrate.current_revisions)
        except Exception:  # the reason goes to the log, never to the caller
            logger.exception("readiness check failed")
            return JSONResponse({"status": "unavailable", "database": "unreachable"}, status_code=503)
        if current != migrate.head_revisions(settings.database_url):
            return JSONResponse({"status": "unavailable", "database": "migrations pending"}, status_code=503)
        return JSONResponse({"status": "ok"})

    async def export_me(request: Request) -> Response:
        """Everything the signed-in person's account holds, as a JSON download; people only, not apps."""
        viewer = request.user.viewer
        if viewer.user_id is None:
            status, message = (403, "App tokens cannot export a person's data.") if viewer.is_app else (401, "Sign in.")
            headers = {"WWW-Authenticate": 'Bearer realm="shopready"'} if status == 401 else {}
            code = "PERMISSION_DENIED" if viewer.is_app else "UNAUTHENTICATED"
            return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status, headers)
        return JSONResponse(
            await export_person(db, viewer.user_id),
            headers={
                "Content-Disposition": 'attachment; filename="shopready-export.json"',
                "Cache-Control": "no-store",
            },
        )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        stop = asyncio.Event()
        worker = asyncio.create_task(Worker(db, settings, mailer=mailer).run(stop)) if in_process_worker else None
        yield
        stop.set()
        if worker is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(worker, timeout=settings.webhook_timeout_seconds + 1)
        await graphql.bus.stop()
        await staleness.stop_listening(db)
        await mailer.drain()
        if owns_db:  # a database handed in belongs to the caller (tests share one across apps)
            await db.dispose()

    app = Starlette(
        routes=[
            Route("/graphql", partner_http(graphql, db, settings), methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/exports/me", export_me, methods=["GET"]),
            *export_routes(db),
            *([] if settings.is_production else graphiql.routes()),
            *receipt_routes(db),
            *needs_map_routes(db, graphql.limits, settings),
            *media_routes(storage_for(settings)),
            *feed_routes(db, settings),
            *unsubscribe_routes(db, settings),
        ],
        middleware=[
            Middleware(RequestId),
            Middleware(ErrorsAsJson),
            Middleware(BodyGuard, max_bytes=settings.max_body_bytes, max_upload_bytes=settings.max_upload_bytes),
            Middleware(AuthenticationMiddleware, backend=backend, on_error=unauthorized),
        ],
        lifespan=lifespan,
    )
    app.state.db, app.state.settings, app.state.graphql, app.state.mailer = db, settings, graphql, mailer
    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="app.py", description="ShopReady GraphQL server")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="apply migrations and run the server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--demo", action="store_true", help="seed demo data into an empty database")
    serve.add_argument(
        "--workers", type=int, default=1, help="server processes sharing the port (PostgreSQL only when more than 1)"
    )
    serve.add_argument("--loop", choices=["uvloop", "asyncio"], default="uvloop", help="the event loop")
    serve.add_argument("--http", choices=["httptools", "h11"], default="httptools", help="the HTTP/1.1 parser")
    commands.add_parser("migrate", help="apply database migrations")
    commands.add_parser(
        "worker", help="deliver webhooks and notifications, send digests, keep house (run any number, on PostgreSQL)"
    )
    digest = commands.add_parser("digest", help="send the daily or weekly digest of the last whole period, once")
    digest.add_argument("--period", choices=["daily", "weekly"], required=True)
    commands.add_parser("schema", help="print the GraphQL SDL (committed as schema.graphql)")
    seed = commands.add_parser("seed", help="write demo data")
    seed.add_argument("--size", choices=["small", "medium", "large"], default="small")
    seed.add_argument("--seed", type=int, default=7, help="random seed (same seed, same data)")
    args = parser.parse_args(argv)

    settings = Settings.from_env()
    if args.command == "schema":
        print(build_schema().as_str())
        return 0
    settings.check()
    if args.command == "serve" and args.workers > 1 and is_sqlite(settings.database_url):
        parser.error(
            "--workers above 1 needs PostgreSQL (set DATABASE_URL): on SQLite one process serves, "
            "and it also runs the delivery worker, which must run exactly once"
        )
    configure_logging(settings.log_level, settings.log_format)
    migrate.upgrade(settings.database_url)
    if args.command == "migrate":
        print("database is at the latest migration")
        return 0
    if args.command == "worker":
        asyncio.run(run_worker(settings))
        return 0
    if args.command == "digest":
        outcome = asyncio.run(run_digest(settings, DigestPeriod(args.period.upper())))
        print(
            f"{outcome.period.value.lower()} digest from {outcome.period_start:%Y-%m-%d}: {outcome.sent} sent, "
            f"{outcome.already_claimed} already sent"
        )
        return 0
    if args.command == "seed" or (args.command == "serve" and args.demo):
        from resolvers.demo import seed_database

        written = asyncio.run(
            seed_database(
                settings,
                size=getattr(args, "size", "small"),
                seed=getattr(args, "seed", 7),
                only_if_empty=args.command == "serve",
            )
        )
        print(written)
    if args.command == "serve":
        serve_http(settings, args.host, args.port, workers=args.workers, loop=args.loop, http=args.http)
    return 0


def serve_http(settings: Settings, host: str, port: int, *, workers: int, loop: str, http: str) -> None:
    """uvicorn on uvloop and httptools; several processes on one port when `workers` > 1 (PostgreSQL)."""
    import uvicorn

    print(f"GraphiQL: http://{host}:{port}/graphql")
    # log_config=None: uvicorn's loggers go through the root handler, so JSON logs stay JSON.
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "loop": loop,
        "http": http,
        "log_level": settings.log_level.lower(),
        "log_config": None,
    }
    if workers > 1:  # each worker process imports the app afresh and reads the same environment
        uvicorn.run("app:served_app", factory=True, workers=workers, **options)
    else:
        uvicorn.run(create_app(settings), **options)


def served_app() -> Starlette:
    """The app of one `serve --workers N` process: settings and logging from the environment, as in `serve`."""
    settings = Settings.from_env()
    configure_logging(settings.log_level, settings.log_format)
    return create_app(settings)


async def run_digest(settings: Settings, period: DigestPeriod) -> digests.Outcome:
    db = Database(settings.database_url)
    mailer = Mailer.configured(settings.smtp_url, settings.mail_dir, settings.mail_from)
    try:
        return await digests.run(db, settings, mailer, period)
    finally:
        await mailer.drain()
        await db.dispose()


async def run_worker(settings: Settings) -> None:
    """Until SIGTERM or SIGINT; the round in progress finishes (its claims are leased, so a kill loses nothing)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    db = Database(settings.database_url)
    print("worker: delivering webhooks and notifications", flush=True)
    try:
        await Worker(db, settings).run(stop)
    finally:
        await db.dispose()


if __name__ == "__main__":
    sys.exit(main())

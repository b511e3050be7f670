"""ShopReady: the Starlette app (GraphQL, health checks) and its command line."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.schema import BaseSchema

from core.http_guards import BodyGuard, ErrorsAsJson, RequestId
from core.idempotency import IdempotencyStore
from core.logging import configure as configure_logging
from core.passwords import Passwords
from core.rate_limits import RateLimiter
from core.settings import Settings
from core.viewer import ANONYMOUS
from db import migrate
from db.engine import Database
from resolvers.partners.documents import DocumentRegistry
from schema import build_schema
from schema.authentication import BearerTokenBackend, unauthorized
from schema.context import Context
from schema.http.documents import RegisteredDocuments
from schema.http.exports import export_routes
from schema.http.idempotency import IdempotentMutations
from schema.http.media_types import GraphQLOverHttp

logger = logging.getLogger("shopready")


class ShopReadyGraphQL(GraphQLOverHttp, GraphQL[Context, None]):
    def __init__(self, schema: BaseSchema, db: Database, settings: Settings, passwords: Passwords) -> None:
        # Uploads (bulk imports) are safe to accept: multipart requests must carry a bearer token, which
        # a cross-site form cannot send (schema/http/media_types.py), and the body size limit applies.
        super().__init__(
            schema, graphql_ide=None if settings.is_production else "graphiql", multipart_uploads_enabled=True
        )
        self.db, self.settings, self.passwords = db, settings, passwords
        self.limits = RateLimiter(db)

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        principal = request.scope.get("user")
        return Context(
            # Context.request says Request; a subscription's WebSocket is the same kind of HTTPConnection
            request=request,  # type: ignore[arg-type]
            db=self.db,
            settings=self.settings,
            passwords=self.passwords,
            viewer=principal.viewer if principal is not None else ANONYMOUS,
            request_id=request.state.request_id,
            limits=self.limits,
        )


def partner_http(graphql: ShopReadyGraphQL, db: Database, settings: Settings) -> RegisteredDocuments:
    """The view behind the partner guards: registered documents first, then idempotency keys."""
    return RegisteredDocuments(
        IdempotentMutations(graphql, IdempotencyStore(db, settings.secret_key)), DocumentRegistry(db), settings
    )


def create_app(settings: Settings | None = None, *, db: Database | None = None) -> Starlette:
    settings = settings or Settings.from_env()
    settings.check()
    db = db or Database(settings.database_url)
    passwords = Passwords(time_cost=settings.password_time_cost, memory_cost_kib=settings.password_memory_kib)
    graphql = ShopReadyGraphQL(build_schema(settings), db, settings, passwords)

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

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        await db.dispose()

    app = Starlette(
        routes=[
            Route("/graphql", partner_http(graphql, db, settings), methods=["GET", "POST"]),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            *export_routes(db),
        ],
        middleware=[
            Middleware(RequestId),
            Middleware(ErrorsAsJson),
            Middleware(BodyGuard, max_bytes=settings.max_body_bytes),
            Middleware(AuthenticationMiddleware, backend=BearerTokenBackend(db, settings), on_error=unauthorized),
        ],
        lifespan=lifespan,
    )
    app.state.db, app.state.settings, app.state.graphql = db, settings, graphql
    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="app.py", description="ShopReady GraphQL server")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="apply migrations and run the server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--demo", action="store_true", help="seed demo data into an empty database")
    commands.add_parser("migrate", help="apply database migrations")
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
    configure_logging(settings.log_level, settings.log_format)
    migrate.upgrade(settings.database_url)
    if args.command == "migrate":
        print("database is at the latest migration")
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
        import uvicorn

        print(f"GraphiQL: http://{args.host}:{args.port}/graphql")
        # log_config=None: uvicorn's loggers go through the root handler, so JSON logs stay JSON.
        uvicorn.run(
            create_app(settings),
            host=args.host,
            port=args.port,
            log_level=settings.log_level.lower(),
            log_config=None,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

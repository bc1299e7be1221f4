"""The ASGI application: GraphQL behind the door, probes, and the dashboard."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route, WebSocketRoute

from app.api_keys import last_used as api_keys_last_used
from app.api_keys import usage as api_keys_usage
from app.attempts import sweep as attempts_sweep
from app.core import tracing
from app.core.db import dispose_engines
from app.core.logging import configure_logging
from app.core.settings import get_settings
from app.notifications import live as notifications_live
from app.notifications import producer as notifications_producer
from app.notifications import sweep as notifications_sweep
from app.persisted_queries import manifest as persisted_manifest
from app.schema import schema, traced_schema
from app.tournaments import live as tournaments_live
from app.tournaments import scheduler as tournaments_scheduler
from app.web import certificates, frontend, metrics, org_logo, results_export
from app.web.capacity import raise_open_file_limit
from app.web.client_address import proxy_headers
from app.web.door import GraphQLDoor
from app.web.event_bus import running_bus
from app.web.graphql_view import GraphQLView
from app.web.health import healthz, readyz
from app.web.request_id import RequestIdMiddleware
from app.web.request_log import RequestLogMiddleware
from app.web.security_headers import SecurityHeadersMiddleware
from app.web.tracing import server_span_middleware
from app.web.websocket_entry import App
from app.webhooks import worker as webhooks_worker


def create_app() -> Starlette:
    settings = get_settings()
    settings.resolved_secret_key()  # refuse to start in production without a secret
    settings.check_metrics_guard()
    configure_logging(
        settings.resolved_log_format, logging.getLevelNamesMapping()[settings.log_level.upper()]
    )
    metrics.register_live_collector()
    if tracing.enabled(settings):
        tracing.start(settings)
    view = GraphQLView(
        # With traces configured, the schema whose pipeline makes the operation's spans.
        traced_schema() if tracing.provider() is not None else schema,
        graphql_ide="graphiql",
        allow_queries_via_get=True,
        multipart_uploads_enabled=True,
        allowed_origins=settings.allowed_origins,
        max_subscriptions_per_connection=settings.max_subscriptions_per_connection,
        connection_init_wait_timeout=timedelta(seconds=settings.websocket_init_timeout_seconds),
    )
    graphql_app = GraphQLDoor(view)
    # The platform console's endpoint: the same schema behind a door that reads the
    # platform admin's cookie (Path=/platform) instead of a member's.
    platform_graphql_app = GraphQLDoor(view, platform=True)

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        raise_open_file_limit(settings.max_websockets)
        await persisted_manifest.register_configured()  # the dashboard's trusted documents
        async with (
            api_keys_last_used.running(),
            api_keys_usage.running(),
            running_bus(),
            attempts_sweep.running(),
            webhooks_worker.running(),
            notifications_live.running(),
            notifications_producer.running(),
            notifications_sweep.running(),
            tournaments_live.running(),
            tournaments_scheduler.running(),
        ):
            _freeze_start_up_objects()
            yield
        await dispose_engines()
        tracing.stop()  # exports the spans still pending

    client_address_steps = proxy_headers(settings.trusted_proxies)
    # A websocket to /graphql goes from here straight to the view, with the request id
    # and the client address done on its scope (app/web/websocket_entry.py): every
    # layer below would keep a frame for the connection's life.
    return App(
        websocket_view=view,
        scope_middleware=client_address_steps,
        routes=[
            Route("/graphql", graphql_app, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql_app),
            Route("/platform/graphql", platform_graphql_app, methods=["GET", "POST"]),
            Route("/platform", frontend.index),
            Route("/platform/{path:path}", frontend.index),
            Route(results_export.PATH, results_export.app(), methods=["GET"]),
            *certificates.routes(),  # public: verified by code, no sign-in
            Route(org_logo.PATH, org_logo.org_logo, methods=["GET"]),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route(metrics.PATH, metrics.metrics_endpoint, methods=["GET"]),
            *frontend.routes(),
        ],
        # The client's address and scheme first (app/web/client_address.py), so every
        # reader sees them; security headers inside anything that rewrites the scheme.
        middleware=[
            *client_address_steps,
            Middleware(RequestIdMiddleware),
            *server_span_middleware(settings),  # none unless traces are configured
            Middleware(RequestLogMiddleware),
            Middleware(SecurityHeadersMiddleware),
        ],
        lifespan=lifespan,
    )


_frozen = False


def _freeze_start_up_objects() -> None:
    """Move what start-up built (modules, the schema, compiled plans' code, pools) out of
    the garbage collector's reach, once per process (``gc.freeze``): a full collection
    then walks only what requests made since. The leaderboard measure saw full-collection
    pauses fall from 254-377 ms to about 30 ms (docs/perf/leaderboards.md). Garbage is
    collected first, so none of it is kept for good; what is frozen lives as long as the
    process anyway."""
    global _frozen
    if _frozen:
        return
    _frozen = True
    gc.collect()
    gc.freeze()

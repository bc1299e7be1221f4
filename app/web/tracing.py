"""The server span of each HTTP request and websocket, when traces are configured.

OpenTelemetry's ASGI middleware, placed just inside the request id middleware so that
the span carries the request id (``quizgraph.request_id``, the id of the response header
and of the request's log lines) and the client address a trusted proxy named; every
other span of the request (the GraphQL operation's, the database statements') is its
descendant. None when traces are off (``app.core.tracing``).

A websocket to ``/graphql`` skips the middleware stack (``app.web.websocket_entry``), so
the entry wraps its view in the same middleware itself (``websocket_server_span``): one
span for the connection's life, its subscriptions' operation spans under it. Off, the
view is served as it is: no wrapper, no frame kept per connection.
"""

from __future__ import annotations

from typing import Any

from starlette.middleware import Middleware
from starlette.types import ASGIApp

from app.core import tracing
from app.core.settings import Settings


def server_span_middleware(settings: Settings) -> list[Middleware]:
    provider = tracing.provider()
    if provider is None:
        return []
    from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware

    return [
        Middleware(
            OpenTelemetryMiddleware,
            tracer_provider=provider,
            server_request_hook=_name_the_request,
            # No span per message received or sent: a streamed response would make many.
            exclude_spans=["receive", "send"],
        )
    ]


def websocket_server_span(view: ASGIApp) -> ASGIApp:
    """``view`` (the websocket entry's) inside the server span middleware when traces
    are configured; ``view`` itself when they are off. Decided once, when the app is made
    (as the HTTP stack's middleware is)."""
    provider = tracing.provider()
    if provider is None:
        return view
    from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware

    return OpenTelemetryMiddleware(
        view,
        tracer_provider=provider,
        server_request_hook=_name_the_request,
        # No span per message: a subscription's every frame would make one.
        exclude_spans=["receive", "send"],
    )


def _name_the_request(span: Any, scope: dict[str, Any]) -> None:
    if span is not None and span.is_recording():
        span.set_attribute(tracing.REQUEST_ID_ATTRIBUTE, scope["state"]["request_id"])

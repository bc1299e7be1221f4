"""The server span of each HTTP request and websocket, when traces are configured.

OpenTelemetry's ASGI middleware, placed just inside the request id middleware so that
the span carries the request id (``quizgraph.request_id``, the id of the response header
and of the request's log lines) and the client address a trusted proxy named; every
other span of the request (the GraphQL operation's, the database statements') is its
descendant. None when traces are off (``app.core.tracing``).
"""

from __future__ import annotations

from typing import Any

from starlette.middleware import Middleware

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


def _name_the_request(span: Any, scope: dict[str, Any]) -> None:
    if span is not None and span.is_recording():
        span.set_attribute(tracing.REQUEST_ID_ATTRIBUTE, scope["state"]["request_id"])

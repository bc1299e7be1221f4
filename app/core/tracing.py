"""Optional OpenTelemetry traces, exported over OTLP/HTTP: off unless configured.

Tracing is on when ``QUIZGRAPH_OTEL_ENDPOINT`` names a collector (its base URL, such as
``http://collector:4318``; spans go to ``/v1/traces`` under it) or when the standard
``OTEL_EXPORTER_OTLP_ENDPOINT`` / ``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`` is set (the
exporter then reads the standard variables: headers, timeouts, and so on;
``OTEL_SERVICE_NAME`` names the service, ``quizgraph`` by default).

Off, nothing here is imported beyond this module and nothing is instrumented: the
schema carries no tracing extension, no middleware wraps requests, no listener sits on
the database engines. On, ``start`` makes a tracer provider of our own (not the global
one, so a test can put an in-memory exporter in its place) that the web layer's server
span (``app.web.tracing``), the GraphQL operation's spans (``app.graphql.tracing``) and
each database engine's statements (SQLAlchemy's instrumentation, added here when an
engine is made) all use.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from app.core.settings import Settings

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SpanExporter
    from sqlalchemy.ext.asyncio import AsyncEngine

STANDARD_ENDPOINTS = ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT")
SERVICE_NAME = "quizgraph"
REQUEST_ID_ATTRIBUTE = "quizgraph.request_id"

_provider: TracerProvider | None = None
_engines: list[Any] = []  # the (sync) engines instrumented, so ``stop`` can leave them


def enabled(settings: Settings) -> bool:
    """Whether traces are configured (the setting or the standard variable)."""
    return settings.otel_endpoint is not None or any(os.environ.get(n) for n in STANDARD_ENDPOINTS)


def provider() -> TracerProvider | None:
    """The tracer provider while tracing runs; None when off."""
    return _provider


def start(settings: Settings, *, exporter: SpanExporter | None = None) -> TracerProvider:
    """Make the tracer provider (once per process) and instrument the engines made so
    far. ``exporter``: where spans go instead of OTLP, exported one by one (tests)."""
    global _provider
    if _provider is not None:
        return _provider
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor

    made = TracerProvider(
        resource=Resource.create(
            {"service.name": os.environ.get("OTEL_SERVICE_NAME", SERVICE_NAME)}
        )
    )
    if exporter is not None:
        made.add_span_processor(SimpleSpanProcessor(exporter))
    else:
        made.add_span_processor(BatchSpanProcessor(_otlp_exporter(settings)))
    _provider = made
    from app.core import db  # engines made before tracing started

    for engine in db.engines():
        instrument_engine(engine)
    return made


def _otlp_exporter(settings: Settings) -> SpanExporter:
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    if settings.otel_endpoint is None:
        return OTLPSpanExporter()  # the standard variables say where
    return OTLPSpanExporter(endpoint=settings.otel_endpoint.rstrip("/") + "/v1/traces")


def instrument_engine(engine: AsyncEngine) -> None:
    """A span per statement on this engine, a child of the span current when it runs
    (SQLAlchemy runs an async engine's events in the caller's context); nothing when
    tracing is off."""
    if _provider is None:
        return
    from opentelemetry.instrumentation.sqlalchemy.engine import EngineTracer
    from opentelemetry.instrumentation.sqlalchemy.version import __version__
    from opentelemetry.metrics import get_meter

    # One EngineTracer per engine rather than SQLAlchemyInstrumentor().instrument(),
    # which instruments once per process and wraps create_engine: our engines are made
    # by app.core.db, some before tracing starts.
    tracer = _provider.get_tracer("opentelemetry.instrumentation.sqlalchemy", __version__)
    usage = get_meter(__name__).create_up_down_counter("db.client.connections.usage")
    EngineTracer(tracer, engine.sync_engine, usage)  # type: ignore[no-untyped-call]
    _engines.append(engine.sync_engine)


def stop() -> None:
    """Export what is pending, leave the engines and forget the provider (the server's
    shutdown, and tests)."""
    global _provider
    if _provider is None:
        return
    from opentelemetry.instrumentation.sqlalchemy.engine import EngineTracer

    EngineTracer.remove_all_event_listeners()  # type: ignore[no-untyped-call]
    _engines.clear()
    _provider.shutdown()
    _provider = None

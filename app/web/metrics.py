"""``GET /metrics``: what the server is doing, in Prometheus's text format.

Counted per GraphQL request over HTTP (``observe``, called by the request log at the
end of each request): requests by operation type and name, outcome (``ok`` or the
first error code) and credential kind; their duration; rate-limit refusals; the door's
refusals by code; and (``app.core.metrics``) event-bus messages and webhook sends.
Read when scraped: open websockets, live subscriptions and the process's database
pools' checked-out connections.

Label values are bounded: an operation name is kept only when it looks like a GraphQL
name of at most 64 characters and is among the first ``MAX_OPERATION_NAMES`` the
process has seen; any other counts as ``other``. Counters' labelled children are
cached, so a request costs a dictionary lookup and an increment.

Several processes: ``quizgraph serve --workers N`` points ``PROMETHEUS_MULTIPROC_DIR``
at a fresh directory before the workers start, and each scrape sums every worker's
counters (prometheus-client's multi-process mode). The gauges read at scrape time are
the answering process's own.

Who may scrape (``QUIZGRAPH_METRICS``): ``off`` (404), ``loopback`` (the default: only
from 127.0.0.1 or ::1, else 404) or ``token`` (``Authorization: Bearer`` with
``QUIZGRAPH_METRICS_TOKEN``, else 401).
"""

from __future__ import annotations

import contextlib
import hmac
import ipaddress
import os
import re
from collections.abc import Iterator

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.metrics_core import Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from app.core import db
from app.core.settings import get_settings
from app.graphql.observation import RequestRecord
from app.leaderboards import live as leaderboards_live
from app.notifications import live as notifications_live
from app.web.client_address import client_address
from app.web.graphql_view import GraphQLView

PATH = "/metrics"
MAX_OPERATION_NAMES = 200
_OPERATION_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
RATE_LIMITED = "RATE_LIMITED"

REQUESTS = Counter(
    "quizgraph_graphql_requests",
    "GraphQL requests over HTTP, by operation, outcome (ok or the first error code) "
    "and credential kind.",
    ["operation_type", "operation_name", "outcome", "credential_kind"],
)
DURATION = Histogram(
    "quizgraph_graphql_request_duration_seconds",
    "Time from a GraphQL request's arrival to the end of its response.",
    ["operation_type"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
RATE_LIMIT_REFUSALS = Counter(
    "quizgraph_rate_limit_refusals",
    "Requests refused with RATE_LIMITED, by credential kind.",
    ["credential_kind"],
)
DOOR_REFUSALS = Counter(
    "quizgraph_door_refusals",
    "Requests refused at the door (before any GraphQL ran), by code.",
    ["code"],
)

_requests: dict[tuple[str, str, str, str], Counter] = {}
_durations: dict[str, Histogram] = {}
_operation_names: set[str] = set()


def observe(record: RequestRecord, kind: str, status: int, took: float) -> None:
    """Count one GraphQL request over HTTP. ``kind`` is the credential kind (the
    actor's, or what the request presented when the door refused it)."""
    if record.door_refusal is not None:
        outcome = record.door_refusal
        DOOR_REFUSALS.labels(outcome).inc()
    elif record.error_codes:
        outcome = record.error_codes[0]
    elif status >= 400:
        outcome = "INTERNAL" if status >= 500 else "BAD_USER_INPUT"
    else:
        outcome = "ok"
    operation_type = record.operation_type or "unknown"
    key = (operation_type, _bounded_name(record.operation_name), outcome, kind)
    counter = _requests.get(key)
    if counter is None:
        counter = _requests[key] = REQUESTS.labels(*key)
    counter.inc()
    histogram = _durations.get(operation_type)
    if histogram is None:
        histogram = _durations[operation_type] = DURATION.labels(operation_type)
    histogram.observe(took)
    if outcome == RATE_LIMITED:
        RATE_LIMIT_REFUSALS.labels(kind).inc()


def _bounded_name(name: str) -> str:
    if not name:
        return "unnamed"
    if name in _operation_names:
        return name
    if len(_operation_names) >= MAX_OPERATION_NAMES or not _OPERATION_NAME.fullmatch(name):
        return "other"
    _operation_names.add(name)
    return name


class LiveCollector(Collector):
    """Gauges read when scraped, from this process: open websockets, database pools."""

    def collect(self) -> Iterator[Metric]:
        yield GaugeMetricFamily(
            "quizgraph_open_websockets",
            "Websocket connections open in the answering process.",
            value=GraphQLView.open_websockets,
        )
        subscriptions = GaugeMetricFamily(
            "quizgraph_live_subscriptions",
            "Live subscriptions held in the answering process, by feed.",
            labels=["feed"],
        )
        # The hubs are read, never created, by a scrape.
        leaderboards = leaderboards_live.current_hub()
        notifications = notifications_live.current_hub()
        subscriptions.add_metric(
            ["leaderboard"], leaderboards.subscriber_count if leaderboards else 0
        )
        subscriptions.add_metric(
            ["notifications"], notifications.subscriber_count if notifications else 0
        )
        yield subscriptions
        pools = GaugeMetricFamily(
            "quizgraph_database_connections_checked_out",
            "Database connections in use from the answering process's pools.",
            labels=["dialect"],
        )
        for engine in list(db._engines.values()):
            checked_out = getattr(engine.pool, "checkedout", None)
            if checked_out is not None:
                pools.add_metric([engine.dialect.name], checked_out())
        yield pools


_live = LiveCollector()


def _registry() -> CollectorRegistry:
    if "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
        return REGISTRY
    registry = CollectorRegistry()
    MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    registry.register(_live)
    return registry


def register_live_collector() -> None:
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        return  # registered on each scrape's registry instead
    with contextlib.suppress(ValueError):  # already registered (another app: tests)
        REGISTRY.register(_live)


async def metrics_endpoint(request: Request) -> Response:
    settings = get_settings()
    if settings.metrics == "off":
        return PlainTextResponse("Not Found", status_code=404)
    if settings.metrics == "loopback" and not _from_loopback(request):
        return PlainTextResponse("Not Found", status_code=404)
    if settings.metrics == "token" and not _bearer_matches(request, settings.metrics_token):
        return PlainTextResponse(
            "Unauthorized", status_code=401, headers={"WWW-Authenticate": "Bearer"}
        )
    return Response(generate_latest(_registry()), media_type=CONTENT_TYPE_LATEST)


def _from_loopback(request: Request) -> bool:
    host = client_address(request.scope) or ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bearer_matches(request: Request, token: str | None) -> bool:
    if not token:
        return False
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip(), token)
